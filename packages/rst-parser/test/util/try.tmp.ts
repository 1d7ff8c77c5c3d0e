import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { VFile } from 'vfile'
import { fromPseudoXml } from './from-pseudo-xml.js'
import { toMdast } from '../../lib/to-mdast/index.js'
import { toMdx } from '../../lib/to-mdx.js'
const input = process.argv[2]
const py = execFileSync('/work/shared/conformance/setup-oracle.sh').toString().trim()
const pxml = execFileSync(py, ['/work/shared/conformance/oracle.py', input]).toString()
const tree = fromPseudoXml(pxml)
const file = new VFile({ path: input })
const mdast = toMdast(tree, { file })
console.log(toMdx(mdast))
for (const m of file.messages) console.error(String(m), m.ruleId)
