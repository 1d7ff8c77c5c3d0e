/**
 * Pathological inputs (markdown-it `test/pathological.test.mjs`): each input
 * is parsed in a `Worker` that is terminated after a generous timeout, so a
 * hang fails the test instead of hanging CI. Each case runs at size n and 2n
 * and compares a deterministic work count (calls of string/regex primitives
 * and of the parser's methods, see `util/pathological-worker.ts`): linear
 * work roughly doubles, quadratic work quadruples. No timing is asserted.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Worker } from 'node:worker_threads'

/** Kill a parse after this long: only a hang (or a catastrophically slow parse) gets near it. */
const timeout = 20_000
/** work(2n) / work(n) must stay below this (2 for linear work, 4 for quadratic). */
const maximumRatio = 2.6

interface Outcome {
  type: string
  nodes: number
  work: number
}

const workerUrl = new URL('util/pathological-worker.ts', import.meta.url).href
const tsxApiUrl = import.meta.resolve('tsx/esm/api')

function parseInWorker(text: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // The worker is TypeScript: a tiny script loads it with tsx's API (the
    // `--import tsx` hooks of the test process do not apply in workers).
    const worker = new Worker(
      `import(${JSON.stringify(tsxApiUrl)}).then((api) => api.tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`,
      { eval: true, workerData: { text } }
    )
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error(`parse did not finish within ${timeout} ms`))
    }, timeout)
    worker.once('message', (outcome: Outcome) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(outcome)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    worker.once('exit', (code) => {
      clearTimeout(timer)
      if (code !== 0) reject(new Error(`worker exited with code ${code}`))
    })
  })
}

const line = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

interface Case {
  name: string
  /** Input of size `n`. */
  make: (n: number) => string
  /** Base size (the test also runs 2n). */
  n: number
}

