/**
 * String helpers with Python semantics, ported from docutils.
 *
 * docutils: statemachine.py `string2lines`, utils/__init__.py `escape2null`,
 * `split_escaped_whitespace`, nodes.py `fully_normalize_name`,
 * `whitespace_normalize_name`, `split_name_list`.
 */

/** Characters Python's `str.isspace()` / `str.split()` treat as whitespace. */
export const pyWhitespaceClass = ' \\t\\n\\v\\f\\r\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const pyWhitespaceRun = new RegExp(`[${pyWhitespaceClass}]+`, 'g')
const pyTrailingWhitespace = new RegExp(`[${pyWhitespaceClass}]+$`)
const pyLeadingWhitespace = new RegExp(`^[${pyWhitespaceClass}]+`)

/** Python `ch.isspace()` for one UTF-16 code unit. */
export function isPySpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f)) return true
  if (code < 0x85) return false
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
}

/** Python `str.split()` without arguments. */
export function pySplit(value: string): string[] {
  const trimmed = pyStrip(value)
  if (trimmed === '') return []
  return trimmed.split(pyWhitespaceRun)
}

/** Python `str.strip()`. */
export function pyStrip(value: string): string {
  return pyRstrip(pyLstrip(value))
}

/** Python `str.rstrip()`. */
export function pyRstrip(value: string): string {
  let end = value.length
  while (end > 0 && isPySpace(value.charCodeAt(end - 1))) end--
  return end === value.length ? value : value.slice(0, end)
}

/** Python `str.lstrip()`. */
export function pyLstrip(value: string): string {
  let start = 0
  while (start < value.length && isPySpace(value.charCodeAt(start))) start++
  return start === 0 ? value : value.slice(start)
}

void pyTrailingWhitespace
void pyLeadingWhitespace

/** Python `str.splitlines()` (no keepends). */
export function pySplitlines(value: string): string[] {
  const lines = value.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Python `str.expandtabs(tabWidth)` on a single line. */
export function expandTabs(line: string, tabWidth: number): string {
  if (!line.includes('\t')) return line
  let result = ''
  let column = 0
  for (const ch of line) {
    if (ch === '\t') {
      if (tabWidth > 0) {
        const spaces = tabWidth - (column % tabWidth)
        result += ' '.repeat(spaces)
        column += spaces
      }
    } else {
      result += ch
      column++
    }
  }
  return result
}

/**
 * docutils: statemachine.py `string2lines` — split into lines, expand tabs,
 * right-strip.
 *
 * @param value Input text.
 * @param tabWidth Columns between tab stops.
 * @param convertWhitespace Turn `\v` and `\f` into spaces first.
 * @returns The lines.
 */
export function string2lines(value: string, tabWidth = 8, convertWhitespace = false): string[] {
  if (convertWhitespace) value = value.replace(/[\v\f]/g, ' ')
  return pySplitlines(value).map((line) => pyRstrip(expandTabs(line, tabWidth)))
}

/** docutils: utils.escape2null — escape-backslashes → null characters. */
export function escape2null(text: string): string {
  if (text.indexOf('\\') === -1) return text // nothing to escape (most paragraphs)
  const parts: string[] = []
  let start = 0
  while (true) {
    const index = text.indexOf('\\', start)
    if (index === -1) {
      parts.push(text.slice(start))
      return parts.join('')
    }
    parts.push(text.slice(start, index), '\x00' + text.slice(index + 1, index + 2))
    start = index + 2
  }
}

/** docutils: utils.split_escaped_whitespace */
export function splitEscapedWhitespace(text: string): string[] {
  return text.split('\x00 ').flatMap((part) => part.split('\x00\n'))
}

/** docutils: nodes.fully_normalize_name */
export function fullyNormalizeName(name: string): string {
  return pySplit(name.toLowerCase()).join(' ')
}

/** docutils: nodes.whitespace_normalize_name */
export function whitespaceNormalizeName(name: string): string {
  return pySplit(name).join(' ')
}

/** docutils: nodes.split_name_list */
export function splitNameList(value: string): string[] {
  let s = value.replaceAll('\\', '\x00')
  s = s.replaceAll('\x00\x00', '\\')
  s = s.replaceAll('\x00 ', '\x00\x00')
  return s.split(' ').map((name) => name.replaceAll('\x00\x00', ' ').replaceAll('\x00', ''))
}
