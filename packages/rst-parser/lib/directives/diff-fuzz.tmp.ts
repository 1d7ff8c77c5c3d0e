// Temporary differential fuzzing against the oracle (not a test; deleted before hand-off).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
const cwd = '/work/shared/conformance/docutils-0.22.4/files/test_directives'
const names = (process.env.NAMES ?? 'attention,note,admonition,image,figure,topic,sidebar,line-block,parsed-literal,code,math,rubric,epigraph,highlights,pull-quote,compound,container,contents,sectnum,header,footer,target-notes,meta,raw,include,replace,unicode,class,role,default-role,title,restructuredtext-test-directive').split(',')
const optionNames = ['class','name','alt','width','height','scale','align','target','figwidth','figclass','figname','number-lines','local','depth','backlinks','file','encoding','literal','code','start-line','end-line','start-after','end-before','tab-width','trim','ltrim','subtitle','loading','prefix','start','option']
const word = fc.constantFrom('', 'x', 'a b', '1', '-3', '0', '50%', '10px', '2.5em', 'left', 'top', 'center', '*e*', '`r`_', 'ref_', 'none', 'top', 'U+262E', '0x41 x', 'include1.rst', 'include2.rst', '../x', '<isonum.txt>', ':x:', '..', '|s|', 'http://a', 'image', 'Ä', 'a\\ b', 'utf-8', 'x (strong)', 'emphasis', 'lazy')
const line = fc.oneof(word, fc.constantFrom('para *em*', '', '- item', ':f: v', '.. note:: n', '.. _t:', 'Title', '=====', '| line', '   indented', '>>> 1', '.. image:: a.png', '.. figure:: b.png', '   :width: 10', '..', '.. |x| replace:: y', 'Caption.', 'Legend', '.. topic:: T', '.. contents::', '.. code:: python', 'x = 1', '.. raw:: html', '.. include:: include2.rst', '   :literal:', '.. |y| image:: i.png', '   :align: top', '   :align: left', '.. |z| replace:: *r*', '.. role:: custom', '.. role:: c2(emphasis)', ':custom:`t` :c2:`u`', '.. default-role:: strong', '`dflt`', '.. container:: a b', '.. sidebar:: S', '   :subtitle: sub', '.. math::', '   E = mc^2', '.. rubric:: R', '.. class:: k', '.. compound::', '.. epigraph::', '   -- Attribution', '.. note::', '.. |d| date::'))
const block = fc.tuple(fc.constantFrom(...names), fc.array(word, { maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom(...optionNames), word), { maxLength: 3 }), fc.array(line, { maxLength: 4 }), fc.nat(5), fc.boolean(), fc.boolean())
  .map(([name, args, options, content, where, blankBeforeContent, argsOnNextLine]) => {
    const head = where === 0 ? `.. |s| ${name}::` : `.. ${name}::`
    const lines = argsOnNextLine ? [head, ...(args.length ? ['   ' + args.join(' ')] : [])] : [`${head} ${args.join(' ')}`.trimEnd()]
    lines.push(...options.map(([key, value]) => `   :${key}: ${value}`.trimEnd()))
    if (blankBeforeContent) lines.push('')
    lines.push(...content.map((c) => ('   ' + c).trimEnd()))
    const text = lines.join('\n')
    return where === 1 ? '* ' + text.split('\n').join('\n  ') : where === 2 ? '  ' + text.split('\n').join('\n  ') : text
  })
const settingsChoices = process.env.LANGS ? process.env.LANGS.split(',').map((code) => ({ language_code: code })) : [{}, {}, {}, { file_insertion_enabled: false }, { raw_enabled: false }, { language_code: 'de' }, { report_level: 1 }, { tab_width: 4 }]
const inputs = fc.sample(fc.tuple(fc.array(block, { minLength: 1, maxLength: 3 }), fc.constantFrom(...settingsChoices)).map(([b, settings]) => ({ text: b.join('\n\n') + '\n\n|s| text\n', settings })), { numRuns: Number(process.env.N ?? 500), seed: Number(process.env.SEED ?? 1) })
writeFileSync('/tmp/dirtest/in.json', JSON.stringify(inputs))
execFileSync('/root/.cache/rst-oracle/bin/python', ['/tmp/dirtest/batch_oracle.py', '/tmp/dirtest/in.json', '/tmp/dirtest/out.json', cwd])
const expected = JSON.parse(readFileSync('/tmp/dirtest/out.json', 'utf8')) as string[]
let fail = 0
const report: string[] = []
inputs.forEach((input, index) => {
  let actual: string
  try {
    actual = toPseudoXml(parse(input.text, { source: 'test data', settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', cwd, ...input.settings } }))
  } catch (error) {
    actual = 'THROWN ' + (error as Error).stack
  }
  if (expected[index]!.startsWith('PYERROR')) return
  if (actual !== expected[index]) {
    fail++
    report.push(`===== ${index} ${JSON.stringify(input.settings)}\n--- input\n${input.text}\n--- expected\n${expected[index]}\n--- actual\n${actual}`)
  }
})
writeFileSync('/tmp/dirtest/diff.txt', report.join('\n'))
console.log(`fail ${fail}/${inputs.length}`)
