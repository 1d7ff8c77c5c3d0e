/**
 * String helpers with Python semantics, ported from docutils.
 *
 * docutils: statemachine.py `string2lines`, utils/__init__.py `escape2null`,
 * `split_escaped_whitespace`, nodes.py `fully_normalize_name`,
 * `whitespace_normalize_name`, `split_name_list`.
 */

/*
 * Lines and texts reach the hot string sites in several representations
 * (sliced from the input, sequential copies, cons strings from
 * concatenations, thin strings after internalization; one- and two-byte).
 * At a site that sees more than four of them, `s.length` and
 * `s.charCodeAt(i)` become megamorphic property loads (a stub-cache lookup
 * per access) and `charCodeAt` an out-of-line call. Calling the builtin
 * through `.call` on a known function lets TurboFan inline it behind one
 * string check, and `'' + s` types its result as a string so that its
 * `length` is a plain field load (measured 2–5× faster per access at such
 * sites). Use the helpers below only where a site is hot and sees many kinds.
 */
const charCodeAtFn = String.prototype.charCodeAt
const sliceFn = String.prototype.slice

/**
 * `s.charCodeAt(index)` without a megamorphic method load (see above), for
 * `0 <= index < s.length` only: the inlined access deoptimizes on an index
 * out of range, and then every later compilation of this one shared call
 * site falls back to calling the builtin (`codeAtOrNaN` for other indices).
 */
export function codeAt(s: string, index: number): number {
  return charCodeAtFn.call(s, index)
}

/** `s.charCodeAt(index)` (NaN out of range) for `index >= 0` that may be `>= s.length` (see `codeAt`). */
export function codeAtOrNaN(s: string, index: number): number {
  return index < lengthOf(s) ? charCodeAtFn.call(s, index) : Number.NaN
}

/** `s.length` without a megamorphic property load (see above). */
export function lengthOf(s: string): number {
  return ('' + s).length
}

/** `s.slice(start, end)` without a megamorphic method load (see above). */
export function sliceOf(s: string, start: number, end?: number): string {
  return sliceFn.call(s, start, end)
}

/** Characters Python's `str.isspace()` / `str.split()` treat as whitespace. */
export const pyWhitespaceClass = ' \\t\\n\\v\\f\\r\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const pyTrailingWhitespace = new RegExp(`[${pyWhitespaceClass}]+$`)
const pyLeadingWhitespace = new RegExp(`^[${pyWhitespaceClass}]+`)

/**
 * JS whitespace for one UTF-16 code unit: what `\s` matches and
 * `String.prototype.trim` removes (WhiteSpace and LineTerminator; unlike
 * Python, not U+001C–U+001F or U+0085).
 */
export function isJsSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** Python `ch.isspace()` for one UTF-16 code unit. */
export function isPySpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f)) return true
  if (code < 0x85) return false
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
}

/** Python `str.split()` without arguments (one scan, no strip copy, no regex). */
export function pySplit(value: string): string[] {
  const result: string[] = []
  const length = lengthOf(value)
  let index = 0
  while (index < length) {
    while (index < length && isPySpace(codeAt(value, index))) index++
    if (index >= length) break
    const start = index
    while (index < length && !isPySpace(codeAt(value, index))) index++
    result.push(start === 0 && index === length ? value : sliceOf(value, start, index))
  }
  return result
}

/** Python `not value.strip()`: empty or only whitespace (no stripped copy). */
export function isPyBlank(value: string): boolean {
  const length = lengthOf(value)
  for (let index = 0; index < length; index++) if (!isPySpace(codeAt(value, index))) return false
  return true
}

/** Python `str.strip()`. */
export function pyStrip(value: string): string {
  return pyRstrip(pyLstrip(value))
}

/** Python `str.rstrip()`. */
export function pyRstrip(value: string): string {
  const length = lengthOf(value)
  let end = length
  while (end > 0 && isPySpace(codeAt(value, end - 1))) end--
  return end === length ? value : sliceOf(value, 0, end)
}

