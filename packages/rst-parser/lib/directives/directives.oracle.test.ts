/**
 * Differential test against docutils itself: random directive documents
 * (seeded) are parsed by the pinned docutils 0.22.4 (the oracle venv made by
 * `../shared/conformance/setup-oracle.sh`) and by us; the pseudo-XML must be
 * identical. Skipped when the oracle or the shared test files are missing.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
import { directiveBlock } from '../../test/util/arbitrary-directives.js'
import type { Settings } from '../settings.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const filesDirectory = path.resolve(here, '..', '..', '..', '..', '..', 'shared', 'conformance', 'docutils-0.22.4', 'files', 'test_directives')
const oraclePython = path.join(process.env.RST_ORACLE_VENV ?? path.join(os.homedir(), '.cache', 'rst-oracle'), 'bin', 'python')

function haveOracle(): boolean {
  if (!existsSync(oraclePython) || !existsSync(filesDirectory)) return false
  try {
    execFileSync(oraclePython, ['-c', 'import docutils,sys; sys.exit(docutils.__version__ != "0.22.4")'])
    return true
  } catch {
    return false
  }
}

/** Parses each `{text, settings}` in a fresh document, like `oracle.py` (plus per-document role/directive caches cleared). */
const batchOracle = `
import json, sys, os
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser, roles, directives
from docutils.utils import new_document
items = json.load(sys.stdin)
os.chdir(sys.argv[1])
out = []
for item in items:
    roles._roles.clear()
    directives._directives.clear()
    settings = get_default_settings(Parser)
    settings.syntax_highlight = 'none'
    settings.warning_stream = ''
    settings.halt_level = 5
    for key, value in item['settings'].items():
        setattr(settings, key, value)
    document = new_document('test data', settings)
    try:
        Parser().parse(item['text'], document)
        out.append(document.pformat())
    except Exception as error:
        out.append('PYERROR ' + repr(error))
json.dump(out, sys.stdout)
`

const names = [
  'attention', 'note', 'admonition', 'image', 'figure', 'topic', 'sidebar', 'line-block', 'parsed-literal', 'code',
  'math', 'rubric', 'epigraph', 'highlights', 'pull-quote', 'compound', 'container', 'contents', 'sectnum', 'header',
  'footer', 'target-notes', 'meta', 'raw', 'include', 'replace', 'unicode', 'class', 'role', 'default-role', 'title',
  'restructuredtext-test-directive', 'rst-class', 'no-such-directive'
]
const optionNames = [
  'class', 'name', 'alt', 'width', 'height', 'scale', 'align', 'target', 'figwidth', 'figclass', 'figname',
  'number-lines', 'local', 'depth', 'backlinks', 'file', 'encoding', 'literal', 'code', 'start-line', 'end-line',
  'start-after', 'end-before', 'tab-width', 'trim', 'ltrim', 'subtitle', 'loading', 'prefix', 'start', 'option', 'parser'
]
const word = fc.constantFrom(
  '', 'x', 'a b', '1', '-3', '0', '50%', '10px', '2.5em', 'left', 'top', 'center', '*e*', '`r`_', 'ref_', 'none',
  'U+262E', '0x41 x', 'include1.rst', 'include2.rst', 'include12.rst', '../x', '<isonum.txt>', ':x:', '..', '|s|',
  'http://a', 'image', 'Ä', 'a\\ b', 'utf-8', 'x (strong)', 'emphasis', 'lazy', 'rst', 'null'
)
const line = fc.oneof(
  word,
  fc.constantFrom(
    'para *em*', '', '- item', ':f: v', '.. note:: n', '.. _t:', 'Title', '=====', '| line', '   indented', '>>> 1',
    '.. image:: a.png', '   :width: 10', '..', '.. |x| replace:: y', 'Caption.', '.. topic:: T', '.. contents::',
    '.. role:: custom', '.. role:: c2(emphasis)', ':custom:`t` :c2:`u`', '.. default-role:: strong', '`dflt`',
    '.. include:: include2.rst', '   :literal:', '.. |y| image:: i.png', '   :align: top', '.. math::', '   E = mc^2'
  )
)
const block = directiveBlock({ names, optionNames, word, line })
const settingsChoices: Array<Partial<Settings>> = [
  {}, {}, {}, { file_insertion_enabled: false }, { raw_enabled: false }, { language_code: 'de' },
  { language_code: 'es' }, { report_level: 1 }, { tab_width: 4 }
]

