/**
 * Reading files for `include` and `raw`.
 *
 * docutils: io.py `FileInput` (text mode: universal newlines), `InputError`,
 * `error_string`; misc.py `adapt_path`; utils.relative_path. rstmdx adds
 * `settings.root`: paths resolving outside it are refused.
 */
import { readFileSync } from 'node:fs'
import nodePath from 'node:path'
import { pyStrRepr } from './py.js'
import { isInsideDirectory } from '../util/paths.js'
import { QuietError, withoutStackTrace } from '../util/quiet-error.js'

/** docutils: io.InputError (an OSError) — message as `error_string` prints it. */
export class InputError extends QuietError {
  override name = 'InputError'
}

/** A decoding failure (Python `UnicodeDecodeError`, or another `UnicodeError` named by `name`). */
export class UnicodeDecodeError extends QuietError {
  constructor(message: string, name = 'UnicodeDecodeError') {
    super(message)
    this.name = name
  }
}

/** rstmdx: a path outside `settings.root`. */
export class OutsideRootError extends QuietError {
  override name = 'OutsideRootError'
}

const errnoText: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long']
}

/** Python `os.path.dirname`-like parent (`Path(source).parent`, '.' for a bare name). */
function parentOf(source: string): string {
  const parent = nodePath.posix.dirname(source)
  return parent
}

/**
 * docutils: utils.relative_path(None, target) — `target` relative to the
 * working directory, or absolute when nothing is shared.
 *
 * @param target Path (relative to `cwd` or absolute).
 * @param cwd Working directory.
 * @returns Relative (or absolute) POSIX path.
 */
export function relativePath(target: string, cwd: string): string {
  // A pure function of its arguments when `cwd` is absolute (then `resolve`
  // does not read the process's working directory): memoized (called for
  // every `include`, with the same header files in most documents).
  if (!cwd.startsWith('/')) return computeRelativePath(target, cwd)
  const key = `${cwd}\0${target}`
  let result = relativePaths.get(key)
  if (result === undefined) {
    result = computeRelativePath(target, cwd)
    if (relativePaths.size >= 1024) relativePaths.clear()
    relativePaths.set(key, result)
  }
  return result
}

/** `relativePath` results by `cwd` + NUL + `target` (absolute `cwd` only). */
const relativePaths = new Map<string, string>()

function computeRelativePath(target: string, cwd: string): string {
  const sourceParts = nodePath.posix.resolve(cwd, 'dummy_file').split('/')
  const targetParts = nodePath.posix.resolve(cwd, target).split('/')
  if (sourceParts[0] !== targetParts[0] || sourceParts[1] !== targetParts[1]) return targetParts.join('/')
  sourceParts.reverse()
  targetParts.reverse()
  while (sourceParts.length > 0 && targetParts.length > 0 && sourceParts[sourceParts.length - 1] === targetParts[targetParts.length - 1]) {
    sourceParts.pop()
    targetParts.pop()
  }
  targetParts.reverse()
  return [...new Array<string>(Math.max(sourceParts.length - 1, 0)).fill('..'), ...targetParts].join('/')
}

/**
 * docutils: misc.adapt_path — path of an included file, relative to the
 * including source's directory (or to `rootPrefix` for absolute paths).
 *
 * @param path Path as written.
 * @param source `document.current_source` of the including directive.
 * @param rootPrefix docutils `root_prefix` setting.
 * @param cwd Working directory.
 * @returns Path relative to `cwd` (as docutils prints it).
 */
export function adaptPath(path: string, source: string | undefined, rootPrefix: string, cwd: string): string {
  let base: string
  if (rootPrefix && path.startsWith('/')) {
    base = rootPrefix
    path = path.slice(1)
  } else {
    base = parentOf(source || '')
  }
  // Python `Path(base) / path`: an absolute `path` replaces `base`
  return relativePath(path.startsWith('/') ? path : nodePath.posix.join(base, path), cwd)
}

/**
 * Read a text file like docutils' `FileInput(...).read()` in text mode.
 *
 * @param path Path (relative to `cwd`).
 * @param encoding Encoding name.
 * @param cwd Working directory.
 * @param root rstmdx: directory the file must be inside (optional).
 * @returns Decoded text with universal newlines.
 */
