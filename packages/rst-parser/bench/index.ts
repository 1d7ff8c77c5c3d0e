/**
 * Throughput benchmark: our parser vs docutils 0.22.4, per corpus
 * (`../shared/corpus/docutils-docs/**\/*.rst` and `…/sphinx-docs/**\/*.rst`).
 *
 *   pnpm bench          (root script: builds the package, then runs this)
 *   node --import tsx packages/rst-parser/bench/index.ts [--runs N] [--source]
 *
 * It measures the compiled parser (`dist/`, what users run); `--source`
 * measures `lib/` through tsx instead. Each corpus is first parsed W times
 * (`--warmup W`, default 15) while V8's JIT settles, then N times (default
 * 7). A fresh process needs about four passes before the wall time of a pass
 * stops falling, but V8's background compiler keeps optimizing rarely used
 * functions (tables, directives, system messages) for a dozen passes more:
 * 12–120 ms of compile time per pass through pass 11, which the CPU time of
 * those passes includes (NOTES.md, "perf11 → sm10"). We report
 * the median of the N as MB/s (UTF-8 bytes of input / time), and the first
 * (cold) pass too, which is what a one-file CLI run sees. Every pass parses
 * every file again from its text: nothing is cached between runs. Wall time is the headline;
 * CPU time (user + system of this process) is printed too because it is far
 * less sensitive to other load on the machine. When the oracle python
 * (docutils 0.22.4) is available, it times `Parser().parse` over the same
 * files the same way (one warm-up pass, median of min(N, 5) passes, wall and
 * process time) and the ratios are printed. CPython has no JIT: its pass
 * times are flat from the first pass (measured 1750, 1806, 1778, 1754, 1797…
 * ms), so more warm-up passes would only lengthen the run.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { parse as parseFunction } from '../lib/parse.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const shared = path.resolve(here, '..', '..', '..', '..', 'shared')
const corpora = ['docutils-docs', 'sphinx-docs']
const args = process.argv.slice(2)
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7
const warmups = args.includes('--warmup') ? Math.max(1, Number(args[args.indexOf('--warmup') + 1])) : 15
const fromSource = args.includes('--source')

const entry = fromSource ? path.join(here, '..', 'lib', 'parse.ts') : path.join(here, '..', 'dist', 'lib', 'parse.js')
if (!existsSync(entry)) {
  console.log(`bench: ${entry} not found; build the package first (npx -y pnpm@12.21.0 --filter @rstmdx/rst-parser build).`)
  process.exit(1)
}
const { parse } = (await import(pathToFileURL(entry).href)) as { parse: typeof parseFunction }

interface Timing {
  /** Median seconds per corpus pass (wall clock). */
  wall: number
  /** Median seconds per corpus pass (process CPU time). */
  cpu: number
  runs: number
  /** Seconds of the first, cold pass (wall clock); ours only. */
  cold?: number
}

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

function timeOurs(files: ReadonlyArray<{ file: string; text: string }>): Timing {
  const pass = (): [number, number] => {
    const cpuStart = process.cpuUsage()
    const start = process.hrtime.bigint()
    for (const { file, text } of files) {
      parse(text, { source: 'test data', settings: { warning_stream: '', syntax_highlight: 'none', cwd: path.dirname(file) } })
    }
    const wall = Number(process.hrtime.bigint() - start) / 1e9
    const cpu = process.cpuUsage(cpuStart)
    return [wall, (cpu.user + cpu.system) / 1e6]
  }
  const cold = pass()[0]
  for (let warmup = 1; warmup < warmups; warmup++) pass() // JIT warm-up, not counted
  const walls: number[] = []
  const cpus: number[] = []
  for (let run = 0; run < runs; run++) {
    const [wall, cpu] = pass()
    walls.push(wall)
    cpus.push(cpu)
  }
  return { wall: median(walls), cpu: median(cpus), runs, cold }
}

const docutilsScript = `
import json, os, sys, time
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
files = json.loads(sys.stdin.read())
runs = int(sys.argv[1])
texts = [(f, open(f, encoding='utf-8').read()) for f in files]
def parse_all():
    start, cpu = time.perf_counter(), time.process_time()
    for f, text in texts:
        settings = get_default_settings(Parser)
        settings.warning_stream = ''
        settings.syntax_highlight = 'none'
        os.chdir(os.path.dirname(f))
        doc = new_document('test data', settings)
        Parser().parse(text, doc)
    return [time.perf_counter() - start, time.process_time() - cpu]
parse_all()
print(json.dumps([parse_all() for _ in range(runs)]))
`

function timeDocutils(python: string, files: readonly string[]): Timing | string {
  const docutilsRuns = Math.max(1, Math.min(runs, 5))
  const result = spawnSync(python, ['-c', docutilsScript, String(docutilsRuns)], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    maxBuffer: 1 << 24
  })
  if (result.status !== 0) return `docutils timing failed: ${result.stderr.split('\n').slice(-3).join(' ')}`
  const times = JSON.parse(result.stdout) as Array<[number, number]>
  return { wall: median(times.map((t) => t[0])), cpu: median(times.map((t) => t[1])), runs: times.length }
}

const rate = (megabytes: number, seconds: number): string => (megabytes / seconds).toFixed(2)

console.log(`rstmdx parser (${fromSource ? 'lib/ via tsx' : 'dist/'}) vs docutils 0.22.4 — ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`)
const python = findOraclePython()
if (!python) console.log('docutils oracle not available: skipping the comparison.')
for (const corpus of corpora) {
  const directory = path.join(shared, 'corpus', corpus)
  if (!existsSync(directory)) {
    console.log(`${corpus}: corpus not found at ${directory}; skipped.`)
    continue
  }
  const files = listFiles(directory).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  const megabytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0) / 1e6
  const ours = timeOurs(files)
  console.log(`\n${corpus}: ${files.length} files, ${megabytes.toFixed(2)} MB`)
  console.log(
    `  rstmdx:   ${rate(megabytes, ours.wall)} MB/s (median ${(ours.wall * 1000).toFixed(0)} ms of ${ours.runs} passes after ${warmups} warm-up passes; CPU time ${rate(megabytes, ours.cpu)} MB/s; first cold pass ${(ours.cold! * 1000).toFixed(0)} ms)`
  )
  if (!python) continue
  const theirs = timeDocutils(python, files.map((f) => f.file))
  if (typeof theirs === 'string') {
    console.log(`  ${theirs}`)
    continue
  }
  console.log(
    `  docutils: ${rate(megabytes, theirs.wall)} MB/s (median ${(theirs.wall * 1000).toFixed(0)} ms of ${theirs.runs} passes; CPU time ${rate(megabytes, theirs.cpu)} MB/s)`
  )
  console.log(
    `  ratio:    ${(theirs.wall / ours.wall).toFixed(2)}× docutils (CPU time: ${(theirs.cpu / ours.cpu).toFixed(2)}×; first cold pass: ${(theirs.wall / ours.cold!).toFixed(2)}×)`
  )
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
