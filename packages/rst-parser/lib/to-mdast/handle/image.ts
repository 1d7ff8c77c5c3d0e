/**
 * `image` and `figure`.
 *
 * Local images are resolved (against `options.images.resolve`, else the
 * file's directory), checked, and measured with image-size; a missing file
 * gives a warning and a visible placeholder. Remote images stay remote, as
 * lazily loaded `<img>`.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { imageSize } from 'image-size'
import type { Image, Nodes, PhrasingContent, RootContent } from 'mdast'
import { astext, type RstElement, type RstNode } from '../../nodes.js'
import type { State } from '../types.js'
import { callout } from './admonition.js'
import { classNameOf, inlineBlock, jsxFlow, jsxText, listOf, type JsxAttributes } from '../util/jsx.js'

/** Title of the missing-image placeholder by `language_code` (default English). */
const missingImageLabels: Readonly<Record<string, string>> = { es: 'Imagen no encontrada', ja: '画像が見つかりません' }

const remote = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i

/** Is `uri` remote (has a scheme, or is protocol-relative)? */
export function isRemote(uri: string): boolean {
  return remote.test(uri)
}

function lengthAttribute(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || !value) return undefined
  const match = /^(\d+(?:\.\d+)?)(px)?$/.exec(value.trim())
  return match ? Number(match[1]) : undefined
}

interface Measured {
  width?: number
  height?: number
}

/**
 * `image` → markdown image, `<img>` JSX or a missing-image placeholder.
 *
 * @param state converter state.
 * @param node the image element.
 * @returns mdast nodes.
 */
export function image(state: State, node: RstElement): Nodes | Nodes[] {
  const uri = typeof node.attributes.uri === 'string' ? node.attributes.uri : ''
  const alt = typeof node.attributes.alt === 'string' ? node.attributes.alt : ''
  const styles: Record<string, string> = {}
  const record: JsxAttributes = { alt, className: classNameOf(node, node.attributes.align ? [`align-${String(node.attributes.align)}`] : []) }
  let width = lengthAttribute(node.attributes.width)
  let height = lengthAttribute(node.attributes.height)
  if (width === undefined && typeof node.attributes.width === 'string') styles.width = node.attributes.width
  if (height === undefined && typeof node.attributes.height === 'string') styles.height = node.attributes.height
  const scale: number = typeof node.attributes.scale === 'number' ? node.attributes.scale : Number(node.attributes.scale ?? 100)

  if (isRemote(uri) || uri.startsWith('/')) {
    if (scale !== 100 && width !== undefined) width = Math.round((width * scale) / 100)
    if (scale !== 100 && height !== undefined) height = Math.round((height * scale) / 100)
    return emit(state, node, { src: uri, ...record, width, height, loading: 'lazy', style: styleOf(styles) })
  }

  // Local image.
  const check = state.options.images?.check !== false
  const base = state.options.images?.resolve ?? (state.file.path ? path.dirname(state.file.path) : state.settings.cwd ?? process.cwd())
  const decoded = safeDecode(uri.split(/[?#]/)[0])
  const absolute = path.resolve(String(base), decoded)
  const root = state.options.root
  if (root && path.relative(path.resolve(root), absolute).startsWith('..')) {
    state.report(`Image path escapes the root directory: ${uri}`, node, 'image-outside-root', 2)
    return placeholder(state, node, uri, 'Image outside root')
  }
  let measured: Measured = {}
  if (check) {
    if (!existsSync(absolute)) {
      state.report(`Image file not found: ${uri}`, node, 'image-not-found', 2).note = `Looked for ${absolute}`
      return placeholder(state, node, uri, missingImageLabels[String(state.settings.language_code ?? 'en').split(/[-_]/)[0]] ?? 'Missing image')
    }
    try {
      measured = imageSize(readFileSync(absolute))
    } catch (error) {
      state.report(`Could not read the size of image ${uri}: ${String(error)}`, node, 'image-size-unreadable', 1)
    }
  }
  const explicit = width !== undefined || height !== undefined || scale !== 100 || Object.keys(styles).length > 0 || record.className
  if (!explicit) {
    const result: Image = { type: 'image', url: uri, alt, title: null }
    state.patch(node, result)
    return result
  }
  if (width === undefined && height === undefined && measured.width && measured.height) {
    width = measured.width
    height = measured.height
  } else if (width !== undefined && height === undefined && measured.width && measured.height) {
    height = Math.round((width * measured.height) / measured.width)
  }
  if (scale !== 100 && width !== undefined) width = Math.round((width * scale) / 100)
  if (scale !== 100 && height !== undefined) height = Math.round((height * scale) / 100)
  const source = uri.startsWith('.') ? uri : './' + uri
  return emit(state, node, { src: { expression: `require(${JSON.stringify(source)}).default` }, ...record, width, height, style: styleOf(styles) })
}

function styleOf(styles: Record<string, string>): JsxAttributes[string] {
  return Object.keys(styles).length > 0 ? { expression: JSON.stringify(styles) } : undefined
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value)
  } catch {
    return value
  }
}

function emit(state: State, node: RstElement, record: JsxAttributes): Nodes {
  const result = state.inPhrasing ? jsxText('img', record) : jsxFlow('img', record)
  state.patch(node, result)
  return result
}

/** Visible placeholder for an image that cannot be shown (class `rstmdx-missing-image`, used by the site). */
function placeholder(state: State, node: RstElement, uri: string, label: string): Nodes {
  const span = jsxText('span', { className: 'rstmdx-missing-image', role: 'img', 'aria-label': `${label}: ${uri}` }, [
    { type: 'text', value: `${label}: ` },
    { type: 'inlineCode', value: uri }
  ])
  if (state.inPhrasing) return span
  const result = callout('danger', label, [{ type: 'paragraph', children: [span] }])
  state.patch(node, result)
  return result
}

/** `figure` → `<figure>` with the image, `<figcaption>` and the legend. */
export function figure(state: State, node: RstElement): Nodes {
  const children: RootContent[] = []
  for (const child of node.children) {
    if (child.type === 'caption' && child.type !== ('text' as string)) {
      children.push(inlineBlock('figcaption', {}, state.phrasing(child as RstElement)))
    } else if (child.type === 'legend') {
      children.push(jsxFlow('div', { className: 'legend' }, state.all(child as RstElement)))
    } else children.push(...(state.all({ type: 'figure', attributes: {}, children: [child] })))
  }
  const align = node.attributes.align ? [`align-${String(node.attributes.align)}`] : []
  const result = jsxFlow('figure', { id: listOf(node.attributes.ids)[0], className: classNameOf(node, align) }, children)
  state.patch(node, result)
  return result
}

/** `caption`/`legend` outside a figure: a paragraph / content. */
export function caption(state: State, node: RstElement): Nodes {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: state.phrasing(node) }] }
}

export type { PhrasingContent, RstNode }
export { astext }
