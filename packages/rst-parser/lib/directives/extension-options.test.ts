/**
 * Property: the option-block fast path of `parseExtensionOptions`
 * (`plainExtensionOptions`, no nested state machine) gives the same result
 * as docutils' `ExtensionOptions` nested parse — same tree, positions,
 * `data`, messages and document state — for any mix of directives with
 * option blocks (valid or unknown options, continuation lines, blank lines,
 * names with markup, PEP/RFC reference settings).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { parseDocument } from '../parse.js'
import { extensionOptionsFastPath } from './run.js'

/** Directive head → option names it knows (plus a few it does not). */
const directives: Array<[string, string[]]> = [
  ['image:: a.png', ['alt', 'height', 'width', 'scale', 'align', 'target', 'class', 'name', 'loading']],
  ['figure:: a.png', ['alt', 'width', 'figwidth', 'figclass', 'align', 'class', 'name']],
  ['note::', ['class', 'name']],
  ['code:: python', ['number-lines', 'class', 'name']],
  ['table:: T', ['align', 'width', 'widths', 'class', 'name']],
  ['list-table::', ['header-rows', 'stub-columns', 'width', 'widths', 'class', 'name', 'align']],
  ['csv-table:: C', ['header-rows', 'header', 'widths', 'delim', 'quote', 'keepspace', 'align', 'class', 'name']],
  ['contents::', ['depth', 'local', 'backlinks', 'class']],
  ['topic:: T', ['class', 'name']],
  ['raw:: html', ['file', 'encoding', 'class']],
  ['math::', ['class', 'name']],
  ['sidebar:: S', ['subtitle', 'class', 'name']],
  ['admonition:: A', ['class', 'name']],
  ['sectnum::', ['depth', 'prefix', 'suffix', 'start']],
  ['unicode:: U+2020', ['trim', 'ltrim', 'rtrim']],
  ['role:: r(emphasis)', []],
  ['include:: missing.rst', ['literal', 'code', 'encoding', 'start-line', 'end-line', 'tab-width']],
  ['replace:: x', []],
  ['no-such::', ['class']]
]
const otherNames = ['Class', 'foo', 'pep-8', 'rfc-2822', 'a_b', 'x y', '*em*', 'a\\:b', 'x`', 'pep 8']
const values = [
  'foo', 'foo', 'foo bar', '', '1', '3', '50%', '10px', 'left', 'top', '2 3', 'http://x.org/a', 'a@b.c', '`x`', '*x*',
  'x_', '|x|', '[1]_', 'ñ', ':x:', 'a\x00b', 'RFC 2822', 'pep-8', 'U+2020', 'utf-8', '\\x', ','
]
const value = fc.constantFrom(...values)

function optionLine(known: string[]): fc.Arbitrary<string> {
  const name = known.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, fc.constantFrom(...otherNames)) : fc.constantFrom(...otherNames)
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(name, value).map(([n, v]) => `:${n}: ${v}`) },
    { weight: 2, arbitrary: name.map((n) => `:${n}:`) },
    { weight: 1, arbitrary: value.map((v) => `  ${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('', ': x: y', 'text', '- item', ':a:b', '::') }
  )
}
const directive = fc
  .constantFrom(...directives)
  .chain(([head, known]) =>
    fc.tuple(fc.constant(head), fc.array(optionLine(known), { maxLength: 4 }), fc.boolean(), fc.boolean(), fc.boolean())
  )
  .map(([head, options, content, substitution, nested]) => {
    const lines = [substitution ? `.. |s| ${head}` : `.. ${head}`, ...options.map((o) => '   ' + o)]
    if (content) lines.push('', '   Content *text*.')
    const text = lines.join('\n')
    return nested ? '* ' + text.split('\n').join('\n  ') : text
  })
const settings = fc.record({ pep_references: fc.boolean(), rfc_references: fc.boolean() })

function run(input: string, extra: Record<string, unknown>, fast: boolean): string {
  extensionOptionsFastPath.enabled = fast
  try {
    const document = parseDocument(input, { source: 'test data', settings: { warning_stream: '', ...extra } })
    return JSON.stringify({
      root: document.root,
      messages: document.parseMessages,
      state: [document.currentSource, document.currentLine, [...document.nameids], [...document.ids.keys()]]
    })
  } finally {
    extensionOptionsFastPath.enabled = true
  }
}

test('option blocks: fast path = ExtensionOptions state machine', () => {
  fc.assert(
    fc.property(fc.array(directive, { minLength: 1, maxLength: 3 }), settings, (blocks, extra) => {
      const input = blocks.join('\n\n') + '\n\n|s| text\n'
      assert.equal(run(input, extra, true), run(input, extra, false))
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300) }
  )
})
