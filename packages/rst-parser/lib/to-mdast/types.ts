/**
 * Types for the doctree → mdast converter.
 */
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { RstElement, RstNode } from '../nodes.js'
import type { Settings } from '../settings.js'
import type { References } from './references.js'

// Register the mdast node types of the extensions we emit.
import type {} from 'mdast-util-directive'
import type {} from 'mdast-util-math'
import type {} from 'mdast-util-mdx'
import type {} from 'mdast-util-frontmatter'

export type { RstElement, RstNode }

/** Image options of the converter. */
export interface ImageOptions {
  /** Directory relative image paths resolve against (default: the directory of `file.path`, else `cwd`). */
  resolve?: string | null | undefined
  /** Check that local images exist and read their size (default: `true`). */
  check?: boolean | null | undefined
}

/** Options of `toMdast`. */
export interface ToMdastOptions {
  /** File to report diagnostics on (default: a new empty VFile). */
  file?: VFile | null | undefined
  /** docutils settings used while parsing (`raw_enabled`, `doctitle_xform`, `docinfo_xform`). */
  settings?: Readonly<Partial<Settings>> | null | undefined
  /** Images: resolve and check local paths. */
  images?: Readonly<ImageOptions> | null | undefined
  /** Directory local image paths may not escape. */
  root?: string | null | undefined
  /** Render diagnostics (system messages, unknown nodes) visibly in the page (default: `true`). */
  visibleMessages?: boolean | null | undefined
  /**
   * Replace the `.rst` extension of relative link URLs (`intro.rst#x` →
   * `intro.mdx#x` with `'.mdx'`), so Docusaurus resolves links between pages
   * (default: keep URLs as written).
   */
  rstLinkExtension?: string | null | undefined
  /** The RST source text, to quote the original markup in callouts for unknown nodes. */
  value?: string | null | undefined
  /** Extra front matter keys (keys the converter writes, such as `title`, win). */
  frontMatter?: Readonly<Record<string, unknown>> | null | undefined
  /** mdast nodes put after the front matter and the page's leading `# title`, before the content. */
  prepend?: readonly RootContent[] | null | undefined
  /** Extra or replacement handlers, keyed by docutils node name. */
  handlers?: Readonly<Record<string, Handler>> | null | undefined
}

/** The result of a handler: one node, several, or nothing. */
export type HandleResult = Nodes | Nodes[] | undefined

/** A handler turns one docutils element into mdast. */
export type Handler = (state: State, node: RstElement, parent: RstElement | undefined) => HandleResult

export interface State {
  /** File that receives diagnostics. */
  file: VFile
  /** Effective settings. */
  settings: Readonly<Partial<Settings>>
  /** Normalised options. */
  options: Readonly<ToMdastOptions>
  /** Handlers by docutils node name. */
  handlers: Readonly<Record<string, Handler>>
  /** Whether the current context takes phrasing content. */
  inPhrasing: boolean
  /** Current heading depth offset: depth of a section's heading = sectionDepth + 1. */
  sectionDepth: number
  /** Reference resolution tables built before conversion. */
  references: References
  /** Front matter collected while converting. */
  frontMatter: Record<string, unknown>
  /** Elements for `<head>`. */
  head: RootContent[]
  /** ESM imports needed (`import X from 'y'`). */
  imports: Set<string>
  /** Convert one node. */
  one(node: RstNode, parent: RstElement | undefined): Nodes[]
  /** Convert the children of `parent` in flow context. */
  all(parent: RstElement): RootContent[]
  /** Convert the children of `parent` in phrasing context. */
  phrasing(parent: RstElement): PhrasingContent[]
  /** Carry `position` from a doctree node to an mdast node. */
  patch(from: RstNode, to: Nodes): void
  /** Report a diagnostic on `node` (level: docutils level 1 info, 2 warning, 3+ error). */
  report(reason: string, node: RstNode | undefined, ruleId: string, level?: number): VFileMessage
  /** Position of `node`, or of its nearest ancestor/descendant with one. */
  placeOf(node: RstNode | undefined): RstNode['position']
}

export type { Parents }
