/**
 * docutils: parsers/rst/tableparser.py `GridTableParser`.
 *
 * ```text
 * +------------------------+------------+----------+
 * | Header row, column 1   | Header 2   | Header 3 |
 * +========================+============+==========+
 * | body row 1, column 1   | column 2   | column 3 |
 * +------------------------+------------+----------+
 * ```
 *
 * Intersections use `+`, row separators `-` (except for one optional
 * head/body row separator, which uses `=`), column separators `|`.
 */
import {
  TableMarkupError,
  TableParser,
  codePoints,
  get2DBlock,
  stripCombiningCodePoints,
  toCodeLine,
  updateDictOfLists,
  type CodeLine,
  type TableCell,
  type TableData,
  type TableRow
} from './table-parser.js'

type Seps = Map<number, number[]>

interface GridCell {
  top: number
  left: number
  bottom: number
  right: number
  lines: string[]
}

/** Min-heap of `(top, left)` corners in Python tuple order. */
class CornerHeap {
  private readonly items: Array<[number, number]> = []

  get size(): number {
    return this.items.length
  }

  push(top: number, left: number): void {
    const items = this.items
    items.push([top, left])
    let index = items.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!less(items[index]!, items[parent]!)) break
      ;[items[index], items[parent]] = [items[parent]!, items[index]!]
      index = parent
    }
  }

  pop(): [number, number] {
    const items = this.items
    const first = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      let index = 0
      while (true) {
        const left = index * 2 + 1
        const right = left + 1
        let smallest = index
        if (left < items.length && less(items[left]!, items[smallest]!)) smallest = left
        if (right < items.length && less(items[right]!, items[smallest]!)) smallest = right
        if (smallest === index) break
        ;[items[index], items[smallest]] = [items[smallest]!, items[index]!]
        index = smallest
      }
    }
    return first
  }
}

function less(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
}

/**
 * docutils: tableparser.GridTableParser — parse a grid table with `parse()`.
 */
export class GridTableParser extends TableParser {
  private lines: CodeLine[] = []
  private strippedBlock: Array<readonly string[] | string> = []
  private bottom = 0
  private right = 0
  private done: number[] = []
  private cells: GridCell[] = []
  private rowseps: Seps = new Map()
  private colseps: Seps = new Map()

  /** docutils: GridTableParser.head_body_separator_pat `\+=[=+]+=\+ *$` */
  protected isHeadBodySeparator(line: string): boolean {
    let end = line.length
    while (end > 0 && line.charCodeAt(end - 1) === 0x20 /* space */) end--
    if (end < 5) return false
    if (line[0] !== '+' || line[1] !== '=' || line[end - 2] !== '=' || line[end - 1] !== '+') return false
    for (let index = 2; index < end - 2; index++) {
      const ch = line[index]
      if (ch !== '=' && ch !== '+') return false
    }
    return true
  }

  /** docutils: GridTableParser.setup */
  protected setup(block: readonly string[]): void {
    this.block = [...block]
    this.bottom = block.length - 1
    const width = codePoints(block[0] ?? '').length
    this.right = width - 1
    this.headBodySep = null
    this.done = new Array<number>(width).fill(-1)
    this.cells = []
    this.rowseps = new Map([[0, [0]]])
    this.colseps = new Map([[0, [0]]])
  }

  /**
   * docutils: GridTableParser.parse_table — trace out cells from a queue of
   * upper-left corners, processed in top-to-bottom order.
   */
  protected parseTable(): void {
    this.lines = this.block.map(toCodeLine)
    // A copy of the block without combining characters.
    this.strippedBlock = this.lines.map(({ chars, adjusted }) => (adjusted ? stripCombiningCodePoints(chars as string[]) : chars))
    // docutils keeps a sorted list and pops its first item; a binary heap
    // pops the same (smallest) corner without re-sorting.
    const corners = new CornerHeap()
    corners.push(0, 0)
    while (corners.size > 0) {
      const [top, left] = corners.pop()
      if (top === this.bottom || left === this.right || top <= this.done[left]!) continue
      const result = this.scanCell(top, left)
      if (!result) continue
      const [bottom, right, rowseps, colseps] = result
      updateDictOfLists(this.rowseps, rowseps)
      updateDictOfLists(this.colseps, colseps)
      this.markDone(top, left, bottom, right)
      const lines = get2DBlock(this.lines, top + 1, left + 1, bottom, right)
      this.cells.push({ top, left, bottom, right, lines })
      corners.push(top, right)
      corners.push(bottom, left)
    }
    if (!this.checkParseComplete()) throw new TableMarkupError('Malformed table; parse incomplete.')
  }

  /** docutils: GridTableParser.mark_done — track how much of each text column has been seen. */
  private markDone(top: number, left: number, bottom: number, right: number): void {
    const before = top - 1
    const after = bottom - 1
    for (let col = left; col < right; col++) {
      // docutils asserts this; an AssertionError would abort docutils' parse.
      if (this.done[col] !== before) throw new TableMarkupError('Malformed table; parse incomplete.')
      this.done[col] = after
    }
  }

