/**
 * `image` and `figure`.
 *
 * Local images are resolved (against `options.images.resolve`, else the
 * file's directory) and checked; a missing file gives a warning and a visible
 * placeholder. An existing local image becomes `<img src={require(…)}>` with
 * its real `width`/`height` (measured by the `measureImages` pre-pass with
 * sharp, else here with image-size), so the page does not shift when it loads.
 * Remote images stay remote, as lazily loaded `<img>`. A local SVG with size
 * options is a Markdown image in a sized wrapper (SVGR would turn a
 * `require()`d SVG into a React component).
 */
import { existsSync } from 'node:fs'
import type { Image, Nodes, PhrasingContent, RootContent } from 'mdast'
import { astext, type RstElement, type RstNode } from '../../nodes.js'
import type { State } from '../types.js'
import { callout } from './admonition.js'
import { classNameOf, inlineBlock, jsxFlow, jsxText, listOf, type JsxAttributes } from '../util/jsx.js'
import { isRemote, measureImageSync, resolveLocalImage, storedMeasurement, type ImageMeasurement } from '../measure-images.js'

export { isRemote }

/** Title of the missing-image placeholder by `language_code` (default English). */
const missingImageLabels: Readonly<Record<string, string>> = { es: 'Imagen no encontrada', ja: '画像が見つかりません' }

/**
 * Extensions Docusaurus' webpack `images` rule (url-loader) serves from a
 * plain `require()`. An SVG `require()`d from MDX goes through SVGR (a React
 * component, not a URL), so SVG without size options stays a Markdown image,
 * which Docusaurus' own transformImage loads through url-loader and measures.
 */
const requirable = /\.(?:ico|jpe?g|png|gif|webp|avif)$/i

function lengthAttribute(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || !value) return undefined
  const match = /^(\d+(?:\.\d+)?)(px)?$/.exec(value.trim())
  return match ? Number(match[1]) : undefined
}

/** Pixel size to print: rounded, at least 1. */
function pixels(value: number): number {
  return Math.max(1, Math.round(value))
}

/**
 * `image` → `<img>` JSX, a Markdown image, or a missing-image placeholder.
 *
 * @param state converter state.
 * @param node the image element.
 * @returns mdast nodes.
 */
export function image(state: State, node: RstElement): Nodes | Nodes[] {
  const uri = typeof node.attributes.uri === 'string' ? node.attributes.uri : ''
  // docutils: writers/_html_base.py HTMLTranslator.visit_image `atts['alt'] = node.get('alt', uri)`.
  const alt = typeof node.attributes.alt === 'string' ? node.attributes.alt : uri
  const styles: Record<string, string> = {}
  const record: JsxAttributes = { alt, className: classNameOf(node, node.attributes.align ? [`align-${String(node.attributes.align)}`] : []) }
  let width = lengthAttribute(node.attributes.width)
  let height = lengthAttribute(node.attributes.height)
  if (width === undefined && typeof node.attributes.width === 'string') styles.width = node.attributes.width
  if (height === undefined && typeof node.attributes.height === 'string') styles.height = node.attributes.height
  const scale: number = typeof node.attributes.scale === 'number' ? node.attributes.scale : Number(node.attributes.scale ?? 100)

  const local = resolveLocalImage(uri, { path: state.file.path, images: state.options.images, root: state.options.root, settings: state.settings })
  if (!local) {
    if (scale !== 100 && width !== undefined) width = pixels((width * scale) / 100)
    if (scale !== 100 && height !== undefined) height = pixels((height * scale) / 100)
    return emit(state, node, { src: uri, ...record, width, height, loading: 'lazy', style: styleOf(styles) })
  }

  // Local image.
  if (local.outsideRoot) {
    state.report(`Image path escapes the root directory: ${uri}`, node, 'image-outside-root', 2)
    return placeholder(state, node, uri, 'Image outside root')
  }
  let measured: ImageMeasurement = {}
  if (state.options.images?.check !== false) {
    if (!existsSync(local.absolute)) {
      state.report(`Image file not found: ${uri}`, node, 'image-not-found', 2).note = `Looked for ${local.absolute}`
      return placeholder(state, node, uri, missingImageLabels[String(state.settings.language_code ?? 'en').split(/[-_]/)[0]] ?? 'Missing image')
    }
    measured = storedMeasurement(node) ?? measureImageSync(local.absolute)
    if (measured.error) state.report(`Could not read the size of image ${uri}: ${measured.error}`, node, 'image-size-unreadable', 1)
  }
  const explicit = width !== undefined || height !== undefined || scale !== 100 || Object.keys(styles).length > 0 || record.className
  const known = measured.width !== undefined && measured.height !== undefined
  if (!explicit && (!known || !requirable.test(local.absolute))) {
    const result: Image = { type: 'image', url: uri, alt, title: null }
    state.patch(node, result)
    return result
  }
  // Sizes as the docutils HTML writers compute them (_html_base.py `image_size`):
  // missing dimensions come from the file, then `:scale:` applies to both. A
  // single given dimension keeps the aspect ratio (what the browser shows).
  if (known && !styles.width && !styles.height) {
    const natural = { width: measured.width as number, height: measured.height as number }
    if (width === undefined && height === undefined) {
      width = natural.width
      height = natural.height
    } else if (height === undefined && width !== undefined) height = (width * natural.height) / natural.width
    else if (width === undefined && height !== undefined) width = (height * natural.width) / natural.height
  }
  if (width !== undefined) width = pixels((width * scale) / 100)
  if (height !== undefined) height = pixels((height * scale) / 100)
  if (!requirable.test(local.absolute)) return sizedMarkdownImage(state, node, uri, alt, record.className, width, height, styles)
  const source = uri.startsWith('.') ? uri : './' + uri
  return emit(state, node, { src: { expression: `require(${JSON.stringify(source)}).default` }, ...record, width, height, style: styleOf(styles) })
}

/**
 * A sized SVG (or another file url-loader does not serve from `require()`):
 * a Markdown image, which Docusaurus loads as a URL (never through SVGR), in
 * an inline-block wrapper that carries the size and the classes. Docusaurus
 * gives Markdown images `max-width: 100%; height: auto`, so the image shrinks
 * to the wrapper and keeps its aspect ratio; the class `rstmdx-sized-image`
 * lets a site also stretch it (`width: 100%`) when the size is larger than
 * the file's own.
 */
function sizedMarkdownImage(
  state: State,
  node: RstElement,
  uri: string,
  alt: string,
  className: JsxAttributes[string],
  width: number | undefined,
  height: number | undefined,
  styles: Record<string, string>
): Nodes {
  const wrapperStyles: Record<string, string> = { display: 'inline-block' }
  if (width !== undefined) wrapperStyles.width = `${width}px`
  else if (styles.width) wrapperStyles.width = styles.width
  if (width === undefined && height !== undefined) wrapperStyles.height = `${height}px`
  else if (styles.height) wrapperStyles.height = styles.height
  const picture: Image = { type: 'image', url: uri, alt, title: null }
  state.patch(node, picture)
  const names = ['rstmdx-sized-image', ...(typeof className === 'string' ? [className] : [])].join(' ')
  const wrapperRecord: JsxAttributes = { className: names, style: styleOf(wrapperStyles) }
  const result = state.inPhrasing ? jsxText('span', wrapperRecord, [picture]) : inlineBlock('span', wrapperRecord, [picture])
  state.patch(node, result)
  return result as Nodes
}

function styleOf(styles: Record<string, string>): JsxAttributes[string] {
  return Object.keys(styles).length > 0 ? { expression: JSON.stringify(styles) } : undefined
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
