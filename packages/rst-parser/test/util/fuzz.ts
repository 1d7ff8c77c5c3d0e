/**
 * `pnpm fuzz [N]` — convert N random RST documents (default 2000) and check
 * that every MDX compiles and keeps every word. Prints a counterexample on
 * failure (fast-check shrinks it) and exits 1.
 */
import fc from 'fast-check'
import { rstToMdx } from '../../lib/convert.js'
import { rstDocument, rstNoise } from './arbitrary-rst.js'
import { compileMdx } from './compile-mdx.js'
import { missingWords } from './text-preservation.js'

const runs = Number(process.argv[2] ?? 2000)
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`fuzz: expected a positive number of documents, got \`${process.argv[2]}\``)
  process.exit(2)
}
const arbitrary = fc.oneof({ weight: 4, arbitrary: rstDocument }, { weight: 1, arbitrary: rstNoise })
const started = Date.now()
const result = await fc.check(
  fc.asyncProperty(arbitrary, async (rst) => {
    const file = await rstToMdx(rst, { path: '/nonexistent/fuzz.rst' })
    await compileMdx(String(file.value))
    const missing = missingWords(file)
    if (missing.length > 0) throw new Error(`missing words: ${missing.join(', ')}`)
  }),
  { numRuns: runs }
)
if (result.failed) {
  console.error(fc.defaultReportMessage(result))
  process.exit(1)
}
console.log(`fuzz: ${runs} random documents converted, all compiled and kept their text (${((Date.now() - started) / 1000).toFixed(1)} s)`)
