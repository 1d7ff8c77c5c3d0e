// Temporary: include option fuzzing against the oracle (deleted before hand-off).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
const cwd = '/work/shared/conformance/docutils-0.22.4/files/test_directives'
const file = fc.constantFrom('include1.rst', 'include2.rst', 'include3.rst', 'include8.rst', 'include10.rst', 'include12.rst', 'include13.rst', 'include_literal.rst', 'includes/include4.rst', 'includes/include15.rst', 'empty.rst', 'include.md', 'raw1.rst', 'utf-16.csv', 'nope.rst', 'includes', '<isonum.txt>', '<s5defs.txt>', '../includes/include9.rst')
const option = fc.oneof(
  fc.constant('   :literal:'), fc.constant('   :code:'), fc.constant('   :code: python'), fc.constant('   :number-lines:'), fc.constant('   :number-lines: 5'),
  fc.integer({ min: -4, max: 6 }).map((n) => `   :start-line: ${n}`), fc.integer({ min: -4, max: 8 }).map((n) => `   :end-line: ${n}`),
  fc.constantFrom('here', '.. start here', 'In', 'x', 'Inclusion', '\\n').map((t) => `   :start-after: ${t}`),
  fc.constantFrom('here', '.. stop here', 'used', 'zzz', '-').map((t) => `   :end-before: ${t}`),
  fc.constantFrom('-1', '0', '2', '4').map((t) => `   :tab-width: ${t}`), fc.constantFrom('utf-8', 'latin-1', 'ascii', 'utf-16').map((t) => `   :encoding: ${t}`),
  fc.constantFrom('rst', 'null').map((t) => `   :parser: ${t}`), fc.constant('   :class: c'), fc.constant('   :name: n')
)
const block = fc.tuple(file, fc.uniqueArray(option, { maxLength: 4, selector: (o) => o.split(':')[1] }), fc.constantFrom('', '   ', '* '))
  .map(([f, opts, prefix]) => [`.. include:: ${f}`, ...opts].map((l, i) => (i === 0 ? prefix : prefix ? ' '.repeat(prefix.length) : '') + l).join('\n'))
const settingsChoices = [{}, {}, { tab_width: 4 }, { file_insertion_enabled: false }]
const inputs = fc.sample(fc.tuple(fc.array(block, { minLength: 1, maxLength: 3 }), fc.constantFrom(...settingsChoices)).map(([b, settings]) => ({ text: 'Title\n=====\n\n' + b.join('\n\nPara.\n\n') + '\n\nEnd.\n', settings })), { numRuns: Number(process.env.N ?? 500), seed: Number(process.env.SEED ?? 1) })
writeFileSync('/tmp/dirtest/in.json', JSON.stringify(inputs))
execFileSync('/root/.cache/rst-oracle/bin/python', ['/tmp/dirtest/batch_oracle.py', '/tmp/dirtest/in.json', '/tmp/dirtest/out.json', cwd])
const expected = JSON.parse(readFileSync('/tmp/dirtest/out.json', 'utf8')) as string[]
let fail = 0, skipped = 0
const report: string[] = []
inputs.forEach((input, index) => {
  if (expected[index]!.startsWith('PYERROR')) { skipped++; return }
  let actual: string
  try { actual = toPseudoXml(parse(input.text, { source: 'test data', settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', cwd, ...input.settings } })) } catch (error) { actual = 'THROWN ' + (error as Error).stack }
  if (actual !== expected[index]) { fail++; report.push(`===== ${index} ${JSON.stringify(input.settings)}\n--- input\n${input.text}\n--- expected\n${expected[index]}\n--- actual\n${actual}`) }
})
writeFileSync('/tmp/dirtest/diff.txt', report.join('\n'))
console.log(`fail ${fail}/${inputs.length} (oracle crashed on ${skipped})`)
