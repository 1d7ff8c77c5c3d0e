/**
 * Text preservation check: every word of the doctree's text must reach the
 * MDX (as parsed back by MDX) or a diagnostic.
 */
import { createProcessor } from '@mdx-js/mdx'
import type { Nodes } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import type { VFile } from 'vfile'
import { astext, isText, type RstElement, type RstNode } from '../../lib/nodes.js'

const mdxParser = createProcessor({ remarkPlugins: [remarkGfm, remarkDirective, remarkMath] })

/** Words (letters/digits) of a string. */
export function words(value: string): string[] {
  return value.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Text of the doctree that must survive (comments and unused substitution definitions are not rendered, as in docutils). */
function keptText(node: RstNode, out: string[]): void {
  if (isText(node)) {
    out.push(astext(node))
    return
  }
  // A substitution reference is replaced by its definition's content, by design.
  if (node.type === 'comment' || node.type === 'substitution_definition' || node.type === 'substitution_reference') return
  // Line numbers of `:number-lines:` code become `showLineNumbers` (the site numbers the lines).
  if (node.type === 'inline' && [node.attributes.classes].flat().includes('ln')) return
  // An option is written as one code span: `-i` + argument `mport` (empty delimiter) is the word `import`.
  if (node.type === 'option') {
    out.push(node.children.map((part) => (part.type === 'option_argument' && !isText(part) ? String(part.attributes.delimiter ?? ' ') : '') + astext(part)).join(''))
    return
  }
  // Raw HTML: its text must survive, its markup becomes JSX (`class` → `className`) and character references are decoded.
  if (node.type === 'raw') {
    out.push(astext(node).replace(/<[^>]*>/g, ' ').replace(/&(?:#x?[\da-f]+|[a-z][a-z\d]*);/gi, ' '))
    return
  }
  for (const child of (node as RstElement).children) keptText(child, out)
}

/** All text of parsed MDX: text, code, math, JSX attribute values, front matter. */
function mdxText(node: Nodes, out: string[]): void {
  if ('value' in node && typeof node.value === 'string') out.push(node.value)
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attribute of node.attributes) if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') out.push(attribute.value)
  }
  if ('children' in node) for (const child of node.children) mdxText(child as Nodes, out)
}

/**
 * Words of `file.data.tree` missing from `file.value` and its messages.
 *
 * @param file result of `rstToMdx`.
 * @returns the missing words (empty when all are kept).
 */
export function missingWords(file: VFile): string[] {
  const tree = file.data.tree as RstElement
  const expected: string[] = []
  keptText(tree, expected)
  const body = String(file.value).replace(/^---\n[\s\S]*?\n---\n/, '')
  const found: string[] = [String(file.value)]
  mdxText(mdxParser.parse(body) as Nodes, found)
  for (const message of file.messages) found.push(message.reason, message.note ?? '')
  const available = new Set(words(found.join(' ')))
  return [...new Set(words(expected.join(' ')))].filter((item) => !available.has(item))
}
