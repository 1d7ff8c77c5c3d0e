#!/usr/bin/env node
// Convert the reStructuredText sources in content/ into the MDX tree Docusaurus reads.
//
//   node scripts/convert.mjs [--strict] [--quiet]     (root: `pnpm convert`; RSTMDX_STRICT=1 = --strict)
//
// Layout of content/ (every "content root" has the same shape):
//   content/docs/**/*.rst                          current version ("next"), English
//   content/docs/sidebar.json                      optional page order: ["index", "getting-started", …]
//   content/docs/<folder>/_category_.json          sidebar category of a folder ({"label": "Reference", "position": 5})
//   content/i18n/<locale>/<folder>/_category_.json its translated label ({"label": "Referencia"})
//   content/i18n/<locale>/**/*.rst                 translated pages (same relative paths as docs/)
//   content/locales/<locale>/LC_MESSAGES/<doc>.po  gettext catalogs applied to docs/<doc>.rst
//   content/versioned/<version>/{docs,i18n,locales}/…   released versions (snapshots, see version-cut.mjs)
//
// Output (all generated and gitignored) in packages/site:
//   docs/, versioned_docs/version-<v>/, versioned_sidebars/, versions.json,
//   i18n/<locale>/docusaurus-plugin-content-docs/{current,version-<v>}/ and their JSON label files.
//
// A page without a translation is written to the locale folder in English with a "not yet translated" note.
// Every MDX file is serialized by the converter (front matter keys and the note are passed to it as data).
// Outputs are updated in place: unchanged files are not rewritten and only files no longer produced are deleted,
// so the dev server (scripts/dev.mjs re-runs this script on every change) never sees a page go missing.
// Diagnostics print as `file:line:column: warning|error: message [rule-id]`; they fail the run only in
// strict mode. Options for partial builds: RSTMDX_LOCALES=en,es and RSTMDX_ONLY_CURRENT=1 (PR previews).
import {existsSync, readFileSync} from 'node:fs';
import {join, posix, relative, sep} from 'node:path';
import {parseArgs} from 'node:util';
import {contentDir, defaultLocale, locales as allLocales, repoRoot, siteDir} from './lib/paths.mjs';
import {compareVersionsDescending, listFiles} from './lib/fs-utils.mjs';
import {loadParser} from './lib/parser.mjs';
import {untranslatedNote, versionLabels} from './lib/i18n-strings.mjs';
import {loadCatalog, translateRst} from './lib/gettext.mjs';
import {OutputTree} from './lib/outputs.mjs';

const {values} = parseArgs({
  options: {strict: {type: 'boolean', default: false}, quiet: {type: 'boolean', short: 'q', default: false}},
  allowPositionals: false,
});
const strict = values.strict || process.env.RSTMDX_STRICT === '1';
const quiet = values.quiet;

/** @typedef {{version: string, root: string, docsOut: string, localeOut: (locale: string) => string, categories: Record<string, Record<string, string>>}} DocSet */
/** @typedef {{frontMatter?: Record<string, string | number | boolean>, prepend?: object[], report?: boolean}} ConvertOptions */
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

