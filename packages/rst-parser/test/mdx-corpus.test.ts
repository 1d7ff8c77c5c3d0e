/**
 * Every document of ../shared/corpus/docutils-docs (and sphinx-docs) must become MDX that
 * compiles with @mdx-js/mdx + remark-gfm/remark-directive/remark-math
 * (what Docusaurus uses): once from docutils' own doctrees
 * (conformance/corpus-expected, no python needed) and once through our
 * parser (`rstToMdx`).
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import { rstToMdx } from '../lib/convert.js'
import { toMdast } from '../lib/to-mdast/index.js'
import { toMdx } from '../lib/to-mdx.js'
import { compileMdx } from './util/compile-mdx.js'
import { fromPseudoXml } from './util/from-pseudo-xml.js'
import { mdxNestingProblems } from './util/html-nesting.js'
import { missingWords } from './util/text-preservation.js'

const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url))
const corpus = path.join(shared, 'corpus/docutils-docs')
const expected = path.join(shared, 'conformance/docutils-0.22.4/corpus-expected')
const files = existsSync(corpus) ? (await glob('**/*.rst', { cwd: corpus })).sort() : []
/** The corpus lives in ../shared beside the repository; without it these tests skip with a reason. */
const skip = files.length === 0 ? `../shared corpus not found at ${corpus}` : false

test('corpus: 60 documents present', { skip }, () => {
  assert.equal(files.length, 60)
})

test('corpus: MDX from docutils doctrees compiles (100%)', { skip }, async () => {
  const failures: string[] = []
  for (const name of files) {
    const pxml = path.join(expected, name + '.pxml')
    if (!existsSync(pxml)) continue
    const tree = fromPseudoXml(readFileSync(pxml, 'utf8'))
    const file = new VFile({ path: path.join(corpus, name) })
    const mdx = toMdx(toMdast(tree, { file }))
    await compileMdx(mdx).catch((error: unknown) => failures.push(`${name}: ${String(error)}`))
  }
  assert.deepEqual(failures, [])
})

test('corpus: MDX from rstToMdx (our parser) compiles (100%), nests validly as HTML and keeps every word', { skip }, async () => {
  const failures: string[] = []
  for (const name of files) {
    const source = path.join(corpus, name)
    const file = await rstToMdx(readFileSync(source), { path: source })
    await mdxNestingProblems(String(file.value)).then(
      (problems) => failures.push(...problems.map((problem) => `${name}: ${problem}`)),
      (error: unknown) => failures.push(`${name}: ${String(error)}`)
    )
    const missing = missingWords(file)
    if (missing.length > 0) failures.push(`${name}: words lost: ${missing.slice(0, 10).join(', ')}`)
  }
  assert.deepEqual(failures, [])
})

const sphinxCorpus = path.join(shared, 'corpus/sphinx-docs')
const sphinxFiles = existsSync(sphinxCorpus) ? (await glob('**/*.rst', { cwd: sphinxCorpus })).sort() : []

test('corpus: Sphinx documents (Sphinx roles/directives become callouts) compile and nest validly (100%)', { skip: sphinxFiles.length === 0 ? `../shared corpus not found at ${sphinxCorpus}` : false }, async () => {
  const failures: string[] = []
  for (const name of sphinxFiles) {
    const source = path.join(sphinxCorpus, name)
    const file = await rstToMdx(readFileSync(source), { path: source, root: sphinxCorpus })
    await mdxNestingProblems(String(file.value)).then(
      (problems) => failures.push(...problems.map((problem) => `${name}: ${problem}`)),
      (error: unknown) => failures.push(`${name}: ${String(error)}`)
    )
  }
  assert.deepEqual(failures, [])
  assert.ok(sphinxFiles.length >= 100, `${sphinxFiles.length} Sphinx documents`)
})
