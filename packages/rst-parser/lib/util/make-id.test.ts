/** Expected values come from docutils 0.22.4 (`nodes.make_id`, `utils.column_width`) via the oracle python. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { columnWidth } from './column-width.js'
import { makeId } from './make-id.js'

test('makeId matches docutils nodes.make_id', () => {
  const expected: Record<string, string> = {
    'Hello World': 'hello-world',
    '  Ärger über Öl ': 'arger-uber-ol',
    'ß and æ': 'sz-and-ae',
    '1st-section': 'st-section',
    '--x--': 'x',
    '日本語': '',
    'ǅ digraph': 'dz-digraph',
    'Ø ł đ': 'o-l-d',
    'a_b.c:d': 'a-b-c-d',
    '  ': '',
    'Ünïcödé Tëxt 2': 'unicode-text-2'
  }
  for (const [input, id] of Object.entries(expected)) assert.equal(makeId(input), id, input)
})

test('columnWidth matches docutils utils.column_width', () => {
  const expected: Record<string, number> = { abc: 3, '日本語': 6, 'à': 1, 'e\u0301': 1, '🎉': 2, 'ｱ': 1 }
  for (const [input, width] of Object.entries(expected)) assert.equal(columnWidth(input), width, input)
})

test('makeId: pure-ASCII names (one-scan path) match docutils nodes.make_id', () => {
  // Expected values from the oracle python (docutils 0.22.4 `nodes.make_id`).
  const expected: Record<string, string> = {
    '2nd  Section--': 'nd-section',
    'A\tB\x1fc': 'a-b-c',
    '-_-': '',
    'x1 2y': 'x1-2y',
    __init__: 'init',
    'MixedCASE_name.v2': 'mixedcase-name-v2',
    '': '',
    '99': '',
    'a--b  c': 'a-b-c'
  }
  for (const [input, id] of Object.entries(expected)) assert.equal(makeId(input), id, JSON.stringify(input))
})

test('makeId: the ASCII path agrees with the general algorithm', () => {
  // docutils' steps for ASCII input (lower, split/join, non-alnum runs → '-', strip), as regexes.
  const reference = (value: string): string =>
    value
      .toLowerCase()
      .split(/[ \t\n\v\f\r\x1c-\x1f]+/)
      .filter(Boolean)
      .join(' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[-0-9]+|-+$/g, '')
  fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (value) => makeId(value) === reference(value)), { numRuns: 2000 })
})