export function readTextFile(path: string, encoding: string, cwd: string, root?: string): string {
  const absolute = nodePath.resolve(cwd, path)
  if (root !== undefined && root !== '') {
    if (!isInsideDirectory(nodePath.resolve(cwd, root), absolute)) {
      throw new OutsideRootError(`Path ${pyStrRepr(path)} is outside the root directory.`)
    }
  }
  let data: Buffer
  try {
    // Only the error's `code` is read: no stack trace for a missing file
    // (Node builds one per failed call).
    data = withoutStackTrace(() => readFileSync(absolute))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    const [errno, text] = errnoText[code] ?? [5, 'Input/output error']
    throw new InputError(`[Errno ${errno}] ${text}: ${pyStrRepr(path)}`)
  }
  const text = decode(data, encoding)
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')
}

/**
 * Decode bytes like Python's `str(data, encoding, 'strict')`.
 *
 * @param data Bytes.
 * @param encoding Python codec name.
 * @returns Text.
 */
export function decode(data: Uint8Array, encoding: string): string {
  const name = (encoding || 'utf-8').toLowerCase().replaceAll('_', '-')
  if (name === 'ascii' || name === 'us-ascii') {
    for (let index = 0; index < data.length; index++) {
      if (data[index]! > 0x7f) {
        throw new UnicodeDecodeError(
          `'ascii' codec can't decode byte 0x${data[index]!.toString(16).padStart(2, '0')} in position ${index}: ordinal not in range(128)`
        )
      }
    }
    return Buffer.from(data).toString('latin1')
  }
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'latin'].includes(name)) {
    return Buffer.from(data).toString('latin1')
  }
  if (name === 'utf-16' || name === 'utf16') {
    // Python's text-mode reader needs the BOM
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(data.subarray(2))
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(data.subarray(2))
    if (data.length === 0) return ''
    if (data.length % 2 === 1) {
      const last = data.length - 1
      throw new UnicodeDecodeError(
        `'utf-16-le' codec can't decode byte 0x${data[last]!.toString(16).padStart(2, '0')} in position ${last}: truncated data`
      )
    }
    throw new UnicodeDecodeError('UTF-16 stream does not start with BOM', 'UnicodeError')
  }
  const label = ['utf-8', 'utf8', 'u8', 'utf', 'utf-8-sig', 'utf8-sig'].includes(name) ? 'utf-8' : name
  const ignoreBOM = !name.endsWith('-sig')
  // Decoders that ignore the BOM are reused (made once per label); `-sig`
  // ones (BOM state) are made fresh.
  const key = label
  let decoder = ignoreBOM ? decoders.get(key) : undefined
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label, { fatal: true, ignoreBOM })
    } catch {
      throw new UnicodeDecodeError(`unknown encoding: ${encoding}`)
    }
    if (ignoreBOM) decoders.set(key, decoder)
  }
  try {
    // A whole (non-streaming) decode starts from a fresh state: the decoder can be reused.
    return decoder.decode(data)
  } catch {
    decoders.delete(key) // (after a failure, do not rely on its state)
    if (label === 'utf-8') {
      const position = firstInvalidUtf8(data)
      throw new UnicodeDecodeError(
        `'utf-8' codec can't decode byte 0x${data[position]!.toString(16).padStart(2, '0')} in position ${position}: invalid start byte`
      )
    }
    throw new UnicodeDecodeError(`'${encoding}' codec can't decode the input`)
  }
}

/** Decoders by label (+ BOM handling), made once: constructing one opens a converter. */
const decoders = new Map<string, InstanceType<typeof TextDecoder>>()

function firstInvalidUtf8(data: Uint8Array): number {
  let index = 0
  while (index < data.length) {
    const byte = data[index]!
    const size = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0
    if (size === 0) return index
    for (let k = 1; k < size; k++) {
      if (index + k >= data.length || (data[index + k]! & 0xc0) !== 0x80) return index
    }
    index += size
  }
  return Math.min(index, data.length - 1)
}

/**
 * What `urllib.request.urlopen(url)` raises without network access (rstmdx
 * never fetches URLs while parsing): `[errorClass, message]`.
 *
 * @param url URL as given.
 * @returns Python exception class name and message.
 */
export function urlOpenError(url: string): [string, string] {
  let fullUrl = url.trim()
  if (fullUrl.startsWith('<') && fullUrl.endsWith('>')) fullUrl = fullUrl.slice(1, -1).trim()
  if (fullUrl.startsWith('URL:')) fullUrl = fullUrl.slice(4).trim()
  const match = /^([^/:]+):/.exec(fullUrl)
  if (!match) return ['ValueError', `unknown url type: ${pyStrRepr(fullUrl)}`]
  const scheme = match[1]!.toLowerCase()
  if (!['http', 'https', 'ftp', 'file', 'data'].includes(scheme)) return ['URLError', `<urlopen error unknown url type: ${scheme}>`]
  return ['URLError', '<urlopen error [Errno -2] Name or service not known>']
}
