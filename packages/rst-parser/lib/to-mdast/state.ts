/**
 * Converter state: dispatch (`one`/`all`), positions, diagnostics.
 *
 * Shape copied from mdast-util-to-hast `lib/state.js`: own-property handler
 * lookup, an `unknown` fallback that reports and keeps the children.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { VFile } from 'vfile'
import { astext, isText, type RstElement, type RstNode } from '../nodes.js'
import { handlers as defaultHandlers } from './handle/index.js'
import { callout } from './handle/admonition.js'
import { buildReferences } from './references.js'
import { jsxFlow, jsxText, listOf } from './util/jsx.js'
import { getSourceLine, ownSourceLine } from '../util/node-info.js'
import type { Position } from 'unist'
import type { Handler, State, ToMdastOptions } from './types.js'

const own = {}.hasOwnProperty

/** Handlers that put `ids` on their own output (or deliberately drop them). */
const placesIds = new Set([
  'section', 'target', 'footnote', 'citation', 'figure', 'table', 'topic', 'sidebar', 'container', 'compound', 'problematic',
  'reference', 'footnote_reference', 'citation_reference', 'system_message', 'substitution_definition', 'comment', 'document'
])

/** mdast node types that are phrasing content. */
const phrasingTypes = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'linkReference',
  'imageReference', 'footnoteReference', 'html', 'mdxJsxTextElement', 'mdxTextExpression', 'inlineMath', 'textDirective'
])

export function isPhrasing(node: Nodes): node is PhrasingContent {
  return phrasingTypes.has(node.type)
}

/**
 * Create a state.
 *
 * @param tree the doctree root.
 * @param options normalised options.
 * @returns the state.
 */
export function createState(tree: RstElement, options: Readonly<ToMdastOptions>): State {
  const file = options.file ?? new VFile()
  const handlers: Record<string, Handler> = { ...defaultHandlers, ...(options.handlers ?? {}) }

  const state: State = {
    file,
    settings: options.settings ?? {},
    options,
    handlers,
    inPhrasing: false,
    sectionDepth: 1,
    references: buildReferences(tree),
    frontMatter: {},
    head: [],
    imports: new Set(),
    one(node, parent) {
      if (isText(node)) {
        // Indentation around line endings is not content (e.g. multi-line directive arguments).
        const value = textValue(node.value).replace(/[ \t]*\n[ \t]*/g, '\n')
        return value ? [{ type: 'text', value }] : []
      }
      const handler = own.call(handlers, node.type) ? handlers[node.type] : unknown
      const result = handler(state, node, parent)
      const nodes = result === undefined ? [] : Array.isArray(result) ? result : [result]
      // Elements with ids (e.g. from `:name:`) that their handler does not place get anchors.
      if (!placesIds.has(node.type) && own.call(handlers, node.type)) {
        const ids = listOf(node.attributes.ids)
        if (ids.length > 0) {
          const anchors = ids.map((id) => (state.inPhrasing ? jsxText('span', { id }) : jsxFlow('a', { id })))
          return [...anchors, ...nodes]
        }
      }
      return nodes
    },
    all(parent) {
      const previous = state.inPhrasing
      state.inPhrasing = false
      const results: RootContent[] = []
      let run: PhrasingContent[] | undefined
      for (const child of parent.children) {
        for (const node of state.one(child, parent)) {
          if (isPhrasing(node)) {
            // Phrasing at flow level (inline targets, images, raw): wrap.
            if (!run) {
              run = []
              const paragraph: Paragraph = { type: 'paragraph', children: run }
              results.push(paragraph)
            }
            run.push(node)
          } else {
            run = undefined
            results.push(node as RootContent)
          }
        }
      }
      state.inPhrasing = previous
      // Drop paragraphs that hold only whitespace.
      return results.filter((node) => !(node.type === 'paragraph' && node.children.every(isBlankText)))
    },
    phrasing(parent) {
      const previous = state.inPhrasing
      state.inPhrasing = true
      const results: PhrasingContent[] = []
      for (const child of parent.children) {
        for (const node of state.one(child, parent)) {
          if (isPhrasing(node)) results.push(node)
          else if (node.type === 'paragraph') results.push(...node.children)
          else {
            // Flow content where phrasing is required: keep its text.
            const value = toString(node)
            if (value) results.push({ type: 'text', value })
          }
        }
      }
      state.inPhrasing = previous
      return results
    },
    patch(from, to) {
      if (from.position) to.position = from.position
    },
    report(reason, node, ruleId, level = 2) {
      const place = state.placeOf(node)
      const options = { place, ruleId, source: 'rst-parser' }
      if (level < 2) return file.info(reason, options)
      const message = file.message(reason, options)
      if (level >= 3) message.fatal = true
      return message
    },
    placeOf(node) {
      return ownPlace(node) ?? linePlace(getSourceLine(node)[1])
    }
  }
  return state
}

/** docutils text → plain text: drop null-escapes (`\x00`) as `astext` does. */
export function textValue(value: string): string {
  return astext({ type: 'text', value })
}

/** A place from the node itself: `position`, docutils `node.line`, `line` attribute, or a descendant. */
function ownPlace(node: RstNode | undefined): Position | undefined {
  if (!node) return undefined
  if (node.position) return node.position
  const own = linePlace(ownSourceLine(node)?.line)
  if (own) return own
  if (!isText(node)) {
    const line = node.attributes.line
    if (typeof line === 'number') return linePlace(line)
    for (const child of node.children) {
      const place = ownPlace(child)
      if (place) return place
    }
  }
  return undefined
}

function linePlace(line: number | undefined): Position | undefined {
  return line ? { start: { line, column: 1 }, end: { line, column: 1 } } : undefined
}

function isBlankText(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

/**
 * Fallback: report, then keep the children (docutils name in the message),
 * inside a visible `:::warning` with the original RST when it is known.
 */
function unknown(state: State, node: RstElement): Nodes[] {
  const reason = `Cannot convert unknown node \`${node.type}\`; kept its content`
  state.report(reason, node, 'unknown-node', 2)
  if (state.inPhrasing) return [jsxText('span', { className: 'rst-unknown-node', title: reason }, state.phrasing(node))]
  const children = state.all(node)
  if (state.options.visibleMessages === false) return children
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const source = state.options.value
  if (source && start !== undefined && end !== undefined && end > start) {
    children.push({ type: 'code', lang: 'rst', meta: null, value: source.slice(start, end).replace(/\n+$/, '') })
  }
  return [callout('warning', `Unsupported node: ${node.type}`, children)]
}
