/**
 * One call: RST (text or bytes) → MDX in a VFile, with diagnostics.
 */
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { RstElement } from './nodes.js'
import { parse } from './parse.js'
import type { Settings } from './settings.js'
import { repairMojibake } from './mojibake.js'
import { toMdast } from './to-mdast/index.js'
import type { RootContent } from 'mdast'
import type { ImageOptions } from './to-mdast/types.js'
import { measureImages } from './to-mdast/measure-images.js'
import { toMdx } from './to-mdx.js'

/** Options of `rstToMdx`. */
export interface RstToMdxOptions {
  /** Path of the file (used for messages, relative images, includes). */
  path?: string | null | undefined
  /** Alias of `path` (docutils name). */
  source?: string | null | undefined
  /** docutils settings overrides (`report_level`, `language_code`, `raw_enabled`, …). */
  settings?: Readonly<Partial<Settings>> | null | undefined
  /** Directory that includes and images may not escape. */
  root?: string | null | undefined
  /** Turn every warning into an error (`fatal: true`). */
  strict?: boolean | null | undefined
  /** Repair mojibake (UTF-8 read as Mac Roman / Windows-1252) (default: `true`). */
  mojibake?: boolean | null | undefined
  /** Local images: directory to resolve against, whether to check existence. */
  images?: Readonly<ImageOptions> | null | undefined
  /** Render warnings/errors visibly in the page (default: `true`). */
  visibleMessages?: boolean | null | undefined
  /** Replace `.rst` in relative link URLs with this extension (e.g. `'.mdx'`). */
  rstLinkExtension?: string | null | undefined
  /** Extra front matter keys (keys the converter writes, such as `title`, win). */
  frontMatter?: Readonly<Record<string, unknown>> | null | undefined
  /** mdast nodes put after the front matter and the page's leading `# title`, before the content. */
  prepend?: readonly RootContent[] | null | undefined
}

const knownOptions = new Set(['path', 'source', 'settings', 'root', 'strict', 'mojibake', 'images', 'visibleMessages', 'rstLinkExtension', 'frontMatter', 'prepend'])

/** Result of `decodeRst`. */
export interface DecodedRst {
  /** Text with BOM removed and line endings normalised to `\n`. */
  value: string
  /** Byte offsets of invalid UTF-8 sequences (each replaced by U+FFFD). */
  invalid: number[]
}

/**
 * Decode RST bytes: UTF-8, BOM stripped, CRLF/CR → LF, invalid bytes → U+FFFD.
 *
 * @param bytes file contents.
 * @returns text and the byte offsets of invalid sequences.
 */
export function decodeRst(bytes: Uint8Array): DecodedRst {
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  const body = bytes.subarray(start)
  const invalid = findInvalidUtf8(body).map((offset) => offset + start)
  const value = normalizeText(new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body))
  return { value, invalid }
}

/** Strip a BOM and normalise line endings. */
function normalizeText(value: string): string {
  const text = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value
  return text.replace(/\r\n?/g, '\n')
}

/** Offsets of the first byte of each invalid UTF-8 sequence (WHATWG maximal subparts). */
function findInvalidUtf8(bytes: Uint8Array): number[] {
  const result: number[] = []
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]
    if (byte < 0x80) {
      index++
      continue
    }
    let needed = 0
    let lower = 0x80
    let upper = 0xbf
    if (byte >= 0xc2 && byte <= 0xdf) needed = 1
    else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2
      if (byte === 0xe0) lower = 0xa0
      if (byte === 0xed) upper = 0x9f
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3
      if (byte === 0xf0) lower = 0x90
      if (byte === 0xf4) upper = 0x8f
    } else {
      result.push(index)
      index++
      continue
    }
    let next = index + 1
    let ok = true
    for (let count = 0; count < needed; count++, next++) {
      const continuation = bytes[next]
      if (continuation === undefined || continuation < lower || continuation > upper) {
        ok = false
        break
      }
      lower = 0x80
      upper = 0xbf
    }
    if (!ok) result.push(index)
    index = next
  }
  return result
}

