/**
 * Small Python-compatible string helpers used by the directive ports.
 *
 * docutils relies on Python `str` semantics (`split()`, `strip()`, `int()`,
 * `repr()`); these reproduce the parts the directives need.
 */

import { QuietError } from '../util/quiet-error.js'
import { isPySpace, pySplit } from '../util/strings.js'

/** Python `str.split(None, maxsplit)`. */
export function pySplitMax(value: string, maxsplit: number): string[] {
  if (maxsplit < 0) return pySplit(value)
  const result: string[] = []
  let index = 0
  const length = value.length
  while (index < length) {
    while (index < length && isPySpace(value.charCodeAt(index))) index++
    if (index >= length) break
    if (result.length === maxsplit) {
      // the rest, left-stripped only (as Python does)
      result.push(value.slice(index))
      return result
    }
    const start = index
    while (index < length && !isPySpace(value.charCodeAt(index))) index++
    result.push(value.slice(start, index))
  }
  return result
}

/** Python `repr(str)`. */
export function pyStrRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  let result = quote
  for (const ch of value) {
    const code = ch.codePointAt(0)!
    if (ch === quote || ch === '\\') result += '\\' + ch
    else if (ch === '\n') result += '\\n'
    else if (ch === '\r') result += '\\r'
    else if (ch === '\t') result += '\\t'
    else if (code < 0x20 || code === 0x7f) result += '\\x' + code.toString(16).padStart(2, '0')
    else if (code >= 0x80 && code < 0xa0) result += '\\x' + code.toString(16).padStart(2, '0')
    else if (code === 0xad) result += '\\xad'
    else result += ch
  }
  return result + quote
}

/** Python `repr()` for the values directives store (str, int, float, bool, None, list, dict). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (value instanceof PyFloat) return pyFloatRepr(value.value)
  if (typeof value === 'string') return pyStrRepr(value)
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .map((key) => `${pyStrRepr(key)}: ${pyRepr(record[key])}`)
      .join(', ')}}`
  }
  return String(value)
}

/** Marker for a Python float (so `repr` prints `2.0`, not `2`). */
export class PyFloat {
  constructor(public readonly value: number) {}
}

/** Python `repr(float)`. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const abs = Math.abs(value)
  if (abs >= 1e16 || abs < 1e-4) {
    // Python: shortest repr in exponent form, e.g. 1e+16, 1.5e-05
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string]
    const sign = exponent.startsWith('-') ? '-' : '+'
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0')
    return `${mantissa}e${sign}${digits}`
  }
  const text = String(value)
  return text.includes('.') || text.includes('e') ? text : text + '.0'
}

/**
 * Raised by conversion functions: Python `ValueError`. Always caught and
 * reported by its message, so no stack trace is captured (invalid `:rfc:` /
 * `:pep:` role numbers and option values were measured hot).
 */
export class PyValueError extends QuietError {
  override name = 'ValueError'
}

/** Raised by conversion functions: Python `TypeError` (no stack trace, as `PyValueError`). */
export class PyTypeError extends QuietError {
  override name = 'TypeError'
}

const intPattern = /^[ \t\n\v\f\r\x1c-\x1f\x85\xa0]*([+-]?)((?:\d(?:_?\d)*))[ \t\n\v\f\r\x1c-\x1f\x85\xa0]*$/u

/**
 * Python `int(value)` for a string (base 10).
 *
 * @param value
 *   Option argument (`undefined` is Python `None`).
 * @returns
 *   The integer.
 */
export function pyInt(value: string | undefined | null): number {
  if (value === undefined || value === null) {
    throw new PyTypeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
  }
  // Only ASCII: no other Unicode decimal digits to translate.
  const normalized = isAscii(value) ? value : value.replace(/\p{Nd}/gu, (digit) => {
    // Unicode decimal digits count as digits in Python's int()
    const code = digit.codePointAt(0)!
    if (code <= 0x39) return digit
    return String(unicodeDigitValue(code))
  })
  const match = intPattern.exec(normalized)
  if (!match) throw new PyValueError(`invalid literal for int() with base 10: ${pyStrRepr(value)}`)
  const number = Number.parseInt(match[1]! + match[2]!.replaceAll('_', ''), 10)
  return number === 0 ? 0 : number
}

function isAscii(value: string): boolean {
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) > 0x7f) return false
  return true
}

/** Value of a Unicode decimal digit (Nd): digits come in contiguous runs of ten. */
function unicodeDigitValue(code: number): number {
  let zero = code
  while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero--
  return (code - zero) % 10
}
