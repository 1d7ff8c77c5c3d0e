// End-to-end check of the converter with Docusaurus: convert a folder of RST documents (by default the 60 docutils
// documents of ../shared/corpus/docutils-docs, with their images) into a throwaway Docusaurus site, build it, and
// check every page's HTML for its section headings. Used by e2e/corpus-site.test.mjs; runnable by hand:
//
//   node scripts/lib/corpus-site.mjs [corpusDir] [--keep] [--math]   (--math: remark-math even if the site lacks it)
//
// The throwaway site lives in a temporary folder whose node_modules links to the entries of packages/site/node_modules
// (so the real site's Docusaurus install is reused, and caches stay in the temporary folder). Its config copies the
// real site's build-relevant settings (`future: {v4: true, faster: true}`, MDX format, remark-math/rehype-katex when the
// site uses them, a single locale) and uses `onBrokenLinks: 'warn'`: links leaving the corpus (`../../HISTORY.rst`, the
// docutils docs' own `*.html` links) break.
import {spawn} from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {listFiles} from './fs-utils.mjs';
import {repoRoot, siteDir as realSiteDir} from './paths.mjs';
import {resolveFromSite} from './site-import.mjs';

/** The docutils documentation corpus (outside the repository; absent in a bare clone). */
export const defaultCorpusDir = join(repoRoot, '..', 'shared', 'corpus', 'docutils-docs');

/**
 * Why the corpus build cannot run (`../shared` or the corpus inside it is missing), or `undefined`.
 * @param {string} [corpusDir]
 * @returns {string | undefined}
 */
export function corpusSkipReason(corpusDir = defaultCorpusDir) {
  if (existsSync(corpusDir)) return undefined;
  const sharedDir = join(corpusDir, '..', '..');
  const missing = existsSync(sharedDir) ? corpusDir : sharedDir;
  return `corpus-site: ${missing} is absent (reference material beside the repository), skipping the corpus build`;
}

/** Files copied next to the MDX so that image directives resolve. */
const assetExtensions = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'];

/**
 * @typedef {object} CorpusPage
 * @property {string} source path of the .rst file relative to the corpus (POSIX)
 * @property {string} route URL path of the page (`/docs/<source without .rst>/`)
 * @property {{text: string, id: string | undefined}[]} headings the document's section titles (doctree `section > title`)
 * @property {{line?: number | null, reason: string, ruleId?: string | null, fatal?: boolean | null}[]} messages
 */

/**
 * Convert every .rst file of `corpusDir` into `<siteDir>/docs/<same path>.mdx` and copy the images.
 * Each page gets an explicit `slug` so its route is predictable (`index.rst` included).
 * @param {{corpusDir: string, siteDir: string, rstToMdx: (input: Uint8Array, options: object) => Promise<any>}} options
 * @returns {Promise<CorpusPage[]>}
 */
export async function convertCorpus({corpusDir, siteDir, rstToMdx}) {
  const docsDir = join(siteDir, 'docs');
  /** @type {CorpusPage[]} */
  const pages = [];
  for (const source of listFiles(corpusDir, '.rst')) {
    const path = join(corpusDir, source);
    const name = source.replace(/\.rst$/, '');
    const file = await rstToMdx(readFileSync(path), {
      path,
      root: corpusDir,
      rstLinkExtension: '.mdx',
      frontMatter: {slug: `/${name}`},
    });
    if (!file.data.tree) throw new Error('corpus-site: rstToMdx no longer returns the doctree as file.data.tree');
    const out = join(docsDir, `${name}.mdx`);
    mkdirSync(dirname(out), {recursive: true});
    writeFileSync(out, String(file.value));
    pages.push({
      source,
      route: `/docs/${name}/`,
      headings: sectionHeadings(file.data.tree),
      messages: file.messages.map((/** @type {any} */ message) => ({
        line: message.line,
        reason: message.reason,
        ruleId: message.ruleId,
        fatal: message.fatal,
      })),
    });
  }
  for (const extension of assetExtensions) {
    for (const asset of listFiles(corpusDir, extension)) {
      const out = join(docsDir, asset);
      mkdirSync(dirname(out), {recursive: true});
      copyFileSync(join(corpusDir, asset), out);
    }
  }
  return pages;
}

/**
 * The `section > title` elements of a doctree, in document order: title text (docutils `astext()`, whitespace collapsed)
 * and the section's first id (what the converter writes as the heading id, `## Title {/* #id *\/}`).
 * @param {any} tree the `document` RstElement (`rstToMdx` returns it as `file.data.tree`)
 * @returns {{text: string, id: string | undefined}[]}
 */
