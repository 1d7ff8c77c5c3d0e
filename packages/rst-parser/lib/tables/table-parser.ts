/**
 * Shared parts of the plaintext table parsers.
 *
 * docutils: parsers/rst/tableparser.py `TableMarkupError`, `TableParser`,
 * `update_dict_of_lists`; statemachine.py `StringList.get_2D_block`,
 * `StringList.pad_double_width`.
 *
 * Lines are handled as arrays of code points so that indices and lengths are
 * Python's (a character outside the BMP is one column index, as in docutils).
 */
import type { StringList } from '../statemachine.js'
import { isCombining, isWide } from '../util/column-width.js'
import { QuietError } from '../util/quiet-error.js'
import { codeAt, isPyBlank, isPySpace, lengthOf, pyLstrip, pyRstrip, sliceOf } from '../util/strings.js'

/**
 * docutils: tableparser.TableMarkupError — a problem with table markup.
 * `offset` is the offset of the problem from the table's first line.
 */
export class TableMarkupError extends QuietError {
  readonly offset: number

  /**
   * @param message docutils' message text.
   * @param offset Line offset from the table's start (docutils default 0).
   */
  constructor(message: string, offset = 0) {
    super(message)
    this.name = 'TableMarkupError'
    this.offset = offset
  }
}

/**
 * One table cell: `[morerows, morecols, offset, lines]`, where `offset` is the
 * line offset of the cell's first line from the table's first line and `lines`
 * the cell text (docutils' cell `StringList`), ready for a nested parse at
 * `tableline + offset`.
 */
export type TableCell = [morerows: number, morecols: number, offset: number, lines: CellBlock]

/**
 * A cell's lines: plain lines from the table parsers; a `StringList` from the
 * `csv-table` directive, whose cells keep docutils' own items
 * (`StringList(cell.splitlines(), source=source)`: offsets 0…n).
 */
export type CellBlock = string[] | StringList

/** A row: `null` for a position covered by another cell's span. */
export type TableRow = Array<TableCell | null>

/** docutils' parser result: `(colwidths, headrows, bodyrows)`. */
export type TableData = [colwidths: number[], headrows: TableRow[], bodyrows: TableRow[]]

/** docutils: TableParser.double_width_pad_char */
export const doubleWidthPadChar = '\x00'

/**
 * docutils: statemachine.StringList.pad_double_width — append `padChar` after
 * every East Asian wide (W/F) character, so that string indices are columns.
 * The callers of the table parsers (docutils' `isolate_grid_table`,
 * `isolate_simple_table`) do this to the block before parsing.
 *
 * @param lines Lines of a table block.
 * @param padChar Padding character.
 * @returns Padded lines.
 */
export function padDoubleWidth(lines: readonly string[], padChar: string = doubleWidthPadChar): string[] {
  return lines.map((line) => {
    let result = ''
    let changed = false
    for (const ch of line) {
      result += ch
      if (isWide(ch.codePointAt(0)!)) {
        result += padChar
        changed = true
      }
    }
    return changed ? result : line
  })
}

/** Split a string into code points (Python's string indices). */
export function codePoints(line: string): string[] {
  return Array.from(line)
}

/** docutils: utils.strip_combining_chars, on code points. */
export function stripCombiningCodePoints(chars: readonly string[]): string[] {
  return chars.filter((ch) => !isCombining(ch.codePointAt(0)!))
}

/**
 * A line as code points, with docutils' `utils.column_indices` (indices of
 * the non-combining characters; `null` when there are none, i.e. identity),
 * computed once per line. `chars` is the line string itself when it holds
 * neither surrogates nor combining characters (nearly always): then its
 * UTF-16 indices are Python's indices and columns, and no array of
 * one-character strings is built.
 */
export interface CodeLine {
  chars: string[] | string
  adjusted: number[] | null
}

/** Make a `CodeLine`. */
export function toCodeLine(line: string): CodeLine {
  let simple = true
  const length = lengthOf(line)
  for (let index = 0; index < length; index++) {
    const code = codeAt(line, index)
    if (code >= 0x300 && ((code >= 0xd800 && code <= 0xdfff) || isCombining(code))) {
      simple = false
      break
    }
  }
  if (simple) return { chars: line, adjusted: null }
  const chars = codePoints(line)
  let adjusted: number[] | null = null
  for (let index = 0; index < chars.length; index++) {
    if (isCombining(chars[index]!.codePointAt(0)!)) {
      adjusted = []
      for (let k = 0; k < chars.length; k++) if (!isCombining(chars[k]!.codePointAt(0)!)) adjusted.push(k)
      break
    }
  }
  return { chars, adjusted }
}

/** `''.join(chars[start:end])` for a `CodeLine`'s `chars` (array or plain string). */
export function joinSlice(chars: readonly string[] | string, start: number, end?: number): string {
  return typeof chars === 'string' ? chars.slice(start, end) : chars.slice(start, end).join('')
}

/** `not ''.join(chars[start:end]).strip()`, without building the slice (0 ≤ start). */
export function isBlankSlice(chars: readonly string[] | string, start: number, end = Number.MAX_SAFE_INTEGER): boolean {
  const stop = Math.min(end, chars.length)
  if (typeof chars === 'string') {
    for (let index = start; index < stop; index++) if (!isPySpace(codeAt(chars, index))) return false
    return true
  }
  for (let index = start; index < stop; index++) if (!isPyBlank(chars[index]!)) return false
  return true
}

