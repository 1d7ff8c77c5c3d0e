/**
 * Body containers: block quotes, topics, sidebars, containers, compounds.
 */
import type { Blockquote, Nodes, RootContent } from 'mdast'
import { isText, type RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { classNameOf, firstId, jsxFlow, listOf } from '../util/jsx.js'
import { literalBlock } from './literal-block.js'

/** `block_quote` → blockquote; `attribution` → a final “— name” paragraph. */
export function blockQuote(state: State, node: RstElement): Nodes {
  const result: Blockquote = { type: 'blockquote', children: state.all(node) as Blockquote['children'] }
  state.patch(node, result)
  return result
}

/** `attribution` → “— name”. */
export function attribution(state: State, node: RstElement): Nodes {
  return { type: 'paragraph', children: [{ type: 'text', value: '\u2014 ' }, ...state.phrasing(node)] }
}

/** A titled JSX block: `<tag className>` with a bold title paragraph first. */
function titled(tag: string, baseClass: string) {
  return (state: State, node: RstElement): Nodes | Nodes[] => {
    const titleNode = node.children.find((child): child is RstElement => child.type === 'title')
    const subtitleNode = node.children.find((child): child is RstElement => child.type === 'subtitle')
    const children: RootContent[] = []
    if (titleNode) children.push({ type: 'paragraph', children: [{ type: 'strong', children: state.phrasing(titleNode) }] })
    if (subtitleNode) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: state.phrasing(subtitleNode) }] })
    children.push(...state.all({ ...node, children: node.children.filter((child) => child !== titleNode && child !== subtitleNode) }))
    const result = jsxFlow(tag, { id: firstId(node), className: classNameOf(node, [baseClass]) }, children)
    state.patch(node, result)
    return result
  }
}

const topicBlock = titled('div', 'topic')

/** `topic` → `<div className="topic">`; a `contents` topic → Docusaurus `<TOCInline>`. */
export function topic(state: State, node: RstElement): Nodes | Nodes[] {
  if (listOf(node.attributes.classes).includes('contents')) {
    state.imports.add("import TOCInline from '@theme/TOCInline';")
    const titleNode = node.children.find((child): child is RstElement => child.type === 'title')
    const result: RootContent[] = []
    if (titleNode) result.push({ type: 'paragraph', children: [{ type: 'strong', children: state.phrasing(titleNode) }] })
    result.push(jsxFlow('TOCInline', { toc: { expression: 'toc' } }))
    return result
  }
  return topicBlock(state, node)
}

/** `sidebar` → `<aside className="sidebar">`. */
export const sidebar = titled('aside', 'sidebar')

/** `container` → `<div className="…">`. */
export const container = (state: State, node: RstElement): Nodes | Nodes[] => {
  // Sphinx: a captioned code block is `container literal_block=True` with caption + literal_block.
  if (node.attributes.literal_block !== undefined) {
    const caption = node.children.find((child): child is RstElement => child.type === 'caption')
    const code = node.children.find((child): child is RstElement => child.type === 'literal_block')
    if (code) return literalBlock(state, code, node, caption ? astextOf(caption) : undefined)
  }
  const result = jsxFlow('div', { id: firstId(node), className: classNameOf(node) }, state.all(node))
  state.patch(node, result)
  return result
}

/** `compound` → `<div className="compound">`. */
export const compound = titled('div', 'compound')

/** `decoration`/`header`/`footer` → `<div className="header|footer">`. */
export function decoration(state: State, node: RstElement): Nodes | Nodes[] {
  if (node.type === 'decoration') return state.all(node)
  const result = jsxFlow('div', { className: classNameOf(node, [node.type]) }, state.all(node))
  state.patch(node, result)
  return result
}

function astextOf(node: RstElement): string {
  return node.children.map((child) => (isText(child) ? child.value : astextOf(child))).join('').replaceAll('\x00', '')
}
