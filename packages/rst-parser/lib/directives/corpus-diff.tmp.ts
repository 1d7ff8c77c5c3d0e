// Temporary: compare every corpus file with the oracle (deleted before hand-off).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
const files = execFileSync('find', [process.argv[2] ?? '/work/shared/corpus/sphinx-docs', '-name', '*.rst']).toString().trim().split('\n').sort()
const items = files.map((file) => ({ path: file, cwd: path.dirname(file) }))
writeFileSync('/tmp/dirtest/c-in.json', JSON.stringify(items))
execFileSync('/root/.cache/rst-oracle/bin/python', ['/tmp/dirtest/batch2.py', '/tmp/dirtest/c-in.json', '/tmp/dirtest/c-out.json'])
const expected = JSON.parse(readFileSync('/tmp/dirtest/c-out.json', 'utf8')) as string[]
let fail = 0
const report: string[] = []
items.forEach((item, index) => {
  if (expected[index]!.startsWith('PYERROR')) { console.log('PYERROR', item.path); return }
  const actual = toPseudoXml(parse(readFileSync(item.path, 'utf8'), { source: 'test data', settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', cwd: item.cwd } }))
  if (actual !== expected[index]) { fail++; console.log('FAIL', item.path); report.push(`===== ${item.path}\n` + simpleDiff(expected[index]!, actual)) }
})
function simpleDiff(a: string, b: string): string {
  const x = a.split('\n'), y = b.split('\n')
  let i = 0
  while (i < x.length && x[i] === y[i]) i++
  return `first difference at line ${i + 1}\n--- expected\n${x.slice(Math.max(0, i - 5), i + 10).join('\n')}\n--- actual\n${y.slice(Math.max(0, i - 5), i + 10).join('\n')}`
}
writeFileSync('/tmp/dirtest/c-diff.txt', report.join('\n'))
console.log(`fail ${fail}/${items.length}`)