export function sectionHeadings(tree) {
  /** @type {{text: string, id: string | undefined}[]} */
  const result = [];
  /** @param {any} node */
  const visit = (node) => {
    if (!node || !Array.isArray(node.children)) return;
    if (node.type === 'section') {
      const title = node.children.find((/** @type {any} */ child) => child.type === 'title');
      const ids = node.attributes?.ids;
      const id = Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : undefined;
      if (title) result.push({text: normalizeText(astext(title)), id});
    }
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return result;
}

/**
 * Texts of all `section > title` elements of a doctree (see `sectionHeadings`).
 * @param {any} tree
 * @returns {string[]}
 */
export function sectionTitles(tree) {
  return sectionHeadings(tree).map((heading) => heading.text);
}

/**
 * docutils `Node.astext()` for a title (a TextElement: children joined with '', null-escapes removed).
 * @param {any} node
 * @returns {string}
 */
function astext(node) {
  if (node.type === 'text') return String(node.value).replaceAll('\x00 ', '').replaceAll('\x00\n', '').replaceAll('\x00', '');
  return (node.children ?? []).map(astext).join('');
}

/** @param {string} text */
export function normalizeText(text) {
  return text.replace(/[\u200b\u00ad]/g, '').replace(/\s+/g, ' ').trim();
}

/** @type {Record<string, string>} */
const namedEntities = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ZeroWidthSpace: '\u200b'};

/** @param {string} text */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return namedEntities[name] ?? whole;
  });
}

/**
 * Texts of the `<h1>`…`<h6>` elements of an HTML page (see `htmlHeadingElements`).
 * @param {string} html
 * @returns {string[]}
 */
export function htmlHeadings(html) {
  return htmlHeadingElements(html).map((heading) => heading.text);
}

/**
 * The `<h1>`…`<h6>` elements of an HTML page: level, `id` attribute and text (tags removed, entities decoded,
 * whitespace collapsed; the zero-width text of Docusaurus' "#" hash links vanishes). A small tokenizer, not regexes
 * over the page: minified attribute values hold raw `<`/`>` (`aria-label="Direct link to <figure>"`).
 * @param {string} html
 * @returns {{level: number, id: string | undefined, text: string}[]}
 */
export function htmlHeadingElements(html) {
  /** @type {{level: number, id: string | undefined, text: string}[]} */
  const result = [];
  /** @type {string[] | undefined} */
  let current;
  /** @type {string | undefined} */
  let currentId;
  let level = '';
  let index = 0;
  while (index < html.length) {
    const lt = html.indexOf('<', index);
    const textEnd = lt === -1 ? html.length : lt;
    if (current) current.push(html.slice(index, textEnd));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    if (!/[a-zA-Z/!]/.test(html[lt + 1] ?? '')) {
      if (current) current.push('<');
      index = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    const name = /^<(\/?)([a-zA-Z0-9]+)/.exec(html.slice(lt, Math.min(end, lt + 12)));
    if (name && /^h[1-6]$/i.test(name[2])) {
      if (!name[1] && !current) {
        current = [];
        level = name[2].toLowerCase();
        const id = /\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/.exec(html.slice(lt, end));
        currentId = id ? decodeEntities(id[1] ?? id[2] ?? id[3]) : undefined;
      } else if (name[1] && current && name[2].toLowerCase() === level) {
        result.push({level: Number(level.slice(1)), id: currentId, text: normalizeText(decodeEntities(current.join('')))});
        current = undefined;
      }
    } else if (name && /^(script|style)$/i.test(name[2]) && !name[1]) {
      const closing = new RegExp(`</${name[2]}`, 'gi');
      closing.lastIndex = end;
      index = closing.exec(html)?.index ?? html.length;
      continue;
    }
    index = end + 1;
  }
  return result;
}

/**
 * Index of the `>` closing the tag that starts at `start` (quoted attribute values may hold `>`).
 * @param {string} html
 * @param {number} start index of the `<`
 */
function tagEnd(html, start) {
  let end = start + 1;
  let quote = '';
  for (; end < html.length; end++) {
    const char = html[end];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') break;
  }
  return end;
}

/**
 * KaTeX's error messages in a page: rehype-katex renders LaTeX it cannot parse as
 * `<span class="katex-error" title="ParseError: …">source</span>` (red text on the page).
 * @param {string} html
 * @returns {string[]}
 */
export function katexErrors(html) {
  /** @type {string[]} */
  const result = [];
  let index = html.indexOf('katex-error');
  while (index !== -1) {
    const lt = html.lastIndexOf('<', index);
    const end = tagEnd(html, lt);
    const tag = html.slice(lt, end + 1);
    if (/^<span\b/i.test(tag) && /\sclass=(?:"[^"]*\bkatex-error\b[^"]*"|katex-error\b)/.test(tag)) {
      const title = /\stitle=(?:"([^"]*)"|'([^']*)')/.exec(tag);
      result.push(normalizeText(decodeEntities(title ? (title[1] ?? title[2]) : 'KaTeX error')));
    }
    index = html.indexOf('katex-error', Math.max(end, index + 1));
  }
  return result;
}

