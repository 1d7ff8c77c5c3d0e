#!/usr/bin/env node
// Root test runner (`pnpm test`): node:test over
//   1. every packages/rst-parser/**/*.test.ts (with tsx, cwd packages/rst-parser),
//   2. scripts/**/*.test.mjs and e2e/*.test.mjs (browser tests of the built site).
// The browser tests need packages/site/build: when it is missing, the site is built first
// (set RSTMDX_SKIP_E2E=1 to skip them instead, e.g. while working on the parser only).
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {buildDir, repoRoot} from './lib/paths.mjs';
import {listFiles} from './lib/fs-utils.mjs';

const parserDir = join(repoRoot, 'packages', 'rst-parser');
let failed = false;

/** @param {string} cwd @param {string[]} files */
function runTests(cwd, files) {
  if (files.length === 0) return;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {cwd, stdio: 'inherit'});
  if (result.status !== 0) failed = true;
}

const skipped = (/** @type {string} */ path) => path.split('/').some((part) => part === 'node_modules' || part === 'dist');
runTests(
  parserDir,
  listFiles(parserDir, '.test.ts').filter((path) => !skipped(path)),
);

const scriptTests = listFiles(join(repoRoot, 'scripts'), '.test.mjs').map((path) => `scripts/${path}`);
let e2eTests = listFiles(join(repoRoot, 'e2e'), '.test.mjs')
  .filter((path) => !path.includes('/'))
  .map((path) => `e2e/${path}`);
if (process.env.RSTMDX_SKIP_E2E === '1') {
  console.log('test: RSTMDX_SKIP_E2E=1, skipping the browser tests');
  e2eTests = [];
} else if (e2eTests.length > 0 && !existsSync(join(buildDir, 'index.html'))) {
  console.log('test: packages/site/build is missing, building the site first');
  const build = spawnSync('npx', ['-y', 'pnpm@12.21.0', 'build'], {cwd: repoRoot, stdio: 'inherit'});
  if (build.status !== 0) {
    console.error('test: the site build failed, cannot run the browser tests');
    process.exit(1);
  }
}
runTests(repoRoot, [...scriptTests, ...e2eTests]);

process.exitCode = failed ? 1 : 0;
