/**
 * `raw` → JSX (format html, well-formed) or a diagnostic.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast'
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { find, html as htmlSchema } from 'property-information'
import styleToJs from 'style-to-js'
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { astext, type RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { blockTags, listOf } from '../util/jsx.js'

/**
 * docutils `raw` node. HTML is parsed with hast-util-from-html and mapped to
 * MDX JSX; other formats are reported (nothing is dropped silently).
 *
 * @param state converter state.
 * @param node the raw node.
 * @returns JSX nodes or nothing.
 */
export function raw(state: State, node: RstElement): Nodes[] | undefined {
  const formats = listOf(node.attributes.format).map((format) => format.toLowerCase())
  const value = astext(node)
  if (!formats.includes('html')) {
    state.report(`Raw content for format "${formats.join(' ')}" is not rendered in MDX`, node, 'raw-format-unsupported', 1).note = value
    return undefined
  }
  if (state.settings.raw_enabled === false) {
    state.report('Raw HTML is disabled (`raw_enabled: false`); content dropped', node, 'raw-disabled', 2).note = value
    return undefined
  }
  const errors: string[] = []
  const tree: HastRoot = fromHtml(value, {
    fragment: true,
    onerror(error) {
      errors.push(error.reason)
    }
  })
  // HTML accepts names JSX cannot write (`<y`…>` from `a<y` b`, an attribute `-`): not HTML markup then.
  for (const child of tree.children) {
    const invalid = invalidName(child as ElementContent)
    if (invalid) errors.push(invalid)
  }
  if (errors.length > 0) {
    state.report(`Raw HTML is not well-formed (${errors[0]}); shown as code`, node, 'raw-html-malformed', 2)
    if (state.inPhrasing) return [{ type: 'inlineCode', value: value.replace(/\n/g, ' ') }]
    return [{ type: 'code', lang: 'html', meta: null, value }]
  }
  const flow = !state.inPhrasing
  const result: Nodes[] = []
  for (const child of tree.children) {
    const converted = hastToJsx(child as ElementContent, flow, state, node)
    if (converted) result.push(converted)
  }
  return result
}

function hastToJsx(node: ElementContent, flow: boolean, state: State, source: RstElement, preserve = false): Nodes | undefined {
  if (node.type === 'comment') return undefined
  if (node.type === 'text') {
    // Whitespace-significant elements: keep the text verbatim as a string expression.
    if (preserve) {
      const value = JSON.stringify(node.value)
      return flow ? { type: 'mdxFlowExpression', value } : { type: 'mdxTextExpression', value }
    }
    // HTML whitespace collapses; MDX would turn line endings inside JSX into structure.
    if (node.value.trim() === '') return flow || /[\r\n]/.test(node.value) ? undefined : { type: 'text', value: ' ' }
    const value = node.value.replace(/\s+/g, ' ')
    return flow ? { type: 'paragraph', children: [{ type: 'text', value: value.trim() }] } : { type: 'text', value }
  }
  if (node.type !== 'element') return undefined
  return elementToJsx(node, flow, state, source, preserve)
}

function elementToJsx(node: Element, flow: boolean, state: State, source: RstElement, inPreserve: boolean): Nodes {
  const preserve = inPreserve || preserveTags.has(node.tagName)
  if (node.tagName === 'script') state.report('Raw HTML `<script>` is kept, but React does not run it on client-side navigation', source, 'raw-html-script', 1)
  const attributes: MdxJsxAttribute[] = []
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || value === false) continue
    const info = find(htmlSchema, key)
    const name = jsxAttributeName(key)
    if (name === 'style' && typeof value === 'string') {
      let style: Record<string, string>
      try {
        style = styleToJs(value, { reactCompat: true }) // React writes vendor prefixes capitalised: `WebkitTransition`
      } catch (error) {
        // React needs an object; a browser would drop the declarations it cannot parse.
        state.report(`Raw HTML \`style\` attribute cannot be parsed (${String(error instanceof Error ? error.message : error).replace(/^undefined:/, 'at ')}); dropped`, source, 'raw-html-invalid-style', 2)
        continue
      }
      attributes.push({ type: 'mdxJsxAttribute', name, value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(style) } })
      continue
    }
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value === true ? null : String(value)
    attributes.push({ type: 'mdxJsxAttribute', name, value: text })
  }
  // Inside an element, text keeps inline form; flow-level children of flow elements become flow.
  const childFlow = flow && (preserve || node.children.some(containsBlock))
  const children: Nodes[] = []
  for (const child of node.children) {
    const converted = hastToJsx(child, childFlow, state, source, preserve)
    if (converted) children.push(converted)
  }
  if (flow) {
    // Only phrasing inside (`<p>text</p>`, `<h1>`, `<dt>`…): one line of text JSX in a paragraph. MDX
    // unravels a paragraph holding only JSX, so no `<p>` wraps the text (a flow element would
    // render `<p className="x"><p>text</p></p>`, which HTML parsers and React hydration reject).
    if (!childFlow && children.length > 0) {
      const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: node.tagName, attributes, children: children as PhrasingContent[] }
      return { type: 'paragraph', children: [element] }
    }
    return { type: 'mdxJsxFlowElement', name: node.tagName, attributes, children: children as never }
  }
  // A block element in running text (`:raw-html:` role, substitution) would close the paragraph
  // around it when the page is parsed as HTML (and break React hydration): render it as a `<span>`.
  let name = node.tagName
  if (blockTags.has(name) && !inPreserve) {
    state.report(`Raw HTML block element \`<${name}>\` in running text is rendered as \`<span>\``, source, 'raw-html-block-in-text', 2)
    name = 'span'
  }
  return { type: 'mdxJsxTextElement', name, attributes, children: children as never }
}

/** The JSX (React) name of a hast property: `className`, `htmlFor`, `data-*`/`aria-*` as is, else the DOM property. */
function jsxAttributeName(key: string): string {
  const info = find(htmlSchema, key)
  const name = info.attribute
  if (name === 'class') return 'className'
  if (name === 'for') return 'htmlFor'
  return name.startsWith('data-') || name.startsWith('aria-') ? name : info.property
}

/** JSX element and attribute names: an identifier that may contain `-`, optionally `prefix:` (micromark-extension-mdx-jsx). */
const jsxName = /^[A-Za-z_$][\w$-]*(?::[A-Za-z_$][\w$-]*)?$/

/** The first element or attribute name in `node` that JSX cannot write, as a reason. */
function invalidName(node: ElementContent): string | undefined {
  if (node.type !== 'element') return undefined
  if (!jsxName.test(node.tagName)) return `invalid element name \`${node.tagName}\``
  for (const key of Object.keys(node.properties)) {
    const name = jsxAttributeName(key)
    if (!jsxName.test(name)) return `invalid attribute name \`${name}\` on \`<${node.tagName}>\``
  }
  for (const child of node.children) {
    const invalid = invalidName(child)
    if (invalid) return invalid
  }
  return undefined
}

/** Whether an element is, or holds, a block-level element. */
function containsBlock(node: ElementContent): boolean {
  return node.type === 'element' && (blockTags.has(node.tagName) || node.children.some(containsBlock))
}

/** Elements whose text is whitespace-significant or not markup (kept as string expressions). */
const preserveTags = new Set(['pre', 'style', 'script', 'textarea', 'listing', 'xmp'])


export type { RootContent }
