/**
 * docutils doctree → mdast (with MDX, GFM, directive, math and front matter nodes).
 */
import type { Root, RootContent } from 'mdast'
import { astext, isText, unescape, type RstElement, type RstNode } from '../nodes.js'
import { createState } from './state.js'
import type { State, ToMdastOptions } from './types.js'
import { jsxFlow, listOf } from './util/jsx.js'
import { getLanguage } from '../languages/index.js'
import { fullyNormalizeName } from '../util/strings.js'

/** docutils: nodes.PreBibliographic subclasses (skipped when looking for the title). */
const preBibliographic = new Set([
  'title', 'subtitle', 'meta', 'decoration', 'comment', 'substitution_definition', 'target', 'system_message', 'pending', 'raw'
])

const emptyOptions: ToMdastOptions = {}

/**
 * Convert a docutils doctree into an mdast tree for MDX.
 *
 * @param tree the `document` element from `parse()`.
 * @param options conversion options (file for diagnostics, settings, images).
 * @returns an mdast root.
 */
export function toMdast(tree: RstElement, options?: Readonly<ToMdastOptions> | null): Root {
  const settings = options ?? emptyOptions
  validate(settings)
  const state = createState(tree, settings)
  let body = tree
  // docutils: transforms/frontmatter.py DocTitle.promote_title.
  if (state.settings.doctitle_xform !== false) {
    const index = tree.children.findIndex((child) => !preBibliographic.has(child.type))
    const candidate = tree.children[index]
    if (candidate && candidate.type === 'section' && index === tree.children.length - 1) {
      const titleNode = candidate.children.find((child): child is RstElement => child.type === 'title')
      if (titleNode) {
        state.frontMatter.title = astext(titleNode).replace(/\s+/g, ' ').trim()
        body = {
          ...tree,
          children: [...tree.children.slice(0, index), ...candidate.children.filter((child) => child !== titleNode)]
        }
        const ids = listOf(candidate.attributes.ids)
        if (ids.length > 0) state.frontMatter.__anchors = ids
      }
    }
  }
  if (state.settings.docinfo_xform !== false) docinfo(state, body)
  const anchors = (state.frontMatter.__anchors as string[] | undefined) ?? []
  delete state.frontMatter.__anchors
  const content = state.all(body)
  if (settings.prepend && settings.prepend.length > 0) {
    const first = content[0]
    content.splice(first && first.type === 'heading' && first.depth === 1 ? 1 : 0, 0, ...structuredClone(settings.prepend))
  }
  for (const [key, value] of Object.entries(settings.frontMatter ?? {})) if (!(key in state.frontMatter)) state.frontMatter[key] = value
  const children: RootContent[] = []
  const keys = Object.keys(state.frontMatter)
  if (keys.length > 0) {
    children.push({ type: 'yaml', value: keys.map((key) => `${key}: ${yamlValue(state.frontMatter[key])}`).join('\n') })
  }
  for (const value of state.imports) children.push({ type: 'mdxjsEsm', value })
  if (state.head.length > 0) children.push(jsxFlow('head', {}, state.head))
  for (const id of anchors) children.push(jsxFlow('a', { id }))
  children.push(...content)
  return { type: 'root', children }
}

/**
 * Docinfo: a field list first in the body → `docinfo` front matter (still
 * rendered), plus the Docusaurus-friendly keys `authors` (list), `date` and
 * `version` where present.
 */
