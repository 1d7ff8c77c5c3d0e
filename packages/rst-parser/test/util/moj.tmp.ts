import { readFileSync } from 'node:fs'
import { glob } from 'tinyglobby'
import { repairMojibake } from '../../lib/mojibake.js'
const files = await glob(['/work/shared/corpus/**/*.rst', '/work/shared/corpus/**/*.txt'])
let changed = 0
for (const f of files) { const r = repairMojibake(readFileSync(f, 'utf8')); if (r.repairs.length) { changed++; console.log(f, r.repairs.slice(0,3)) } }
console.log(files.length, 'files', changed, 'changed')
const seed = repairMojibake(readFileSync('/work/shared/seed/concurrency.rst','utf8'))
console.log(seed.repairs.map(r => r.from + '→' + r.to + ' ' + r.encoding))
console.log(repairMojibake('idÃ©es â€œquotedâ€\u009d ã‚³ãƒ³').value)
