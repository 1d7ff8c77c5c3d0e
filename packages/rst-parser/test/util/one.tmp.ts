import { rstToMdx } from '../../lib/convert.js'
import { compileMdx } from './compile-mdx.js'
const rst = JSON.parse(process.argv[2])
const file = await rstToMdx(rst, { path: '/nonexistent/x.rst' })
console.log(String(file.value))
for (const m of file.messages) console.log('MSG', String(m), m.ruleId)
try { await compileMdx(String(file.value)); console.log('COMPILES') } catch (e) { console.log('FAIL', String(e)) }
import { missingWords } from './text-preservation.js'
console.log('MISSING', missingWords(file))
