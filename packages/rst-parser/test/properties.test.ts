/**
 * Properties (fast-check): `parse` never throws on any input, and every node
 * gets a position inside the input, with siblings in order and children
 * inside their parent.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { isText, type RstNode } from '../lib/nodes.js'
import { parse } from '../lib/parse.js'

/** Line fragments that exercise many rST constructs. */
const fragments = [
  '', '', ' ', '   ', '\t', 'Title', '=====', '-----', '~~~~~~', '####', '----------', 'text', 'more text here',
  '- item', '* item', '+ item', '1. one', '2. two', '#. auto', '(a) alpha', 'i) roman', 'A. upper',
  ':field: body', ':field:', '-a  option', '--long=ARG  desc', '/V  dos', '>>> print(1)', '| line', '|',
  '+---+---+', '| a | b |', '+===+===+', '=== ===', ' a   b', '.. comment', '..', '.. _target: http://x',
  '.. _ref: other_', '__ anonymous', '.. [1] footnote', '.. [#] auto', '.. [*] sym', '.. [CIT] citation',
  '.. |sub| replace:: x', '.. note:: hi', '.. image:: x.png', '.. unknown::', '.. code:: python', '   :class: x',
  '   indented', '      deeper', 'term', '   definition', 'para::', '::', '>', '> quoted', '-- attribution',
  '*emph*', '**strong**', '``lit``', '`ref`_', '`int`', ':role:`x`', '[1]_', '|sub|', 'http://example.com',
  '\\', '\\*', '*', '`', '_', '**', '``', '|x', 'é ü 日本語', '🎉 emoji', '\u00a0nbsp', 'a\\\\b'
]

const document = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'))

function check(node: RstNode, length: number, parent?: { start: number; end: number }): void {
  const position = node.position
  assert.ok(position, `${node.type} has a position`)
  const start = position.start.offset!
  const end = position.end.offset!
  assert.ok(start >= 0 && start <= end && end <= length, `${node.type} ${start}-${end} inside 0-${length}`)
  assert.ok(position.start.line >= 1 && position.start.column >= 1, `${node.type} has 1-based line/column`)
  if (parent) assert.ok(start >= parent.start && end <= parent.end, `${node.type} inside its parent`)
  if (!isText(node)) {
    let previous = -1
    for (const child of node.children) {
      check(child, length, { start, end })
      const childStart = child.position!.start.offset!
      assert.ok(childStart >= previous, `${child.type} after its previous sibling`)
      previous = childStart
    }
  }
}

test('parse never throws and positions lie inside the input', () => {
  fc.assert(
    fc.property(document, (value) => {
      const tree = parse(value, { source: 'fuzz' })
      assert.equal(tree.type, 'document')
      check(tree, value.length)
    }),
    { numRuns: 300 }
  )
})

test('parse never throws on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (value) => {
      const tree = parse(value)
      check(tree, value.length)
    }),
    { numRuns: 300 }
  )
})
