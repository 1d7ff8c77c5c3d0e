/**
 * Properties of the table parsers: on any block shaped like what docutils'
 * isolate functions pass on, they return table data or throw
 * `TableMarkupError` (never another error), and every cell lies in the grid.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { GridTableParser } from './grid-table-parser.js'
import { SimpleTableParser } from './simple-table-parser.js'
import { TableMarkupError, type TableData } from './table-parser.js'

/** Rectangular grid-table blocks: `+…+` top/bottom border, `+`/`|` edges. */
const gridBlock = fc
  .tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 0, max: 6 }))
  .chain(([width, rows]) => {
    const inner = width - 2
    const border = fc
      .array(fc.constantFrom('-', '-', '+'), { minLength: inner, maxLength: inner })
      .map((chars) => '+' + chars.join('') + '+')
    const row = fc.tuple(
      fc.constantFrom('+', '|'),
      fc.array(fc.constantFrom(' ', 'a', '|', '+', '-', '='), { minLength: inner, maxLength: inner }),
      fc.constantFrom('+', '|')
    ).map(([left, chars, right]) => left + chars.join('') + right)
    return fc.tuple(border, fc.array(row, { minLength: rows, maxLength: rows })).map(([top, middle]) => [top, ...middle, top])
  })

/** Simple-table blocks: `=` border lines around text, span and blank lines. */
const simpleBlock = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((widths) => {
    const border = widths.map((width) => '='.repeat(width)).join('  ')
    const line = fc.oneof(
      fc.constant(''),
      fc.constant(border),
      fc.stringMatching(/^-[ -]{0,12}$/),
      fc.stringMatching(/^[a-c ]{0,14}[a-c]$/)
    )
    return fc.array(line, { maxLength: 6 }).map((lines) => [border, 'x', ...lines, border])
  })

function checkShape(data: TableData): void {
  const [colwidths, headrows, bodyrows] = data
  for (const row of [...headrows, ...bodyrows]) {
    for (const cell of row) {
      if (cell === null) continue
      const [morerows, morecols] = cell
      assert.ok(morerows >= 0 && morecols >= 0)
      assert.ok(morecols < colwidths.length)
    }
  }
}

function parseOrMarkupError(parse: () => TableData): void {
  try {
    checkShape(parse())
  } catch (error) {
    assert.ok(error instanceof TableMarkupError, String(error))
  }
}

test('grid tables: data or TableMarkupError', () => {
  fc.assert(fc.property(gridBlock, (block) => parseOrMarkupError(() => new GridTableParser().parse(block))), {
    numRuns: 2000
  })
})

test('simple tables: data or TableMarkupError', () => {
  fc.assert(fc.property(simpleBlock, (block) => parseOrMarkupError(() => new SimpleTableParser().parse(block))), {
    numRuns: 2000
  })
})
