/**
 * Role registry tests. Expected trees are docutils' (test_role,
 * test_default_role and test_interpreted in the conformance cases), with
 * the `role`/`default-role` directive replaced by the registry calls it makes.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { DocumentContext } from '../document.js'
import { Inliner } from '../inline/inliner.js'
import { englishRst, getRstLanguage } from '../languages/index.js'
import { element } from '../nodes.js'
import { toPseudoXml } from '../pformat.js'
import { appendChildren } from '../util/node-info.js'
import {
  customRole,
  genericCustomRole,
  localRoles,
  normalizeOptions,
  registerLocalRole,
  role,
  unregisterLocalRole
} from './index.js'
import { formatPercent } from './format.js'

function setup(language = 'en') {
  const document = new DocumentContext('test data', { halt_level: 5, warning_stream: '', language_code: language })
  document.reporter.getSourceAndLine = (line) => ['test data', line ?? 1]
  const inliner = new Inliner()
  inliner.initCustomizations(document.settings)
  const memo = { document, reporter: document.reporter, language: getRstLanguage(language) }
  const parse = (input: string): string => {
    const [nodes, messages] = inliner.parse(input, 1, memo, document.root)
    const paragraph = element('paragraph')
    appendChildren(paragraph, ...nodes)
    appendChildren(document.root, paragraph, ...messages)
    const xml = toPseudoXml(document.root)
    document.root.children = []
    return xml
  }
  return { document, parse }
}

test('custom role based on emphasis with a class (test_role#5)', () => {
  const { document, parse } = setup()
  const [emphasis] = role('emphasis', englishRst, 1, document.reporter)
  assert.ok(emphasis)
  registerLocalRole('custom', customRole('custom', emphasis, { class: ['special'] }, []), document)
  assert.equal(
    parse(':custom:`text`'),
    '<document source="test data">\n    <paragraph>\n        <emphasis classes="special">\n            text\n'
  )
})

test('generic custom role, case-insensitive names (test_role#13)', () => {
  const { document, parse } = setup()
  registerLocalRole('CaSiNg', customRole('CaSiNg', genericCustomRole, { class: ['casing'] }, []), document)
  assert.equal(
    parse('Role names are :cAsInG:`case-insensitive`.'),
    '<document source="test data">\n    <paragraph>\n        Role names are \n' +
      '        <inline classes="casing">\n            case-insensitive\n        .\n'
  )
})

test('raw-based role (test_role#14)', () => {
  const { document, parse } = setup()
  const [raw] = role('raw', englishRst, 1, document.reporter)
  assert.ok(raw)
  registerLocalRole('html', customRole('html', raw, { format: 'html', class: ['html'] }, []), document)
  assert.equal(
    parse("Here's some :html:`<i>raw HTML data</i>`."),
    '<document source="test data">\n    <paragraph>\n        Here\'s some \n' +
      '        <raw classes="html" format="html" xml:space="preserve">\n            <i>raw HTML data</i>\n        .\n'
  )
})

test('default role set and removed (test_default_role#2)', () => {
  const { document, parse } = setup()
  registerLocalRole('', customRole('custom', genericCustomRole, { class: ['custom'] }, []), document)
  assert.equal(
    parse('This text uses the `default role`.'),
    '<document source="test data">\n    <paragraph>\n        This text uses the \n' +
      '        <inline classes="custom">\n            default role\n        .\n'
  )
  unregisterLocalRole('', document)
  assert.equal(
    parse('Returned the `default role` to its standard default.'),
    '<document source="test data">\n    <paragraph>\n        Returned the \n' +
      '        <title_reference>\n            default role\n         to its standard default.\n'
  )
})

test('local roles belong to one document', () => {
  const first = setup()
  const second = setup()
  registerLocalRole('mine', genericCustomRole, first.document)
  assert.ok(localRoles(first.document).has('mine'))
  assert.ok(!localRoles(second.document).has('mine'))
})

test('French role names and the English fallback message (test_interpreted_fr)', () => {
  const { document } = setup('fr')
  const language = getRstLanguage('fr')
  const [fort, messages] = role('fort', language, 1, document.reporter)
  assert.ok(fort)
  assert.equal(messages.length, 0)
  const [strong, fallbackMessages] = role('strong', language, 1, document.reporter)
  assert.ok(strong)
  assert.equal(fallbackMessages.length, 1)
  assert.match(
    toPseudoXml(fallbackMessages[0]!),
    /No role entry for "strong" in module "docutils\.parsers\.rst\.languages\.fr"\.\n\s+Using English fallback for role "strong"\./
  )
})

test('normalizeOptions and formatPercent', () => {
  assert.deepEqual(normalizeOptions({ class: ['a'], format: 'html' }), { classes: ['a'], format: 'html' })
  assert.deepEqual(normalizeOptions(undefined), {})
  assert.equal(formatPercent('pep-%04d', 8), 'pep-0008')
  assert.equal(formatPercent('rfc%d.html', 2822), 'rfc2822.html')
})

interface DocumentFixture {
  input: string
  settings: Record<string, unknown>
  expected: string
}

// Whole documents (role/default-role directives, settings), expected output
// from the pinned oracle with `syntax_highlight: none`.
const documentFixtures = JSON.parse(
  readFileSync(new URL('roles.fixtures.json', import.meta.url), 'utf8')
) as DocumentFixture[]

for (const [index, fixture] of documentFixtures.entries()) {
  test(`roles document fixture #${index}`, async () => {
    const { parse } = await import('../parse.js')
    const tree = parse(fixture.input, {
      source: 'test data',
      settings: { halt_level: 5, warning_stream: '', syntax_highlight: 'none', ...fixture.settings },
      positions: false
    })
    assert.equal(toPseudoXml(tree), fixture.expected)
  })
}
