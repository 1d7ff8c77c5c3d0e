/**
 * Conformance helpers: run docutils' extracted test cases and the corpus
 * through our parser and compare pseudo-XML strings.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '../../lib/parse.js'
import { toPseudoXml } from '../../lib/pformat.js'
import type { Settings } from '../../lib/settings.js'

export interface ConformanceCase {
  id: string
  cwd: string
  settings: Partial<Settings>
  flags: string[]
  input: string
  expected: string
}

export interface CaseResult {
  id: string
  file: string
  pass: boolean
  actual: string
  expected: string
  error?: string
}

const here = path.dirname(fileURLToPath(import.meta.url))
/** `<repo>/../shared` */
export const sharedDirectory = path.resolve(here, '..', '..', '..', '..', '..', 'shared')
export const conformanceDirectory = path.join(sharedDirectory, 'conformance', 'docutils-0.22.4')
export const casesPath = path.join(conformanceDirectory, 'cases.json')
export const filesDirectory = path.join(conformanceDirectory, 'files')
export const corpusDirectory = path.join(sharedDirectory, 'corpus', 'docutils-docs')
export const corpusExpectedDirectory = path.join(conformanceDirectory, 'corpus-expected')

export function haveShared(): boolean {
  return existsSync(casesPath)
}

export function loadCases(): ConformanceCase[] {
  return JSON.parse(readFileSync(casesPath, 'utf8')) as ConformanceCase[]
}

/** Parse one case as docutils' test suite does (`warning_stream = ''`). */
export function runCase(testCase: ConformanceCase): CaseResult {
  const file = testCase.id.split('#')[0]
  const settings: Partial<Settings> = {
    warning_stream: '',
    syntax_highlight: 'none',
    ...testCase.settings,
    cwd: path.join(filesDirectory, testCase.cwd || '.')
  }
  try {
    const actual = toPseudoXml(parse(testCase.input, { source: 'test data', settings }))
    return { id: testCase.id, file, pass: actual === testCase.expected, actual, expected: testCase.expected }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)
    return { id: testCase.id, file, pass: false, actual: '', expected: testCase.expected, error: message }
  }
}

export function scoredCases(cases: ConformanceCase[]): ConformanceCase[] {
  return cases.filter((c) => !c.flags.includes('special-setup'))
}

/** Every `.rst` under the corpus, relative paths. */
export function corpusFiles(): string[] {
  const result: string[] = []
  const walk = (directory: string, prefix: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const full = path.join(directory, name)
      const relative = prefix ? `${prefix}/${name}` : name
      if (statSync(full).isDirectory()) walk(full, relative)
      else if (name.endsWith('.rst')) result.push(relative)
    }
  }
  if (existsSync(corpusDirectory)) walk(corpusDirectory, '')
  return result
}

/** Parse one corpus file as the oracle did (source `test data`, own folder as cwd). */
export function runCorpusFile(relative: string): CaseResult {
  const full = path.join(corpusDirectory, relative)
  const expectedPath = path.join(corpusExpectedDirectory, relative + '.pxml')
  const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : ''
  try {
    const input = readFileSync(full, 'utf8')
    const actual = toPseudoXml(
      parse(input, { source: 'test data', settings: { warning_stream: '', syntax_highlight: 'none', cwd: path.dirname(full) } })
    )
    return { id: relative, file: relative, pass: actual === expected, actual, expected }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)
    return { id: relative, file: relative, pass: false, actual: '', expected, error: message }
  }
}

/** Per-file scores: file → [passed, total]. */
export function scoreByFile(results: CaseResult[]): Map<string, [number, number]> {
  const scores = new Map<string, [number, number]>()
  for (const result of results) {
    const score = scores.get(result.file) ?? [0, 0]
    score[1]++
    if (result.pass) score[0]++
    scores.set(result.file, score)
  }
  return scores
}
