// gettext extraction and application on RST sources (scripts/lib/gettext.mjs), with the real parser.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {columnWidth, extractMessages, loadCatalog, translateRst} from './gettext.mjs';
import {loadParser} from './parser.mjs';

const parser = await loadParser();
const source = [
  '=====',
  'Title',
  '=====',
  '',
  'A paragraph that',
  'spans two lines.',
  '',
  '* ``code`` first item',
  '* second item',
  '',
  '.. note::',
  '',
  '   Inside a note.',
  '',
  '.. code-block:: python',
  '',
  '   print("not translated")',
  '',
  'Section',
  '-------',
  '',
  '``term``',
  '   Its definition.',
  '',
].join('\n');

test('one message per title, paragraph, list item, admonition paragraph and term; code is skipped', () => {
  const messages = extractMessages(source, parser, 'test.rst').map((message) => message.msgid);
  assert.deepEqual(messages, [
    'Title',
    'A paragraph that spans two lines.',
    '``code`` first item',
    'second item',
    'Inside a note.',
    'Section',
    '``term``',
    'Its definition.',
  ]);
});

test('translations replace the source text, keep markup positions and lengthen title adornments', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rstmdx-gettext-'));
  try {
    const po = join(dir, 'x.po');
    writeFileSync(
      po,
      [
        'msgid ""',
        'msgstr "Content-Type: text/plain; charset=UTF-8\\n"',
        '',
        'msgid "Title"',
        'msgstr "長いタイトル"',
        '',
        'msgid "second item"',
        'msgstr "segundo elemento"',
        '',
        '#, fuzzy',
        'msgid "Inside a note."',
        'msgstr "Dentro de una nota."',
        '',
        'msgid "Section"',
        'msgstr ""',
        '',
      ].join('\n'),
    );
    const catalog = await loadCatalog(po);
    assert.equal(catalog.translated, 2, 'fuzzy and empty entries are not translations');
    const translated = translateRst(source, catalog, parser, 'test.rst');
    const lines = translated.split('\n');
    assert.equal(lines[1], '長いタイトル');
    assert.equal(lines[0], '='.repeat(columnWidth('長いタイトル')));
    assert.equal(lines[2], '='.repeat(12));
    assert.ok(lines.includes('* segundo elemento'));
    assert.ok(lines.includes('   Inside a note.'), 'fuzzy entry falls back to the source');
    assert.ok(lines.includes('Section'), 'untranslated entry falls back to the source');
    // No new docutils warnings (e.g. "Title overline too short."): the same system messages as the source.
    const messagesOf = (/** @type {string} */ text) =>
      JSON.stringify(parser.parse(text, {source: 'test.rst'})).split('"system_message"').length;
    assert.equal(messagesOf(translated), messagesOf(source));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('columnWidth counts East Asian wide characters twice', () => {
  assert.equal(columnWidth('abc'), 3);
  assert.equal(columnWidth('日本語'), 6);
  assert.equal(columnWidth('async と await'), 14);
});
