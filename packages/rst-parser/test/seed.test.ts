/**
 * The seed page (content/docs/concurrency.rst) parses to exactly docutils' doctree.
 *
 * The expectation is docutils 0.22.4's own output: asked from the oracle when it is
 * available, otherwise read from `test/oracle/concurrency.pxml`, which the oracle
 * wrote (`oracle.py content/docs/concurrency.rst`) and which this test
 * re-checks against the oracle whenever it can.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parse, toPseudoXml } from '../index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const seed = path.resolve(here, '../../../content/docs/concurrency.rst')
const stored = path.join(here, 'oracle/concurrency.pxml')
const shared = path.resolve(here, '../../../../shared/conformance')

function askOracle(file: string): string | undefined {
  const python = path.join(process.env.RST_ORACLE_VENV ?? path.join(process.env.HOME ?? '', '.cache/rst-oracle'), 'bin/python')
  if (!existsSync(python) || !existsSync(path.join(shared, 'oracle.py'))) return undefined
  const result = spawnSync(python, [path.join(shared, 'oracle.py'), file], { encoding: 'utf8', timeout: 60_000 })
  return result.status === 0 ? result.stdout : undefined
}

test('the seed page equals docutils pseudo-XML (stored oracle output)', () => {
  const text = readFileSync(seed, 'utf8')
  // oracle.py names every document `test data` and turns syntax highlighting off.
  const actual = toPseudoXml(parse(text, { source: 'test data', settings: { syntax_highlight: 'none' } }))
  assert.equal(actual, readFileSync(stored, 'utf8'))
})

test('the stored oracle output is still what docutils says', (t) => {
  const live = askOracle(seed)
  if (live === undefined) {
    t.skip('docutils oracle not available (../shared/conformance/setup-oracle.sh)')
    return
  }
  const text = readFileSync(seed, 'utf8')
  assert.equal(toPseudoXml(parse(text, { source: 'test data', settings: { syntax_highlight: 'none' } })), live)
})
