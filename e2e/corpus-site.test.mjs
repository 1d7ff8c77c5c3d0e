// End-to-end: the 60 docutils documents of ../shared/corpus/docutils-docs (with their images), converted by `rstToMdx`,
// must build as a Docusaurus 3.10.2 site (same `future`/`markdown` settings as packages/site, single locale), and every
// page's HTML must hold each of its section headings (the texts of the doctree's `section > title` elements) as the
// text of an <h1>–<h6> whose id is the section's id. The throwaway site is built in a temporary folder by scripts/lib/corpus-site.mjs (run that file
// with `--keep` to inspect it). Skipped when ../shared is absent. About 30–50 s on 2 cores.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {before, describe, test} from 'node:test';
import {
  corpusSkipReason,
  htmlHeadingElements,
  katexErrors,
  runCorpusSite,
  sectionHeadings,
  siteMathPlugins,
  ssgWarnings,
} from '../scripts/lib/corpus-site.mjs';
import {loadParser} from '../scripts/lib/parser.mjs';

const skip = corpusSkipReason() ?? false;
if (skip) console.log(skip);

describe('corpus-site helpers', () => {
  test('skips with a message when ../shared is absent', () => {
    assert.equal(corpusSkipReason(join('/nonexistent-shared', 'corpus', 'docutils-docs')),
      'corpus-site: /nonexistent-shared is absent (reference material beside the repository), skipping the corpus build');
  });

  test('htmlHeadingElements reads minified Docusaurus headings (raw "<" in attribute values, hash links)', () => {
    const html =
      '<p>x<h4 class="anchor a_Y" id=figure>&lt;figure><a href=#figure class=hash-link aria-label="Direct link to <figure>" ' +
      'title="Direct link to <figure>" translate=no>\u200b</a></h4><h2 id="b&amp;c">A <code>b</code>&amp;\nc&#x21;</h2>' +
      '<script>"<h1>no</h1>"</script><h1>Title</h1>';
    assert.deepEqual(htmlHeadingElements(html), [
      {level: 4, id: 'figure', text: '<figure>'},
      {level: 2, id: 'b&c', text: 'A b& c!'},
      {level: 1, id: undefined, text: 'Title'},
    ]);
  });

  test('sectionHeadings collects section > title texts and ids (nested sections, inline markup, no other titles)', async () => {
    const {parse} = await loadParser();
    const tree = parse('Top\n===\n\n.. topic:: Not a section\n\n   x\n\nSub *one*\n---------\n\nText ``code``\n\nSub two\n-------\n');
    assert.deepEqual(sectionHeadings(tree), [
      {text: 'Top', id: 'top'},
      {text: 'Sub one', id: 'sub-one'},
      {text: 'Sub two', id: 'sub-two'},
    ]);
  });

  test('katexErrors reads the messages of KaTeX error spans', () => {
    const html =
      '<p><span class=katex-error title="ParseError: KaTeX parse error: got &#x27;&amp;&#x27; > x" style=color:#cc0000>a & b</span>' +
      '<span class="katex">ok</span> katex-error in text</p>';
    assert.deepEqual(katexErrors(html), ["ParseError: KaTeX parse error: got '&' > x"]);
  });

  test('ssgWarnings reads the per-page warnings of a build log', () => {
    const log = [
      '[WARNING] Docusaurus static site generation process emitted warnings for 1 path',
      'This is non-critical',
      '',
      '- "/docs/a/":',
      '  - [HTML minifier diagnostic - error] No "p" element in scope but a "p" end tag seen - {"primary_spans":[]}',
      '',
      '[WARNING] Docusaurus found broken links!',
      '- "/docs/b/": not a warning of this kind',
    ].join('\n');
    assert.deepEqual(ssgWarnings(log), [
      {route: '/docs/a/', message: '[HTML minifier diagnostic - error] No "p" element in scope but a "p" end tag seen'},
    ]);
  });
});

describe('docutils corpus as a Docusaurus site', {skip}, () => {
  /** @type {Awaited<ReturnType<typeof runCorpusSite>>} */
  let result;

  before(
    async () => {
      const {rstToMdx} = await loadParser();
      result = await runCorpusSite({rstToMdx, log: (line) => console.log(line)});
    },
    {timeout: 10 * 60 * 1000},
  );

  test('all 60 documents are converted', () => {
    assert.equal(result.pages.length, 60);
  });

  test('docusaurus build succeeds', (t) => {
    t.diagnostic(`docusaurus build: ${(result.build.ms / 1000).toFixed(1)} s, conversion: ${(result.convertMs / 1000).toFixed(1)} s`);
    const math = siteMathPlugins();
    assert.equal(
      result.build.code,
      0,
      `docusaurus build failed (site math plugins: remark-math ${math.remarkMath}, rehype-katex ${math.rehypeKatex}):\n` +
        result.errors,
    );
  });

  test('every page is built and shows all its section headings', (t) => {
    assert.ok(result.check, 'no build output to check');
    const {checked, idsChecked, pagesFound, missingPages, missingHeadings} = result.check;
    t.diagnostic(`${pagesFound} pages built, ${checked} headings checked (${idsChecked} with their id)`);
    assert.deepEqual(missingPages, [], 'pages missing from the build');
    assert.ok(checked >= 1000, `only ${checked} headings found in the doctrees`);
    assert.deepEqual(
      missingHeadings.map(({source, heading}) => `${source}: ${heading}`),
      [],
      'section titles not found as <h1>–<h6> text in the page HTML',
    );
  });

  test('each section heading carries the section id (targets of #id links)', () => {
    assert.ok(result.check, 'no build output to check');
    assert.ok(result.check.idsChecked >= 1000, `only ${result.check.idsChecked} heading ids checked`);
    assert.deepEqual(
      result.check.wrongIds.map(({source, heading, id, found}) => `${source}: #${id} → ${found ?? '(no heading)'}, expected ${heading}`),
      [],
    );
  });

  test('math renders without KaTeX errors (when the site uses rehype-katex)', (t) => {
    assert.ok(result.check, 'no build output to check');
    if (!siteMathPlugins().rehypeKatex) t.diagnostic('the site does not use rehype-katex: nothing to check');
    assert.deepEqual(result.check.mathErrors.map(({source, error}) => `${source}: ${error}`), []);
  });

  test('pages have valid element nesting (no static-site-generation warnings)', () => {
    assert.ok(result.check, 'no build output to check');
    // Docusaurus' HTML minifier reports e.g. `No "p" element in scope but a "p" end tag seen` for a <p> inside a <p>:
    // the browser's DOM then differs from React's and hydration fails.
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const {route, message} of ssgWarnings(result.build.output)) {
      const key = `${route}: ${message}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.deepEqual([...counts].map(([key, count]) => `${key} (${count}×)`), []);
  });
});
