/**
 * Admonitions → Docusaurus `:::type` container directives.
 */
import type { ContainerDirective } from 'mdast-util-directive'
import type { Nodes, Paragraph, RootContent } from 'mdast'
import type { RstElement } from '../../nodes.js'
import type { State } from '../types.js'

/** docutils admonition node → Docusaurus admonition type. */
export const admonitionTypes: Readonly<Record<string, string>> = {
  note: 'note',
  tip: 'tip',
  hint: 'tip',
  important: 'info',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  danger: 'danger',
  error: 'danger',
  admonition: 'note',
  // Sphinx
  seealso: 'info',
  todo_node: 'note'
}

/**
 * `note`, `tip`, … and generic `admonition` (its `title` becomes the label).
 *
 * @param state converter state.
 * @param node the admonition element.
 * @returns a container directive.
 */
export function admonition(state: State, node: RstElement): Nodes {
  const name = admonitionTypes[node.type] ?? 'note'
  const titleNode = node.children.find((child): child is RstElement => child.type === 'title')
  const children: RootContent[] = []
  if (titleNode) {
    const label: Paragraph = { type: 'paragraph', data: { directiveLabel: true }, children: state.phrasing(titleNode) }
    children.push(label)
  }
  children.push(...state.all({ ...node, children: node.children.filter((child) => child !== titleNode) }))
  if (children.length === (titleNode ? 1 : 0)) children.push({ type: 'paragraph', children: [] })
  const result: ContainerDirective = { type: 'containerDirective', name, attributes: {}, children: children as ContainerDirective['children'] }
  state.patch(node, result)
  return result
}

/** Build a visible callout (used for diagnostics and placeholders). */
export function callout(name: 'warning' | 'danger' | 'note' | 'info', label: string, children: RootContent[]): ContainerDirective {
  const labelNode: Paragraph = { type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: label }] }
  return { type: 'containerDirective', name, attributes: {}, children: [labelNode, ...children] as ContainerDirective['children'] }
}