  /** docutils: GridTableParser.check_parse_complete — each text column completely seen. */
  private checkParseComplete(): boolean {
    const last = this.bottom - 1
    for (let col = 0; col < this.right; col++) {
      if (this.done[col] !== last) return false
    }
    return true
  }

  /** docutils: GridTableParser.scan_cell — start tracing a cell at its top-left corner. */
  private scanCell(top: number, left: number): [number, number, Seps, Seps] | null {
    return this.scanRight(top, left)
  }

  /** docutils: GridTableParser.scan_right — find the top-right corner, noting column boundaries. */
  private scanRight(top: number, left: number): [number, number, Seps, Seps] | null {
    const colseps: Seps = new Map()
    const line = this.strippedBlock[top]!
    for (let i = left + 1; i <= this.right; i++) {
      if (line[i] === '+') {
        colseps.set(i, [top])
        const result = this.scanDown(top, left, i)
        if (result) {
          const [bottom, rowseps, newcolseps] = result
          updateDictOfLists(colseps, newcolseps)
          return [bottom, i, rowseps, colseps]
        }
      } else if (line[i] !== '-') {
        return null
      }
    }
    return null
  }

  /** docutils: GridTableParser.scan_down — find the bottom-right corner, noting row boundaries. */
  private scanDown(top: number, left: number, right: number): [number, Seps, Seps] | null {
    const rowseps: Seps = new Map()
    for (let i = top + 1; i <= this.bottom; i++) {
      const ch = this.strippedBlock[i]![right]
      if (ch === '+') {
        rowseps.set(i, [right])
        const result = this.scanLeft(top, left, i, right)
        if (result) {
          const [newrowseps, colseps] = result
          updateDictOfLists(rowseps, newrowseps)
          return [i, rowseps, colseps]
        }
      } else if (ch !== '|') {
        return null
      }
    }
    return null
  }

  /** docutils: GridTableParser.scan_left — find the bottom-left corner (must line up). */
  private scanLeft(top: number, left: number, bottom: number, right: number): [Seps, Seps] | null {
    const colseps: Seps = new Map()
    const line = this.strippedBlock[bottom]!
    for (let i = right - 1; i > left; i--) {
      if (line[i] === '+') colseps.set(i, [bottom])
      else if (line[i] !== '-') return null
    }
    if (line[left] !== '+') return null
    const rowseps = this.scanUp(top, left, bottom)
    return rowseps ? [rowseps, colseps] : null
  }

  /** docutils: GridTableParser.scan_up — return to the starting point, noting row boundaries. */
  private scanUp(top: number, left: number, bottom: number): Seps | null {
    const rowseps: Seps = new Map()
    for (let i = bottom - 1; i > top; i--) {
      const ch = this.strippedBlock[i]![left]
      if (ch === '+') rowseps.set(i, [left])
      else if (ch !== '|') return null
    }
    return rowseps
  }

  /** docutils: GridTableParser.structure_from_cells */
  protected structureFromCells(): TableData {
    const rowseps = [...this.rowseps.keys()].sort((a, b) => a - b)
    const rowindex = new Map<number, number>()
    rowseps.forEach((sep, index) => rowindex.set(sep, index))
    const colseps = [...this.colseps.keys()].sort((a, b) => a - b)
    const colindex = new Map<number, number>()
    colseps.forEach((sep, index) => colindex.set(sep, index))
    const colspecs: number[] = []
    for (let i = 1; i < colseps.length; i++) colspecs.push(colseps[i]! - colseps[i - 1]! - 1)
    const rows: TableRow[] = []
    for (let i = 0; i < rowseps.length - 1; i++) rows.push(new Array<TableCell | null>(colseps.length - 1).fill(null))
    let remaining = (rowseps.length - 1) * (colseps.length - 1)
    for (const { top, left, bottom, right, lines } of this.cells) {
      const rownum = rowindex.get(top)!
      const colnum = colindex.get(left)!
      // docutils asserts these (an AssertionError aborts docutils' parse).
      if (rows[rownum]![colnum] !== null) {
        throw new TableMarkupError(`Cell (row ${rownum + 1}, column ${colnum + 1}) already used.`)
      }
      const morerows = rowindex.get(bottom)! - rownum - 1
      const morecols = colindex.get(right)! - colnum - 1
      remaining -= (morerows + 1) * (morecols + 1)
      rows[rownum]![colnum] = [morerows, morecols, top + 1, lines]
    }
    if (remaining !== 0) throw new TableMarkupError('Unused cells remaining.')
    if (this.headBodySep) {
      const numheadrows = rowindex.get(this.headBodySep)!
      return [colspecs, rows.slice(0, numheadrows), rows.slice(numheadrows)]
    }
    return [colspecs, [], rows]
  }
}
