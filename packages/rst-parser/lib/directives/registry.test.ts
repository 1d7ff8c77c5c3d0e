/**
 * The registry's extension API (docutils `register_directive`): a directive
 * registered by name runs without language lookup and gets the same
 * argument/option/content parsing and error handling as the standard ones.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { text } from '../nodes.js'
import { parse } from '../parse.js'
import { toPseudoXml } from '../pformat.js'
import { appendChildren } from '../util/node-info.js'
import { positiveInt, unchanged } from './converters.js'
import { directiveRegistry, registerDirective } from './registry.js'
import type { DirectiveSpec } from './types.js'
import { makeElement } from './util.js'

const shout: DirectiveSpec = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: { times: positiveInt, name: unchanged },
  hasContent: true,
  run(directive) {
    const times = (directive.options.times as number | undefined) ?? 1
    const node = makeElement('paragraph', { classes: ['shout'] })
    appendChildren(node, text(directive.arguments[0]!.toUpperCase().repeat(times)))
    directive.addName(node)
    if (directive.content.length > 0) directive.state.nestedParse(directive.content, directive.contentOffset, node)
    return [node]
  }
}

registerDirective('Shout', shout)

function pseudoXml(input: string): string {
  return toPseudoXml(parse(input, { source: 'test data', settings: { halt_level: 5, warning_stream: '' } }))
}

test('registered directive runs (case-insensitive name, options, add_name)', () => {
  assert.equal(
    pseudoXml('.. shout:: hey\n   :times: 2\n   :name: loud\n'),
    '<document source="test data">\n    <paragraph classes="shout" ids="loud" names="loud">\n        HEYHEY\n'
  )
})

test('registered directive: option errors are reported like docutils', () => {
  const result = pseudoXml('.. SHOUT:: hey\n   :times: 0\n')
  assert.match(result, /Error in "SHOUT" directive:\n\s*invalid option value: \(option: "times"; value: '0'\)\n\s*negative or zero value; must be positive\./)
})

test('every docutils directive is registered', () => {
  const names = [
    'attention', 'caution', 'code', 'danger', 'error', 'important', 'note', 'tip', 'hint', 'warning', 'admonition',
    'sidebar', 'topic', 'line-block', 'parsed-literal', 'math', 'rubric', 'epigraph', 'highlights', 'pull-quote',
    'compound', 'container', 'table', 'csv-table', 'list-table', 'image', 'figure', 'contents', 'sectnum', 'header',
    'footer', 'target-notes', 'meta', 'raw', 'include', 'replace', 'unicode', 'class', 'role', 'default-role',
    'title', 'date', 'restructuredtext-test-directive'
  ]
  assert.deepEqual([...directiveRegistry.keys()].sort(), names.sort())
})
