/**
 * docutils: parsers/rst/tableparser.py `SimpleTableParser`.
 *
 * ```text
 * =====  =====
 * col 1  col 2
 * =====  =====
 * 1      Second column of row 1.
 * 4 is a span
 * ------------
 * 5
 * =====  =====
 * ```
 *
 * Top and bottom borders use `=`, column span underlines use `-`, columns
 * are separated by spaces.
 */
import { pyRstrip } from '../util/strings.js'
import {
  TableMarkupError,
  TableParser,
  codePoints,
  equalsToDashes,
  get2DBlock,
  hasSurrogate,
  isBlankSlice,
  joinSlice,
  stripCombiningCodePoints,
  toCodeLine,
  type CodeLine,
  type TableCell,
  type TableData
} from './table-parser.js'

type Column = [start: number, end: number]

/** Matches `<first>[ <first>]*$` from the start of `line` (`=[ =]*$`, `-[ -]*$`). */
function isRuleLine(line: string, rule: string): boolean {
  if (line[0] !== rule) return false
  for (let index = 1; index < line.length; index++) {
    const ch = line[index]
    if (ch !== rule && ch !== ' ') return false
  }
  return true
}

/** Python `str.find(sub, start)` (negative start counts from the end). */
function pyFind(line: string, sub: string, start: number): number {
  if (start < 0) start = Math.max(0, line.length + start)
  return line.indexOf(sub, start)
}

/**
 * docutils: tableparser.SimpleTableParser — parse a simple table with `parse()`.
 */
export class SimpleTableParser extends TableParser {
  private columns: Column[] = []
  private borderEnd = 0
  private table: TableCell[][] = []

  /** docutils: SimpleTableParser.head_body_separator_pat `=[ =]*$` */
  protected isHeadBodySeparator(line: string): boolean {
    return isRuleLine(line, '=')
  }

  /** docutils: SimpleTableParser.setup */
  protected setup(block: readonly string[]): void {
    // (index loops and `slice` here and below, not spreads or destructuring
    // of the `[start, end]` pairs: those allocated iterators per row/column)
    this.block = block.slice()
    // Convert top & bottom borders to column span underlines.
    const first = this.block[0]!
    const last = this.block[this.block.length - 1]!
    const firstDashes = equalsToDashes(first)
    this.block[0] = firstDashes
    // (the bottom border is usually the top one again)
    this.block[this.block.length - 1] = last === first ? firstDashes : equalsToDashes(last)
    this.headBodySep = null
    this.columns = []
    this.borderEnd = 0
    this.table = []
  }

  /**
   * docutils: SimpleTableParser.parse_table — column boundaries from the top
   * border, then rows; a row may span lines until a span underline or a line
   * with text in the first column.
   */
  protected parseTable(): void {
    // Top border must fully describe all table columns.
    this.columns = this.parseColumns(this.block[0]!, 0)
    this.borderEnd = this.columns[this.columns.length - 1]![1]
    const firststart = this.columns[0]![0]
    const firstend = this.columns[0]![1]
    let offset = 1 // skip top border
    let start = 1
    let textFound = false
    while (offset < this.block.length) {
      const line = this.block[offset]!
      if (isRuleLine(line, '-')) {
        // Column span underline or border; row is complete.
        this.parseRow(this.block.slice(start, offset), start, [pyRstrip(line), offset])
        start = offset + 1
        textFound = false
      } else if (!isBlankSlice(hasSurrogate(line) ? codePoints(line) : line, firststart, firstend)) {
        // First column not blank, therefore it's a new row.
        if (textFound && offset !== start) this.parseRow(this.block.slice(start, offset), start)
        start = offset
        textFound = true
      } else if (!textFound) {
        start = offset + 1
      }
      offset++
    }
  }

  /** docutils: SimpleTableParser.parse_columns — `(begin, end)` pairs of a span underline. */
  private parseColumns(line: string, offset: number): Column[] {
    const cols: Column[] = []
    let end = 0
    while (true) {
      const begin = pyFind(line, '-', end)
      end = pyFind(line, ' ', begin)
      if (begin < 0) break
      if (end < 0) end = line.length
      cols.push([begin, end])
    }
    if (this.columns.length > 0) {
      if (cols[cols.length - 1]![1] !== this.borderEnd) {
        throw new TableMarkupError(`Column span incomplete in table line ${offset + 1}.`, offset)
      }
      // Allow for an unbounded rightmost column.
      cols[cols.length - 1] = [cols[cols.length - 1]![0], this.columns[this.columns.length - 1]![1]]
    }
    return cols
  }