// Everything in these files and folders is generated: what this run does not produce is stale.
const outputs = new OutputTree([
  ...['docs', 'versioned_docs', 'versioned_sidebars', 'versions.json'].map((name) => join(siteDir, name)),
  ...allLocales.map((locale) => join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs')),
]);
const docSets = listDocSets();
for (const docSet of docSets) await convertDocSet(docSet);
writeVersionFiles(docSets);
outputs.removeStale();
report();

// ---------------------------------------------------------------------------------------------------------

/** @returns {DocSet[]} */
function listDocSets() {
  const i18nOut = (/** @type {string} */ locale, /** @type {string} */ folder) =>
    join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs', folder);
  /** @type {DocSet[]} */
  const sets = [
    {
      version: 'current',
      root: contentDir,
      docsOut: join(siteDir, 'docs'),
      localeOut: (l) => i18nOut(l, 'current'),
      categories: {},
    },
  ];
  if (onlyCurrent) return sets;
  for (const version of listVersions()) {
    sets.push({
      version,
      root: join(contentDir, 'versioned', version),
      docsOut: join(siteDir, 'versioned_docs', `version-${version}`),
      localeOut: (l) => i18nOut(l, `version-${version}`),
      categories: {},
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
  copyCategories(docSet);
  for (const page of pages) {
    const source = join(docsDir, page);
    const extra = {sidebar_position: sidebarPosition(order, page, pages)};
    const english = await convertFile(source, docSet.root, defaultLocale, readFileSync(source, 'utf8'), {frontMatter: extra});
    writeMdx(join(docSet.docsOut, mdxPath(page)), english);
    copyImages(source, docsDir, docSet.docsOut, page);

    for (const locale of locales) {
      if (locale === defaultLocale) continue;
      const out = join(docSet.localeOut(locale), mdxPath(page));
      const translatedSource = join(docSet.root, 'i18n', locale, page);
      const catalogPath = join(docSet.root, 'locales', locale, 'LC_MESSAGES', page.replace(/\.rst$/, '.po'));
      if (existsSync(translatedSource)) {
        const mdx = await convertFile(translatedSource, docSet.root, locale, readFileSync(translatedSource, 'utf8'), {
          frontMatter: extra,
        });
        writeMdx(out, mdx);
        copyImages(translatedSource, join(docSet.root, 'i18n', locale), docSet.localeOut(locale), page, docsDir);
        continue;
      }
      const catalog = existsSync(catalogPath) ? await loadCatalog(catalogPath) : undefined;
      if (catalog && catalog.translated > 0) {
        const text = translateRst(readFileSync(source, 'utf8'), catalog, parserModule, source);
        const mdx = await convertFile(source, docSet.root, locale, text, {
          reportAs: catalogPath,
          frontMatter: {...extra, custom_edit_url: editUrlOf(catalogPath, docSet)},
        });
        writeMdx(out, mdx);
        copyImages(source, docsDir, docSet.localeOut(locale), page);
        continue;
      }
      // The English page again (its diagnostics are already reported), with the note and the extra keys.
      const fallback = await convertFile(source, docSet.root, defaultLocale, readFileSync(source, 'utf8'), {
        report: false,
        prepend: [untranslatedNote(locale)],
        frontMatter: {...extra, custom_edit_url: editUrlOf(source, docSet), rstmdx_untranslated: true},
      });
      writeMdx(out, fallback);
      copyImages(source, docsDir, docSet.localeOut(locale), page);
    }
  }
}

/**
 * @param {string} path absolute .rst path (for diagnostics and relative includes/images)
 * @param {string} root the content root files may not escape
 * @param {string} locale
 * @param {string} text
 * @param {ConvertOptions & {reportAs?: string}} [options] extra front matter keys (the converter's own keys win),
 *   mdast nodes to put before the content, whether to keep the diagnostics, and the file named in them (e.g. the
 *   .po catalog that produced the text)
 */
async function convertFile(path, root, locale, text, options = {}) {
  const {reportAs, report = true, frontMatter, prepend} = options;
  // Relative links to other pages end in `.rst` in the sources; Docusaurus resolves file links ending in `.mdx`
  // (per version and locale): the converter rewrites them (`rstLinkExtension`).
  const file = await rstToMdx(text, {
    path,
    root,
    settings: {language_code: locale},
    strict,
    rstLinkExtension: '.mdx',
    ...(frontMatter ? {frontMatter} : {}),
    ...(prepend ? {prepend} : {}),
  });
  if (!report) return String(file.value);
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
  return String(file.value);
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

/** @param {string} out @param {string} mdx */
function writeMdx(out, mdx) {
  outputs.write(out, mdx);
  written++;
}

/**
 * Copy the `_category_.json` files of a content root's docs/ (sidebar category label and position of a folder) and
 * remember the translated labels found in `i18n/<locale>/<folder>/_category_.json` for the locale's JSON file.
 * @param {DocSet} docSet
 */
function copyCategories(docSet) {
  const docsDir = join(docSet.root, 'docs');
  for (const rel of listFiles(docsDir, '_category_.json').filter((path) => posix.basename(path) === '_category_.json')) {
    const text = readFileSync(join(docsDir, rel), 'utf8');
    outputs.write(join(docSet.docsOut, rel), text);
    const category = JSON.parse(text);
    if (typeof category.label !== 'string') continue;
    // docusaurus write-translations: `sidebar.<sidebar id>.category.<key ?? label>` (our one sidebar is `docs`).
    const key = `sidebar.docs.category.${category.key ?? category.label}`;
    for (const locale of locales) {
      const translated = join(docSet.root, 'i18n', locale, rel);
      if (locale === defaultLocale || !existsSync(translated)) continue;
      const label = JSON.parse(readFileSync(translated, 'utf8')).label;
      if (typeof label === 'string') (docSet.categories[locale] ??= {})[key] = label;
    }
  }
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
    outputs.write(join(outRoot, rel), readFileSync(found));
  }
}

/** @param {DocSet[]} docSets */
function writeVersionFiles(docSets) {
  const released = docSets.filter((set) => set.version !== 'current').map((set) => set.version);
  if (released.length > 0) {
    outputs.write(join(siteDir, 'versions.json'), `${JSON.stringify(released, null, 2)}\n`);
    for (const version of released) {
      outputs.write(
        join(siteDir, 'versioned_sidebars', `version-${version}-sidebars.json`),
        `${JSON.stringify({docs: [{type: 'autogenerated', dirName: '.'}]}, null, 2)}\n`,
      );
    }
  }
  // Version labels shown in the dropdown and banners and sidebar category labels, per locale (what
  // `docusaurus write-translations` would create).
  for (const locale of locales) {
    if (locale === defaultLocale) continue;
    for (const set of docSets) {
      const name = set.version === 'current' ? 'current' : `version-${set.version}`;
      const label = set.version === 'current' ? versionLabels[locale]?.next ?? 'Next' : set.version;
      const file = join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs', `${name}.json`);
      /** @type {Record<string, {message: string, description: string}>} */
      const messages = {'version.label': {message: label, description: `The label for version ${set.version}`}};
      for (const [key, message] of Object.entries(set.categories[locale] ?? {})) {
        const english = key.slice('sidebar.docs.category.'.length);
        messages[key] = {message, description: `The label for category '${english}' in sidebar 'docs'`};
      }
      outputs.write(file, `${JSON.stringify(messages, null, 2)}\n`);
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
      `convert: ${written} MDX files (versions: ${versions}; locales: ${locales.join(', ')}; ` +
        `${outputs.changed} file(s) written, ${outputs.deleted} stale removed), ` +
        `${errors} error(s), ${warnings} warning(s)${strict ? ' [strict]' : ''}`,
    );
  }
  if (strict && errors + warnings > 0) {
    console.error('convert: failing because of diagnostics (strict mode)');
    process.exitCode = 1;
  }
}
