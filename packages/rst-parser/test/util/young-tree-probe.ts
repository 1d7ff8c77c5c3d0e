/**
 * Probe for `young-tree.test.ts` (run with `node --allow-natives-syntax`):
 * parses the docutils-docs corpus a few times (so V8 has seen the allocation
 * sites survive), then parses small documents and reports, per kind of tree
 * part, how many are in the young generation right after their parse. A
 * part allocated old was pretenured (see `lib/util/arrays.ts` for why that
 * must not happen). Prints one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from '../../lib/parse.js'
import { isElement, type RstNode } from '../../lib/nodes.js'
import { corpusDirectory, corpusFiles } from '../conformance/cases.js'

if (!existsSync(corpusDirectory)) {
  console.log(JSON.stringify({ skipped: `corpus not found at ${corpusDirectory}` }))
  process.exit(0)
}

// `%InYoungGeneration` is V8 natives syntax (not TypeScript): compiled at run time.
const isYoung = new Function('value', 'return %InYoungGeneration(value)') as (value: object) => boolean

const files = corpusFiles().map((relative) => {
  const file = path.join(corpusDirectory, relative)
  return { file, text: readFileSync(file, 'utf8') }
})
const parseFile = (file: string, text: string) =>
  parseDocument(text, { source: 'test data', settings: { warning_stream: '', syntax_highlight: 'none', cwd: path.dirname(file) } })

for (let pass = 0; pass < 4; pass++) for (const { file, text } of files) parseFile(file, text)

const counts: Record<string, { young: number; old: number }> = {}
const tally = (kind: string, value: object): void => {
  const count = (counts[kind] ??= { young: 0, old: 0 })
  if (isYoung(value)) count.young++
  else count.old++
}
const walk = (node: RstNode): void => {
  tally(node.type === 'text' ? 'text node' : 'element', node)
  if (node.position) tally('position', node.position)
  if (!isElement(node)) return
  tally('attributes', node.attributes)
  for (const value of Object.values(node.attributes)) if (Array.isArray(value)) tally('list attribute', value)
  tally('children', node.children)
  for (const child of node.children) walk(child)
}
for (const { file, text } of files.filter((each) => each.text.length < 15_000).slice(0, 20)) {
  const document = parseFile(file, text)
  walk(document.root)
  for (const entry of document.pending) tally('pending entry', entry)
}
console.log(JSON.stringify({ counts }))
