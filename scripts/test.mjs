#!/usr/bin/env node
// Root test runner (`pnpm test`): one node:test run (with tsx) over every
// packages/rst-parser/**/*.test.ts, scripts/**/*.test.mjs and e2e/*.test.mjs (browser tests of the
// built site), so that the run ends with a single summary.
// The browser tests need packages/site/build: when it is missing, the site is built first
// (set RSTMDX_SKIP_E2E=1 to skip them instead, e.g. while working on the parser only).
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {buildDir, repoRoot} from './lib/paths.mjs';
import {listFiles} from './lib/fs-utils.mjs';

const parserDir = join(repoRoot, 'packages', 'rst-parser');
/** @param {string[]} files */
function runTests(files) {
  // One node:test run for every file, so that CI reads a single summary for the whole suite.
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {cwd: repoRoot, stdio: 'inherit'});
  return result.status === 0;
}

const skipped = (/** @type {string} */ path) => path.split('/').some((part) => part === 'node_modules' || part === 'dist');
const parserTests = listFiles(parserDir, '.test.ts')
  .filter((path) => !skipped(path))
  .map((path) => join('packages', 'rst-parser', path));

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
process.exitCode = runTests([...parserTests, ...scriptTests, ...e2eTests]) ? 0 : 1;
