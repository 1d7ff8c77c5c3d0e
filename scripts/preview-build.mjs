#!/usr/bin/env node
// Build the pull-request preview of the site, exactly as the `pr-preview` workflow does:
//
//   pnpm preview:build <pr-number> [--out-dir DIR]
//
// - base URL `/pr-preview/pr-<n>/` (prefix it with RSTMDX_PREVIEW_ROOT, e.g. `/rstmdx`, for a GitHub project site),
// - the default locale (en) and the current ("next") version only, to keep previews fast,
// - output in .generated/preview/pr-<n>/ (gitignored), never in packages/site/build.
// The generated docs are restored to the full set (all versions and locales) afterwards.
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {repoRoot, siteDir} from './lib/paths.mjs';
import {resolveFromSite} from './lib/site-import.mjs';

const {values, positionals} = parseArgs({
  options: {'out-dir': {type: 'string'}, 'no-restore': {type: 'boolean', default: false}},
  allowPositionals: true,
});
const number = positionals[0];
if (positionals.length !== 1 || !/^[1-9][0-9]{0,9}$/.test(number)) {
  console.error('usage: pnpm preview:build <pull-request-number> [--out-dir DIR]');
  process.exit(1);
}

const root = (process.env.RSTMDX_PREVIEW_ROOT ?? '').replace(/\/+$/, '');
const baseUrl = `${root}/pr-preview/pr-${number}/`;
const outDir = resolve(values['out-dir'] ?? join(repoRoot, '.generated', 'preview', `pr-${number}`));
const previewEnv = {...process.env, BASE_URL: baseUrl, RSTMDX_ONLY_CURRENT: '1', RSTMDX_LOCALES: 'en'};

/** @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} cwd */
function run(args, env, cwd = repoRoot) {
  const result = spawnSync(process.execPath, args, {cwd, env, stdio: 'inherit'});
  if (result.status !== 0) {
    console.error(`preview:build: \`node ${args.join(' ')}\` failed`);
    process.exit(result.status ?? 1);
  }
}

const convert = join(repoRoot, 'scripts', 'convert.mjs');
const docusaurus = resolveFromSite('@docusaurus/core/bin/docusaurus.mjs');
// Docusaurus writes its server bundle (CommonJS `.js`) into the output folder; the repository root is
// `"type": "module"`, so give the preview folder's parent a CommonJS package scope.
mkdirSync(dirname(outDir), {recursive: true});
writeFileSync(join(dirname(outDir), 'package.json'), '{"type": "commonjs"}\n');
let failed = false;
try {
  run([convert], previewEnv);
  run([docusaurus, 'build', '--locale', 'en', '--out-dir', outDir], previewEnv, siteDir);
} catch (error) {
  failed = true;
  throw error;
} finally {
  if (!values['no-restore']) {
    const {RSTMDX_ONLY_CURRENT, RSTMDX_LOCALES, BASE_URL, ...env} = process.env;
    void [RSTMDX_ONLY_CURRENT, RSTMDX_LOCALES, BASE_URL];
    spawnSync(process.execPath, [convert, '--quiet'], {cwd: repoRoot, env, stdio: 'inherit'});
  }
}
if (!failed) console.log(`preview:build: PR #${number} built in ${relative(repoRoot, outDir)} for base URL ${baseUrl}`);