function validate(options: Readonly<RstToMdxOptions>): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Cannot use \`${String(options)}\` for \`options\`, expected object`)
  }
  for (const key of Object.keys(options)) {
    if (!knownOptions.has(key)) throw new TypeError(`Cannot use unknown option \`${key}\`, expected one of ${[...knownOptions].join(', ')}`)
  }
  for (const key of ['path', 'source', 'root', 'rstLinkExtension'] as const) {
    const value = options[key]
    if (value != null && typeof value !== 'string') throw new TypeError(`Cannot use \`${String(value)}\` for \`options.${key}\`, expected string`)
  }
  for (const key of ['strict', 'mojibake', 'visibleMessages'] as const) {
    const value = options[key]
    if (value != null && typeof value !== 'boolean') throw new TypeError(`Cannot use \`${String(value)}\` for \`options.${key}\`, expected boolean`)
  }
  if (options.settings != null && (typeof options.settings !== 'object' || Array.isArray(options.settings))) {
    throw new TypeError(`Cannot use \`${String(options.settings)}\` for \`options.settings\`, expected object`)
  }
  if (options.frontMatter != null && (typeof options.frontMatter !== 'object' || Array.isArray(options.frontMatter))) {
    throw new TypeError(`Cannot use \`${String(options.frontMatter)}\` for \`options.frontMatter\`, expected object`)
  }
  if (options.prepend != null && !Array.isArray(options.prepend)) {
    throw new TypeError(`Cannot use \`${String(options.prepend)}\` for \`options.prepend\`, expected array`)
  }
  if (options.images != null) {
    if (typeof options.images !== 'object') throw new TypeError(`Cannot use \`${String(options.images)}\` for \`options.images\`, expected object`)
    const { resolve, check } = options.images
    if (resolve != null && typeof resolve !== 'string') throw new TypeError(`Cannot use \`${String(resolve)}\` for \`options.images.resolve\`, expected string`)
    if (check != null && typeof check !== 'boolean') throw new TypeError(`Cannot use \`${String(check)}\` for \`options.images.check\`, expected boolean`)
  }
}

/**
 * Convert reStructuredText to Docusaurus-ready MDX.
 *
 * @param input RST text, or its bytes (decoded with `decodeRst`).
 * @param options conversion options.
 * @returns a VFile: `value` is the MDX, `messages` the diagnostics.
 */
export async function rstToMdx(input: string | Uint8Array, options?: Readonly<RstToMdxOptions> | null): Promise<VFile> {
  const settings = options ?? {}
  validate(settings)
  const path = settings.path ?? settings.source ?? undefined
  const file = new VFile({ path })
  let text: string
  if (typeof input === 'string') text = normalizeText(input)
  else if (input instanceof Uint8Array) {
    const decoded = decodeRst(input)
    text = decoded.value
    for (const offset of decoded.invalid) {
      file.message(`Invalid UTF-8 byte at offset ${offset}, replaced with U+FFFD`, { ruleId: 'invalid-utf8', source: 'rst-parser' })
    }
  } else throw new TypeError(`Cannot use \`${String(input)}\` for \`input\`, expected string or Uint8Array`)

  if (settings.mojibake !== false) {
    const { value, repairs } = repairMojibake(text)
    if (repairs.length > 0) {
      const place = location(text)
      for (const repair of repairs) {
        file.info(`Repaired mojibake \`${repair.from}\` → \`${repair.to}\` (UTF-8 read as ${repair.encoding})`, {
          place: place.toPoint(repair.offset),
          ruleId: 'mojibake-repaired',
          source: 'rst-parser'
        })
      }
      text = value
    }
  }

  const parserSettings: Partial<Settings> = { halt_level: 5, warning_stream: '', syntax_highlight: 'none', ...(settings.settings ?? {}) }
  if (settings.root) parserSettings.root = settings.root
  let tree: RstElement
  try {
    tree = parse(text, { source: path, settings: parserSettings })
  } catch (error) {
    // The parser should never throw on input; keep the page and report.
    const message = file.message(`Parser failed: ${error instanceof Error ? error.message : String(error)}`, {
      ruleId: 'parser-crash',
      source: 'rst-parser',
      cause: error instanceof Error ? error : undefined
    })
    message.fatal = true
    tree = fallbackTree(text)
  }
  file.data.tree = tree
  // Local images: measured (sharp) before the synchronous conversion.
  await measureImages(tree, { path, images: settings.images, root: settings.root, settings: parserSettings })
  const mdast = toMdast(tree, {
    file,
    settings: parserSettings,
    images: settings.images,
    root: settings.root,
    visibleMessages: settings.visibleMessages,
    rstLinkExtension: settings.rstLinkExtension,
    frontMatter: settings.frontMatter,
    prepend: settings.prepend,
    value: text
  })
  file.value = toMdx(mdast)
  // Messages in document order (mojibake and decoding messages come first otherwise).
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  if (settings.strict) {
    for (const message of file.messages) if (message.fatal === false) message.fatal = true
  }
  return file
}

/** When the parser fails: show the source as a code block under an error callout. */
function fallbackTree(text: string): RstElement {
  return {
    type: 'document',
    attributes: {},
    children: [
      {
        type: 'system_message',
        attributes: { level: 3, type: 'ERROR' },
        children: [
          { type: 'paragraph', attributes: {}, children: [{ type: 'text', value: 'The parser failed on this document; its source is shown as is.' }] },
          { type: 'literal_block', attributes: {}, children: [{ type: 'text', value: text }] }
        ],
        data: { ruleId: 'parser-crash' }
      }
    ]
  }
}
