/**
 * The doctree: unist nodes whose `type` is the docutils node name.
 *
 * docutils: nodes.py. Elements keep docutils' attributes verbatim in
 * `attributes` (so `pformat` can print them); text nodes keep docutils'
 * internal form, where a backslash-escaped character is preceded by `\x00`
 * (docutils: `escape2null`), which `pformat` and `astext` remove.
 */
import type { Position } from 'unist'
import { emptyList } from './util/arrays.js'
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
// Nodes are built by constructor functions whose `prototype` is `Object.prototype` (plain objects, equal to
// literals for `deepStrictEqual`), not by object literals: V8 never pretenures a constructor's objects, while
// a literal's allocation site gets pretenured once its objects survive scavenges; an old node of a finished
// parse then keeps the young parts of its tree alive through every scavenge until the next full GC (see
// `util/arrays.ts`). Slack tracking also gives the constructors' objects in-object room for the private fields.
export function element(type: string, attributes?: Attributes, children: RstNode[] = emptyList()): RstElement {
  return withInfo(new (ElementNode as unknown as ElementConstructor)(type, attributes === undefined ? {} : { ...attributes }, children))
}

/**
 * `element` taking `attributes` and `children` themselves (no copies): only
 * for fresh objects nobody else holds.
 */
export function elementOwning(type: string, attributes: Attributes, children: RstNode[]): RstElement {
  return withInfo(new (ElementNode as unknown as ElementConstructor)(type, attributes, children))
}

export function text(value: string): RstText {
  return withInfo(new (TextNode as unknown as TextConstructor)(value))
}

type ElementConstructor = new (type: string, attributes: Attributes, children: RstNode[]) => RstElement
type TextConstructor = new (value: string) => RstText

function ElementNode(this: RstElement, type: string, attributes: Attributes, children: RstNode[]): void {
  this.type = type
  this.attributes = attributes
  this.children = children
}
ElementNode.prototype = Object.prototype

function TextNode(this: RstText, value: string): void {
  this.type = 'text'
  this.value = value
}
TextNode.prototype = Object.prototype

/**
 * Give every node an in-object slot for the `position` the positions pass adds at the end of a parse.
 * V8 sizes a constructor's objects by the fields its first few objects get before slack tracking ends
 * (after about 7 constructions, long before any positions pass): without this, the late `position` store
 * allocates a property array per node (3 slots, 40 bytes: a third of the positions pass's allocation). So the
 * first node of each kind gets a `position` right away (the slot costs 8 bytes per node while it is unset).
 */
function reservePositionSlot(): void {
  const point = { line: 1, column: 1, offset: 0 }
  const position: Position = { start: point, end: point }
  element('document').position = position
  text('').position = position
}
reservePositionSlot()

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
