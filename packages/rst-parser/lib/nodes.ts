/**
 * The doctree: unist nodes whose `type` is the docutils node name.
 *
 * docutils: nodes.py. Elements keep docutils' attributes verbatim in
 * `attributes` (so `pformat` can print them); text nodes keep docutils'
 * internal form, where a backslash-escaped character is preceded by `\x00`
 * (docutils: `escape2null`), which `pformat` and `astext` remove.
 */
import type { Position } from 'unist'
import { withInfo } from './util/node-info.js'

export type AttributeValue = string | number | boolean | null | ReadonlyArray<string | number>
export type Attributes = Record<string, AttributeValue | undefined>

export interface NodeData {
  /** Machine-readable id of a system message (kebab-case). */
  ruleId?: string
  /** `pending` nodes: the transform docutils would run (`module.Class`). */
  transform?: string
  /** `pending` nodes: details, printed by `pformat` in docutils' order. */
  details?: Record<string, unknown>
  [key: string]: unknown
}

export interface RstElement {
  type: string
  attributes: Attributes
  children: RstNode[]
  position?: Position
  data?: NodeData
}

export interface RstText {
  type: 'text'
  value: string
  position?: Position
  data?: NodeData
}

export type RstNode = RstElement | RstText

/** The root: docutils' `document`. */
export interface RstDocument extends RstElement {
  type: 'document'
}

/**
 * Whether `type` is a docutils node class derived from `FixedTextElement`
 * (created with `xml:space="preserve"`). Comparisons, not a `Set`: called
 * for every element created.
 */
export function isFixedTextType(type: string): boolean {
  return type === 'literal_block' || type === 'comment' || type === 'raw' || type === 'doctest_block' || type === 'math_block' || type === 'address'
}

/** docutils: `Element.list_attributes`; empty lists of these are defaults. */
export const listAttributes: ReadonlySet<string> = new Set(['ids', 'classes', 'names', 'dupnames', 'backrefs'])

// The factories give each node its info record (`util/node-info.ts`) at once: one hidden class per node kind.
export function element(type: string, attributes?: Attributes, children: RstNode[] = []): RstElement {
  return withInfo({ type, attributes: attributes === undefined ? {} : { ...attributes }, children })
}

/**
 * `element` taking `attributes` and `children` themselves (no copies): only
 * for fresh objects nobody else holds. Its callers pass their own literals,
 * so each literal has its own allocation site, which V8 pretenures when the
 * site's objects survive (tree parts); a spread copy (`{ ...attributes }`) is
 * always allocated young and copied by every scavenge during the parse.
 */
export function elementOwning(type: string, attributes: Attributes, children: RstNode[]): RstElement {
  return withInfo({ type, attributes, children })
}

export function text(value: string): RstText {
  return withInfo({ type: 'text', value })
}

export function isText(node: RstNode): node is RstText {
  return node.type === 'text'
}

export function isElement(node: RstNode): node is RstElement {
  return node.type !== 'text'
}

/** docutils: nodes.unescape — remove the null escapes (and escaped whitespace). */
export function unescape(value: string, restoreBackslashes = false): string {
  if (value.indexOf('\x00') === -1) return value // no escapes (nearly always)
  if (restoreBackslashes) return value.replaceAll('\x00', '\\')
  return value.replaceAll('\x00 ', '').replaceAll('\x00\n', '').replaceAll('\x00', '')
}

/** docutils: `Node.astext`; elements join children with '' (paragraph-level default). */
export function astext(node: RstNode): string {
  if (isText(node)) return unescape(node.value)
  const separator = childTextSeparator(node.type)
  return node.children.map(astext).join(separator)
}

/** docutils: `child_text_separator` ('\n\n' for elements holding body elements). */
function childTextSeparator(type: string): string {
  return textElementTypes.has(type) || inlineTypes.has(type) ? '' : '\n\n'
}

/** docutils: subclasses of `TextElement` (separator ''). */
export const textElementTypes: ReadonlySet<string> = new Set([
  'title', 'subtitle', 'rubric', 'paragraph', 'literal_block', 'doctest_block', 'math_block',
  'line', 'term', 'classifier', 'field_name', 'attribution', 'label', 'caption', 'option_string',
  'option_argument', 'address', 'author', 'organization', 'contact', 'version', 'revision',
  'status', 'date', 'copyright', 'substitution_definition', 'comment', 'target', 'raw', 'meta',
  'system_message_text', 'header_text'
])

/** docutils: subclasses of `Inline`. */
export const inlineTypes: ReadonlySet<string> = new Set([
  'emphasis', 'strong', 'literal', 'reference', 'footnote_reference', 'citation_reference',
  'substitution_reference', 'title_reference', 'abbreviation', 'acronym', 'superscript',
  'subscript', 'math', 'image', 'inline', 'problematic', 'generated', 'target', 'raw'
])
