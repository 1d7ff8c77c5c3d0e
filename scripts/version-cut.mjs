#!/usr/bin/env node
// Release a documentation version: `pnpm version:cut <version> [--force]`.
//
// Snapshots the RST sources of the current version — content/docs, its translations content/i18n/<locale>
// and the gettext catalogs content/locales/<locale>/LC_MESSAGES — into content/versioned/<version>/
// {docs,i18n,locales}. The content stays RST: scripts/convert.mjs generates versioned_docs/,
// versioned_sidebars/ and versions.json from these folders at build time (the newest version becomes the
// one served at /docs/, the current sources become "Next" at /docs/next/).
import {cpSync, existsSync, readdirSync, rmSync} from 'node:fs';
import {join, relative} from 'node:path';
import {parseArgs} from 'node:util';
import {contentDir, repoRoot} from './lib/paths.mjs';

const {values, positionals} = parseArgs({
  options: {force: {type: 'boolean', default: false}, help: {type: 'boolean', short: 'h', default: false}},
  allowPositionals: true,
});

if (values.help || positionals.length !== 1) {
  console.log('usage: pnpm version:cut <version> [--force]\n\nSnapshot content/{docs,i18n,locales} into content/versioned/<version>/.');
  process.exit(values.help ? 0 : 1);
}

const version = positionals[0];
if (!/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(version) || ['current', 'next'].includes(version)) {
  console.error(`version:cut: invalid version name "${version}" (use something like 1.0 or 2.1.3)`);
  process.exit(1);
}

const target = join(contentDir, 'versioned', version);
if (existsSync(target)) {
  if (!values.force) {
    console.error(`version:cut: ${relative(repoRoot, target)} already exists (pass --force to replace it)`);
    process.exit(1);
  }
  rmSync(target, {recursive: true, force: true});
}

const docs = join(contentDir, 'docs');
if (!existsSync(docs) || readdirSync(docs).length === 0) {
  console.error('version:cut: content/docs is empty, nothing to snapshot');
  process.exit(1);
}

cpSync(docs, join(target, 'docs'), {recursive: true});
const i18n = join(contentDir, 'i18n');
if (existsSync(i18n)) cpSync(i18n, join(target, 'i18n'), {recursive: true});
const locales = join(contentDir, 'locales');
if (existsSync(locales)) {
  cpSync(locales, join(target, 'locales'), {recursive: true});
}

console.log(`version:cut: snapshot of content/docs (+ i18n, locales) written to ${relative(repoRoot, target)}`);
console.log('version:cut: run `pnpm build` to publish it; it is now the default version at /docs/.');
