/**
 * The table parsers against docutils 0.22.4: `tables.fixture.json` holds the
 * blocks docutils' `GridTableParser`/`SimpleTableParser` received (conformance
 * cases, docutils-docs corpus, hand-written malformed snippets) and what they
 * returned or raised; regenerate it with `tables.oracle.py`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { GridTableParser } from './grid-table-parser.js'
import { SimpleTableParser } from './simple-table-parser.js'
import { TableMarkupError, padDoubleWidth, type TableData } from './table-parser.js'

interface FixtureRecord {
  source: string
  kind: 'grid' | 'simple'
  block: string[]
  result?: TableData
  error?: { message: string; offset: number }
  assertion?: string
  crash?: string
}

const records = JSON.parse(
  readFileSync(new URL('tables.fixture.json', import.meta.url), 'utf8')
) as FixtureRecord[]

test('fixture has both kinds of tables, results and errors', () => {
  assert.ok(records.some((record) => record.kind === 'grid' && record.result))
  assert.ok(records.some((record) => record.kind === 'simple' && record.result))
  assert.ok(records.some((record) => record.kind === 'grid' && record.error))
  assert.ok(records.some((record) => record.kind === 'simple' && record.error))
})

for (const [index, record] of records.entries()) {
  // docutils itself crashes (IndexError/AssertionError) on these: nothing to compare.
  if (record.crash !== undefined || record.assertion !== undefined) continue
  test(`${record.kind} table #${index} from ${record.source}`, () => {
    const parser = record.kind === 'grid' ? new GridTableParser() : new SimpleTableParser()
    if (record.error) {
      assert.throws(
        () => parser.parse(record.block),
        (error: unknown) => {
          assert.ok(error instanceof TableMarkupError)
          assert.equal(error.message, record.error!.message)
          assert.equal(error.offset, record.error!.offset)
          return true
        }
      )
    } else {
      assert.deepEqual(parser.parse(record.block), record.result)
    }
  })
}

test('parse does not modify its input block', () => {
  const block = ['=====  =====', 'a      b', '=====  =====', 'c      d', '=====  =====']
  const copy = [...block]
  new SimpleTableParser().parse(block)
  assert.deepEqual(block, copy)
})

test('padDoubleWidth pads wide characters only', () => {
  assert.deepEqual(padDoubleWidth(['a\u4e00b', 'plain']), ['a\u4e00\x00b', 'plain'])
})
