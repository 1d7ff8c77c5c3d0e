import type { Heading, Nodes, PhrasingContent, RootContent } from 'mdast'
import type { RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { jsxFlow, listOf } from '../util/jsx.js'

/**
 * docutils `section` → heading (with an explicit `{/* #id *\/}` id) + content.
 *
 * @param state converter state.
 * @param node the section.
 * @returns heading, anchors for extra ids, and the converted body.
 */
export function section(state: State, node: RstElement): Nodes[] {
  const ids = listOf(node.attributes.ids)
  const titleNode = node.children.find((child): child is RstElement => child.type === 'title')
  const results: RootContent[] = []
  // Extra ids (from targets just before the title) stay reachable.
  for (const id of ids.slice(1)) results.push(jsxFlow('a', { id }))
  const depth = Math.min(6, state.sectionDepth + 1) as Heading['depth']
  const children: PhrasingContent[] = titleNode ? state.phrasing(titleNode) : []
  trimEnd(children)
  if (ids[0]) {
    if (children.length > 0) children.push({ type: 'text', value: ' ' })
    children.push({ type: 'mdxTextExpression', value: `/* #${ids[0]} */` })
  }
  const heading: Heading = { type: 'heading', depth, children }
  if (titleNode) state.patch(titleNode, heading)
  results.push(heading)
  state.sectionDepth++
  const body: RstElement = { ...node, children: node.children.filter((child) => child !== titleNode) }
  results.push(...state.all(body))
  state.sectionDepth--
  return results
}

/** Heading text must not end in whitespace before the id expression. */
export function trimEnd(children: PhrasingContent[]): void {
  const last = children.at(-1)
  if (last && last.type === 'text') {
    last.value = last.value.replace(/\s+$/, '')
    if (!last.value) children.pop()
  }
}

/**
 * A `title` outside a section (stray, e.g. after the title was used): bold paragraph.
 */
export function title(state: State, node: RstElement): Nodes {
  return { type: 'paragraph', children: [{ type: 'strong', children: state.phrasing(node) }] }
}

/** `subtitle`/`rubric`: a bold paragraph. */
export function rubric(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'paragraph', children: [{ type: 'strong', children: state.phrasing(node) }] }
  state.patch(node, result)
  return result
}

/** `transition` → thematic break. */
export function transition(state: State, node: RstElement): Nodes {
  const result: Nodes = { type: 'thematicBreak' }
  state.patch(node, result)
  return result
}