/**
 * Check that each page's built HTML holds every expected heading as the text of some h1–h6, and that the heading with
 * the section's id (the target of `#id` links) has that text. The document title, which the converter moves to the
 * front matter, is rendered by Docusaurus as an `<h1>` without id: only its text is checked. Also collects KaTeX errors.
 * @param {CorpusPage[]} pages
 * @param {string} outDir the build folder
 */
export function checkHeadings(pages, outDir) {
  let checked = 0;
  let pagesFound = 0;
  let idsChecked = 0;
  /** @type {string[]} */
  const missingPages = [];
  /** @type {{source: string, heading: string}[]} */
  const missingHeadings = [];
  /** @type {{source: string, heading: string, id: string, found: string | undefined}[]} */
  const wrongIds = [];
  /** @type {{source: string, error: string}[]} */
  const mathErrors = [];
  for (const page of pages) {
    const htmlFile = join(outDir, ...page.route.split('/').filter(Boolean), 'index.html');
    if (!existsSync(htmlFile)) {
      missingPages.push(`${page.source} (${relative(outDir, htmlFile)})`);
      continue;
    }
    pagesFound++;
    const html = readFileSync(htmlFile, 'utf8');
    for (const error of katexErrors(html)) mathErrors.push({source: page.source, error});
    const elements = htmlHeadingElements(html);
    const texts = new Set(elements.map((element) => element.text));
    /** @type {Map<string, string>} */
    const byId = new Map();
    for (const element of elements) if (element.id !== undefined) byId.set(element.id, element.text);
    const titleOnly = elements.find((element) => element.level === 1 && element.id === undefined);
    for (const heading of page.headings) {
      checked++;
      if (!texts.has(heading.text)) missingHeadings.push({source: page.source, heading: heading.text});
      if (heading.id === undefined || (titleOnly && titleOnly.text === heading.text && !byId.has(heading.id))) continue;
      idsChecked++;
      if (byId.get(heading.id) !== heading.text) {
        wrongIds.push({source: page.source, heading: heading.text, id: heading.id, found: byId.get(heading.id)});
      }
    }
  }
  return {checked, idsChecked, pagesFound, missingPages, missingHeadings, wrongIds, mathErrors};
}

/**
 * Which math plugins the real site's config uses (then the throwaway site uses them too): the converter emits
 * `$…$`/`$$` math (mdast-util-math), which only parses with remark-math.
 * @returns {{remarkMath: boolean, rehypeKatex: boolean}}
 */
