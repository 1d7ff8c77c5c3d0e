/**
 * Escapes added by `lib/to-mdx.ts` (each with its escaped and unescaped case),
 * and MDX traps from RST text, checked by compiling and reading back.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { List, ListItem, Paragraph, Root } from 'mdast'
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

test('should escape a `:` that starts a text directive after an escaped character', () => {
  assert.equal(toMdx(paragraph('<:b [:b')), '\\<\\:b \\[\\:b\n')
  assert.equal(toMdx(label('re:Invent')), ':::note[re\\:Invent]\n:::\n')
})

test('should not escape a `:` before punctuation or whitespace', () => {
  assert.equal(toMdx(paragraph('<: a: b:: [:')), '\\<: a: b:: \\[:\n')
  assert.equal(toMdx(label('a: b')), ':::note[a: b]\n:::\n')
})

test('should write a thematic break first in the document with asterisks (not front matter)', () => {
  const tree: Root = { type: 'root', children: [{ type: 'thematicBreak' }, { type: 'paragraph', children: [{ type: 'text', value: 'a' }] }, { type: 'thematicBreak' }] }
  assert.equal(toMdx(tree), '***\n\na\n\n---\n')
})

const textParagraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })
const orderedList = (start: number): List => ({
  type: 'list',
  ordered: true,
  start,
  spread: false,
  children: [{ type: 'listItem', spread: false, children: [textParagraph('x')] }]
})
const tightItem = (children: ListItem['children']): Root => ({
  type: 'root',
  children: [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children }] }]
})

test('should put a blank line before a block quote or list item starting with a list that cannot interrupt a paragraph', () => {
  assert.equal(toMdx(tightItem([textParagraph('a'), { type: 'blockquote', children: [orderedList(3)] }])), '- a\n\n  > 3. x\n')
  const nested: List = { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [orderedList(3)] }] }
  assert.equal(toMdx(tightItem([textParagraph('a'), nested])), '- a\n\n  - 3. x\n')
})

test('should not put a blank line before a block quote or list that can interrupt a paragraph', () => {
  assert.equal(toMdx(tightItem([textParagraph('a'), { type: 'blockquote', children: [orderedList(1)] }])), '- a\n  > 1. x\n')
})

test('should keep text docutils did not link out of GFM autolink literals', async () => {
  // Checked with the docutils 0.22.4 oracle: only the standalone `http://x.y`,
  // `a@b.co`, `HTTP://up.y` and `mailto:m@n.co` become references; `www.`,
  // emphasis, `:title:` and `xhttp://` text stay text.
  const rst = [
    'Plain www.example.com and http://x.y and a@b.co here.',
    '',
    'Emphasis *www.x.y* and *http://x.y* and *a@b.co*.',
    '',
    'Title :title:`http://t.y` and :title:`a@t.co` and :title:`www.t.y`.',
    '',
    'Odd HTTP://up.y and mailto:m@n.co and xhttp://q.y.',
    '',
    '.. admonition:: See *www.l.y*',
    '',
    '   Body.',
    ''
  ].join('\n')
  const mdx = String((await rstToMdx(rst)).value)
  const js = await compileMdx(mdx)
  const hrefs = [...js.matchAll(/href="([^"]*)"/g)].map((match) => match[1])
  assert.deepEqual(hrefs, ['http://x.y', 'mailto:a@b.co', 'HTTP://up.y', 'mailto:m@n.co'])
  for (const piece of ['www.example.com', 'www.x.y', 'http://x.y', 'a@b.co', 'http://t.y', 'a@t.co', 'www.t.y', 'xhttp://q.y', 'www.l.y']) {
    assert.ok(js.replaceAll('"}{}{"', '').includes(piece), `compiled output keeps ${piece}`)
  }
  assert.doesNotMatch(mdx, /\\\\/, 'no doubled backslashes')
})

test('should split autolink-like text with an empty expression, not inside links', () => {
  assert.equal(toMdx(paragraph('www.x.y http://x.y a@b.co')), 'www{}.x.y http{}://x.y a{}@b.co\n')
  assert.equal(toMdx(paragraph('xhttp://q.y a@b @c.d')), 'xhttp\\://q.y a\\@b @c.d\n')
  assert.equal(toMdx(label('www.x.y')), ':::note[www{}.x.y]\n:::\n')
  const link: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'http://x.y', children: [{ type: 'text', value: 'http://x.y' }] }] }] }
  assert.equal(toMdx(link), '[http://x.y](http://x.y)\n')
})
