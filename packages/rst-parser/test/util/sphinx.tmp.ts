import { readFileSync } from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { rstToMdx } from '../../lib/convert.js'
import { compileMdx } from './compile-mdx.js'
const base = process.argv[2]
const files = (await glob('**/*.rst', { cwd: base })).sort()
let ok = 0
const failures: string[] = []
for (const name of files) {
  const source = path.join(base, name)
  const file = await rstToMdx(readFileSync(source), { path: source })
  try { await compileMdx(String(file.value)); ok++ } catch (e) { failures.push(name + ': ' + String(e).slice(0, 300)) }
}
console.log(`${ok}/${files.length} compile`)
console.log(failures.join('\n'))
