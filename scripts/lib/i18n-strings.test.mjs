// The "not yet translated" note is mdast that the converter serializes (no MDX string building in scripts/): convert
// a page with it and the extra front matter keys, then parse the MDX back and check the structure.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {loadParser} from './parser.mjs';
import {repoRoot} from './paths.mjs';
import {untranslatedNote} from './i18n-strings.mjs';

// MDX + directive parsers as Docusaurus configures them (resolved from the parser package, which tests with them).
const parserRequire = createRequire(join(repoRoot, 'packages', 'rst-parser', 'package.json'));
/** @param {string} name */
const importFromParserPackage = (name) => import(pathToFileURL(parserRequire.resolve(name)).href);

/** @param {string} mdx */
async function parseMdx(mdx) {
  const {createProcessor} = await importFromParserPackage('@mdx-js/mdx');
  const {default: remarkDirective} = await importFromParserPackage('remark-directive');
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return createProcessor({remarkPlugins: [remarkDirective]}).parse(body);
}

test('the untranslated note is a titled note admonition in a div.rstmdx-untranslated, after the front matter', async () => {
  const {rstToMdx} = await loadParser();
  const source = 'Page title\n==========\n\nFirst paragraph with <angle> and {braces}.\n';
  const file = await rstToMdx(source, {
    prepend: [untranslatedNote('es')],
    frontMatter: {sidebar_position: 3, title: 'not used', rstmdx_untranslated: true},
  });
  const mdx = String(file.value);
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
  assert.deepEqual(frontMatter.split('\n'), ['title: "Page title"', 'sidebar_position: 3', 'rstmdx_untranslated: true'], 'converter keys win');

  const tree = await parseMdx(mdx);
  // The converter's anchor for the promoted title (`<a id>`) comes first, then the note, then the content.
  const [anchor, note, paragraph] = tree.children;
  assert.equal(anchor.name, 'a');
  assert.equal(note.type, 'mdxJsxFlowElement');
  assert.equal(note.name, 'div');
  assert.deepEqual(
    note.attributes.map((/** @type {any} */ attribute) => [attribute.name, attribute.value]),
    [['className', 'rstmdx-untranslated']],
  );
  assert.equal(note.children.length, 1);
  const directive = note.children[0];
  assert.equal(directive.type, 'containerDirective');
  assert.equal(directive.name, 'note');
  const [label, text] = directive.children;
  assert.equal(label.data?.directiveLabel, true);
  assert.deepEqual(label.children, [{type: 'text', value: 'Página sin traducir', position: label.children[0].position}]);
  assert.equal(text.children[0].value, 'Esta página todavía no está traducida al español. Se muestra el texto original en inglés.');
  assert.equal(paragraph.type, 'paragraph', 'the page content follows the note');
});

test('every locale has a note; unknown locales get the English one', () => {
  for (const [locale, title] of [
    ['es', 'Página sin traducir'],
    ['ja', '未翻訳のページ'],
    ['xx', 'Not yet translated'],
  ]) {
    const note = /** @type {any} */ (untranslatedNote(locale));
    assert.equal(note.children[0].children[0].children[0].value, title);
  }
});
