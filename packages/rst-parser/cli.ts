#!/usr/bin/env node
/**
 * `rst2mdx [options] <files|dirs|globs|->` — convert RST to MDX.
 *
 * Diagnostics go to stderr as `file:line:column: warning|error: message [rule-id]`.
 */
import { watch } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { glob, isDynamicPattern } from 'tinyglobby'
import type { VFile } from 'vfile'
import { rstToMdx } from './lib/convert.js'
import type { RstElement } from './lib/nodes.js'
import { toPseudoXml } from './lib/pformat.js'
import type { Settings } from './lib/settings.js'
import { isInsideDirectory } from './lib/util/paths.js'

const help = `Usage: rst2mdx [options] <files|dirs|globs|->

Convert reStructuredText to Docusaurus-ready MDX (docutils 0.22.4 semantics).

Options:
  --to <format>       mdx (default), pseudoxml (docutils doctree), json (doctree as JSON)
  -o, --out-dir <dir> write one file per input under <dir> (default: stdout)
  --root <dir>        directory includes and images may not escape
  --settings <json>   docutils settings overrides, e.g. '{"report_level": 1}'
  --strict            exit with 1 on any warning
  --no-mojibake       do not repair mojibake (UTF-8 read as Mac Roman / Windows-1252)
  --rst-link-extension <ext>
                      rewrite relative links to .rst files to this extension (e.g. .mdx)
  -w, --watch         keep running and reconvert changed files (needs --out-dir)
  -v, --verbose       also print info messages
  -h, --help          show this help

Directories are searched for **/*.rst; "-" reads stdin.`

const formats = new Set(['mdx', 'pseudoxml', 'json'])
const extensions: Record<string, string> = { mdx: '.mdx', pseudoxml: '.pxml', json: '.json' }

interface Input {
  /** Absolute path, or '-' for stdin. */
  file: string
  /** Path of the output relative to --out-dir. */
  relative: string
}

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        to: { type: 'string', default: 'mdx' },
        'out-dir': { type: 'string', short: 'o' },
        root: { type: 'string' },
        settings: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-mojibake': { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        'rst-link-extension': { type: 'string' },
        watch: { type: 'boolean', short: 'w', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    process.stderr.write(`rst2mdx: ${error instanceof Error ? error.message : String(error)}\n\n${help}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(help + '\n')
    return 0
  }
  if (!formats.has(values.to)) {
    process.stderr.write(`rst2mdx: unknown --to \`${values.to}\`, expected mdx, pseudoxml or json\n`)
    return 2
  }
  let settings: Partial<Settings> = {}
  if (values.settings) {
    try {
      const value: unknown = JSON.parse(values.settings)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object')
      settings = value as Partial<Settings>
    } catch (error) {
      process.stderr.write(`rst2mdx: invalid --settings: ${error instanceof Error ? error.message : String(error)}\n`)
      return 2
    }
  }
  if (positionals.length === 0) {
    process.stderr.write(`rst2mdx: no input\n\n${help}\n`)
    return 2
  }
  const inputs = await expand(positionals)
  if (inputs.length === 0) {
    process.stderr.write('rst2mdx: no .rst files matched\n')
    return 2
  }
  const root = values.root ? path.resolve(values.root) : undefined
  if (root) {
    // With --root, output paths mirror the file's place under the root (README: "mirroring --root").
    for (const input of inputs) {
      if (input.file === '-') continue
      if (!isInsideDirectory(root, input.file)) {
        process.stderr.write(`${input.file}: error: input is outside --root ${root} [outside-root]\n`)
        return 2
      }
      input.relative = path.relative(root, input.file)
    }
  }
  if (values['out-dir']) {
    // Two inputs written to one output file would silently lose one of them.
    const targets = new Map<string, string>()
    for (const input of inputs) {
      const target = outputStem(input)
      const other = targets.get(target)
      if (other !== undefined) {
        process.stderr.write(`rst2mdx: ${other} and ${input.file} would both be written to ${target}${extensions[values.to]}; use --root\n`)
        return 2
      }
      targets.set(target, input.file)
    }
  }
  if (values.watch && (!values['out-dir'] || inputs.some((input) => input.file === '-'))) {
    process.stderr.write('rst2mdx: --watch needs --out-dir and file or directory inputs\n')
    return 2
  }

  /** Convert one input; returns whether it failed. */
  const convert = async (input: Input): Promise<boolean> => {
    let bytes: Uint8Array
    try {
      bytes = input.file === '-' ? await readStdin() : await readFile(input.file)
    } catch (error) {
      process.stderr.write(`${input.file}: error: cannot read: ${error instanceof Error ? error.message : String(error)} [read-error]\n`)
      return true
    }
    const display = input.file === '-' ? '<stdin>' : path.relative(process.cwd(), input.file) || input.file
    const file = await rstToMdx(bytes, {
      path: input.file === '-' ? undefined : input.file,
      settings,
      root,
      strict: values.strict,
      mojibake: !values['no-mojibake'],
      rstLinkExtension: values['rst-link-extension']
    })
    const failed = report(file, display, values.verbose)
    const output = render(file, values.to)
    if (values['out-dir']) {
      const target = path.resolve(values['out-dir'], outputStem(input) + extensions[values.to])
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, output)
    } else process.stdout.write(output)
    return failed
  }

  let failed = false
  for (const input of inputs) if (await convert(input)) failed = true
  if (values.watch) {
    await watchInputs(positionals, inputs, convert)
    return 0
  }
  return failed ? 1 : 0
}

