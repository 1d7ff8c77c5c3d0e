/**
 * `literal_block`, `doctest_block` → fenced code.
 */
import type { Code, Nodes } from 'mdast'
import { astext, isText, type RstElement, type RstNode } from '../../nodes.js'
import type { State } from '../types.js'
import { listOf } from '../util/jsx.js'

/** docutils `code` directive classes (`code python`) or Sphinx `language` → fence language. */
export function languageOf(node: RstElement): string | null {
  const language = node.attributes.language
  if (typeof language === 'string' && language && language !== 'default' && language !== 'none') return language
  const classes = listOf(node.attributes.classes)
  const index = classes.indexOf('code')
  if (index !== -1) {
    const candidate = classes.slice(index + 1).find((name) => name !== 'ln' && name !== 'code')
    if (candidate) return candidate
  }
  return null
}

/** Text of a code block without docutils' line-number spans (`inline classes="ln"`). */
function codeText(node: RstNode): string {
  if (isText(node)) return astext(node)
  if (node.type === 'inline' && listOf(node.attributes.classes).includes('ln')) return ''
  return node.children.map(codeText).join('')
}

/**
 * `literal_block` → code. Meta: `title="…"` (Sphinx caption), `{1,3-4}`
 * (emphasised lines), `showLineNumbers` (`:number-lines:` / `linenos`).
 *
 * @param state converter state.
 * @param node the literal block.
 * @param caption optional caption (from a captioned container).
 * @returns a code node.
 */
export function literalBlock(state: State, node: RstElement, _parent?: RstElement, caption?: string): Nodes {
  const meta: string[] = []
  if (caption) meta.push(`title=${JSON.stringify(caption)}`)
  const highlight = node.attributes.highlight_args
  const lines = highlightLines(node.attributes.emphasize_lines ?? (highlight as Record<string, unknown> | undefined))
  if (lines) meta.push(`{${lines}}`)
  const numbered =
    node.attributes.linenos !== undefined ||
    node.children.some((child) => child.type === 'inline' && listOf(child.attributes.classes).includes('ln'))
  if (numbered) meta.push('showLineNumbers')
  const result: Code = {
    type: 'code',
    // The fence's meta is written only after a language: `text` when there is none.
    lang: node.type === 'doctest_block' ? 'pycon' : languageOf(node) ?? (meta.length > 0 ? 'text' : null),
    meta: meta.length > 0 ? meta.join(' ') : null,
    value: codeText(node).replace(/\n+$/, '')
  }
  state.patch(node, result)
  return result
}

function highlightLines(value: unknown): string | undefined {
  let list: unknown = value
  if (value && typeof value === 'object' && !Array.isArray(value)) list = (value as Record<string, unknown>).hl_lines
  if (typeof list === 'string') return /^[\d,\s-]+$/.test(list) ? list.replace(/\s+/g, '') : undefined
  if (!Array.isArray(list) || list.length === 0) return undefined
  return list.map(Number).filter(Number.isFinite).join(',')
}

/** `doctest_block` → ```pycon. */
export function doctestBlock(state: State, node: RstElement): Nodes {
  return literalBlock(state, node)
}
