// End-to-end: the 60 docutils documents of ../shared/corpus/docutils-docs (with their images), converted by `rstToMdx`,
// must build as a Docusaurus 3.10.2 site (same `future`/`markdown` settings as packages/site, single locale), and every
// page's HTML must hold each of its section headings (the texts of the doctree's `section > title` elements) as the
// text of an <h1>–<h6>. The throwaway site is built in a temporary folder (scripts/lib/corpus-site.mjs); set
// RSTMDX_CORPUS_SITE_KEEP=1 to keep it for inspection. About 30–40 s on 2 cores.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {before, describe, test} from 'node:test';
import {defaultCorpusDir, runCorpusSite, siteMathPlugins} from '../scripts/lib/corpus-site.mjs';
import {loadParser} from '../scripts/lib/parser.mjs';
import {repoRoot} from '../scripts/lib/paths.mjs';

const sharedDir = join(repoRoot, '..', 'shared');
const skip = existsSync(defaultCorpusDir)
  ? false
  : `corpus-site: ${existsSync(sharedDir) ? defaultCorpusDir : sharedDir} is absent (reference material outside the repository), skipping`;
if (skip) console.log(skip);

describe('docutils corpus as a Docusaurus site', {skip}, () => {
  /** @type {Awaited<ReturnType<typeof runCorpusSite>>} */
  let result;

  before(
    async () => {
      const {rstToMdx} = await loadParser();
      result = await runCorpusSite({
        rstToMdx,
        keep: process.env.RSTMDX_CORPUS_SITE_KEEP === '1',
        log: (line) => console.log(line),
      });
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
    const {checked, pagesFound, missingPages, missingHeadings} = result.check;
    t.diagnostic(`${pagesFound} pages built, ${checked} headings checked`);
    assert.deepEqual(missingPages, [], 'pages missing from the build');
    assert.ok(checked >= 1000, `only ${checked} headings found in the doctrees`);
    assert.deepEqual(
      missingHeadings.map(({source, heading}) => `${source}: ${heading}`),
      [],
      'section titles not found as <h1>–<h6> text in the page HTML',
    );
  });
});
