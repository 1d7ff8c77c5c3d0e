import { readFileSync } from 'node:fs'
import { rstToMdx } from '../../lib/convert.js'
const path = process.argv[2]
const file = await rstToMdx(readFileSync(path), { path })
console.log(String(file.value))
for (const m of file.messages) console.error(String(m), m.ruleId, m.fatal)
