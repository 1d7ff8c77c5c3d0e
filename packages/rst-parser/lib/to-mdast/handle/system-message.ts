/**
 * `system_message` → VFileMessage (+ a visible callout for level ≥ 2).
 */
import type { Nodes, RootContent } from 'mdast'
import { astext, type RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { callout } from './admonition.js'

const levelNames = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'SEVERE']

/** Message text: the first paragraph child (docutils `nodes.system_message`). */
export function reasonOf(node: RstElement): string {
  const paragraph = node.children.find((child) => child.type === 'paragraph')
  return paragraph ? astext(paragraph) : astext(node)
}

/** kebab-case rule id from `data.ruleId`, else from the docutils message type. */
function ruleIdOf(node: RstElement): string {
  if (node.data?.ruleId) return node.data.ruleId
  const type = typeof node.attributes.type === 'string' ? node.attributes.type : 'message'
  return `rst-${type.toLowerCase()}`
}

/**
 * Report a system message; render level ≥ 2 as `:::warning`/`:::danger`
 * with the original RST in a code block.
 *
 * @param state converter state.
 * @param node the system message.
 * @returns the callout, or nothing for info/debug.
 */
export function systemMessage(state: State, node: RstElement): Nodes | undefined {
  const level = Number(node.attributes.level ?? 2)
  const reason = reasonOf(node)
  // docutils reports the `line` attribute (e.g. a directive's first line); keep it as the place.
  const line = node.attributes.line
  const start = node.position?.start
  const placed: RstElement =
    typeof line === 'number' && (!start || start.line !== line)
      ? { ...node, position: { start: { line, column: 1 }, end: { line, column: 1 } } }
      : node
  const message = state.report(reason, placed, ruleIdOf(node), level)
  const first = node.children.find((child) => child.type === 'paragraph')
  const extra = node.children.filter((child) => child !== first)
  if (extra.length > 0) message.note = extra.map((child) => astext(child)).join('\n\n')
  if (level < 2 || state.options.visibleMessages === false || state.inPhrasing) return undefined
  const children: RootContent[] = [{ type: 'paragraph', children: [{ type: 'text', value: reason }] }]
  for (const child of extra) {
    if (child.type === 'literal_block') children.push({ type: 'code', lang: 'rst', meta: null, value: astext(child).replace(/\n+$/, '') })
    else children.push({ type: 'paragraph', children: [{ type: 'text', value: astext(child) }] })
  }
  const where = typeof line === 'number' ? ` (line ${line})` : ''
  const result = callout(level >= 3 ? 'danger' : 'warning', `${levelNames[level] ?? 'WARNING'}${where}`, children)
  state.patch(node, result)
  return result
}