  /** docutils: SimpleTableParser.init_row */
  private initRow(colspec: readonly Column[], offset: number): TableCell[] {
    let i = 0
    const cells: TableCell[] = []
    const fail = (): TableMarkupError =>
      new TableMarkupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1)
    for (let k = 0; k < colspec.length; k++) {
      const start = colspec[k]![0]
      const end = colspec[k]![1]
      let morecols = 0
      if (i >= this.columns.length || start !== this.columns[i]![0]) throw fail()
      while (end !== this.columns[i]![1]) {
        i++
        morecols++
        if (i >= this.columns.length) throw fail()
      }
      cells.push([0, morecols, offset, []])
      i++
    }
    return cells
  }

  /**
   * docutils: SimpleTableParser.parse_row — split the row's lines into cells
   * by the current column spec (`spanline` or the table's columns).
   */
  private parseRow(lines: string[], start: number, spanline?: [string, number]): void {
    if (lines.length === 0 && !spanline) return // no new row, just blank lines
    let columns: Column[]
    if (spanline) columns = this.parseColumns(spanline[0], spanline[1])
    else {
      columns = []
      for (let k = 0; k < this.columns.length; k++) columns.push([this.columns[k]![0], this.columns[k]![1]])
    }
    const codeLines = lines.map(toCodeLine)
    this.checkColumns(codeLines, start, columns)
    const row = this.initRow(columns, start)
    for (let i = 0; i < columns.length; i++) {
      row[i]![3] = get2DBlock(codeLines, 0, columns[i]![0], codeLines.length, columns[i]![1])
    }
    this.table.push(row)
  }

  /**
   * docutils: SimpleTableParser.check_columns — text in column margins is an
   * error; text overflowing the last column widens it.
   */
  private checkColumns(lines: readonly CodeLine[], firstLine: number, columns: Column[]): void {
    // "Infinite" start of a dummy last column, used to check for overflow.
    columns.push([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])
    const lastcol = columns.length - 2
    // Combining characters do not contribute to the column width.
    const stripped: Array<string[] | string> = []
    for (let k = 0; k < lines.length; k++) {
      const { chars, adjusted } = lines[k]!
      stripped.push(adjusted ? stripCombiningCodePoints(chars as string[]) : chars)
    }
    for (let i = 0; i < columns.length - 1; i++) {
      const start = columns[i]![0]
      const end = columns[i]![1]
      const nextstart = columns[i + 1]![0]
      for (let offset = 0; offset < stripped.length; offset++) {
        const line = stripped[offset]!
        if (i === lastcol && !isBlankSlice(line, end)) {
          const text = pyRstrip(joinSlice(line, start))
          const newEnd = start + (typeof line === 'string' ? text.length : codePoints(text).length)
          const main = this.columns[this.columns.length - 1]!
          const mainStart = main[0]
          const mainEnd = main[1]
          columns[i] = [start, Math.max(mainEnd, newEnd)]
          if (newEnd > mainEnd) this.columns[this.columns.length - 1] = [mainStart, newEnd]
        } else if (!isBlankSlice(line, end, nextstart)) {
          throw new TableMarkupError(`Text in column margin in table line ${firstLine + offset + 1}.`, firstLine + offset)
        }
      }
    }
    columns.pop()
  }

  /** docutils: SimpleTableParser.structure_from_cells */
  protected structureFromCells(): TableData {
    const colspecs: number[] = []
    for (let k = 0; k < this.columns.length; k++) colspecs.push(this.columns[k]![1] - this.columns[k]![0])
    let firstBodyRow = 0
    if (this.headBodySep) {
      for (let i = 0; i < this.table.length; i++) {
        if (this.table[i]![0]![2] > this.headBodySep) {
          firstBodyRow = i
          break
        }
      }
    }
    return [colspecs, this.table.slice(0, firstBodyRow), this.table.slice(firstBodyRow)]
  }
}
