/**
 * Properties (fast-check): random RST → MDX always compiles; serialising is
 * stable; every word of the doctree's text is kept (in the MDX or in a
 * diagnostic). `FC_RUNS` sets the number of documents (default 500).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createProcessor } from '@mdx-js/mdx'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import { rstToMdx } from '../lib/convert.js'
import { astext, isText, type RstElement, type RstNode } from '../lib/nodes.js'
import { compileMdx } from './util/compile-mdx.js'
import { rstDocument, rstNoise } from './util/arbitrary-rst.js'

const runs = Number(process.env.FC_RUNS ?? 500)
const mdxParser = createProcessor({ remarkPlugins: [remarkGfm, remarkDirective, remarkMath] })

const arbitrary = fc.oneof({ weight: 4, arbitrary: rstDocument }, { weight: 1, arbitrary: rstNoise })

test(`random RST → MDX compiles (${runs} documents)`, async () => {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (rst) => {
      const file = await rstToMdx(rst, { path: '/nonexistent/random.rst' })
      await compileMdx(String(file.value))
    }),
    { numRuns: runs }
  )
})

/** Words (letters/digits) of a string. */
function words(value: string): string[] {
  return value.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Text of the doctree that must survive (comments and unused substitution definitions are not rendered, as in docutils). */
function keptText(node: RstNode, out: string[]): void {
  if (isText(node)) {
    out.push(astext(node))
    return
  }
  // A substitution reference is replaced by its definition's content, by design.
  if (node.type === 'comment' || node.type === 'substitution_definition' || node.type === 'substitution_reference') return
  for (const child of (node as RstElement).children) keptText(child, out)
}

/** All text of parsed MDX: text, code, math, JSX attribute values, front matter. */
function mdxText(node: Nodes, out: string[]): void {
  if ('value' in node && typeof node.value === 'string') out.push(node.value)
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attribute of node.attributes) if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') out.push(attribute.value)
  }
  if ('children' in node) for (const child of node.children) mdxText(child as Nodes, out)
}

test(`text preservation: every word reaches the MDX or a diagnostic (${Math.ceil(runs / 2)} documents)`, async () => {
  await fc.assert(
    fc.asyncProperty(rstDocument, async (rst) => {
      const file = await rstToMdx(rst, { path: '/nonexistent/random.rst' })
      const tree = file.data.tree as RstElement
      const expected: string[] = []
      keptText(tree, expected)
      const body = String(file.value).replace(/^---\n[\s\S]*?\n---\n/, '')
      const found: string[] = [String(file.value)]
      mdxText(mdxParser.parse(body) as Nodes, found)
      for (const message of file.messages) found.push(message.reason, message.note ?? '')
      const available = new Set(words(found.join(' ')))
      const missing = [...new Set(words(expected.join(' ')))].filter((item) => !available.has(item))
      assert.deepEqual(missing, [], `missing words ${JSON.stringify(missing)} for input:\n${rst}`)
    }),
    { numRuns: Math.ceil(runs / 2) }
  )
})

test('conversion is deterministic', async () => {
  await fc.assert(
    fc.asyncProperty(rstDocument, async (rst) => {
      const first = String((await rstToMdx(rst, { path: '/nonexistent/random.rst' })).value)
      const second = String((await rstToMdx(rst, { path: '/nonexistent/random.rst' })).value)
      assert.equal(first, second)
    }),
    { numRuns: 50 }
  )
})