function compareWithOracle(items: Array<{ text: string; settings: Partial<Settings> }>): void {
  const expected = JSON.parse(
    execFileSync(oraclePython, ['-c', batchOracle, filesDirectory], { input: JSON.stringify(items), maxBuffer: 1 << 28 }).toString()
  ) as string[]
  for (const [index, item] of items.entries()) {
    if (expected[index]!.startsWith('PYERROR')) continue // docutils itself crashed
    const actual = toPseudoXml(
      parse(item.text, {
        source: 'test data',
        settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', cwd: filesDirectory, ...item.settings }
      })
    )
    // the standard include files live elsewhere in docutils' installation
    const normalize = (value: string): string =>
      value.replaceAll('/usr/share/docutils/include/', '<standard>/').replace(/\/[^'"\s]*\/docutils\/parsers\/rst\/include\//g, '<standard>/')
    assert.equal(normalize(actual), normalize(expected[index]!), `input ${JSON.stringify(item)}`)
  }
}

test('random directive documents: identical to docutils', { skip: !haveOracle() && 'docutils oracle not available' }, () => {
  const items = fc.sample(
    fc
      .tuple(fc.array(block, { minLength: 1, maxLength: 3 }), fc.constantFrom(...settingsChoices))
      .map(([blocks, settings]) => ({ text: blocks.join('\n\n') + '\n\n|s| text\n', settings })),
    { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 20_221_124) }
  )
  compareWithOracle(items)
})

const includeFile = fc.constantFrom(
  'include1.rst', 'include2.rst', 'include3.rst', 'include8.rst', 'include10.rst', 'include12.rst', 'include13.rst',
  'include_literal.rst', 'includes/include4.rst', 'includes/include15.rst', 'empty.rst', 'include.md', 'raw1.rst',
  'utf-16.csv', 'nope.rst', 'includes', '<isonum.txt>', '<s5defs.txt>', '../includes/include9.rst'
)
const includeOption = fc.oneof(
  fc.constantFrom('   :literal:', '   :code:', '   :code: python', '   :number-lines:', '   :number-lines: 5', '   :class: c', '   :name: n'),
  fc.integer({ min: -4, max: 6 }).map((n) => `   :start-line: ${n}`),
  fc.integer({ min: -4, max: 8 }).map((n) => `   :end-line: ${n}`),
  fc.constantFrom('here', '.. start here', 'In', 'x', 'Inclusion').map((value) => `   :start-after: ${value}`),
  fc.constantFrom('here', '.. stop here', 'used', 'zzz', '-').map((value) => `   :end-before: ${value}`),
  fc.constantFrom('-1', '0', '2', '4').map((value) => `   :tab-width: ${value}`),
  fc.constantFrom('utf-8', 'latin-1', 'ascii', 'utf-16').map((value) => `   :encoding: ${value}`),
  fc.constantFrom('rst', 'null').map((value) => `   :parser: ${value}`)
)
const includeBlock = fc
  .tuple(includeFile, fc.uniqueArray(includeOption, { maxLength: 4, selector: (option) => option.split(':')[1] }), fc.constantFrom('', '   ', '* '))
  .map(([file, options, prefix]) =>
    [`.. include:: ${file}`, ...options].map((item, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + item).join('\n')
  )

test('random include directives: identical to docutils', { skip: !haveOracle() && 'docutils oracle not available' }, () => {
  const items = fc.sample(
    fc
      .tuple(fc.array(includeBlock, { minLength: 1, maxLength: 3 }), fc.constantFrom<Partial<Settings>>({}, {}, { tab_width: 4 }, { file_insertion_enabled: false }))
      .map(([blocks, settings]) => ({ text: 'Title\n=====\n\n' + blocks.join('\n\nPara.\n\n') + '\n\nEnd.\n', settings })),
    { numRuns: Number(process.env.ORACLE_RUNS ?? 200), seed: Number(process.env.ORACLE_SEED ?? 20_221_124) }
  )
  compareWithOracle(items)
})