/**
 * `--watch`: reconvert a file when it changes; pick up new `.rst` files in
 * watched directories. Runs until interrupted.
 */
async function watchInputs(patterns: string[], inputs: Input[], convert: (input: Input) => Promise<boolean>): Promise<void> {
  const byFile = new Map(inputs.map((input) => [input.file, input]))
  const directories = new Map<string, string>() // watched directory → base for relative output paths
  for (const pattern of patterns) {
    const info = await stat(pattern).catch(() => undefined)
    if (info?.isDirectory()) directories.set(path.resolve(pattern), path.resolve(pattern))
  }
  for (const input of inputs) {
    const directory = path.dirname(input.file)
    if (![...directories.keys()].some((watched) => !path.relative(watched, directory).startsWith('..'))) {
      directories.set(directory, '')
    }
  }
  const pending = new Map<string, NodeJS.Timeout>()
  for (const [directory, base] of directories) {
    watch(directory, { recursive: Boolean(base) }, (_event, name) => {
      if (!name || !/\.rst$/i.test(name)) return
      const file = path.resolve(directory, name)
      let input = byFile.get(file)
      if (!input && base) {
        input = { file, relative: path.relative(base, file) }
        byFile.set(file, input)
      }
      if (!input) return
      const current = input
      clearTimeout(pending.get(file))
      // Editors write in several steps: wait for the burst to end.
      pending.set(file, setTimeout(() => {
        pending.delete(file)
        void convert(current).then(() => process.stderr.write(`rst2mdx: updated ${path.relative(process.cwd(), file)}\n`))
      }, 50))
    })
  }
  process.stderr.write(`rst2mdx: watching ${directories.size} director${directories.size === 1 ? 'y' : 'ies'} (Ctrl-C to stop)\n`)
  await new Promise<never>(() => {})
}

function render(file: VFile, to: string): string {
  const tree = file.data.tree as RstElement | undefined
  if (to === 'pseudoxml') return tree ? toPseudoXml(tree) : ''
  if (to === 'json') return JSON.stringify(tree, null, 2) + '\n'
  return String(file.value)
}

/** Print diagnostics; returns whether any is an error. */
function report(file: VFile, display: string, verbose: boolean): boolean {
  let error = false
  for (const message of file.messages) {
    const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
    if (severity === 'error') error = true
    if (severity === 'info' && !verbose) continue
    const place = `${display}:${message.line ?? 1}:${message.column ?? 1}`
    process.stderr.write(`${place}: ${severity}: ${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}\n`)
  }
  return error
}

/** The output path of an input relative to `--out-dir`, without extension. */
function outputStem(input: Input): string {
  return input.relative.replace(/\.(rst|rest|txt)$/i, '')
}

async function expand(patterns: string[]): Promise<Input[]> {
  const inputs: Input[] = []
  const seen = new Set<string>()
  const add = (file: string, relative: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    inputs.push({ file, relative })
  }
  for (const pattern of patterns) {
    if (pattern === '-') {
      add('-', 'stdin')
      continue
    }
    const info = await stat(pattern).catch(() => undefined)
    if (info?.isDirectory()) {
      const base = path.resolve(pattern)
      const files = await glob('**/*.rst', { cwd: base, absolute: true })
      for (const file of files.sort()) add(file, path.relative(base, file))
    } else if (info?.isFile()) {
      add(path.resolve(pattern), path.basename(pattern))
    } else if (isDynamicPattern(pattern)) {
      const files = await glob(pattern, { absolute: true })
      const base = path.resolve(staticBase(pattern))
      for (const file of files.sort()) add(file, path.relative(base, file))
    } else {
      // Let the read report the error.
      add(path.resolve(pattern), path.basename(pattern))
    }
  }
  return inputs
}

function staticBase(pattern: string): string {
  const parts = pattern.split('/')
  const index = parts.findIndex((part) => isDynamicPattern(part))
  return parts.slice(0, index === -1 ? parts.length - 1 : index).join('/') || '.'
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`rst2mdx: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  }
)
