/**
 * fast-check arbitraries for random reStructuredText documents: a block
 * grammar (sections, lists, directives, tables, footnotes, references…)
 * filled with words that are MDX traps, plus raw noise of RST-significant
 * characters.
 */
import fc from 'fast-check'

const trapWords = [
  'import', 'export', '{x}', '{', '}', '<3', 'List<String>', 'a:b', 're:Invent', '<div>', '</p>', '*', '_', '[a]', '[b](c)',
  '|', '&amp;', '&', '#', '~~~', '```', '$x$', '$', '\\', '->', '<-', 'a<b', '{/* c */}', ':::', ':::note', '!', '`', 'http://x.y/z', '<:b', '[:b'
]
const plainWords = ['alpha', 'beta', 'gamma', 'delta', 'word', 'text', 'café', 'naïve', '日本語', 'emoji😍', 'x1', 'y2']

const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...plainWords) }, { weight: 2, arbitrary: fc.constantFrom(...trapWords) })

const inlineItem = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w.replace(/[*`]/g, '')}x*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w.replace(/[*`]/g, '')}y**`) },
  { weight: 1, arbitrary: word.map((w) => `\`\`${w.replace(/`/g, '')}z\`\``) },
  { weight: 1, arbitrary: fc.constantFrom('`link <https://example.com/a?b=c&d>`_', 'ref_', '`anon`__', ':sub:`2`', ':sup:`3`', ':math:`a^2`', ':title-reference:`T`', '[#]_', '[1]_', '|sub|', ':pep:`8`', '_`inline target`', ':code:`x<y`') }
)

const sentence = fc.array(inlineItem, { minLength: 1, maxLength: 12 }).map((items) => items.join(' '))
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))

/** More constructs: tables with block cells, directives with options, raw HTML oddities. */
const extraBlocks = [
  '+------------+-----------+\n| a {x}      | - item    |\n|            | - <item>  |\n+------------+-----------+\n| ::         | .. note:: |\n|            |           |\n|   code {y} |    inside |\n+------------+-----------+',
  '.. list-table:: Title <t>\n   :header-rows: 1\n\n   * - H {1}\n     - H2\n   * - - nested\n       - list\n     - cell',
  '.. csv-table:: CSV {t}\n   :header: "a", "b"\n\n   "1 <x>", "{2}"\n   "import", "a:b"',
  '.. figure:: missing-figure.png\n   :alt: alt {x}\n\n   Caption <c>\n\n   Legend *l*',
  '.. image:: https://example.com/i.png\n   :target: https://example.com/t?a=1&b=2\n   :width: 50%',
  '| a\n|    b {x}\n|        c <y>\n| d',
  '.. sidebar:: Side {s}\n\n   Body <b>',
  '.. topic:: Topic {t}\n\n   Body import x',
  '.. rubric:: Rubric <r>',
  '.. container:: a b\n\n   Contained {c}',
  '.. compound::\n\n   One {1}\n\n   Two <2>',
  '.. raw:: html\n\n   <div><p>unclosed {x}',
  '.. raw:: html\n\n   <!-- comment --><style>a { color: red }</style><script>if (a < b) {}</script>',
  '.. raw:: html\n\n   <pre>  keep\n    spaces {x}</pre>',
  '.. parsed-literal::\n\n   *parsed* {literal} <x>',
  '.. include:: does-not-exist.rst',
  'A reference to `Link <https://example.com/a_(b)>`_ and <https://example.com/<x>>.',
  '.. |img| image:: https://example.com/s.png\n\nText |img| here.',
  '.. [#named] Named {footnote}.\n\nRef [#named]_ and missing [99]_.',
  ':Field {x}: <value>\n:import: export',
  '.. epigraph::\n\n   Epigraph {e}\n\n   -- Author <a>',
  '.. highlights::\n\n   Highlight import',
  '.. tip:: :ref:`unknown role` and :doc:`x`',
  '.. class:: special\n\nClassed paragraph {p}.',
  '.. admonition:: Nested\n\n   .. warning::\n\n      .. danger:: deep {d}',
  '.. math::\n\n   \\{ a \\} $ b',
  'Trailing backslash \\\\ and \\* star and `` ` `` tick.',
  // Regressions found by fuzzing (see NOTES.md "mdx-hardening").
  '| line {a}\n| line <b>\n\n    3. .. raw:: html\n\n          <b class="x">bold</b>',
  '.. raw:: html\n\n   <p class="x" style="color">P {x}</p>\n\n.. raw:: html\n\n   <span>t<b><div>deep</div></b></span>',
  '- .. raw:: html\n\n     <b class="x">bold</b>\n\n      :code:`x<y` alpha\n      -> alpha',
  '.. role:: raw-html(raw)\n   :format: html\n\n.. |html| raw:: html\n\n   <div>H</div>\n\nText |html| and :raw-html:`<p>p</p>`.',
  '.. |self| replace:: x |self|\n\nCircular |self|.',
  '.. code::\n   :number-lines:\n\n   x = {1}',
  '.. math::\n\n   a & = b \\\\\n   c & = {d}',
  '.. |alt| image:: https://example.com/m.png\n   :alt: a|b\n      c\n\n=====  =====\nA      B\n=====  =====\n|alt|  :math:`a|b`\n=====  =====',
  '.. admonition:: re:Invent <:b [:c\n\n   Body'
]

