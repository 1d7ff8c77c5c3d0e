/**
 * Admonitions → Docusaurus `:::type` container directives.
 */
import type { ContainerDirective } from 'mdast-util-directive'
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast'
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
    const label: Paragraph = { type: 'paragraph', data: { directiveLabel: true }, children: state.phrasing(titleNode).map(labelSafe) }
    children.push(label)
  }
  children.push(...state.all({ ...node, children: node.children.filter((child) => child !== titleNode) }))
  if (children.length === (titleNode ? 1 : 0)) children.push({ type: 'paragraph', children: [] })
  const result: ContainerDirective = { type: 'containerDirective', name, attributes: {}, children: children as ContainerDirective['children'] }
  state.patch(node, result)
  return result
}

/**
 * micromark-extension-directive finds the end of a label by counting `[` and
 * `]` that are not escaped, also inside code and math, where no escape is
 * possible: `[`list[` ``]` ends too late and `:::note` is no directive then.
 * Code or math with unbalanced brackets becomes a `<code>` element, whose
 * text the serializer escapes.
 */
function labelSafe(node: PhrasingContent): PhrasingContent {
  if ((node.type === 'inlineCode' || node.type === 'inlineMath') && !balanced(node.value)) {
    return { type: 'mdxJsxTextElement', name: 'code', attributes: [], children: [{ type: 'text', value: node.value }] }
  }
  if ('children' in node) return { ...node, children: (node.children as PhrasingContent[]).map(labelSafe) } as PhrasingContent
  return node
}

function balanced(value: string): boolean {
  let depth = 0
  for (const character of value) {
    if (character === '[') depth++
    else if (character === ']' && --depth < 0) return false
  }
  return depth === 0
}

/** Build a visible callout (used for diagnostics and placeholders). */
export function callout(name: 'warning' | 'danger' | 'note' | 'info', label: string, children: RootContent[]): ContainerDirective {
  const labelNode: Paragraph = { type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: label }] }
  return { type: 'containerDirective', name, attributes: {}, children: [labelNode, ...children] as ContainerDirective['children'] }
}
