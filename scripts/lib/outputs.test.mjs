import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {OutputTree} from './outputs.mjs';

/** @param {(dir: string) => void} body */
function inTemp(body) {
  const dir = mkdtempSync(join(tmpdir(), 'rstmdx-outputs-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

test('unchanged files are not rewritten; changed and new files are', () => {
  inTemp((dir) => {
    const docs = join(dir, 'docs');
    const first = new OutputTree([docs]);
    assert.equal(first.write(join(docs, 'a.mdx'), 'A'), true);
    assert.equal(first.write(join(docs, 'sub', 'b.png'), new Uint8Array([1, 2, 3])), true);
    first.removeStale();
    const old = new Date(2000, 0, 1);
    utimesSync(join(docs, 'a.mdx'), old, old);

    const second = new OutputTree([docs]);
    assert.equal(second.write(join(docs, 'a.mdx'), 'A'), false);
    assert.equal(second.write(join(docs, 'sub', 'b.png'), new Uint8Array([1, 2, 3])), false);
    assert.equal(second.write(join(docs, 'c.mdx'), 'C'), true);
    second.removeStale();
    assert.equal(second.changed, 1);
    assert.equal(second.deleted, 0);
    assert.equal(statSync(join(docs, 'a.mdx')).mtime.getTime(), old.getTime(), 'a.mdx untouched');

    const third = new OutputTree([docs]);
    assert.equal(third.write(join(docs, 'a.mdx'), 'A2'), true);
    assert.equal(readFileSync(join(docs, 'a.mdx'), 'utf8'), 'A2');
  });
});

test('only files no longer produced are deleted, with the folders they leave empty', () => {
  inTemp((dir) => {
    const docs = join(dir, 'docs');
    const versions = join(dir, 'versions.json');
    const outside = join(dir, 'keep.txt');
    writeFileSync(outside, 'not ours');
    const first = new OutputTree([docs, versions]);
    first.write(join(docs, 'a.mdx'), 'A');
    first.write(join(docs, 'old', 'gone.mdx'), 'G');
    first.write(versions, '[]');
    first.removeStale();

    const second = new OutputTree([docs, versions, join(dir, 'missing')]);
    second.write(join(docs, 'a.mdx'), 'A');
    second.removeStale();
    assert.equal(second.deleted, 2);
    assert.ok(existsSync(join(docs, 'a.mdx')));
    assert.ok(!existsSync(join(docs, 'old')), 'emptied folder removed');
    assert.ok(!existsSync(versions), 'stale single-file root removed');
    assert.ok(existsSync(outside), 'files outside the roots are left alone');
    mkdirSync(join(docs, 'empty'));
    new OutputTree([docs]).removeStale();
    assert.ok(!existsSync(docs), 'a root left empty is removed too');
  });
});