export function siteMathPlugins() {
  const config = join(realSiteDir, 'docusaurus.config.js');
  const text = existsSync(config) ? readFileSync(config, 'utf8') : '';
  return {remarkMath: /['"]remark-math['"]/.test(text), rehypeKatex: /['"]rehype-katex['"]/.test(text)};
}

/**
 * Write package.json, docusaurus.config.js and sidebars.js of the throwaway site, and its node_modules (links to the
 * entries of packages/site/node_modules).
 * @param {string} siteDir
 * @param {{remarkMath?: string | boolean, rehypeKatex?: string | boolean}} [math] plugins to enable: `true` = import by
 *   name (resolved from packages/site), a string = import from that path (default: as the real site does)
 */
export function writeSiteFiles(siteDir, math = siteMathPlugins()) {
  const modules = join(siteDir, 'node_modules');
  mkdirSync(modules, {recursive: true});
  const realModules = join(realSiteDir, 'node_modules');
  for (const entry of readdirSync(realModules)) {
    if (entry === '.cache') continue;
    symlinkSync(join(realModules, entry), join(modules, entry));
  }
  writeFileSync(join(siteDir, 'package.json'), `${JSON.stringify({name: 'rstmdx-corpus-site', private: true}, null, 2)}\n`);
  writeFileSync(join(siteDir, 'sidebars.js'), "export default {docs: [{type: 'autogenerated', dirName: '.'}]};\n");
  /** @param {string | boolean | undefined} plugin @param {string} name */
  const specifier = (plugin, name) => (typeof plugin === 'string' ? pathToFileURL(plugin).href : plugin ? name : undefined);
  const remarkMath = specifier(math.remarkMath, 'remark-math');
  const rehypeKatex = specifier(math.rehypeKatex, 'rehype-katex');
  const imports = [
    remarkMath ? `import remarkMath from ${JSON.stringify(remarkMath)};` : '',
    rehypeKatex ? `import rehypeKatex from ${JSON.stringify(rehypeKatex)};` : '',
  ].filter(Boolean);
  writeFileSync(
    join(siteDir, 'docusaurus.config.js'),
    `// Generated by scripts/lib/corpus-site.mjs: a minimal site for the docutils corpus.
${imports.join('\n')}

export default {
  title: 'rstmdx corpus',
  url: 'https://rstmdx.example',
  baseUrl: '/',
  trailingSlash: true,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {
    format: 'mdx',
    hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'throw'},
  },
  future: {v4: true, faster: true},
  i18n: {defaultLocale: 'en', locales: ['en']},
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.js',
          remarkPlugins: [${remarkMath ? 'remarkMath' : ''}],
          rehypePlugins: [${rehypeKatex ? 'rehypeKatex' : ''}],
        },
        blog: false,
        pages: false,
        theme: {},
      },
    ],
  ],
};
`,
  );
}

/**
 * Run `docusaurus build` on a site folder. Resolves with the exit code, the combined output and the duration.
 * @param {string} siteDir
 * @param {{outDir?: string, minify?: boolean, env?: Record<string, string>}} [options] `minify` (default false): JS
 *   minification costs time and checks nothing here (Docusaurus' HTML minifier runs either way)
 * @returns {Promise<{code: number | null, output: string, ms: number}>}
 */
export function buildSite(siteDir, options = {}) {
  const bin = resolveFromSite('@docusaurus/core/bin/docusaurus.mjs');
  const outDir = options.outDir ?? join(siteDir, 'build');
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const args = [bin, 'build', siteDir, '--out-dir', outDir, ...(options.minify ? [] : ['--no-minify'])];
    const child = spawn(process.execPath, args, {
      cwd: siteDir,
      // A fresh folder each run: Rspack's persistent cache would only cost time.
      env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true', ...options.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const chunks = [];
    child.stdout.on('data', (data) => chunks.push(String(data)));
    child.stderr.on('data', (data) => chunks.push(String(data)));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({code, output: chunks.join(''), ms: performance.now() - started}));
  });
}

/**
 * The whole run: temporary site, conversion, build, heading check.
 * @param {{corpusDir?: string, keep?: boolean, math?: {remarkMath?: string | boolean, rehypeKatex?: string | boolean}, rstToMdx: (input: Uint8Array, options: object) => Promise<any>, log?: (line: string) => void}} options
 */
export async function runCorpusSite({corpusDir = defaultCorpusDir, keep = false, math, rstToMdx, log = () => {}}) {
  const siteDir = mkdtempSync(join(tmpdir(), 'rstmdx-corpus-site-'));
  try {
    writeSiteFiles(siteDir, math);
    const convertStart = performance.now();
    const pages = await convertCorpus({corpusDir, siteDir, rstToMdx});
    const convertMs = performance.now() - convertStart;
    log(`corpus-site: converted ${pages.length} documents in ${(convertMs / 1000).toFixed(1)} s into ${siteDir}`);
    const build = await buildSite(siteDir, {minify: process.env.RSTMDX_CORPUS_SITE_MINIFY === '1'});
    log(`corpus-site: docusaurus build exited with ${build.code} after ${(build.ms / 1000).toFixed(1)} s`);
    const outDir = join(siteDir, 'build');
    const check = build.code === 0 ? checkHeadings(pages, outDir) : undefined;
    const errors = build.code === 0 ? '' : buildErrors(build.output, siteDir);
    return {siteDir, pages, convertMs, build, check, errors};
  } finally {
    if (!keep) rmSync(siteDir, {recursive: true, force: true});
  }
}

/**
 * Warnings Docusaurus' static site generation reports per page (HTML minifier diagnostics such as
 * `No "p" element in scope but a "p" end tag seen`, i.e. invalid element nesting that breaks React hydration).
 * @param {string} output build output
 * @returns {{route: string, message: string}[]}
 */
export function ssgWarnings(output) {
  /** @type {{route: string, message: string}[]} */
  const result = [];
  let inSection = false;
  let route = '';
  for (const line of output.split('\n')) {
    if (/^\[WARNING\] Docusaurus static site generation process emitted warnings/.test(line)) {
      inSection = true;
      continue;
    }
    if (!inSection) continue;
    if (/^\[(WARNING|ERROR|INFO|SUCCESS)\]/.test(line)) {
      inSection = false;
      continue;
    }
    const page = /^- "([^"]+)":/.exec(line);
    if (page) route = page[1];
    const message = /^\s+- (.*)$/.exec(line);
    if (route && message) result.push({route, message: message[1].replace(/ - \{"primary_spans".*$/, '')});
  }
  return result;
}