const indent = (text: string, by = '   '): string => text.split('\n').map((line) => (line ? by + line : line)).join('\n')

const block: fc.Memo<string> = fc.memo((depth) => {
  const leaf = fc.oneof(
    { weight: 5, arbitrary: paragraph },
    { weight: 1, arbitrary: paragraph.map((p) => `${p}::\n\n    code {x} <y>\n    \`\`\` fence`) },
    { weight: 1, arbitrary: fc.constantFrom('python', 'javascript', '').map((lang) => `.. code:: ${lang}\n\n   print("{x}")\n   a < b`) },
    { weight: 1, arbitrary: fc.constantFrom('----------') },
    { weight: 1, arbitrary: fc.constantFrom('.. image:: https://example.com/a.png\n   :alt: {alt}', '.. image:: missing.png', '.. figure:: https://example.com/f.png\n\n   Caption {c}') },
    { weight: 1, arbitrary: fc.constantFrom('=====  =====\nA      B\n=====  =====\n1      {2}\nx|y    <z>\n=====  =====', '+---+---+\n| a | b |\n+---+---+\n| spans |\n+---+---+') },
    { weight: 1, arbitrary: fc.constantFrom('.. [1] Footnote {one}.', '.. [#] Auto <note>.', '.. _ref: https://example.com/ref', '__ https://example.com/anon', '.. |sub| replace:: *subst*', '.. _target:', '.. comment {x}') },
    { weight: 1, arbitrary: fc.constantFrom(...extraBlocks) },
    { weight: 1, arbitrary: fc.constantFrom('.. raw:: html\n\n   <b class="x">bold</b>', '.. math::\n\n   x^2 + {y}', '>>> 1 < 2\nTrue', '| line {a}\n| line <b>', ':field: value {v}\n:other: <w>', '-a  option {a}\n--bb=X  option b', '.. unknown:: x\n\n   body', '.. contents::') }
  )
  if (depth <= 1) return leaf
  const nested = fc.array(block(depth - 1), { minLength: 1, maxLength: 3 }).map((blocks) => blocks.join('\n\n'))
  return fc.oneof(
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('note', 'tip', 'warning', 'danger', 'important', 'hint', 'caution', 'error', 'attention'), nested).map(([name, body]) => `.. ${name}::\n\n${indent(body)}`) },
    { weight: 1, arbitrary: fc.tuple(sentence, nested).map(([title, body]) => `.. admonition:: ${title.replace(/\n/g, ' ')}\n\n${indent(body)}`) },
    { weight: 1, arbitrary: fc.array(nested, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${indent(item, '  ').trimStart()}`).join('\n\n')) },
    { weight: 1, arbitrary: fc.array(nested, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 3}. ${indent(item).trimStart()}`).join('\n\n')) },
    { weight: 1, arbitrary: nested.map((body) => indent(body, '    ')) },
    { weight: 1, arbitrary: fc.tuple(word, nested).map(([term, body]) => `${term.replace(/^[-*+#|:.]/, 't')}\n${indent(body)}`) }
  )
})

const adornments = ['=', '-', '~', '^', '+']

/** A structured random document. */
export const rstDocument: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.option(fc.tuple(sentence, fc.integer({ min: 0, max: adornments.length - 1 })), { freq: 3 }), block(3)), { minLength: 1, maxLength: 6 })
  .map((parts) =>
    parts
      .map(([heading, body]) => {
        if (!heading) return body
        const title = heading[0].replace(/\n/g, ' ').trim()
        return `${title}\n${adornments[heading[1]].repeat(Math.max(title.length, 4) + 2)}\n\n${body}`
      })
      .join('\n\n') + '\n'
  )

/** Noise: lines of RST-significant characters. */
export const rstNoise: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('*', '`', '_', '|', ':', '..', ' ', '  ', '\n', '\n\n', '{', '}', '<', '>', '-', '=', '#', '[', ']', '\\', 'a', 'b', '1.', 'import ', '::', '__', '.. note::', '+--+'), { maxLength: 60 })
  .map((parts) => parts.join(''))