const cases: Case[] = [
  // One line of up to 10 000 characters (docutils' default `line_length_limit`).
  { name: 'a line of `*`', make: (n) => line('*', n), n: 5000 },
  { name: 'a line of backquotes', make: (n) => line('`', n), n: 5000 },
  { name: 'a line of `|`', make: (n) => line('|', n), n: 5000 },
  { name: 'a line of `:`', make: (n) => line(':', n), n: 5000 },
  { name: 'a line of `_`', make: (n) => line('_', n), n: 5000 },
  { name: 'unterminated emphasis starts', make: (n) => 'x ' + line('*a ', n), n: 4000 },
  { name: 'unterminated strong starts', make: (n) => 'x ' + line('**a ', n), n: 4000 },
  { name: 'unterminated literal starts', make: (n) => 'x ' + line('``a ', n), n: 4000 },
  { name: 'unterminated interpreted text', make: (n) => 'x ' + line('`a ', n), n: 4000 },
  { name: 'unterminated substitution references', make: (n) => 'x ' + line('|a ', n), n: 4000 },
  { name: 'roles without text', make: (n) => 'x ' + line(':a: ', n), n: 4000 },
  { name: 'role prefixes before backquotes', make: (n) => 'x ' + line(':a:`', n), n: 4000 },
  { name: 'inline targets', make: (n) => 'x ' + line('_`a ', n), n: 4000 },
  { name: 'footnote reference starts', make: (n) => 'x ' + line('[#a ', n), n: 4000 },
  { name: 'reference names', make: (n) => 'x ' + line('a_b', n), n: 4000 },
  { name: 'URI-like text', make: (n) => 'x ' + line('a:b@c.', n), n: 4000 },
  { name: 'email-like text', make: (n) => 'x ' + line('a.b@', n), n: 4000 },
  { name: 'escaped characters', make: (n) => 'x ' + line('\\*', n), n: 4000 },
  { name: 'a paragraph of many short lines', make: (n) => Array.from({ length: n }, (_, i) => '*w' + i + '* ``x`` y_').join('\n'), n: 1000 },
  // Deep indentation: block quotes nested d levels deep, repeated (n lines in total).
  {
    name: 'deep indentation (depth 40)',
    make: (n) => {
      const lines: string[] = []
      for (let i = 0; lines.length < n; i++) lines.push(' '.repeat(i % 40) + 'x', '')
      return lines.join('\n')
    },
    n: 1000
  },
  {
    name: 'indented lines of one block quote',
    make: (n) => 'x\n\n' + Array.from({ length: n }, () => '    y').join('\n'),
    n: 2000
  },
  { name: 'nested bullet lists on one line', make: (n) => line('- ', n) + 'x', n: 200 },
  // Thousands of auto-numbered footnotes and references to them.
  { name: 'auto-numbered footnotes', make: (n) => Array.from({ length: n }, () => '.. [#] Footnote.').join('\n'), n: 2000 },
  { name: 'auto-numbered footnote references', make: (n) => line('[#]_ ', n * 5), n: 1000 },
  { name: 'labelled footnotes', make: (n) => Array.from({ length: n }, (_, i) => `.. [#f${i}] x [#f${i}]_`).join('\n'), n: 1000 },
  { name: 'anonymous targets', make: (n) => Array.from({ length: n }, () => '__ http://example.org/').join('\n'), n: 2000 },
  { name: 'substitution definitions', make: (n) => Array.from({ length: n }, (_, i) => `.. |s${i}| replace:: x`).join('\n'), n: 1000 },
  // Long adornment lines: titles, transitions, tables.
  { name: 'a long title', make: (n) => line('x', n) + '\n' + line('=', n), n: 4000 },
  { name: 'a long overlined title', make: (n) => line('=', n) + '\n' + line('x', n) + '\n' + line('=', n), n: 4000 },
  { name: 'a long transition', make: (n) => 'x\n\n' + line('-', n) + '\n\ny', n: 5000 },
  { name: 'many sections', make: (n) => Array.from({ length: n }, (_, i) => `T${i}\n${'=-~'[i % 3].repeat(4)}\n\nx\n`).join('\n'), n: 500 },
  { name: 'short underlines', make: (n) => Array.from({ length: n }, () => 'Title\n===').join('\n\n'), n: 1000 },
  { name: 'a wide simple table', make: (n) => { const border = line('= ', n).trimEnd(); return `${border}\n${line('a ', n)}\n${border}` }, n: 2000 },
  { name: 'a tall grid table', make: (n) => '+---+---+\n' + Array.from({ length: n }, () => '| a | b |\n+---+---+').join('\n'), n: 300 },
  { name: 'many option list items', make: (n) => Array.from({ length: n }, (_, i) => `-${'abcdefghij'[i % 10]} x  Description.`).join('\n'), n: 1000 },
  { name: 'many field list items', make: (n) => Array.from({ length: n }, (_, i) => `:f${i}: value`).join('\n'), n: 1000 }
]

for (const testCase of cases) {
  test(`pathological: ${testCase.name}`, async (t) => {
    // Separate workers (no memo tables warmed by the other size), run side by side.
    const [small, large] = await Promise.all([parseInWorker(testCase.make(testCase.n)), parseInWorker(testCase.make(testCase.n * 2))])
    assert.equal(small.type, 'document')
    assert.equal(large.type, 'document')
    assert.ok(large.nodes >= 1)
    const ratio = large.work / small.work
    t.diagnostic(`work ${small.work} → ${large.work} (×${ratio.toFixed(2)})`)
    assert.ok(
      ratio < maximumRatio,
      `work grows faster than linearly: ${small.work} for n = ${testCase.n}, ${large.work} for 2n (×${ratio.toFixed(2)})`
    )
  })
}

test('pathological: nesting deeper than the stack allows', async () => {
  // docutils stops with a RecursionError at about 150 levels; we parse the
  // first `maxNestingDepth` levels and keep the rest as a literal block.
  const text = Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'x').join('\n\n')
  const outcome = await parseInWorker(text)
  assert.equal(outcome.type, 'document')
  assert.ok(outcome.nodes > 256)
})
