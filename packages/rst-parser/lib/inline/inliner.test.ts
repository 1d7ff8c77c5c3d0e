/**
 * Tests for the inline markup parser against docutils 0.22.4 (expected
 * outputs in `inliner.fixtures.json` were produced by the pinned oracle,
 * `oracle.py --settings '{"pep_references": true, "rfc_references": true}'`,
 * each input being a single paragraph).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import fc from 'fast-check'
import { DocumentContext } from '../document.js'
import { getRstLanguage } from '../languages/index.js'
import { element, type RstNode } from '../nodes.js'
import { toPseudoXml } from '../pformat.js'
import type { Settings } from '../settings.js'
import { appendChildren } from '../util/node-info.js'
import { Inliner } from './inliner.js'
import { isEmail, matchUri } from './scanner.js'

interface Fixture {
  input: string
  settings: Partial<Settings>
  expected: string
}

const fixtures = JSON.parse(readFileSync(new URL('inliner.fixtures.json', import.meta.url), 'utf8')) as Fixture[]

/** Parse `input` as one paragraph at line 1, the way `Body.paragraph` does. */
function parseParagraph(input: string, settings: Partial<Settings> = {}): { xml: string; nodes: RstNode[] } {
  const document = new DocumentContext('test data', { halt_level: 5, warning_stream: '', ...settings })
  document.reporter.getSourceAndLine = (line) => ['test data', line ?? 1]
  const inliner = new Inliner()
  inliner.initCustomizations(document.settings)
  const memo = { document, reporter: document.reporter, language: getRstLanguage(document.settings.language_code) }
  const text = input.replace(/\s+$/, '')
  const [nodes, messages] = inliner.parse(text, 1, memo, document.root)
  const paragraph = element('paragraph')
  appendChildren(paragraph, ...nodes)
  appendChildren(document.root, paragraph, ...messages)
  return { xml: toPseudoXml(document.root), nodes }
}

for (const [index, fixture] of fixtures.entries()) {
  test(`inline fixture #${index}: ${JSON.stringify(fixture.input.slice(0, 50))}`, () => {
    assert.equal(parseParagraph(fixture.input, fixture.settings).xml, fixture.expected)
  })
}

test('adjustUri / email pattern (docutils patterns.email, anchored)', () => {
  assert.equal(isEmail('a@b.org'), true)
  assert.equal(isEmail('a.b@c'), false) // host needs two characters (emailc+ then uri_end)
  assert.equal(isEmail('a.b@cd'), true)
  assert.equal(isEmail('a@b.'), false)
  assert.equal(isEmail('http://x'), false) // all checked with the oracle's patterns.email.match
  const inliner = new Inliner()
  assert.equal(inliner.adjustUri('user@example.com'), 'mailto:user@example.com')
  assert.equal(inliner.adjustUri('http://example.com'), 'http://example.com')
})

test('patterns.uri.match at the start of alias text', () => {
  assert.equal(matchUri('http://x.org/a_', { characterLevel: false }), true)
  assert.equal(matchUri('target_', { characterLevel: false }), false)
})

test('unknown role falls back with docutils messages; second use is silent', () => {
  const { xml } = parseParagraph('x :strong:`a` :strong:`b` :foo:`c` :foo:`d`')
  // docutils: one INFO for the first unknown lookup only ("Trying ... as
  // canonical role name"), then an ERROR per use.
  assert.equal((xml.match(/Trying "foo" as canonical role name\./g) ?? []).length, 2)
  assert.equal((xml.match(/Unknown interpreted text role "foo"\./g) ?? []).length, 2)
  assert.ok(!xml.includes('"strong" in module'))
})

const markupChars = ['*', '`', '|', '_', '[', ']', '<', '>', ':', '\\', ' ', '\n', 'a', 'b', '#', '.', '@', '/', '(', ')', '-', 'é', '𝐀']

test('property: the inliner never throws and consumes all text', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...markupChars), { maxLength: 80 }).map((chars) => chars.join('')),
      fc.boolean(),
      (input, characterLevel) => {
        const { nodes } = parseParagraph(input, {
          character_level_inline_markup: characterLevel,
          pep_references: true,
          rfc_references: true
        })
        assert.ok(Array.isArray(nodes))
      }
    ),
    { numRuns: 500 }
  )
})

test('pathological inputs finish (long runs of markup characters)', () => {
  const size = 20_000
  for (const unit of ['*', '`', '|', '_', ':', '*a ', '`a ', '|a ', 'a_ ', 'a-', ':a:', '[a', 'a@', 'http://a.', '``a ', '_`a ', 'PEP 1', 'a:b']) {
    const input = unit.repeat(Math.ceil(size / unit.length))
    const { nodes } = parseParagraph(input, { pep_references: true, rfc_references: true })
    assert.ok(nodes.length > 0, unit)
  }
})

test('inline spans: offsets into the parsed text', async () => {
  const { getInlineSpan } = await import('./spans.js')
  const input = 'a *b* see http://x.org/ and [1]_'
  const { nodes } = parseParagraph(input)
  const pieces = nodes.map((node) => {
    const span = getInlineSpan(node)
    assert.ok(span, node.type)
    return input.slice(span[0], span[1])
  })
  assert.deepEqual(pieces, ['a ', '*b*', ' see ', 'http://x.org/', ' and ', '[1]_'])
})
