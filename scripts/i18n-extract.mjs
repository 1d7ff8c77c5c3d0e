#!/usr/bin/env node
// gettext catalogs from the RST sources (root: `pnpm i18n:extract`), like Sphinx's gettext builder.
//
//   node scripts/i18n-extract.mjs [--init <locale>]...
//
// - Writes .generated/gettext/<page>.pot (gitignored, like Sphinx's _build/gettext) for every content/docs/<page>.rst: one message per title,
//   paragraph (list items, admonitions and block quotes included), term, rubric and caption, with
//   `#: content/docs/<page>.rst:<line>` references.
// - Merges every existing content/locales/<locale>/LC_MESSAGES/<page>.po with its template (msgmerge-like):
//   translations are kept, new messages are added untranslated, vanished ones become obsolete (`#~`).
// - `--init <locale>` also creates the missing .po files of that locale.
// scripts/convert.mjs applies the .po files at conversion time (see scripts/lib/gettext.mjs).
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {parseArgs} from 'node:util';
import {contentDir, locales, repoRoot} from './lib/paths.mjs';
import {listFiles} from './lib/fs-utils.mjs';
import {importFromSite} from './lib/site-import.mjs';
import {extractMessages} from './lib/gettext.mjs';
import {loadParser} from './lib/parser.mjs';

const {values} = parseArgs({options: {init: {type: 'string', multiple: true, default: []}}});
for (const locale of values.init) {
  if (!locales.includes(locale) || locale === 'en') {
    console.error(`i18n:extract: unknown locale "${locale}" (expected one of ${locales.slice(1).join(', ')})`);
    process.exit(1);
  }
}

const parser = await loadParser();
const {po} = await importFromSite('gettext-parser');

const docsDir = join(contentDir, 'docs');
const localesDir = join(contentDir, 'locales');
const pluralForms = {es: 'nplurals=2; plural=(n != 1);', ja: 'nplurals=1; plural=0;'};
let templates = 0;
let merged = 0;

for (const page of listFiles(docsDir, '.rst')) {
  const source = join(docsDir, page);
  const reference = relative(repoRoot, source).split('\\').join('/');
  const messages = extractMessages(readFileSync(source, 'utf8'), parser, source);

  /** @type {Map<string, {msgid: string, msgstr: string[], comments: {reference: string}}>} */
  const entries = new Map();
  for (const message of messages) {
    const existing = entries.get(message.msgid);
    const ref = `${reference}:${message.startLine}`;
    if (existing) existing.comments.reference += `\n${ref}`;
    else entries.set(message.msgid, {msgid: message.msgid, msgstr: [''], comments: {reference: ref}});
  }
  const domain = page.replace(/\.rst$/, '');
  const potPath = join(repoRoot, '.generated', 'gettext', `${domain}.pot`);
  writeCatalog(potPath, headersFor(undefined), entries);
  templates++;

  const localesWithCatalogs = existsSync(localesDir)
    ? readdirSync(localesDir).filter((name) => locales.includes(name))
    : [];
  for (const locale of new Set([...localesWithCatalogs, ...values.init])) {
    const poPath = join(localesDir, locale, 'LC_MESSAGES', `${domain}.po`);
    if (!existsSync(poPath) && !values.init.includes(locale)) continue;
    const previous = existsSync(poPath) ? po.parse(readFileSync(poPath)) : undefined;
    /** @type {Record<string, any>} */
    const old = previous?.translations[''] ?? {};
    /** @type {Map<string, any>} */
    const next = new Map();
    for (const [msgid, entry] of entries) {
      const kept = old[msgid];
      next.set(msgid, {
        msgid,
        msgstr: kept?.msgstr ?? [''],
        comments: {reference: entry.comments.reference, ...(kept?.comments?.flag ? {flag: kept.comments.flag} : {})},
      });
    }
    /** @type {Record<string, any>} */
    const obsolete = {};
    for (const [msgid, entry] of Object.entries(old)) {
      if (msgid && !entries.has(msgid) && entry.msgstr?.[0]) obsolete[msgid] = {msgid, msgstr: entry.msgstr};
    }
    writeCatalog(poPath, previous?.headers ?? headersFor(locale), next, obsolete);
    merged++;
  }
}

console.log(`i18n:extract: ${templates} template(s) in .generated/gettext, ${merged} catalog(s) merged`);

/** @param {string | undefined} locale */
function headersFor(locale) {
  return {
    'Project-Id-Version': 'rstmdx',
    'Report-Msgid-Bugs-To': '',
    'Language': locale ?? '',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    ...(locale ? {'Plural-Forms': pluralForms[/** @type {'es' | 'ja'} */ (locale)] ?? ''} : {}),
  };
}

/**
 * @param {string} path
 * @param {Record<string, string>} headers
 * @param {Map<string, object>} entries
 * @param {Record<string, object>} [obsolete]
 */
function writeCatalog(path, headers, entries, obsolete = {}) {
  const translations = {'': {'': {msgid: '', msgstr: ['']}, ...Object.fromEntries(entries)}};
  const data = {charset: 'utf-8', headers, translations, ...(Object.keys(obsolete).length ? {obsolete: {'': obsolete}} : {})};
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, po.compile(data, {foldLength: 0, sort: false}));
}