/** Python `str.lstrip()`. */
export function pyLstrip(value: string): string {
  const length = lengthOf(value)
  let start = 0
  while (start < length && isPySpace(codeAt(value, start))) start++
  return start === 0 ? value : sliceOf(value, start)
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
export function string2lines(value: string, tabWidth = 8, convertWhitespace = false, table?: LineTable): string[] {
  if (table !== undefined) {
    table.starts.push(0)
    if (!convertWhitespace) throw new Error('string2lines: a line table needs convertWhitespace (positions split like docutils after conversion)')
  }
  // Nearly every input breaks lines with `\n` only: then native `indexOf`
  // scans find the breaks and the tabs (several times faster than the loop below).
  if (!hasRareBreaks(value, convertWhitespace)) return string2linesLf(value, tabWidth, convertWhitespace, table)
  // One pass over the input instead of `replace` + `split` + `map` (three
  // copies of the whole document): find the line breaks of `splitlines`,
  // noting whether the line holds a tab (or `\v`/`\f` to convert), and
  // slice each line once. `\v`/`\f` only break lines when not converted.
  const lines: string[] = []
  const length = value.length
  let start = 0
  let special = false
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index)
    // Nearly every character is printable ASCII or above the separators.
    if (code > 0x1e && code !== 0x85 && code !== 0x2028 && code !== 0x2029) continue
    if (code > 0x0d && code < 0x1c) continue
    if (code === 0x09) {
      special = true
      continue
    }
    if (code === 0x0b || code === 0x0c) {
      if (convertWhitespace) {
        special = true
        continue
      }
    } else if (code < 0x0a) {
      continue
    }
    lines.push(finishLine(value.slice(start, index), special, tabWidth, convertWhitespace))
    if (table !== undefined) table.ends.push(index)
    if (code === 0x0d && value.charCodeAt(index + 1) === 0x0a) index++
    start = index + 1
    if (table !== undefined) table.starts.push(start)
    special = false
  }
  if (start < length) lines.push(finishLine(value.slice(start), special, tabWidth, convertWhitespace))
  if (table !== undefined) table.ends.push(length)
  return lines
}

/**
 * Whether `value` holds a character `splitlines` breaks at other than `\n`
 * (`\v`/`\f` too unless they are converted to spaces).
 */
function hasRareBreaks(value: string, convertWhitespace: boolean): boolean {
  return value.indexOf('\r') !== -1 || value.indexOf('\x1c') !== -1 || value.indexOf('\x1d') !== -1 ||
    value.indexOf('\x1e') !== -1 || value.indexOf('\x85') !== -1 || value.indexOf('\u2028') !== -1 ||
    value.indexOf('\u2029') !== -1 || (!convertWhitespace && (value.indexOf('\v') !== -1 || value.indexOf('\f') !== -1))
}

/** `value.indexOf(search, from)`, or `value.length` when absent. */
function indexOrEnd(value: string, search: string, from: number): number {
  const index = value.indexOf(search, from)
  return index === -1 ? value.length : index
}

/**
 * `string2lines` of a text whose only line separator is `\n` (same lines and
 * line table): native `split` makes the line array at its exact size (no
 * growth copies; the array lives through the whole parse), then the few lines
 * with a tab / `\v` / `\f` (found by `indexOf` scans, one cursor per
 * character: linear) or trailing whitespace are replaced in place. The line
 * table's arrays are made at their exact size too.
 */
function string2linesLf(value: string, tabWidth: number, convertWhitespace: boolean, table: LineTable | undefined): string[] {
  const lines = value.split('\n')
  const count = lines.length // breaks + 1: the table's size (a trailing break gives a last, empty line)
  const length = value.length
  const lastEmpty = lines[count - 1]!.length === 0 // before rstrip: a last line of spaces is kept (as "")
  if (table !== undefined) {
    const starts = new Array<number>(count)
    const ends = new Array<number>(count)
    let start = 0
    for (let index = 0; index < count; index++) {
      starts[index] = start
      start += lengthOf(lines[index]!)
      ends[index] = start
      start++
    }
    table.starts = starts
    table.ends = ends
  }
  // Lines changed below (expanded, converted or right-stripped), in order: see `verbatimLines`.
  const changed: number[] = []
  // The next tab / `\v` / `\f` at or after the current line's start (`length`: none; `\v`/`\f` only when converted).
  let nextTab = indexOrEnd(value, '\t', 0)
  let nextVt = convertWhitespace ? indexOrEnd(value, '\v', 0) : length
  let nextFf = convertWhitespace ? indexOrEnd(value, '\f', 0) : length
  let lineEnd = -1
  for (let index = 0; index < count; index++) {
    const line = lines[index]!
    const lineLength = lengthOf(line)
    lineEnd += lineLength + 1 // offset of this line's break (or `length` for the last line)
    const special = nextTab < lineEnd || nextVt < lineEnd || nextFf < lineEnd
    if (special) {
      lines[index] = finishLine(line, true, tabWidth, convertWhitespace)
      changed.push(index)
      if (nextTab < lineEnd) nextTab = indexOrEnd(value, '\t', lineEnd + 1)
      if (nextVt < lineEnd) nextVt = indexOrEnd(value, '\v', lineEnd + 1)
      if (nextFf < lineEnd) nextFf = indexOrEnd(value, '\f', lineEnd + 1)
    } else if (lineLength !== 0 && isPySpace(codeAt(line, lineLength - 1))) {
      lines[index] = pyRstrip(line)
      changed.push(index)
    }
  }
  // `splitlines` gives no last, empty line after a trailing break (nor a line for an empty text).
  if (lastEmpty) lines.pop()
  if (table !== undefined) verbatim.set(lines, { text: value, starts: table.starts, ends: table.ends, changed })
  return lines
}

