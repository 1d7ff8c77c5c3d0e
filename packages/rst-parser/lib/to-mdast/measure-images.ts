/**
 * Local images: where they are, and their intrinsic size.
 *
 * `measureImages` is the async pre-pass `rstToMdx` runs before the
 * (synchronous) `toMdast`: every `image` element with a local URI (also in
 * figures and substitution definitions) is resolved like the `image` handler
 * does, and measured once per file with sharp (image-size as the fallback for
 * what sharp cannot read). The result goes on `node.data.imageSize`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { imageSize } from 'image-size'
import { isText, type RstElement, type RstNode } from '../nodes.js'
import type { Settings } from '../settings.js'
import type { ImageOptions } from './types.js'
import { isInsideDirectory } from '../util/paths.js'

/** Intrinsic size of an image (EXIF orientation applied), or why it is unknown. */
export interface ImageMeasurement {
  width?: number
  height?: number
  /** Why neither sharp nor image-size could read the size. */
  error?: string
}

/** What a local image URI resolves to. */
export interface LocalImage {
  /** Absolute file path. */
  absolute: string
  /** Whether the path escapes `root`. */
  outsideRoot: boolean
}

/** Options shared by the pre-pass and the `image` handler. */
export interface LocalImageOptions {
  /** Path of the RST file. */
  path?: string | null | undefined
  images?: Readonly<ImageOptions> | null | undefined
  root?: string | null | undefined
  settings?: Readonly<Partial<Settings>> | null | undefined
}

const remote = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i

/** Is `uri` remote (has a scheme, or is protocol-relative)? */
export function isRemote(uri: string): boolean {
  return remote.test(uri)
}

/**
 * Resolve a local image URI (relative to `options.images.resolve`, else the
 * file's directory, else `cwd`).
 *
 * @returns `undefined` for remote and site-absolute (`/x.png`) URIs.
 */
export function resolveLocalImage(uri: string, options: Readonly<LocalImageOptions>): LocalImage | undefined {
  if (!uri || isRemote(uri) || uri.startsWith('/')) return undefined
  const base = options.images?.resolve ?? (options.path ? path.dirname(options.path) : options.settings?.cwd ?? process.cwd())
  const absolute = path.resolve(String(base), safeDecode(uri.split(/[?#]/)[0]))
  const root = options.root
  const outsideRoot = Boolean(root) && !isInsideDirectory(path.resolve(String(root)), absolute)
  return { absolute, outsideRoot }
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value)
  } catch {
    return value
  }
}

/** Width and height after EXIF orientation (5–8 rotate by 90°). */
function oriented(width: number | undefined, height: number | undefined, orientation: number | undefined): ImageMeasurement {
  if (!width || !height) return { error: 'no width/height in the image header' }
  return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height }
}

/** image-size on bytes (sync; the fallback, and what `toMdast` uses without the pre-pass). */
export function measureWithImageSize(bytes: Uint8Array): ImageMeasurement {
  try {
    const size = imageSize(bytes)
    return oriented(size.width, size.height, size.orientation)
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** Synchronous measurement of a file with image-size (for `toMdast` without the pre-pass). */
export function measureImageSync(file: string): ImageMeasurement {
  try {
    return measureWithImageSize(readFileSync(file))
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

type SharpModule = (typeof import('sharp'))['default']
let sharpModule: Promise<SharpModule | undefined> | undefined

/** Load sharp lazily (a missing native binary must not break conversion). */
function loadSharp(): Promise<SharpModule | undefined> {
  sharpModule ??= import('sharp').then(
    (module) => module.default,
    () => undefined
  )
  return sharpModule
}

/** Measure one file: sharp, then image-size. */
export async function measureImage(file: string): Promise<ImageMeasurement> {
  const sharp = await loadSharp()
  let sharpError = 'sharp is unavailable'
  if (sharp) {
    try {
      const metadata = await sharp(file).metadata()
      const result = oriented(metadata.width, metadata.height, metadata.orientation)
      if (!result.error) return result
      sharpError = result.error
    } catch (error) {
      sharpError = error instanceof Error ? error.message : String(error)
    }
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  const fallback = measureWithImageSize(bytes)
  return fallback.error ? { error: `${sharpError}; image-size: ${fallback.error}` } : fallback
}

/** How many files are measured at once. */
const concurrency = 4

/**
 * Measure every existing local image of `tree` (once per file, a few at a
 * time) and store the result as `node.data.imageSize`. Images outside `root`
 * are not read; missing files are left to the `image` handler to report.
 *
 * @param tree the doctree.
 * @param options file path, image options, root, settings.
 */
export async function measureImages(tree: RstElement, options: Readonly<LocalImageOptions>): Promise<void> {
  if (options.images?.check === false) return
  const byFile = new Map<string, RstElement[]>()
  const stack: RstNode[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as RstNode
    if (isText(node)) continue
    if (node.type === 'image' && typeof node.attributes.uri === 'string') {
      const local = resolveLocalImage(node.attributes.uri, options)
      if (local && !local.outsideRoot) {
        const nodes = byFile.get(local.absolute)
        if (nodes) nodes.push(node)
        else byFile.set(local.absolute, [node])
      }
    }
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
  }
  const files = [...byFile.keys()].filter((file) => existsSync(file))
  let next = 0
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++]
      const measurement = await measureImage(file)
      for (const node of byFile.get(file) ?? []) node.data = { ...node.data, imageSize: measurement }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker))
}

/** The measurement the pre-pass stored on `node`, if any. */
export function storedMeasurement(node: RstElement): ImageMeasurement | undefined {
  const value = node.data?.imageSize
  return typeof value === 'object' && value !== null ? (value as ImageMeasurement) : undefined
}
