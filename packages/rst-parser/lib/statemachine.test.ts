/**
 * StringList: docutils ViewList semantics (slices linked to their parent,
 * inserts propagate up) with copy-on-write views.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StringList } from './statemachine.js'

test('slices are views that do not see later changes of the parent', () => {
  const list = new StringList(['a', 'b', 'c', 'd'], 'src')
  const view = list.slice(1)
  list.set(2, 'C')
  assert.deepEqual(view.lines(), ['b', 'c', 'd'])
  assert.deepEqual(list.lines(), ['a', 'b', 'C', 'd'])
})

test('writes to a slice propagate to the parent (docutils ViewList)', () => {
  const list = new StringList(['a', 'b', 'c', 'd'], 'src')
  const view = list.slice(1, 3)
  view.set(0, 'B')
  assert.deepEqual(list.lines(), ['a', 'B', 'c', 'd'])
  view.insertLine(1, 'x', 'other', 7)
  assert.deepEqual(view.lines(), ['B', 'x', 'c'])
  assert.deepEqual(list.lines(), ['a', 'B', 'x', 'c', 'd'])
  assert.deepEqual(list.info(2), ['other', 7])
})

test('trimStart keeps the parent link in sync (parent_offset)', () => {
  const list = new StringList(['a', 'b', 'c', 'd'], 'src')
  const view = list.slice(0, 3)
  view.trimStart(1)
  assert.deepEqual(view.lines(), ['b', 'c'])
  assert.deepEqual(view.info(0), ['src', 1])
  view.insertLine(1, 'x', 'other', 0)
  assert.deepEqual(list.lines(), ['a', 'b', 'x', 'c', 'd'])
})

test('getIndented strips the common indentation (docutils StringList.get_indented)', () => {
  const list = new StringList(['  a', '    b', '', '  c', 'd'], 'src')
  const [block, indent, blankFinish] = list.getIndented(0)
  assert.equal(indent, 2)
  assert.deepEqual(block.lines(), ['a', '  b', '', 'c'])
  assert.equal(blankFinish, false)
})
