/**
 * Properties (fast-check): `parse` never throws on any input, and every node
 * gets a position inside the input, with siblings in order and children
 * inside their parent.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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


const corpusDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'corpus', 'docutils-docs')

function corpusTexts(): string[] {
  const result: string[] = []
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const full = path.join(directory, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.rst')) result.push(readFileSync(full, 'utf8'))
    }
  }
  walk(corpusDirectory)
  return result
}

test('parse never throws on mutated corpus documents', { skip: existsSync(corpusDirectory) ? false : 'corpus not found' }, () => {
  const texts = corpusTexts()
  const mutation = fc.record({
    file: fc.nat({ max: texts.length - 1 }),
    start: fc.nat(),
    length: fc.integer({ min: 1, max: 60 }),
    edits: fc.array(
      fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'truncate', 'swap'), amount: fc.integer({ min: 1, max: 6 }) }),
      { maxLength: 8 }
    )
  })
  fc.assert(
    fc.property(mutation, ({ file, start, length, edits }) => {
      const all = texts[file].split('\n')
      const from = start % Math.max(1, all.length)
      const lines = all.slice(from, from + length)
      for (const edit of edits) {
        if (lines.length === 0) break
        const index = edit.at % lines.length
        if (edit.kind === 'delete') lines.splice(index, 1)
        else if (edit.kind === 'duplicate') lines.splice(index, 0, lines[index])
        else if (edit.kind === 'indent') lines[index] = ' '.repeat(edit.amount) + lines[index]
        else if (edit.kind === 'dedent') lines[index] = lines[index].replace(/^ {1,6}/, '')
        else if (edit.kind === 'truncate') lines[index] = lines[index].slice(0, Math.max(0, lines[index].length - edit.amount))
        else if (edit.kind === 'swap' && index + 1 < lines.length) [lines[index], lines[index + 1]] = [lines[index + 1], lines[index]]
      }
      const value = lines.join('\n')
      const tree = parse(value, { source: 'mutated', settings: { cwd: corpusDirectory, file_insertion_enabled: false } })
      check(tree, value.length)
    }),
    { numRuns: 300 }
  )
})
