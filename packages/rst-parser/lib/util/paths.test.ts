import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isInsideDirectory } from './paths.js'

test('isInsideDirectory: only a `..` segment leaves the directory', () => {
  assert.equal(isInsideDirectory('/docs', '/docs/a/b.rst'), true)
  assert.equal(isInsideDirectory('/docs', '/docs/..foo.rst'), true)
  assert.equal(isInsideDirectory('/docs', '/docs/../etc/passwd'), false)
  assert.equal(isInsideDirectory('/docs', '/other/x.rst'), false)
  assert.equal(isInsideDirectory('/docs', '/'), false)
})
