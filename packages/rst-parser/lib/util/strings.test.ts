import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import { codeAt, codeAtOrNaN, expandTabs, isJsSpace, lengthOf, pyRstrip, sliceOf, string2lines, verbatimJoin, verbatimLines, type LineTable } from './strings.js'

/**
 * docutils `string2lines` written out plainly (statemachine.py): `\v`/`\f` → space when
 * converting, `splitlines()`, `expandtabs`, `rstrip` — for inputs whose only line break is `\n`.
 */
function reference(value: string, tabWidth: number, convertWhitespace: boolean): string[] {
  if (convertWhitespace) value = value.replace(/[\v\f]/g, ' ')
  const lines = value.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((line) => pyRstrip(expandTabs(line, tabWidth)))
}

const pieces = ['\n', '\n', 'a', 'bc', ' ', '  ', '\t', '\v', '\f', 'é', '\u00a0', '\u3000', 'x'.repeat(14)]
const lfText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''))

test('string2lines: `\\n`-only text — lines, line table and verbatim runs', () => {
  fc.assert(
    fc.property(lfText, fc.integer({ min: 1, max: 8 }), fc.nat(), fc.nat(), (value, tabWidth, a, b) => {
      const table: LineTable = { starts: [], ends: [] }
      const lines = string2lines(value, tabWidth, true, table)
      assert.deepEqual(lines, reference(value, tabWidth, true))
      // The table: one entry per `\n`-separated piece of the original text.
      const pieces = value.split('\n')
      assert.equal(table.starts.length, pieces.length)
      for (let index = 0; index < pieces.length; index++) {
        assert.equal(value.slice(table.starts[index], table.ends[index]), pieces[index])
      }
      // Verbatim runs: a slice of the text equal to the joined lines, or undefined.
      const record = verbatimLines(lines)
      assert.ok(record)
      if (lines.length > 0) {
        const from = a % lines.length
        const to = from + 1 + (b % (lines.length - from))
        const joined = verbatimJoin(record, from, to)
        if (joined !== undefined) assert.equal(joined, lines.slice(from, to).join('\n'))
        else {
          // Only when a line of the run differs from its piece of the text.
          let changed = false
          for (let k = from; k < to; k++) if (lines[k] !== pieces[k]) changed = true
          assert.ok(changed)
        }
      }
    }),
    { numRuns: 3000 }
  )
})

test('string2lines: without a line table or conversion, as docutils', () => {
  fc.assert(
    fc.property(lfText.filter((value) => !/[\v\f]/.test(value)), fc.integer({ min: 1, max: 8 }), (value, tabWidth) => {
      const lines = string2lines(value, tabWidth, false)
      assert.deepEqual(lines, reference(value, tabWidth, false))
      assert.equal(verbatimLines(lines), undefined) // recorded only with a line table
    }),
    { numRuns: 1000 }
  )
})

test('verbatimJoin: runs with an expanded or stripped line are joined, not sliced', () => {
  const table: LineTable = { starts: [], ends: [] }
  const lines = string2lines('one\ntwo  \nthree\n\tfour\nfive\n', 8, true, table)
  assert.deepEqual(lines, ['one', 'two', 'three', '        four', 'five'])
  const record = verbatimLines(lines)!
  assert.equal(verbatimJoin(record, 0, 1), 'one')
  assert.equal(verbatimJoin(record, 0, 2), undefined) // `two  ` was right-stripped
  assert.equal(verbatimJoin(record, 2, 3), 'three')
  assert.equal(verbatimJoin(record, 2, 4), undefined) // the tab was expanded
  assert.equal(verbatimJoin(record, 4, 5), 'five')
})

test('codeAt / codeAtOrNaN / lengthOf / sliceOf: the String methods, on strings of several representations', () => {
  const long = 'x'.repeat(20) + ' \u00e9\u3000 text\u{1F600}\n'.repeat(3)
  const internalized = Object.keys({ [long.slice(0, 15) + 'key']: 1 })[0]!
  const kinds = ['', 'a', long, long.slice(3, 40), 'ab' + long.slice(2), ('\u0100' + long).slice(1), internalized]
  for (const s of kinds) {
    assert.equal(lengthOf(s), s.length)
    for (let index = 0; index < s.length; index++) assert.equal(codeAt(s, index), s.charCodeAt(index))
    for (const index of [0, s.length, s.length + 3]) assert.deepEqual(codeAtOrNaN(s, index), s.charCodeAt(index))
    for (const [start, end] of [[0, undefined], [2, undefined], [1, 5], [5, 1], [-3, undefined], [0, -1]] as const) {
      assert.equal(sliceOf(s, start, end), s.slice(start, end))
    }
  }
})

test('isJsSpace: exactly the code units JS `\\s` matches', () => {
  for (let code = 0; code <= 0xffff; code++) assert.equal(isJsSpace(code), /\s/.test(String.fromCharCode(code)), code.toString(16))
})
