#!/usr/bin/env node
// Convert the reStructuredText sources in content/ into the MDX tree Docusaurus reads.
//
//   node scripts/convert.mjs [--strict] [--quiet]     (root: `pnpm convert`; RSTMDX_STRICT=1 = --strict)
//
// Layout of content/ (every "content root" has the same shape):
//   content/docs/**/*.rst                          current version ("next"), English
//   content/docs/sidebar.json                      optional page order: ["index", "getting-started", …]
//   content/i18n/<locale>/**/*.rst                 translated pages (same relative paths as docs/)
//   content/locales/<locale>/LC_MESSAGES/<doc>.po  gettext catalogs applied to docs/<doc>.rst
//   content/versioned/<version>/{docs,i18n,locales}/…   released versions (snapshots, see version-cut.mjs)
//
// Output (all generated and gitignored) in packages/site:
//   docs/, versioned_docs/version-<v>/, versioned_sidebars/, versions.json,
//   i18n/<locale>/docusaurus-plugin-content-docs/{current,version-<v>}/ and their JSON label files.
//
// A page without a translation is written to the locale folder in English with a "not yet translated" note.
// Diagnostics print as `file:line:column: warning|error: message [rule-id]`; they fail the run only in
// strict mode. Options for partial builds: RSTMDX_LOCALES=en,es and RSTMDX_ONLY_CURRENT=1 (PR previews).
import {copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, posix, relative, sep} from 'node:path';
import {parseArgs} from 'node:util';
import {contentDir, defaultLocale, locales as allLocales, repoRoot, siteDir} from './lib/paths.mjs';
import {compareVersionsDescending, listFiles} from './lib/fs-utils.mjs';
import {loadParser} from './lib/parser.mjs';
import {untranslatedNote, versionLabels} from './lib/i18n-strings.mjs';
import {loadCatalog, translateRst} from './lib/gettext.mjs';

const {values} = parseArgs({
  options: {strict: {type: 'boolean', default: false}, quiet: {type: 'boolean', short: 'q', default: false}},
  allowPositionals: false,
});
const strict = values.strict || process.env.RSTMDX_STRICT === '1';
const quiet = values.quiet;

/** @typedef {{version: string, root: string, docsOut: string, localeOut: (locale: string) => string}} DocSet */
/** @typedef {{file: string, line?: number | null, column?: number | null, fatal?: boolean | null, reason: string, ruleId?: string | null}} Diagnostic */

const parserModule = await loadParser();
/** @type {(text: string, options: object) => Promise<{value: unknown, messages: Diagnostic[]}>} */
const rstToMdx = parserModule.rstToMdx;

const locales = (process.env.RSTMDX_LOCALES ? process.env.RSTMDX_LOCALES.split(',') : allLocales).filter(
  (locale) => allLocales.includes(locale),
);
const onlyCurrent = process.env.RSTMDX_ONLY_CURRENT === '1';

/** @type {Diagnostic[]} */
const diagnostics = [];
let written = 0;

cleanOutputs();
const docSets = listDocSets();
for (const docSet of docSets) await convertDocSet(docSet);
writeVersionFiles(docSets);
report();

// ---------------------------------------------------------------------------------------------------------

