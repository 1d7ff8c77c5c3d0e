/**
 * Property: parsing any mix of directives (valid or not, with or without
 * arguments, options, content, inside substitution definitions or list
 * items) never throws — every problem becomes a system message.
 */
import { test } from 'node:test'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { parse } from '../parse.js'
import type { RstNode } from '../nodes.js'
import { toPseudoXml } from '../pformat.js'
import { directiveBlock } from '../../test/util/arbitrary-directives.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const names = [
  'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition', 'image',
  'figure', 'topic', 'sidebar', 'line-block', 'parsed-literal', 'code', 'code-block', 'sourcecode', 'math', 'rubric',
  'epigraph', 'highlights', 'pull-quote', 'compound', 'container', 'table', 'csv-table', 'list-table', 'contents',
  'sectnum', 'header', 'footer', 'target-notes', 'meta', 'raw', 'include', 'replace', 'unicode', 'class', 'role',
  'default-role', 'title', 'date', 'restructuredtext-test-directive', 'no-such-directive'
]
const optionNames = [
  'class', 'name', 'alt', 'width', 'height', 'scale', 'align', 'target', 'figwidth', 'figclass', 'number-lines',
  'local', 'depth', 'backlinks', 'file', 'url', 'encoding', 'literal', 'code', 'start-line', 'end-line',
  'start-after', 'end-before', 'tab-width', 'trim', 'subtitle', 'widths', 'header-rows', 'delim', 'parser', 'loading'
]
const word = fc.constantFrom(
  '', 'x', 'a b', '1', '-3', '50%', '10px', 'left', 'top', '*e*', '`r`_', 'none', 'U+262E', 'converters.ts',
  '../x', '/etc/passwd', '<isonum.txt>', ':x:', '..', '|s|', 'http://example.org', 'utf-8', 'x (strong)'
)
const line = fc.oneof(word, fc.string({ maxLength: 20 }))
const block = directiveBlock({ names, optionNames, word, line })

test('directives never throw', () => {
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 3 }), (blocks) => {
      const input = blocks.join('\n\n') + '\n\n|s| text\n'
      const tree = parse(input, { source: 'test data', settings: { halt_level: 5, warning_stream: '', cwd: here, root: here } })
      toPseudoXml(tree)
      // no directive port failed unexpectedly (those become `directive-internal-error` messages)
      const stack: RstNode[] = [tree]
      while (stack.length > 0) {
        const node = stack.pop()!
        if (node.data?.ruleId === 'directive-internal-error') throw new Error(`internal error for:\n${input}\n${toPseudoXml(node)}`)
        if ('children' in node) stack.push(...node.children)
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 400) }
  )
})
