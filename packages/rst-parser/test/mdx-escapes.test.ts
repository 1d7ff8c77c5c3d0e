/**
 * Escapes added by `lib/to-mdx.ts` (each with its escaped and unescaped case),
 * and MDX traps from RST text, checked by compiling and reading back.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Root } from 'mdast'
import { rstToMdx } from '../lib/convert.js'
import { toMdx } from '../lib/to-mdx.js'
import { compileMdx } from './util/compile-mdx.js'

const paragraph = (value: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })
const label = (value: string): Root => ({
  type: 'root',
  children: [{ type: 'containerDirective', name: 'note', attributes: {}, children: [{ type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value }] }] }]
})

test('should encode `import `/`export ` at the start of a line', () => {
  assert.equal(toMdx(paragraph('import os')), '&#x69;mport os\n')
  assert.equal(toMdx(paragraph('export default x')), '&#x65;xport default x\n')
})

test('should not encode `import`/`export` elsewhere', () => {
  assert.equal(toMdx(paragraph('important exports')), 'important exports\n')
  assert.equal(toMdx(paragraph('we import os')), 'we import os\n')
})

test('should escape `<` and `{` in directive labels', () => {
  assert.equal(toMdx(label('I <3 {x}')), ':::note[I \\<3 \\{x}]\n:::\n')
})

test('should not escape `<` and `{` in directive content code', () => {
  const tree: Root = { type: 'root', children: [{ type: 'containerDirective', name: 'note', attributes: {}, children: [{ type: 'code', lang: null, meta: null, value: 'a <b> {c}' }] }] }
  assert.equal(toMdx(tree), ':::note\n```\na <b> {c}\n```\n:::\n')
})

test('MDX traps in RST text compile and keep their text', async () => {
  const rst = 'Traps\n=====\n\n{ } < > * _ [ ] a:b List<String> I <3 you\n\nimport os\n\nexport x\n\n<div>x</div>\n\n.. note:: <3 {x}\n'
  const file = await rstToMdx(rst)
  const mdx = String(file.value)
  const js = await compileMdx(mdx)
  for (const piece of ['List<String>', 'I <3 you', 'import os', 'export x', '<div>x</div>', 'a:b']) {
    assert.ok(js.includes(JSON.stringify(piece).slice(1, -1)) || js.includes(piece), `compiled output keeps ${piece}`)
  }
  assert.doesNotMatch(mdx, /\\\\/, 'no doubled backslashes')
})
