/**
 * Node helpers shared by the directive modules.
 */
import { element, text, type Attributes, type RstElement, type RstNode } from '../nodes.js'
import { appendChildren, setSourceLine } from '../util/node-info.js'
import type { DirectiveOptions } from './types.js'

/** docutils node classes derived from `FixedTextElement` (`xml:space="preserve"`). */
const fixedTextTypes: ReadonlySet<string> = new Set([
  'literal_block', 'doctest_block', 'math_block', 'raw', 'comment', 'address'
])

/**
 * Create an element the way docutils' node constructors do: `xml:space` on
 * fixed-text elements, children appended with parent links.
 *
 * @param type docutils node class name.
 * @param attributes Attributes (copied; list values copied).
 * @param children Children.
 * @returns The element.
 */
export function makeElement(type: string, attributes: Attributes = {}, children: RstNode[] = []): RstElement {
  const attrs: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    attrs[key] = Array.isArray(value) ? [...value] : value
  }
  if (fixedTextTypes.has(type) && !('xml:space' in attrs)) attrs['xml:space'] = 'preserve'
  const node = element(type, attrs)
  appendChildren(node, ...children)
  return node
}

/** `nodes.literal_block(text, text)` — used for the directive block in messages. */
export function literalBlock(value: string): RstElement {
  return makeElement('literal_block', {}, value ? [text(value)] : [])
}

/**
 * docutils: roles.normalize_options — copy, `class` → `classes`.
 *
 * @param options Directive options.
 * @returns Attributes for a node constructor.
 */
export function normalizeOptions(options: DirectiveOptions | undefined): Attributes {
  const result: Attributes = {}
  if (!options) return result
  for (const [key, value] of Object.entries(options)) {
    result[key === 'class' ? 'classes' : key] = value as Attributes[string]
  }
  return result
}

/** Set docutils' internal `source`/`line` of a node. */
export function setSource(node: RstNode, sourceAndLine: [string | undefined, number | undefined]): void {
  setSourceLine(node, sourceAndLine[0], sourceAndLine[1])
}

/** Node types in docutils' `BasePseudoSection.invalid_parents` categories. */
const invalidParentTypes: ReadonlySet<string> = new Set([
  // SubStructural
  'title', 'subtitle', 'meta', 'docinfo', 'decoration', 'transition',
  // Bibliographic
  'author', 'organization', 'address', 'contact', 'version', 'revision', 'status', 'date', 'copyright',
  'authors', 'field',
  // Decorative
  'header', 'footer',
  // Body
  'paragraph', 'rubric', 'compound', 'container', 'block_quote', 'reference', 'bullet_list',
  'enumerated_list', 'definition_list', 'field_list', 'option_list', 'literal_block', 'doctest_block',
  'math_block', 'line_block', 'attention', 'caution', 'danger', 'error', 'important', 'note', 'tip', 'hint',
  'warning', 'admonition', 'footnote', 'citation', 'image', 'figure', 'table', 'comment',
  'substitution_definition', 'target', 'system_message', 'pending', 'raw',
  // Part
  'attribution', 'list_item', 'term', 'classifier', 'definition', 'definition_list_item', 'field_name',
  'field_body', 'option_string', 'option_argument', 'option', 'option_group', 'description',
  'option_list_item', 'line', 'label', 'caption', 'legend', 'entry', 'row', 'colspec', 'thead', 'tbody',
  'tgroup',
  // topic
  'topic'
])

/**
 * docutils: the check at the start of `BasePseudoSection.run` and
 * `Contents.run` (`state_machine.node` not a Root/section/sidebar but one of
 * the invalid parents).
 */
export function isInvalidPseudoSectionParent(node: RstElement): boolean {
  if (node.type === 'document' || node.type === 'section' || node.type === 'sidebar') return false
  return invalidParentTypes.has(node.type)
}
