/** Expected values come from docutils 0.22.4 (`nodes.make_id`, `utils.column_width`) via the oracle python. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
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
