/**
 * unified plugins: `rstParse` (RST → doctree) and `rstToMdast` (doctree → mdast).
 *
 * ```js
 * unified().use(rstParse).use(rstToMdast).use(remarkStringify)
 * ```
 *
 * `rstToMdast` also registers the serializer extensions (GFM, MDX,
 * directives, math, front matter) in `toMarkdownExtensions`, which
 * remark-stringify reads.
 */
import type { Root } from 'mdast'
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown'
import type { Node } from 'unist'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import type { RstElement } from './nodes.js'
import { parse } from './parse.js'
import type { Settings } from './settings.js'
import { toMdast } from './to-mdast/index.js'
import type { ToMdastOptions } from './to-mdast/types.js'
import { toMdxOptions } from './to-mdx.js'

/** Options of `rstParse`. */
export interface RstParseOptions {
  /** docutils settings overrides. */
  settings?: Readonly<Partial<Settings>> | null | undefined
}

/**
 * Parser plugin: RST text → docutils doctree.
 *
 * @param options parser settings.
 */
export function rstParse(this: Processor, options?: Readonly<RstParseOptions> | null): void {
  const settings = { halt_level: 5, warning_stream: '', syntax_highlight: 'none', ...(options?.settings ?? {}) }
  this.parser = (document: string, file: VFile): Node => parse(document, { source: file.path, settings }) as unknown as Node
}

/**
 * Bridge plugin: docutils doctree → mdast.
 *
 * @param options converter options (`file` is the processed file).
 * @returns transformer.
 */
export function rstToMdast(this: Processor, options?: Readonly<Omit<ToMdastOptions, 'file'>> | null) {
  // remark-stringify reads `toMarkdownExtensions` from the processor data.
  const data = this.data() as { toMarkdownExtensions?: ToMarkdownOptions[] }
  const extensions = (data.toMarkdownExtensions ??= [])
  extensions.push(toMdxOptions)
  return (tree: Node, file: VFile): Root => toMdast(tree as unknown as RstElement, { ...(options ?? {}), file })
}
