// Temporary hunting harness (mdx-hardening), not committed.
import fc from 'fast-check'
import { rstToMdx } from '../../lib/convert.js'
import { rstDocument, rstNoise } from './arbitrary-rst.js'
import { mdxNestingProblems } from './html-nesting.js'
import { missingWords } from './text-preservation.js'

const runs = Number(process.argv[2] ?? 1000)
const seed0 = Number(process.argv[3] ?? Date.now() % 100000)
const seeds = Number(process.argv[4] ?? 1)
const nesting = process.env.NESTING !== '0'
const arbitrary = fc.oneof({ weight: 4, arbitrary: rstDocument }, { weight: 1, arbitrary: rstNoise })
let total = 0
for (let s = seed0; s < seed0 + seeds; s++) {
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (rst) => {
      const file = await rstToMdx(rst, { path: '/nonexistent/fuzz.rst' })
      const problems = await mdxNestingProblems(String(file.value))
      if (nesting && problems.length > 0) throw new Error(problems.join('\n'))
      const missing = missingWords(file)
      if (missing.length > 0) throw new Error(`missing words: ${missing.join(', ')}`)
    }),
    { numRuns: runs, seed: s }
  )
  if (result.failed) {
    console.log(`SEED ${s} FAILED after ${result.numRuns}`)
    console.log(JSON.stringify(result.counterexample?.[0]))
    console.log(String(result.errorInstance).slice(0, 1500))
    if (process.env.STOP) break
  } else { total += runs; console.log(`seed ${s}: ${runs} ok`) }
}
console.log('total ok', total)
