/**
 * Conformance: docutils 0.22.4's own parser tests (`cases.json`) and the
 * docutils-docs corpus, compared as pseudo-XML strings. Fails when the number
 * of passing cases drops below `floor.json` (which may only go up).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { corpusFiles, haveShared, loadCases, runCase, runCorpusFile, scoreByFile, scoredCases, sharedDirectory } from './cases.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const floor = JSON.parse(readFileSync(path.join(here, 'floor.json'), 'utf8')) as { cases: number; corpus: number }
const skip = haveShared() ? false : `shared reference material not found at ${sharedDirectory}`

test('docutils conformance cases', { skip }, () => {
  const cases = scoredCases(loadCases())
  const results = cases.map(runCase)
  const lines: string[] = []
  for (const [file, [pass, total]] of scoreByFile(results)) {
    const failing = results.filter((r) => r.file === file && !r.pass).map((r) => r.id)
    lines.push(`${file}: ${pass}/${total}${failing.length > 0 ? ` (failing: ${failing.join(', ')})` : ''}`)
  }
  const passed = results.filter((r) => r.pass).length
  const nonDirective = results.filter((r) => !r.id.startsWith('test_directives/'))
  lines.push(`non-directive: ${nonDirective.filter((r) => r.pass).length}/${nonDirective.length}`)
  lines.push(`total: ${passed}/${results.length} (floor ${floor.cases})`)
  console.log(lines.join('\n'))
  assert.ok(passed >= floor.cases, `conformance dropped below the floor: ${passed} < ${floor.cases}`)
})

test('docutils-docs corpus', { skip }, () => {
  const files = corpusFiles()
  const results = files.map(runCorpusFile)
  const failing = results.filter((r) => !r.pass).map((r) => r.id)
  const passed = results.length - failing.length
  console.log(`corpus: ${passed}/${results.length} (floor ${floor.corpus})${failing.length > 0 ? `\nfailing: ${failing.join(', ')}` : ''}`)
  assert.ok(passed >= floor.corpus, `corpus conformance dropped below the floor: ${passed} < ${floor.corpus}`)
})