function docinfo(state: State, body: RstElement): void {
  const first = body.children.find((child) => !preBibliographic.has(child.type))
  if (!first || first.type !== 'field_list') return
  // docutils: DocInfo.extract_bibliographic — field names in the document's
  // language (`:Autor:` in Spanish), keyed by their canonical English name.
  const language = getLanguage(String(state.settings.language_code ?? 'en'))
  const info: Record<string, string> = {}
  const authors: string[] = []
  for (const field of first.children) {
    if (isText(field)) continue
    const name = field.children.find((child) => child.type === 'field_name')
    const value = field.children.find((child): child is RstElement => child.type === 'field_body')
    if (!name || !value) continue
    const normalized = fullyNormalizeName(astext(name))
    if (!Object.hasOwn(language.bibliographicFields, normalized)) continue
    const key = language.bibliographicFields[normalized]
    info[key] = astext(value).replace(/\s+/g, ' ').trim()
    if (key === 'author') {
      if (info.author) authors.push(info.author)
    } else if (key === 'authors') authors.push(...extractAuthors(value, language.authorSeparators))
  }
  if (Object.keys(info).length === 0) return
  state.frontMatter.docinfo = info
  if (authors.length > 0 && state.frontMatter.authors === undefined) state.frontMatter.authors = authors
  for (const key of ['date', 'version'] as const) {
    const value = info[key] ? cleanRcsKeywords(info[key]) : ''
    if (value && state.frontMatter[key] === undefined) state.frontMatter[key] = value
  }
}

/**
 * Author names of an `:Authors:` field body.
 * docutils: transforms/frontmatter.py DocInfo.extract_authors (and
 * authors_from_one_paragraph / authors_from_bullet_list / authors_from_paragraphs).
 */
function extractAuthors(body: RstElement, separators: readonly string[]): string[] {
  const items = body.children.filter((child): child is RstElement => !isText(child) && child.type !== 'comment')
  if (items.length === 1 && items[0].type === 'paragraph') {
    const text = rawText(items[0])
    // The language's `author_separators` in order (English: ';' then ','); an escaped separator does not split.
    for (let index = 0; index < separators.length; index++) {
      const names = splitUnescaped(text, separators[index])
      if (names.length > 1 || index === separators.length - 1) return names.map((name) => unescape(name).trim()).filter(Boolean)
    }
  }
  if (items.length === 1 && items[0].type === 'bullet_list') {
    return items[0].children
      .filter((item): item is RstElement => !isText(item) && item.type !== 'comment')
      .map((item) => astext(item).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
  }
  // Several paragraphs, one per author; anything else is docutils' TransformError (no authors).
  if (items.some((item) => item.type !== 'paragraph')) return []
  return items.map((item) => astext(item).replace(/\s+/g, ' ').trim()).filter(Boolean)
}

/** Text of a node keeping docutils' null escapes (`str(Text)`). */
function rawText(node: RstNode): string {
  return isText(node) ? node.value : node.children.map(rawText).join('')
}

/** Split at `separator` unless it is preceded by the null escape. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let index = 0; index < text.length; index++) {
    if (text[index] === separator && text[index - 1] !== '\x00') {
      parts.push(text.slice(start, index))
      start = index + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/** docutils: transforms/frontmatter.py DocInfo.rcs_keyword_substitutions (via utils.clean_rcs_keywords). */
function cleanRcsKeywords(text: string): string {
  const date = /\$Date: (\d\d\d\d)[-/](\d\d)[-/](\d\d)[ T][\d:]+[^$]* \$/i.exec(text)
  if (date) return text.replace(date[0], `${date[1]}-${date[2]}-${date[3]}`)
  const keyword = /\$[a-zA-Z]+: ([^$]+) \$/.exec(text)
  if (keyword) return text.replace(keyword[0], keyword[1])
  return text
}

/** YAML flow value: JSON is valid YAML. */
function yamlValue(value: unknown): string {
  return JSON.stringify(value)
}

function validate(options: Readonly<ToMdastOptions>): void {
  if (typeof options !== 'object') throw new TypeError(`Cannot use \`${String(options)}\` for \`options\`, expected object`)
  if (options.images != null && typeof options.images !== 'object') {
    throw new TypeError(`Cannot use \`${String(options.images)}\` for \`options.images\`, expected object`)
  }
  if (options.rstLinkExtension != null && typeof options.rstLinkExtension !== 'string') {
    throw new TypeError(`Cannot use \`${String(options.rstLinkExtension)}\` for \`options.rstLinkExtension\`, expected string`)
  }
  if (options.root != null && typeof options.root !== 'string') {
    throw new TypeError(`Cannot use \`${String(options.root)}\` for \`options.root\`, expected string`)
  }
}

export type { RstNode }