function cleanOutputs() {
  for (const name of ['docs', 'versioned_docs', 'versioned_sidebars', 'versions.json']) {
    rmSync(join(siteDir, name), {recursive: true, force: true});
  }
  for (const locale of allLocales) {
    rmSync(join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs'), {recursive: true, force: true});
  }
}

/** @returns {DocSet[]} */
function listDocSets() {
  const i18nOut = (/** @type {string} */ locale, /** @type {string} */ folder) =>
    join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs', folder);
  /** @type {DocSet[]} */
  const sets = [
    {version: 'current', root: contentDir, docsOut: join(siteDir, 'docs'), localeOut: (l) => i18nOut(l, 'current')},
  ];
  if (onlyCurrent) return sets;
  for (const version of listVersions()) {
    sets.push({
      version,
      root: join(contentDir, 'versioned', version),
      docsOut: join(siteDir, 'versioned_docs', `version-${version}`),
      localeOut: (l) => i18nOut(l, `version-${version}`),
    });
  }
  return sets;
}

/** Released versions, newest first: the folders of content/versioned/ that hold a docs/ folder. */
function listVersions() {
  const versioned = join(contentDir, 'versioned');
  return listFiles(versioned, '.rst')
    .map((path) => path.split('/'))
    .filter((parts) => parts[1] === 'docs')
    .map((parts) => parts[0])
    .filter((version, index, all) => all.indexOf(version) === index)
    .sort(compareVersionsDescending);
}

/** @param {DocSet} docSet */
async function convertDocSet(docSet) {
  const docsDir = join(docSet.root, 'docs');
  const pages = listFiles(docsDir, '.rst');
  const order = readOrder(docsDir);
  for (const page of pages) {
    const source = join(docsDir, page);
    const extra = {sidebar_position: sidebarPosition(order, page, pages)};
    const english = await convertFile(source, docSet.root, defaultLocale, readFileSync(source, 'utf8'));
    writeMdx(join(docSet.docsOut, mdxPath(page)), english, extra);
    copyImages(source, docsDir, docSet.docsOut, page);

    for (const locale of locales) {
      if (locale === defaultLocale) continue;
      const out = join(docSet.localeOut(locale), mdxPath(page));
      const translatedSource = join(docSet.root, 'i18n', locale, page);
      const catalogPath = join(docSet.root, 'locales', locale, 'LC_MESSAGES', page.replace(/\.rst$/, '.po'));
      if (existsSync(translatedSource)) {
        const mdx = await convertFile(translatedSource, docSet.root, locale, readFileSync(translatedSource, 'utf8'));
        writeMdx(out, mdx, extra);
        copyImages(translatedSource, join(docSet.root, 'i18n', locale), docSet.localeOut(locale), page, docsDir);
        continue;
      }
      const catalog = existsSync(catalogPath) ? await loadCatalog(catalogPath) : undefined;
      if (catalog && catalog.translated > 0) {
        const text = translateRst(readFileSync(source, 'utf8'), catalog, parserModule, source);
        const mdx = await convertFile(source, docSet.root, locale, text, catalogPath);
        writeMdx(out, mdx, {...extra, custom_edit_url: editUrlOf(catalogPath, docSet)});
        copyImages(source, docsDir, docSet.localeOut(locale), page);
        continue;
      }
      writeMdx(out, insertNote(english, untranslatedNote(locale)), {
        ...extra,
        custom_edit_url: editUrlOf(source, docSet),
        rstmdx_untranslated: true,
      });
      copyImages(source, docsDir, docSet.localeOut(locale), page);
    }
  }
}

/**
 * @param {string} path absolute .rst path (for diagnostics and relative includes/images)
 * @param {string} root the content root files may not escape
 * @param {string} locale
 * @param {string} text
 * @param {string} [reportAs] file named in diagnostics (e.g. the .po catalog that produced the text)
 */
async function convertFile(path, root, locale, text, reportAs) {
  const file = await rstToMdx(text, {path, root, settings: {language_code: locale}, strict});
  for (const message of file.messages) {
    diagnostics.push({
      file: relative(repoRoot, reportAs ?? path).split(sep).join('/'),
      line: message.line,
      column: message.column,
      fatal: message.fatal,
      reason: message.reason,
      ruleId: message.ruleId,
    });
  }
  return rewriteRstLinks(String(file.value));
}

/**
 * Relative links to other pages end in `.rst` in the sources; Docusaurus resolves file links ending in `.mdx`
 * (per version and locale). Only Markdown link destinations `](path.rst)` / `](path.rst#id)` are touched.
 * @param {string} mdx
 */
function rewriteRstLinks(mdx) {
  return mdx.replace(/\]\((?![a-z][a-z0-9+.-]*:|\/)([^()\s]+?)\.rst(#[^()\s]*)?\)/gi, ']($1.mdx$2)');
}

/** @param {string} page */
function mdxPath(page) {
  return page.replace(/\.rst$/, '.mdx');
}

/** @param {string} docsDir @returns {string[]} */
function readOrder(docsDir) {
  const path = join(docsDir, 'sidebar.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
}

/** @param {string[]} order @param {string} page @param {string[]} pages */
function sidebarPosition(order, page, pages) {
  const name = page.replace(/\.rst$/, '');
  const index = order.indexOf(name);
  return index === -1 ? order.length + pages.indexOf(page) + 1 : index + 1;
}

/** @param {string} file @param {DocSet} docSet */
function editUrlOf(file, docSet) {
  const repoUrl = process.env.RSTMDX_REPO_URL || 'https://github.com/rstmdx/rstmdx';
  const branch = process.env.RSTMDX_EDIT_BRANCH || 'main';
  void docSet;
  return `${repoUrl}/edit/${branch}/${relative(repoRoot, file).split(sep).join('/')}`;
}

/**
 * Write MDX, merging extra keys into its front matter (keys the converter already wrote win).
 * @param {string} out @param {string} mdx @param {Record<string, string | number | boolean>} extra
 */
function writeMdx(out, mdx, extra) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(mdx);
  const existing = match ? match[1] : '';
  const keys = new Set(existing.split('\n').map((line) => line.split(':')[0].trim()));
  const added = Object.entries(extra)
    .filter(([key]) => !keys.has(key))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  const body = match ? mdx.slice(match[0].length) : mdx;
  const frontMatter = [existing, ...added].filter(Boolean).join('\n');
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, `---\n${frontMatter}\n---\n\n${body.replace(/^\n+/, '')}`);
  written++;
}

/**
 * Insert a block after the front matter and the page's `# title` (if the MDX starts with one).
 * @param {string} mdx @param {string} block
 */
function insertNote(mdx, block) {
  const match = /^(---\r?\n[\s\S]*?\r?\n---\r?\n)?(\s*# [^\n]*\n)?/.exec(mdx);
  const head = match ? match[0] : '';
  return `${head}\n${block}\n\n${mdx.slice(head.length).replace(/^\n+/, '')}`;
}

/**
 * Copy the local images an RST file references (image/figure directives, substitution images) next to its
 * MDX, keeping their relative paths. Missing files are left to the converter (it emits a placeholder).
 * @param {string} source the .rst file
 * @param {string} sourceRoot folder the page's relative path starts from
 * @param {string} outRoot output folder for that root
 * @param {string} page relative path of the page
 * @param {string} [fallbackRoot] second folder to look in (English sources, for translated pages)
 */
function copyImages(source, sourceRoot, outRoot, page, fallbackRoot) {
  const pageDir = posix.dirname(page);
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const match = /^\s*\.\.\s+(?:\|[^|]+\|\s+)?(?:image|figure)::\s+(\S+)\s*$/.exec(line);
    if (!match || /^[a-z][a-z0-9+.-]*:/i.test(match[1]) || match[1].startsWith('/')) continue;
    const rel = posix.normalize(posix.join(pageDir, match[1]));
    if (rel.startsWith('../')) continue;
    const candidates = [join(sourceRoot, rel), ...(fallbackRoot ? [join(fallbackRoot, rel)] : [])];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) continue;
    const out = join(outRoot, rel);
    mkdirSync(dirname(out), {recursive: true});
    copyFileSync(found, out);
  }
}

/** @param {DocSet[]} docSets */
function writeVersionFiles(docSets) {
  const released = docSets.filter((set) => set.version !== 'current').map((set) => set.version);
  if (released.length > 0) {
    writeFileSync(join(siteDir, 'versions.json'), `${JSON.stringify(released, null, 2)}\n`);
    mkdirSync(join(siteDir, 'versioned_sidebars'), {recursive: true});
    for (const version of released) {
      writeFileSync(
        join(siteDir, 'versioned_sidebars', `version-${version}-sidebars.json`),
        `${JSON.stringify({docs: [{type: 'autogenerated', dirName: '.'}]}, null, 2)}\n`,
      );
    }
  }
  // Version labels shown in the dropdown and banners, per locale (what `write-translations` would create).
  for (const locale of locales) {
    if (locale === defaultLocale) continue;
    for (const set of docSets) {
      const name = set.version === 'current' ? 'current' : `version-${set.version}`;
      const label = set.version === 'current' ? versionLabels[locale]?.next ?? 'Next' : set.version;
      const file = join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs', `${name}.json`);
      mkdirSync(dirname(file), {recursive: true});
      writeFileSync(
        file,
        `${JSON.stringify({'version.label': {message: label, description: `The label for version ${set.version}`}}, null, 2)}\n`,
      );
    }
  }
}

function report() {
  let warnings = 0;
  let errors = 0;
  for (const message of diagnostics) {
    const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info';
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
    else if (!process.env.RSTMDX_VERBOSE) continue;
    if (quiet && !strict) continue;
    const place = `${message.file}:${message.line ?? 1}:${message.column ?? 1}`;
    console.error(`${place}: ${severity}: ${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}`);
  }
  const versions = docSets.map((set) => (set.version === 'current' ? 'next' : set.version)).join(', ');
  if (!quiet) {
    console.log(
      `convert: ${written} MDX files (versions: ${versions}; locales: ${locales.join(', ')}), ` +
        `${errors} error(s), ${warnings} warning(s)${strict ? ' [strict]' : ''}`,
    );
  }
  if (strict && errors + warnings > 0) {
    console.error('convert: failing because of diagnostics (strict mode)');
    process.exitCode = 1;
  }
}
