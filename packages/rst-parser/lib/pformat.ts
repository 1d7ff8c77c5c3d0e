/**
 * docutils pseudo-XML (`document.pformat()`), byte for byte.
 *
 * docutils: nodes.py `Element.pformat`, `Element.starttag`, `Text.pformat`,
 * `pending.pformat`, `serial_escape`. Used by conformance tests and by
 * `rst2mdx --to pseudoxml`.
 */
import { isText, listAttributes, unescape, type AttributeValue, type RstNode } from './nodes.js'

const indentUnit = '    '

export function toPseudoXml(tree: RstNode): string {
  const out: string[] = []
  one(tree, 0, out)
  return out.join('')
}

function one(node: RstNode, level: number, out: string[]): void {
  const indent = indentUnit.repeat(level)
  if (isText(node)) {
    // docutils: Text.pformat → astext().splitlines()
    const lines = splitlines(unescape(node.value))
    for (const line of lines) out.push(indent + line + '\n')
    return
  }
  out.push(indent + starttag(node.type, node.attributes) + '\n')
  for (const child of node.children) one(child, level + 1, out)
  if (node.type === 'pending' && node.data) pendingInternals(node.data, indent, out)
}

export function starttag(type: string, attributes: Record<string, AttributeValue | undefined>): string {
  const parts = [type]
  const names = Object.keys(attributes).filter((name) => {
    const value = attributes[name]
    if (value === undefined) return false
    if (Array.isArray(value) && value.length === 0 && listAttributes.has(name)) return false
    return true
  })
  names.sort(compareCodePoints)
  for (const name of names) {
    const value = attributes[name]
    if (value === null) {
      parts.push(`${name}="True"`)
      continue
    }
    parts.push(`${name}="${attributeString(value as Exclude<AttributeValue, null>)}"`)
  }
  return `<${parts.join(' ')}>`
}

function attributeString(value: Exclude<AttributeValue, null>): string {
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (Array.isArray(value)) return value.map((v) => serialEscape(String(v))).join(' ')
  return String(value)
}

/** docutils: nodes.serial_escape */
function serialEscape(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll(' ', '\\ ')
}

/** Python `str.splitlines()` (without keepends). */
export function splitlines(value: string): string[] {
  const lines = value.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * docutils: `pending.pformat`. `data.transform` is `module.Class`;
 * `data.details` values are either nodes or Python reprs already rendered
 * by the creator (`data.detailReprs`), to keep this printer free of Python
 * semantics.
 */
function pendingInternals(data: Record<string, unknown>, indent: string, out: string[]): void {
  const internals = ['.. internal attributes:', `     .transform: ${String(data.transform)}`, '     .details:']
  const details = (data.details ?? {}) as Record<string, unknown>
  for (const key of Object.keys(details).sort(compareCodePoints)) {
    const value = details[key]
    if (isNode(value)) {
      internals.push(`       ${key}:`)
      for (const line of splitlines(toPseudoXml(value))) internals.push(`         ${line}`)
    } else if (Array.isArray(value) && value.length > 0 && isNode(value[0])) {
      internals.push(`       ${key}:`)
      for (const v of value as RstNode[]) for (const line of splitlines(toPseudoXml(v))) internals.push(`         ${line}`)
    } else {
      internals.push(`       ${key}: ${pythonRepr(value)}`)
    }
  }
  for (const line of internals) out.push(`    ${indent}${line}\n`)
}

function isNode(value: unknown): value is RstNode {
  return typeof value === 'object' && value !== null && 'type' in value && ('children' in value || 'value' in value)
}

/** Enough of Python's `repr` for pending details (str, int, bool, None, list, dict). */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return pythonStringRepr(value)
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record).map((k) => `${pythonStringRepr(k)}: ${pythonRepr(record[k])}`).join(', ')}}`
  }
  return String(value)
}

function pythonStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  let result = quote
  for (const ch of value) {
    if (ch === quote || ch === '\\') result += '\\' + ch
    else if (ch === '\n') result += '\\n'
    else if (ch === '\r') result += '\\r'
    else if (ch === '\t') result += '\\t'
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) result += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0')
    else result += ch
  }
  return result + quote
}
