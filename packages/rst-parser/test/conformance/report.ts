/**
 * CLI: print conformance scores and failing ids; `--show ID` prints a diff.
 *   node --import tsx test/conformance/report.ts [--show id] [--filter prefix] [--corpus]
 */
import { loadCases, runCase, runCorpusFile, corpusFiles, scoreByFile, scoredCases } from './cases.js'

const args = process.argv.slice(2)
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : undefined
const corpus = args.includes('--corpus')

if (corpus) {
  const results = corpusFiles().filter((f) => !filter || f.startsWith(filter)).map(runCorpusFile)
  for (const r of results) {
    console.log(`${r.pass ? 'PASS' : 'FAIL'} ${r.id}${r.error ? ' ' + r.error.split('\n')[0] : ''}`)
    if (show && r.id === show) diff(r.expected, r.actual, r.error)
  }
  console.log(`corpus: ${results.filter((r) => r.pass).length}/${results.length}`)
} else {
  const cases = scoredCases(loadCases()).filter((c) => !filter || c.id.startsWith(filter))
  if (show) {
    const c = cases.find((x) => x.id === show)!
    const r = runCase(c)
    console.log('--- input\n' + c.input)
    console.log('--- settings ' + JSON.stringify(c.settings))
    diff(r.expected, r.actual, r.error)
  } else {
    const results = cases.map(runCase)
    const scores = scoreByFile(results)
    for (const [file, [pass, total]] of scores) {
      const failing = results.filter((r) => r.file === file && !r.pass).map((r) => r.id.split('#')[1])
      console.log(`${file.padEnd(45)} ${pass}/${total}${failing.length ? '  fail: ' + failing.join(',') : ''}`)
    }
    const nonDirective = results.filter((r) => !r.id.startsWith('test_directives/'))
    console.log(`non-directive: ${nonDirective.filter((r) => r.pass).length}/${nonDirective.length}`)
    console.log(`all: ${results.filter((r) => r.pass).length}/${results.length}`)
  }
}

function diff(expected: string, actual: string, error?: string): void {
  if (error) console.log('--- error\n' + error)
  const e = expected.split('\n')
  const a = actual.split('\n')
  console.log('--- expected / +++ actual')
  const n = Math.max(e.length, a.length)
  let shown = 0
  for (let i = 0; i < n && shown < 80; i++) {
    if (e[i] !== a[i]) {
      console.log(`${i + 1}: - ${JSON.stringify(e[i])}\n${i + 1}: + ${JSON.stringify(a[i])}`)
      shown++
    }
  }
}
