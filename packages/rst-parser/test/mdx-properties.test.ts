/**
 * Properties (fast-check): random RST → MDX always compiles, and the HTML it
 * renders nests validly (`test/util/html-nesting.ts`); serialising is
 * stable; every word of the doctree's text is kept (in the MDX or in a
 * diagnostic). `FC_RUNS` sets the number of documents (default 500),
 * `FC_SEED`/`FC_PATH` replay a reported failure.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { rstToMdx } from '../lib/convert.js'
import { mdxNestingProblems } from './util/html-nesting.js'
import { missingWords } from './util/text-preservation.js'
import { rstDocument, rstNoise } from './util/arbitrary-rst.js'

const runs = Number(process.env.FC_RUNS ?? 500)
/** Replay a failure printed by fast-check: `FC_SEED=<seed> FC_PATH=<path>` (the seed changes every run otherwise). */
const replay: fc.Parameters<unknown> = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}

const arbitrary = fc.oneof({ weight: 4, arbitrary: rstDocument }, { weight: 1, arbitrary: rstNoise })

test(`random RST → MDX compiles (${runs} documents)`, async () => {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (rst) => {
      const file = await rstToMdx(rst, { path: '/nonexistent/random.rst' })
      // Compiles, and its HTML nests validly (no block element inside a `<p>`…).
      const problems = await mdxNestingProblems(String(file.value))
      if (problems.length > 0) throw new Error(problems.join('\n'))
    }),
    { ...replay, numRuns: runs }
  )
})

test(`text preservation: every word reaches the MDX or a diagnostic (${Math.ceil(runs / 2)} documents)`, async () => {
  await fc.assert(
    fc.asyncProperty(rstDocument, async (rst) => {
      const file = await rstToMdx(rst, { path: '/nonexistent/random.rst' })
      const missing = missingWords(file)
      if (missing.length > 0) throw new Error(`missing words ${JSON.stringify(missing)}`)
    }),
    { ...replay, numRuns: Math.ceil(runs / 2) }
  )
})

test('conversion is deterministic', async () => {
  await fc.assert(
    fc.asyncProperty(rstDocument, async (rst) => {
      const first = String((await rstToMdx(rst, { path: '/nonexistent/random.rst' })).value)
      const second = String((await rstToMdx(rst, { path: '/nonexistent/random.rst' })).value)
      assert.equal(first, second)
    }),
    { numRuns: 50 }
  )
})
