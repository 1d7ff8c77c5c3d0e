/**
 * Builders for MDX JSX nodes (the serializer escapes everything).
 */
import type { BlockContent, DefinitionContent, Nodes, PhrasingContent, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import type { RstElement } from '../../nodes.js'

export type JsxAttributes = Record<string, string | number | boolean | null | undefined | { expression: string }>

/**
 * Turn a record into JSX attributes; `undefined`/`false` are skipped,
 * `true`/`null` give a bare attribute, `{expression}` an expression value.
 * Line endings in values (a multi-line `:alt:`) become spaces, as HTML reads
 * them, so an element stays on one line (table rows, `<dt>` lines).
 */
export function attributes(record: JsxAttributes): MdxJsxAttribute[] {
  const result: MdxJsxAttribute[] = []
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === false || value === '') continue
    if (value === true || value === null) result.push({ type: 'mdxJsxAttribute', name, value: null })
    else if (typeof value === 'object') {
      result.push({ type: 'mdxJsxAttribute', name, value: { type: 'mdxJsxAttributeValueExpression', value: value.expression } })
    } else result.push({ type: 'mdxJsxAttribute', name, value: String(value).replace(/[ \t]*\r?\n[ \t]*/g, ' ') })
  }
  return result
}

/** `<name …>` on its own lines, holding flow content. */
export function jsxFlow(name: string, record: JsxAttributes, children: RootContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(record), children: children as Array<BlockContent | DefinitionContent> }
}

/** `<name …>` inside a paragraph, holding phrasing content. */
export function jsxText(name: string, record: JsxAttributes, children: PhrasingContent[] = []): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(record), children }
}

/** docutils `classes` as a `className` value (undefined when empty). */
export function classNameOf(node: RstElement, extra: string[] = []): string | undefined {
  const classes = listOf(node.attributes.classes)
  const all = [...extra, ...classes]
  return all.length > 0 ? all.join(' ') : undefined
}

/** An attribute that holds a list (arrays, or space-separated strings from pseudo-XML). */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'string' && value) return value.split(' ')
  return []
}

/** First id of an element. */
export function firstId(node: RstElement): string | undefined {
  return listOf(node.attributes.ids)[0]
}

/**
 * A block-level JSX element holding phrasing content, serialized on one line
 * (`<dt>term *x*</dt>`), which MDX parses as a flow element without a `<p>`.
 * Line endings in text become spaces so the element stays on one line.
 */
export function inlineBlock(name: string, record: JsxAttributes, children: PhrasingContent[]): RootContent {
  for (const child of children) oneLine(child)
  return { type: 'paragraph', children: [jsxText(name, record, children)] }
}

function oneLine(node: PhrasingContent): void {
  if (node.type === 'text') node.value = node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
  if ('children' in node) {
    const children = node.children as PhrasingContent[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      if (child.type === 'break') children[index] = { type: 'text', value: ' ' }
      else oneLine(child)
    }
  }
}

/** HTML elements that are block-level (a `<p>` may not hold them). */
export const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'summary', 'caption'
])

/**
 * Is `node` a paragraph that only carries a block-level JSX element written
 * on one line (`inlineBlock`, raw `<p>…</p>`)? MDX unravels it, so it is no
 * paragraph in the page: phrasing must not be merged into it.
 */
export function isBlockParagraph(node: Nodes): boolean {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false
  const child = node.children[0]
  return child.type === 'mdxJsxTextElement' && typeof child.name === 'string' && blockTags.has(child.name)
}
