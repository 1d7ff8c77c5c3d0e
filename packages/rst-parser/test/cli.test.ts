/**
 * `rst2mdx` CLI (run from source with tsx).
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url))
// Resolve tsx here: the CLI runs with other working directories.
const tsx = import.meta.resolve('tsx')
const seed = fileURLToPath(new URL('../../../content/docs/concurrency.rst', import.meta.url))

function run(args: string[], input?: string, cwd?: string) {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { input, cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('--help prints usage', () => {
  const result = run(['--help'])
  assert.equal(result.code, 0)
  assert.match(result.stdout, /Usage: rst2mdx/)
  assert.match(result.stdout, /--no-mojibake/)
})

test('stdin to MDX on stdout', () => {
  const result = run(['-'], 'Title\n=====\n\n.. note:: Hi\n')
  assert.equal(result.code, 0)
  assert.match(result.stdout, /^---\ntitle: "Title"\n---/)
  assert.match(result.stdout, /:::note\nHi\n:::/)
})

test('--to pseudoxml and --to json print the doctree', () => {
  const xml = run(['--to', 'pseudoxml', '-'], 'Hello *world*\n')
  assert.match(xml.stdout, /<paragraph>\n {8}Hello \n {8}<emphasis>/)
  const json = run(['--to', 'json', '-'], 'Hello\n')
  assert.equal(JSON.parse(json.stdout).type, 'document')
})

test('seed page: warning on stderr as file:line:column, exit 0; --strict exits 1', () => {
  const result = run([seed], undefined, path.dirname(seed))
  assert.equal(result.code, 0)
  assert.match(result.stderr, /^concurrency\.rst:100:\d+: warning: Image file not found: \.\/_static\/burger3\.png.* \[image-not-found\]$/m)
  assert.doesNotMatch(result.stderr, /mojibake/, 'infos only with --verbose')
  const verbose = run(['--verbose', seed], undefined, path.dirname(seed))
  assert.match(verbose.stderr, /info: Repaired mojibake/)
  const strict = run(['--strict', seed], undefined, path.dirname(seed))
  assert.equal(strict.code, 1)
  assert.match(strict.stderr, /error: Image file not found/)
})

test('--no-mojibake keeps the text as is', () => {
  const result = run(['--no-mojibake', seed])
  assert.ok(result.stdout.includes('üòç'))
})

test('directories and globs with --out-dir keep relative paths', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rst2mdx-'))
  mkdirSync(path.join(directory, 'src/sub'), { recursive: true })
  writeFileSync(path.join(directory, 'src/a.rst'), 'A\n=\n\ntext\n')
  writeFileSync(path.join(directory, 'src/sub/b.rst'), 'B\n=\n\n.. warning:: careful\n')
  const result = run(['--out-dir', 'out', 'src'], undefined, directory)
  assert.equal(result.code, 0, result.stderr)
  assert.match(readFileSync(path.join(directory, 'out/a.mdx'), 'utf8'), /title: "A"/)
  assert.match(readFileSync(path.join(directory, 'out/sub/b.mdx'), 'utf8'), /:::warning\ncareful\n:::/)
  const globbed = run(['--out-dir', 'out2', '--to', 'pseudoxml', 'src/**/*.rst'], undefined, directory)
  assert.equal(globbed.code, 0, globbed.stderr)
  assert.ok(existsSync(path.join(directory, 'out2/sub/b.pxml')))
})

test('bad options exit 2 with a message', () => {
  assert.equal(run(['--to', 'html', '-'], 'x').code, 2)
  const settings = run(['--settings', '{nope', '-'], 'x')
  assert.equal(settings.code, 2)
  assert.match(settings.stderr, /invalid --settings/)
  assert.equal(run([]).code, 2)
  const missing = run(['does-not-exist.rst'])
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /cannot read/)
})

test('--settings are passed to the parser', () => {
  const result = run(['--settings', '{"report_level": 1}', '--verbose', '-'], '3. x\n')
  assert.match(result.stderr, /info: Enumerated list start value not ordinal-1/)
})

test('--watch converts new and changed files, --rst-link-extension rewrites links', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rst2mdx-watch-'))
  mkdirSync(path.join(directory, 'src'))
  writeFileSync(path.join(directory, 'src/a.rst'), 'A\n=\n\nfirst\n')
  const child = spawn(process.execPath, ['--import', tsx, cli, '--watch', '--rst-link-extension', '.mdx', '-o', 'out', 'src'], { cwd: directory })
  try {
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const waitFor = async (check: () => boolean): Promise<void> => {
      // Poll until the watcher has acted (a wait, not a timing assertion).
      for (let attempt = 0; attempt < 300 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 50))
      assert.ok(check(), stderr)
    }
    await waitFor(() => stderr.includes('watching'))
    assert.match(readFileSync(path.join(directory, 'out/a.mdx'), 'utf8'), /first/)
    writeFileSync(path.join(directory, 'src/b.rst'), 'B\n=\n\nSee `a <a.rst#x>`_.\n')
    await waitFor(() => existsSync(path.join(directory, 'out/b.mdx')) && readFileSync(path.join(directory, 'out/b.mdx'), 'utf8').includes('a.mdx#x'))
    writeFileSync(path.join(directory, 'src/a.rst'), 'A\n=\n\nsecond\n')
    await waitFor(() => readFileSync(path.join(directory, 'out/a.mdx'), 'utf8').includes('second'))
  } finally {
    child.kill()
  }
})

test('--root: output paths mirror the root; clashing outputs and inputs outside the root exit 2', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rst2mdx-root-'))
  mkdirSync(path.join(root, 'docs'))
  mkdirSync(path.join(root, 'i18n/es'), { recursive: true })
  writeFileSync(path.join(root, 'docs/index.rst'), 'Hello\n')
  writeFileSync(path.join(root, 'i18n/es/index.rst'), 'Hola\n')
  const out = path.join(root, 'out')
  const inputs = [path.join(root, 'docs/index.rst'), path.join(root, 'i18n/es/index.rst')]

  const mirrored = run(['--root', root, '--out-dir', out, ...inputs])
  assert.equal(mirrored.code, 0, mirrored.stderr)
  assert.match(readFileSync(path.join(out, 'docs/index.mdx'), 'utf8'), /Hello/)
  assert.match(readFileSync(path.join(out, 'i18n/es/index.mdx'), 'utf8'), /Hola/)

  const clash = run(['--out-dir', path.join(root, 'clash'), ...inputs])
  assert.equal(clash.code, 2)
  assert.match(clash.stderr, /would both be written to index\.mdx/)
  assert.equal(existsSync(path.join(root, 'clash/index.mdx')), false)

  const outside = run(['--root', path.join(root, 'docs'), '--out-dir', out, inputs[1]!])
  assert.equal(outside.code, 2)
  assert.match(outside.stderr, /outside --root .*\[outside-root\]/)
})