/**
 * The text a line array of `string2lines` was split from, for taking runs of
 * its lines as one slice of the text instead of joining them: `lines[i]` is
 * `text.slice(starts[i], ends[i])` unless `i` is in `changed` (ascending), and
 * lines are separated by exactly one `\n` in `text`. Recorded only for arrays
 * made with a line table from a text whose only line separator is `\n`; the
 * array must not be changed afterwards (the state machine shares it
 * copy-on-write: `StringList.sharing`).
 */
export interface VerbatimLines {
  readonly text: string
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly changed: readonly number[]
}

/**
 * Records by line array. A record must not refer to its array: V8's scavenges
 * do not clear a `WeakMap` entry whose value refers to its key (only a full GC
 * does); with such a record every parse's line array, line strings, line table
 * and record were promoted to the old generation (measured: ≈ 2 MB per
 * docutils-docs pass with positions, 0.2 MB without the reference).
 */
const verbatim = new WeakMap<readonly string[], VerbatimLines>()

/** The `VerbatimLines` record of an array returned by `string2lines`, if it has one. */
export function verbatimLines(lines: readonly string[]): VerbatimLines | undefined {
  return verbatim.get(lines)
}

/**
 * `lines.slice(from, to).join('\n')` of a `VerbatimLines` record as a slice of
 * its text (no copy), or undefined when a line in the range was changed.
 */
export function verbatimJoin(record: VerbatimLines, from: number, to: number): string | undefined {
  const changed = record.changed
  // First changed index ≥ from (binary search; changes are rare).
  let low = 0
  let high = changed.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (changed[middle]! < from) low = middle + 1
    else high = middle
  }
  if (low < changed.length && changed[low]! < to) return undefined
  return record.text.slice(record.starts[from], record.ends[to - 1])
}

/**
 * Where the lines of the *original* text start and end (`ends[i]`: offset of
 * line `i`'s break, or the text's length for the last line). A trailing line
 * break yields a last, empty line, unlike `string2lines`' result.
 */
export interface LineTable {
  starts: number[]
  ends: number[]
}

/** `string2lines` for one line: `\v`/`\f` → space, `expandtabs`, `rstrip`. */
function finishLine(line: string, special: boolean, tabWidth: number, convertWhitespace: boolean): string {
  if (special) {
    if (convertWhitespace) line = line.replace(/[\v\f]/g, ' ')
    line = expandTabs(line, tabWidth)
  }
  return pyRstrip(line)
}

/** docutils: utils.escape2null — escape-backslashes → null characters. */
export function escape2null(text: string): string {
  if (text.indexOf('\\') === -1) return text // nothing to escape (most paragraphs)
  // `parts.join` makes a flat string (string concatenation would give the
  // scanners a rope: one more string shape at every `charCodeAt` site).
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
  if (text.indexOf('\x00') === -1) return [text] // no escapes at all (nearly always)
  return text.split('\x00 ').flatMap((part) => part.split('\x00\n'))
}

/** docutils: nodes.fully_normalize_name */
export function fullyNormalizeName(name: string): string {
  return joinPySplit(name.toLowerCase())
}

/** docutils: nodes.whitespace_normalize_name */
export function whitespaceNormalizeName(name: string): string {
  return joinPySplit(name)
}

/**
 * Python `' '.join(value.split())`. Most names are already normalized
 * (single spaces between words, none at the ends): return those as they are
 * instead of splitting and joining.
 */
function joinPySplit(value: string): string {
  const length = lengthOf(value)
  let previousSpace = true // a space at the start needs normalizing too
  for (let index = 0; index < length; index++) {
    const code = codeAt(value, index)
    if (code > 0x20 && code < 0x85) {
      // Printable ASCII and C1 controls below NEL: never whitespace (most characters).
      previousSpace = false
    } else if (code === 0x20) {
      if (previousSpace) return pySplit(value).join(' ')
      previousSpace = true
    } else if (isPySpace(code)) {
      return pySplit(value).join(' ')
    } else {
      previousSpace = false
    }
  }
  return length > 0 && previousSpace ? pySplit(value).join(' ') : value
}

/** docutils: nodes.split_name_list */
export function splitNameList(value: string): string[] {
  let s = value.replaceAll('\\', '\x00')
  s = s.replaceAll('\x00\x00', '\\')
  s = s.replaceAll('\x00 ', '\x00\x00')
  return s.split(' ').map((name) => name.replaceAll('\x00\x00', ' ').replaceAll('\x00', ''))
}
