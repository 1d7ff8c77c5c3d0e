/**
 * Inline (phrasing) nodes: docutils roles and inline markup.
 */
import type { Nodes, PhrasingContent } from 'mdast'
import { astext, type RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { classNameOf, jsxText, listOf } from '../util/jsx.js'

/** `paragraph` → paragraph. */
export function paragraph(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'paragraph', children: state.phrasing(node) }
  state.patch(node, result)
  return result
}

/** `emphasis` → emphasis. */
export function emphasis(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'emphasis', children: state.phrasing(node) }
  state.patch(node, result)
  return result
}

/** `strong` → strong. */
export function strong(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'strong', children: state.phrasing(node) }
  state.patch(node, result)
  return result
}

/** `literal` → inline code (line endings become spaces, as in Markdown). */
export function literal(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'inlineCode', value: astext(node).replace(/\r?\n/g, ' ') }
  state.patch(node, result)
  return result
}

/** Build a handler that maps an inline docutils node to a JSX text element. */
function jsxInline(name: string, title?: (node: RstElement) => string | undefined) {
  return (state: State, node: RstElement): Nodes => {
    const result = jsxText(name, { className: classNameOf(node), title: title?.(node) }, state.phrasing(node))
    state.patch(node, result)
    return result
  }
}

/** `subscript` → `<sub>`. */
export const subscript = jsxInline('sub')
/** `superscript` → `<sup>`. */
export const superscript = jsxInline('sup')
/** `title_reference` → `<cite>`. */
export const titleReference = jsxInline('cite')
/** `abbreviation` → `<abbr>`. */
export const abbreviation = jsxInline('abbr', (node) => stringAttribute(node, 'explanation'))
/** `acronym` → `<abbr>`. */
export const acronym = jsxInline('abbr', (node) => stringAttribute(node, 'explanation'))

/** `inline` (custom roles, `:class:`) → `<span className>`, or its content when unclassed. */
export function inline(state: State, node: RstElement): PhrasingContent[] | Nodes {
  const children = state.phrasing(node)
  const className = classNameOf(node)
  if (!className) return children
  const result = jsxText('span', { className }, children)
  state.patch(node, result)
  return result
}

/** `generated` → its content. */
export function generated(state: State, node: RstElement): PhrasingContent[] {
  return state.phrasing(node)
}

/** `problematic` → a marked span holding the source text. */
export function problematic(state: State, node: RstElement): Nodes {
  const refid = stringAttribute(node, 'refid')
  const result = jsxText('span', { className: 'rst-problematic', id: listOf(node.attributes.ids)[0], 'data-refid': refid }, state.phrasing(node))
  state.patch(node, result)
  return result
}

/**
 * `math` → inline math. Line endings (a role spanning lines) become spaces,
 * as LaTeX reads them: Docusaurus renders inline code holding a line ending
 * as a code *block*, which may not sit inside a paragraph.
 */
export function math(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'inlineMath', value: astext(node).replace(/[ \t]*\n[ \t]*/g, ' ') }
  state.patch(node, result)
  return result
}

/**
 * `math_block` → display math. Like docutils (`utils/math` `pick_math_environment`), code with a
 * line break `\\` outside environments is multi-line: docutils sets it in `align*`; KaTeX (display
 * mode) needs the equivalent `aligned` environment for `\\` and `&`.
 */
export function mathBlock(state: State, node: RstElement): Nodes[] {
  const code = astext(node).replace(/\n+$/, '')
  const value = toplevelCode(code).includes('\\\\') ? `\\begin{aligned}\n${code}\n\\end{aligned}` : code
  const result: Nodes = { type: 'math', value }
  state.patch(node, result)
  return [result]
}

/** docutils: utils/math/__init__.py `toplevel_code` (environments stripped out). */
function toplevelCode(code: string): string {
  return code
    .split('\\begin{')
    .map((chunk) => chunk.split('\\end{').at(-1))
    .join('\\begin{')
}

function stringAttribute(node: RstElement, name: string): string | undefined {
  const value = node.attributes[name]
  return typeof value === 'string' ? value : undefined
}
