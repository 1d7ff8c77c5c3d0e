/**
 * Throughput benchmark: our parser vs docutils 0.22.4 on the shared corpus
 * (`../shared/corpus/docutils-docs/**\/*.rst`).
 *
 *   pnpm bench          (root script)
 *   node --import tsx packages/rst-parser/bench/index.ts [--runs N]
 *
 * Each file is parsed N times (default 7) per round; we report the median
 * round time as MB/s (UTF-8 bytes of input / time). No result is cached
 * between runs. When the oracle python (docutils 0.22.4) is available, it
 * times `Parser().parse` over the same files in the same run and the ratio
 * is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '../lib/parse.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const shared = path.resolve(here, '..', '..', '..', '..', 'shared')
const corpus = path.join(shared, 'corpus', 'docutils-docs')
const args = process.argv.slice(2)
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7

function listFiles(directory: string): string[] {
  const result: string[] = []
  for (const name of readdirSync(directory).sort()) {
    const full = path.join(directory, name)
    if (statSync(full).isDirectory()) result.push(...listFiles(full))
    else if (name.endsWith('.rst')) result.push(full)
  }
  return result
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

if (!existsSync(corpus)) {
  console.log(`bench: corpus not found at ${corpus}; nothing to measure.`)
  process.exit(0)
}

const files = listFiles(corpus).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0)
const megabytes = bytes / 1e6

function parseAll(): number {
  const start = process.hrtime.bigint()
  for (const { file, text } of files) {
    parse(text, { source: 'test data', settings: { warning_stream: '', syntax_highlight: 'none', cwd: path.dirname(file) } })
  }
  return Number(process.hrtime.bigint() - start) / 1e9
}

parseAll() // warm-up (JIT), not counted
const ours: number[] = []
for (let run = 0; run < runs; run++) ours.push(parseAll())
const oursSeconds = median(ours)
const oursRate = megabytes / oursSeconds
console.log(`corpus: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version})`)
console.log(`rstmdx parser: median ${(oursSeconds * 1000).toFixed(1)} ms per corpus pass over ${runs} runs → ${oursRate.toFixed(2)} MB/s`)

const python = findOraclePython()
if (python) {
  const script = `
import json, os, sys, time
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
files = json.loads(sys.stdin.read())
runs = int(sys.argv[1])
texts = [(f, open(f, encoding='utf-8').read()) for f in files]
def parse_all():
    start = time.perf_counter()
    for f, text in texts:
        settings = get_default_settings(Parser)
        settings.warning_stream = ''
        settings.syntax_highlight = 'none'
        os.chdir(os.path.dirname(f))
        doc = new_document('test data', settings)
        Parser().parse(text, doc)
    return time.perf_counter() - start
parse_all()
times = sorted(parse_all() for _ in range(runs))
print(json.dumps(times))
`
  const result = spawnSync(python, ['-c', script, String(Math.max(1, Math.min(runs, 5)))], {
    input: JSON.stringify(files.map((f) => f.file)),
    encoding: 'utf8',
    maxBuffer: 1 << 24
  })
  if (result.status === 0) {
    const times = JSON.parse(result.stdout) as number[]
    const docutilsSeconds = median(times)
    const docutilsRate = megabytes / docutilsSeconds
    console.log(`docutils 0.22.4: median ${(docutilsSeconds * 1000).toFixed(1)} ms per corpus pass over ${times.length} runs → ${docutilsRate.toFixed(2)} MB/s`)
    console.log(`ratio: rstmdx is ${(oursRate / docutilsRate).toFixed(2)}× docutils' throughput`)
  } else {
    console.log(`docutils timing failed: ${result.stderr.split('\n').slice(-3).join(' ')}`)
  }
} else {
  console.log('docutils oracle not available: skipping the comparison.')
}

function findOraclePython(): string | undefined {
  const venv = process.env.RST_ORACLE_VENV ?? path.join(os.homedir(), '.cache', 'rst-oracle')
  const candidate = path.join(venv, 'bin', 'python')
  const check = (python: string): boolean =>
    spawnSync(python, ['-c', 'import docutils,sys; sys.exit(docutils.__version__ != "0.22.4")']).status === 0
  if (existsSync(candidate) && check(candidate)) return candidate
  const setup = path.join(shared, 'conformance', 'setup-oracle.sh')
  if (!existsSync(setup)) return undefined
  try {
    const python = execFileSync(setup, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 }).trim()
    return python && check(python) ? python : undefined
  } catch {
    return undefined
  }
}
