import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import { lastSimpleTargetNameEnd, simpleTargetEnd } from './body.js'
import { explicitPatterns } from './patterns.js'

// Characters that decide the target pattern (name end, escapes, quotes, colons, whitespace kinds, astral chars).
const pieces = ['_', '_', 'a', 'b', ' ', ' ', ':', ':', '\\', '\x00', '`', '\t', '\u3000', '\u00a0', '\u2028', 'é', '😀', '<', '>', 'http', '.', '-']
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''))

test('simpleTargetEnd matches like explicitPatterns.target (or defers to it)', () => {
  let decided = 0
  fc.assert(
    fc.property(text, (value) => {
      const end = simpleTargetEnd(value)
      if (end === -2) {
        assert.ok(/[`\x00\n\r\u2028\u2029]/.test(value)) // defers only for backquotes, escapes, line breaks
        return
      }
      decided++
      const match = explicitPatterns.target.exec(value)
      if (match === null) {
        assert.equal(end, -1)
        return
      }
      assert.equal(end, match.index + match[0].length)
      const name = value.charCodeAt(0) === 0x5f ? '' : value.slice(0, lastSimpleTargetNameEnd())
      assert.equal(name, match.groups?.name ?? '')
    }),
    { numRuns: 20000 }
  )
  assert.ok(decided > 0)
})
