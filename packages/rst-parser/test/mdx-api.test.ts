/**
 * Public API: export list, option validation, `rstToMdx` on the seed page,
 * `decodeRst`, and the unified plugins.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import * as api from '../index.js'
import { decodeRst, rstToMdx } from '../index.js'
import { rstParse, rstToMdast } from '../index.js'
import type { RstElement } from '../index.js'
import { compileMdx } from './util/compile-mdx.js'

const seedPath = new URL('../../../content/docs/concurrency.rst', import.meta.url)

test('exports exactly the public API', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'decodeRst', 'defaultHandlers', 'parse', 'repairMojibake', 'rstParse', 'rstToMdast', 'rstToMdx', 'toMdast', 'toMdx', 'toPseudoXml'
  ])
})

test('rstToMdx validates options once, with clear errors', async () => {
  await assert.rejects(rstToMdx('x', { strict: 'yes' as unknown as boolean }), /Cannot use `yes` for `options.strict`, expected boolean/)
  await assert.rejects(rstToMdx('x', { images: { resolve: 3 as unknown as string } }), /options.images.resolve/)
  await assert.rejects(rstToMdx('x', { colour: true } as never), /unknown option `colour`/)
  await assert.rejects(rstToMdx(3 as unknown as string), /expected string or Uint8Array/)
})

test('seed page: 3 admonitions, python code blocks, remote images, missing image placeholder + warning', async () => {
  const file = await rstToMdx(readFileSync(seedPath), { path: seedPath.pathname })
  const mdx = String(file.value)
  assert.equal(mdx.match(/^:::(note|tip|info|warning|danger)$/gm)?.length, 3, 'three admonitions')
  assert.match(mdx, /^:::note$/m)
  assert.match(mdx, /^:::tip$/m)
  assert.match(mdx, /^:::warning$/m)
  // The brief says 4, but concurrency.rst has exactly three `.. code-block:: python` (lines 11, 17, 34).
  assert.equal(mdx.match(/^```python$/gm)?.length, 3, 'every python code block')
  assert.equal(mdx.match(/<img src="(https:\/\/fastapi\.tiangolo\.com\/[^"]+)" alt="\1" loading="lazy" \/>/g)?.length, 4, 'four remote images')
  assert.match(mdx, /:::danger\[Missing image\]\n<span className="rstmdx-missing-image"/)
  assert.match(mdx, /^title: "Concurrency and async \/ await"$/m)
  assert.match(mdx, /## In a Hurry\? \{\/\* #in-a-hurry \*\/\}/)
  assert.ok(mdx.includes('😍') && mdx.includes('🍔🍔') && !mdx.includes('üòç'), 'mojibake repaired')
  const warning = file.messages.find((message) => message.ruleId === 'image-not-found')
  assert.ok(warning, 'missing image warning')
  assert.equal(warning.line, 100)
  assert.equal(warning.source, 'rst-parser')
  assert.equal(warning.fatal, false)
  assert.match(warning.reason, /_static\/burger3\.png/)
  assert.ok(file.messages.filter((message) => message.ruleId === 'mojibake-repaired').length >= 6)
  await compileMdx(mdx)
})

test('mojibake repair can be switched off', async () => {
  const file = await rstToMdx(readFileSync(seedPath), { path: seedPath.pathname, mojibake: false })
  assert.ok(String(file.value).includes('üòç'))
  assert.equal(file.messages.filter((message) => message.ruleId === 'mojibake-repaired').length, 0)
})

test('strict turns warnings into errors', async () => {
  const file = await rstToMdx('Title\n-----\n\n.. image:: nope.png\n', { path: '/tmp/strict.rst', strict: true })
  assert.ok(file.messages.length > 0)
  assert.ok(file.messages.every((message) => message.fatal !== false))
})

test('decodeRst: BOM stripped, CRLF normalised, invalid bytes → U+FFFD with offsets', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0xff, 0x63, 0x0d, 0x64, 0xc3])
  const decoded = decodeRst(bytes)
  assert.equal(decoded.value, 'a\nb\ufffdc\nd\ufffd')
  assert.deepEqual(decoded.invalid, [7, 11])
})

test('rstToMdx reports invalid UTF-8 with the byte offset', async () => {
  const file = await rstToMdx(new Uint8Array([0x61, 0x80, 0x62, 0x0a]))
  const message = file.messages.find((item) => item.ruleId === 'invalid-utf8')
  assert.ok(message)
  assert.match(message.reason, /offset 1/)
  assert.ok(String(file.value).includes('a\ufffdb'))
})

test('unified: rstParse + rstToMdast + remark-stringify', async () => {
  const processor = unified().use(rstParse).use(rstToMdast).use(remarkStringify)
  const file = await processor.process('Title\n=====\n\n.. note:: Hi {there}\n\n.. code:: python\n\n   x = 1\n')
  const value = String(file)
  assert.match(value, /^title: "Title"$/m)
  assert.match(value, /^:::note\nHi \\\{there}\n:::$/m)
  assert.match(value, /^```python\nx = 1\n```$/m)
  await compileMdx(value)
})

test('rstLinkExtension rewrites relative .rst links only', async () => {
  const rst = '`a <intro.rst#part>`_ `b <https://x.org/y.rst>`_ `c <../guide.rst>`_ `d <#here>`_\n'
  const kept = String((await rstToMdx(rst)).value)
  assert.match(kept, /\(intro\.rst#part\)/)
  const value = String((await rstToMdx(rst, { rstLinkExtension: '.mdx' })).value)
  assert.match(value, /\[a\]\(intro\.mdx#part\)/)
  assert.match(value, /\[b\]\(https:\/\/x\.org\/y\.rst\)/)
  assert.match(value, /\[c\]\(\.\.\/guide\.mdx\)/)
  assert.match(value, /\[d\]\(#here\)/)
})

test('toMdast: unknown nodes keep their children and report a diagnostic', async () => {
  const { toMdast, toMdx } = api
  const { VFile } = await import('vfile')
  const file = new VFile()
  const tree: RstElement = {
    type: 'document',
    attributes: {},
    children: [{ type: 'fancy_box', attributes: {}, children: [{ type: 'paragraph', attributes: {}, children: [{ type: 'text', value: 'kept {text}' }] }] }]
  }
  const mdx = toMdx(toMdast(tree, { file }))
  assert.equal(mdx, ':::warning[Unsupported node: fancy_box]\nkept \\{text}\n:::\n')
  assert.equal(file.messages.length, 1)
  assert.equal(file.messages[0].ruleId, 'unknown-node')
  assert.match(file.messages[0].reason, /fancy_box/)
  // With the source text and positions, the callout quotes the original RST.
  const value = '.. fancy:: {x}\n'
  const located: RstElement = {
    type: 'document',
    attributes: {},
    children: [{ type: 'fancy_box', attributes: {}, children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 15, offset: 14 } } }]
  }
  assert.equal(toMdx(toMdast(located, { value })), ':::warning[Unsupported node: fancy_box]\n```rst\n.. fancy:: {x}\n```\n:::\n')
})

test('toMdast: handlers are a table keyed by docutils names; options are validated', () => {
  assert.equal(typeof api.defaultHandlers.literal_block, 'function')
  assert.equal(api.defaultHandlers.literal_block.name, 'literalBlock')
  assert.equal(api.defaultHandlers.block_quote.name, 'blockQuote')
  const tree = { type: 'document', attributes: {}, children: [] }
  assert.throws(() => api.toMdast(tree, { images: 'x' as never }), /Cannot use `x` for `options.images`, expected object/)
  assert.throws(() => api.toMdast(tree, { root: 1 as never }), /options.root/)
})