/**
 * A short summary of a failed Docusaurus build: `[ERROR]` lines, and `file:line:column: cause` plus the MDX line for
 * each MDX compilation error (file names relative to the site's docs folder, which must still exist).
 * @param {string} output
 * @param {string} siteDir
 */
export function buildErrors(output, siteDir) {
  /** @type {string[]} */
  const result = [];
  const docs = join(siteDir, 'docs') + sep;
  let file = '';
  let cause = '';
  for (const raw of output.split('\n')) {
    const line = raw.replace(/^[\s│╰─▶×]+/, '').replaceAll(docs, '');
    const failed = /MDX compilation failed for file "([^"]+)"/.exec(line);
    if (failed) {
      file = failed[1];
      cause = '';
      continue;
    }
    if (file && line.startsWith('Cause:')) cause = line.slice(6).trim();
    const place = /^"name": "(\d+:\d+)"/.exec(line);
    if (file && place) {
      const [lineNo, column] = place[1].split(':').map(Number);
      const mdx = existsSync(docs + file) ? readFileSync(docs + file, 'utf8').split('\n') : [];
      const excerpt = mdx[lineNo - 1] === undefined ? '' : `\n    ${mdx[lineNo - 1].slice(Math.max(0, column - 60), column + 60)}`;
      result.push(`${file}:${place[1]}: ${cause}${excerpt}`);
      file = '';
    } else if (line.startsWith('[ERROR]') || /^Error: (?!MDX compilation failed)/.test(line)) result.push(line);
  }
  if (file) result.push(`${file}: ${cause}`);
  return result.slice(0, 60).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {loadParser} = await import('./parser.mjs');
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const corpusDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? defaultCorpusDir);
  const {rstToMdx} = await loadParser();
  // --math: enable remark-math even when the real site does not (taken from the parser's devDependencies).
  const math = args.includes('--math')
    ? {remarkMath: createRequire(join(repoRoot, 'packages', 'rst-parser', 'package.json')).resolve('remark-math')}
    : undefined;
  const result = await runCorpusSite({corpusDir, keep, math, rstToMdx, log: (line) => console.log(line)});
  if (result.build.code !== 0) {
    console.error(result.errors || result.build.output);
    process.exitCode = 1;
  } else if (result.check) {
    const {checked, idsChecked, pagesFound, missingPages, missingHeadings, wrongIds, mathErrors} = result.check;
    console.log(
      `corpus-site: ${pagesFound}/${result.pages.length} pages built, ${checked} headings checked (${idsChecked} with their id)`,
    );
    for (const page of missingPages) console.log(`missing page: ${page}`);
    for (const {source, heading} of missingHeadings) console.log(`missing heading: ${source}: ${heading}`);
    for (const {source, heading, id, found} of wrongIds) console.log(`heading id: ${source}: #${id} should be "${heading}", is ${found === undefined ? 'missing' : `"${found}"`}`);
    for (const {source, error} of mathErrors) console.log(`KaTeX error: ${source}: ${error}`);
    const warnings = ssgWarnings(result.build.output);
    for (const {route, message} of warnings) console.log(`ssg warning: ${route}: ${message}`);
    if ([missingPages, missingHeadings, wrongIds, warnings, mathErrors].some((list) => list.length > 0)) process.exitCode = 1;
  }
  if (keep) console.log(`corpus-site: kept ${result.siteDir}`);
}
