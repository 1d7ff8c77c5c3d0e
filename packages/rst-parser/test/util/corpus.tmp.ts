import { readFileSync } from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { rstToMdx } from '../../lib/convert.js'
const base = process.argv[2]
const files = (await glob('**/*.rst', { cwd: base })).sort()
const counts = new Map<string, number>()
let crashes = 0
for (const name of files) {
  const source = path.join(base, name)
  const file = await rstToMdx(readFileSync(source), { path: source })
  for (const m of file.messages) {
    counts.set(m.ruleId ?? '?', (counts.get(m.ruleId ?? '?') ?? 0) + 1)
    if (m.ruleId === 'parser-crash') { crashes++; console.log(name, m.reason.slice(0, 200)) }
  }
}
console.log(files.length, 'files; crashes', crashes)
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30))