/**
 * `line.replaceAll('=', '-')` (rule lines: borders, head/body separators).
 * `replaceAll` costs per occurrence (≈ 20 ns each in Node 20: ≈ 1.5 µs for a
 * 70-column border); `split` + `join` gives the same string about 3× faster.
 */
export function equalsToDashes(line: string): string {
  return line.indexOf('=') === -1 ? line : line.split('=').join('-')
}

/** Whether `line` holds a surrogate (then its UTF-16 indices are not Python's). */
export function hasSurrogate(line: string): boolean {
  const length = lengthOf(line)
  for (let index = 0; index < length; index++) {
    const code = codeAt(line, index)
    if (code >= 0xd800 && code <= 0xdfff) return true
  }
  return false
}

/**
 * docutils: statemachine.StringList.get_2D_block (strip_indent=True),
 * followed by the parsers' `cellblock.replace(double_width_pad_char, '')`.
 *
 * @param lines The block's lines.
 * @param top First line (inclusive).
 * @param left First column (inclusive, in non-combining characters).
 * @param bottom Last line (exclusive).
 * @param right Last column (exclusive).
 * @returns The cell's text lines.
 */
export function get2DBlock(lines: readonly CodeLine[], top: number, left: number, bottom: number, right: number): string[] {
  const block: string[] = []
  let indent = right
  for (let index = top; index < bottom && index < lines.length; index++) {
    const { chars, adjusted } = lines[index]!
    // Trim the line to the block borders, allowing for combining characters.
    const count = adjusted ? adjusted.length : chars.length
    const leftIndex = left < count ? (adjusted ? adjusted[left]! : left) : left
    const rightIndex = right < count ? (adjusted ? adjusted[right]! : right) : chars.length
    if (typeof chars === 'string') {
      // The rstripped cell text sliced once; its indentation counted in place.
      let end = Math.min(rightIndex, lengthOf(chars))
      while (end > leftIndex && isPySpace(codeAt(chars, end - 1))) end--
      let first = leftIndex
      while (first < end && isPySpace(codeAt(chars, first))) first++
      block.push(sliceOf(chars, leftIndex, end))
      if (end > leftIndex) indent = Math.min(indent, first - leftIndex)
      continue
    }
    const line = pyRstrip(joinSlice(chars, leftIndex, rightIndex))
    block.push(line)
    if (line) indent = Math.min(indent, line.length - pyLstrip(line).length)
  }
  // Leading whitespace is BMP-only, so UTF-16 slicing equals Python's here.
  const dedent = indent > 0 && indent < right
  for (let index = 0; index < block.length; index++) {
    let line = block[index]!
    if (dedent) line = line.slice(indent)
    if (line.indexOf(doubleWidthPadChar) !== -1) line = line.replaceAll(doubleWidthPadChar, '')
    block[index] = line
  }
  return block
}

/**
 * docutils: tableparser.update_dict_of_lists — extend the list values of
 * `master` with those from `newdata`.
 */
export function updateDictOfLists(master: Map<number, number[]>, newdata: Map<number, number[]>): void {
  for (const [key, values] of newdata) {
    let list = master.get(key)
    if (!list) {
      list = []
      master.set(key, list)
    }
    list.push(...values)
  }
}

/**
 * docutils: TableParser — the common parts of the syntax-specific parsers.
 */
export abstract class TableParser {
  /** Working copy of the block (docutils `self.block`). */
  protected block: string[] = []
  /** Index of the head/body separator line, or `null`. */
  protected headBodySep: number | null = null

  /**
   * docutils: TableParser.parse — analyse a table block and return its data.
   *
   * @param block Lines of the table: tab-expanded, right-stripped (grid tables:
   *   stripped), with East Asian wide characters padded (see `padDoubleWidth`).
   * @returns `[colwidths, headrows, bodyrows]`.
   * @throws {TableMarkupError} On any problem with the markup.
   */
  parse(block: readonly string[]): TableData {
    this.setup(block)
    this.findHeadBodySep()
    this.parseTable()
    return this.structureFromCells()
  }

  protected abstract setup(block: readonly string[]): void
  protected abstract parseTable(): void
  protected abstract structureFromCells(): TableData
  /** docutils: `head_body_separator_pat.match(line)`. */
  protected abstract isHeadBodySeparator(line: string): boolean

  /** docutils: TableParser.find_head_body_sep */
  protected findHeadBodySep(): void {
    let i = 0
    for (i = 0; i < this.block.length; i++) {
      const line = this.block[i]!
      if (this.isHeadBodySeparator(line)) {
        if (this.headBodySep) {
          throw new TableMarkupError(
            `Multiple head/body row separators (table lines ${this.headBodySep + 1} and ${i + 1}); only one allowed.`,
            i
          )
        } else {
          this.headBodySep = i
          this.block[i] = equalsToDashes(line)
        }
      }
    }
    // Python's loop variable keeps the last index.
    i = this.block.length - 1
    if (this.headBodySep === 0 || this.headBodySep === this.block.length - 1) {
      throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.', i)
    }
  }
}
