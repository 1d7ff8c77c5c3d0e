/**
 * The parse tree and the parse's records are allocated young: V8 must not
 * pretenure them (`lib/util/arrays.ts` says why: an old part of a finished
 * tree kept the whole tree alive through the scavenges, +25 % parse time).
 * A child process with `--allow-natives-syntax` asks V8 where each tree part
 * of freshly parsed documents lives (`util/young-tree-probe.ts`). No timing.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const probe = fileURLToPath(new URL('util/young-tree-probe.ts', import.meta.url))

test('tree parts and parse records are not pretenured', (t) => {
  const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', probe], { encoding: 'utf8', timeout: 300_000 })
  assert.equal(result.status, 0, result.stderr)
  const report = JSON.parse(result.stdout.trim().split('\n').pop()!) as { skipped?: string; counts?: Record<string, { young: number; old: number }> }
  if (report.skipped) {
    t.skip(report.skipped)
    return
  }
  const counts = report.counts!
  for (const kind of ['element', 'text node', 'attributes', 'children', 'list attribute', 'position', 'pending entry']) {
    const count = counts[kind]
    assert.ok(count && count.young + count.old > 0, `no ${kind} seen`)
    // (a part can be old without pretenuring when a scavenge promotes it during its parse: allow a few)
    assert.ok(count.old <= (count.young + count.old) * 0.05, `${kind}: ${count.old} of ${count.young + count.old} allocated old (pretenured)`)
  }
})
