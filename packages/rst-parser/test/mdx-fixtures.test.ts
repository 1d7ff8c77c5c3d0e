/**
 * Golden fixtures: `test/fixtures/<construct>/tree.json` (docutils' doctree,
 * made with the oracle by `test/util/make-trees.ts`) → `output.mdx`.
 * A missing `output.mdx`/`messages.json` is written on first run; `UPDATE=1` rewrites all.
 * Every output must compile with @mdx-js/mdx + the Docusaurus remark plugins,
 * and its HTML must nest validly (no block element inside a paragraph); `rstToMdx` on
 * `input.rst` (our parser instead of docutils') must give the same output.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import type { RstElement } from '../lib/nodes.js'
import { rstToMdx } from '../lib/convert.js'
import { toMdast } from '../lib/to-mdast/index.js'
import { toMdx } from '../lib/to-mdx.js'
import { compileMdx } from './util/compile-mdx.js'
import { mdxNestingProblems } from './util/html-nesting.js'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

for (const name of readdirSync(fixtures).sort()) {
  const directory = path.join(fixtures, name)
  const treePath = path.join(directory, 'tree.json')
  if (!existsSync(treePath)) continue
  test(`fixture: ${name}`, async () => {
    const tree = JSON.parse(readFileSync(treePath, 'utf8')) as RstElement
    const file = new VFile({ path: path.join(directory, 'input.rst') })
    const actual = toMdx(toMdast(tree, { file }))
    const outputPath = path.join(directory, 'output.mdx')
    if (process.env.UPDATE || !existsSync(outputPath)) writeFileSync(outputPath, actual)
    assert.equal(actual, readFileSync(outputPath, 'utf8'))
    // Diagnostics too (`messages.json`, same update rules).
    const messages = file.messages.map((message) => ({
      line: message.line ?? null,
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      ruleId: message.ruleId ?? null,
      reason: message.reason
    }))
    const messagesPath = path.join(directory, 'messages.json')
    if (process.env.UPDATE || !existsSync(messagesPath)) writeFileSync(messagesPath, JSON.stringify(messages, null, 2) + '\n')
    assert.deepEqual(messages, JSON.parse(readFileSync(messagesPath, 'utf8')))
    await assert.doesNotReject(compileMdx(actual), `${name}/output.mdx compiles`)
    assert.deepEqual(await mdxNestingProblems(actual), [], `${name}/output.mdx nests validly as HTML`)
    // Through our own parser too: it builds docutils' doctree, so the MDX is the same golden output.
    // (`cwd` as the oracle ran: include paths in messages are relative to the fixture folder.)
    const inputPath = path.join(directory, 'input.rst')
    const converted = await rstToMdx(readFileSync(inputPath), { path: inputPath, settings: { cwd: directory } })
    assert.equal(String(converted.value), actual, `${name}: rstToMdx(input.rst) gives the golden output`)
  })
}
