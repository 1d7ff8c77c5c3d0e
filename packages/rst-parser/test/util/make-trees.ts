/**
 * Regenerate `test/fixtures/*\/tree.json` from docutils (the pinned oracle's python, `dump-tree.py`).
 *
 * Needs python + docutils 0.22.4 (`../shared/conformance/setup-oracle.sh`);
 * the tests themselves only read the checked-in JSON. Writes a missing
 * tree.json, or all of them with `UPDATE=1`. The input goes through
 * mojibake repair first, as `rstToMdx` does.
 *
 *     node --import tsx test/util/make-trees.ts
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { repairMojibake } from '../../lib/mojibake.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const shared = path.resolve(fixtures, '../../../../../shared/conformance')
const python = execFileSync(path.join(shared, 'setup-oracle.sh')).toString().trim()
const dumper = fileURLToPath(new URL('dump-tree.py', import.meta.url))

for (const name of readdirSync(fixtures).sort()) {
  const directory = path.join(fixtures, name)
  const treePath = path.join(directory, 'tree.json')
  if (existsSync(treePath) && !process.env.UPDATE) continue
  const input = repairMojibake(readFileSync(path.join(directory, 'input.rst'), 'utf8')).value
  const json = execFileSync(python, [dumper, '-'], { cwd: directory, input }).toString()
  writeFileSync(treePath, json)
  console.log('wrote', path.relative(process.cwd(), treePath))
}
