/**
 * Directive behaviour beyond docutils' own test cases.
 *
 * The `fixtures` outputs were produced by docutils 0.22.4 (the pinned
 * oracle, `oracle.py --settings …`); the `root` tests check the rstmdx
 * extension (`settings.root`), which docutils does not have.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
import type { Settings } from '../settings.js'

function pseudoXml(input: string, settings: Partial<Settings> = {}): string {
  return toPseudoXml(parse(input, { source: 'test data', settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', ...settings } }))
}

const fixtures: Array<{ name: string; settings: Partial<Settings>; input: string; expected: string }> =
[
  {
    "name": "meta-line",
    "settings": {},
    "input": ".. meta::\n   :a: b\n   :empty:\n   :c: d\n   not a field\n\n* .. note:: x\n",
    "expected": "<document source=\"test data\">\n    <meta content=\"b\" name=\"a\">\n    <system_message level=\"1\" line=\"6\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            No content for meta tag \"empty\".\n        <literal_block xml:space=\"preserve\">\n            :empty:\n    <meta content=\"d\" name=\"c\">\n    <system_message level=\"3\" line=\"1\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Invalid meta directive.\n        <literal_block xml:space=\"preserve\">\n            .. meta::\n               :a: b\n               :empty:\n               :c: d\n               not a field\n    <bullet_list bullet=\"*\">\n        <list_item>\n            <note>\n                <paragraph>\n                    x\n"
  },
  {
    "name": "lookup-cache",
    "settings": {
      "language_code": "de"
    },
    "input": ".. line-block::\n   one\n\n.. line-block::\n   two\n",
    "expected": "<document source=\"test data\">\n    <system_message level=\"1\" line=\"1\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            No directive entry for \"line-block\" in module \"docutils.parsers.rst.languages.de\".\n            Using English fallback for directive \"line-block\".\n    <line_block>\n        <line>\n            one\n    <line_block>\n        <line>\n            two\n"
  },
  {
    "name": "figure",
    "settings": {},
    "input": ".. figure:: picture.png\n   :figwidth: image\n   :figclass: wide\n   :figname: my figure\n   :align: right\n   :target: `Some Target`_\n   :alt: alternative\n\n   The *caption*.\n\n   The legend.\n",
    "expected": "<document source=\"test data\">\n    <figure align=\"right\" classes=\"wide\" ids=\"my-figure\" names=\"my\\ figure\">\n        <reference name=\"Some Target\" refname=\"some target\">\n            <image alt=\"alternative\" uri=\"picture.png\">\n        <caption>\n            The \n            <emphasis>\n                caption\n            .\n        <legend>\n            <paragraph>\n                The legend.\n"
  },
  {
    "name": "code",
    "settings": {},
    "input": ".. code:: python\n   :number-lines: 9\n   :class: example\n\n   a = 1\n   b = 2\n",
    "expected": "<document source=\"test data\">\n    <literal_block classes=\"code python example\" xml:space=\"preserve\">\n        <inline classes=\"ln\">\n             9 \n        a = 1\n        <inline classes=\"ln\">\n            10 \n        b = 2\n"
  },
  {
    "name": "unicode",
    "settings": {},
    "input": "Copyright |copy| 2024 |---| Me.\n\n.. |copy| unicode:: 0xA9 .. copyright sign\n.. |---| unicode:: U+02014 .. em dash\n   :trim:\n",
    "expected": "<document source=\"test data\">\n    <paragraph>\n        Copyright \n        <substitution_reference refname=\"copy\">\n            copy\n         2024 \n        <substitution_reference refname=\"---\">\n            ---\n         Me.\n    <substitution_definition names=\"copy\">\n        ©\n    <substitution_definition ltrim=\"1\" names=\"---\" rtrim=\"1\">\n        —\n"
  }
]
for (const fixture of fixtures) {
  test(`matches docutils: ${fixture.name}`, () => {
    assert.equal(pseudoXml(fixture.input, fixture.settings), fixture.expected)
  })
}

// A directory tree: root/docs/page.rst may include root/docs/part.rst and
// root/shared.rst, but not ../outside.rst (outside root).
const base = mkdtempSync(path.join(tmpdir(), 'rstmdx-directives-'))
const root = path.join(base, 'root')
mkdirSync(path.join(root, 'docs'), { recursive: true })
writeFileSync(path.join(root, 'docs', 'part.rst'), 'Included *part*.\n')
writeFileSync(path.join(root, 'shared.rst'), 'Shared text.\n')
writeFileSync(path.join(base, 'outside.rst'), 'SECRET\n')

function parseInRoot(input: string, settings: Partial<Settings> = {}): string {
  return toPseudoXml(
    parse(input, {
      source: path.join(root, 'docs', 'page.rst'),
      settings: { halt_level: 5, warning_stream: '', root, ...settings }
    })
  )
}

test('include resolves relative to the including document', () => {
  const result = parseInRoot('.. include:: part.rst\n\n.. include:: ../shared.rst\n')
  assert.match(result, /Included/)
  assert.match(result, /Shared text\./)
})

test('include may not escape settings.root', () => {
  const result = parseInRoot('.. include:: ../../outside.rst\n')
  assert.doesNotMatch(result, /SECRET/)
  assert.match(result, /<system_message level="3" line="1"[^>]*type="ERROR">/)
  assert.match(result, /Problems with "include" directive path:/)
  assert.match(result, /is outside the root directory\./)
})

test('include with an absolute path outside settings.root is refused', () => {
  const result = parseInRoot(`.. include:: ${path.join(base, 'outside.rst')}\n   :literal:\n`)
  assert.doesNotMatch(result, /SECRET/)
  assert.match(result, /is outside the root directory\./)
})

test('raw :file: may not escape settings.root', () => {
  const result = parseInRoot('.. raw:: html\n   :file: ../../outside.rst\n')
  assert.doesNotMatch(result, /SECRET/)
  assert.match(result, /Problems with "raw" directive path:/)
})

test('without settings.root, includes outside the document directory work (docutils)', () => {
  const result = parseInRoot('.. include:: ../../outside.rst\n', { root: undefined })
  assert.match(result, /SECRET/)
})

test('file_insertion_enabled: false disables include (docutils warning)', () => {
  const result = parseInRoot('.. include:: part.rst\n', { file_insertion_enabled: false })
  assert.match(result, /"include" directive disabled\./)
  assert.doesNotMatch(result, /Included/)
})

test('raw_enabled: false disables raw (docutils warning)', () => {
  const result = pseudoXml('.. raw:: html\n\n   <b>x</b>\n', { raw_enabled: false })
  assert.match(result, /<system_message level="2" line="1" source="test data" type="WARNING">/)
  assert.match(result, /"raw" directive disabled\./)
})

test('include :code: with :number-lines:, UTF-16 without BOM, :parser: rst and roles (docutils output)', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rstmdx-include-'))
  writeFileSync(path.join(directory, 'code.py'), 'a = 1\nb = 2\n')
  writeFileSync(path.join(directory, 'nobom.txt'), Buffer.from([0x61, 0x00, 0x62, 0x00]))
  writeFileSync(path.join(directory, 'part.rst'), '`x` text\n\n.. default-role:: strong\n\n`y`\n')
  // expected: docutils 0.22.4 (`oracle.py --settings '{"halt_level": 5}'`) on the same files
  const input = ".. include:: code.py\n   :code: python\n   :number-lines: 9\n\n.. include:: nobom.txt\n   :encoding: utf-16\n\n.. default-role:: emphasis\n\n`before`\n\n.. include:: part.rst\n   :parser: rst\n\n`after`\n"
  const expected = "<document source=\"test data\">\n    <literal_block classes=\"code python\" source=\"code.py\" xml:space=\"preserve\">\n        <inline classes=\"ln\">\n             9 \n        a = 1\n        <inline classes=\"ln\">\n            10 \n        b = 2\n    <system_message level=\"4\" line=\"5\" source=\"test data\" type=\"SEVERE\">\n        <paragraph>\n            Problem with \"include\" directive:\n            UnicodeError: UTF-16 stream does not start with BOM\n        <literal_block xml:space=\"preserve\">\n            .. include:: nobom.txt\n               :encoding: utf-16\n    <paragraph>\n        <emphasis>\n            before\n    <paragraph>\n        <emphasis>\n            x\n         text\n    <paragraph>\n        <strong>\n            y\n    <paragraph>\n        <title_reference>\n            after\n"
  assert.equal(pseudoXml(input, { cwd: directory }), expected)
})
