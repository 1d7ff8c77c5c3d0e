/**
 * Node helpers shared by the directive modules.
 */
import { element, isFixedTextType, text, type Attributes, type RstElement, type RstNode } from '../nodes.js'
import { appendChild, listAttribute, setSourceLine } from '../util/node-info.js'
import { classOption } from './converters.js'
import { isSubstitutionDef, type Directive } from './directive.js'
import { PyValueError } from './py.js'
import type { DirectiveOptions } from './types.js'

/**
 * Create an element the way docutils' node constructors do: `xml:space` on
 * fixed-text elements, children appended with parent links.
 *
 * @param type docutils node class name.
 * @param attributes Attributes (copied; list values copied).
 * @param children Children.
 * @returns The element.
 */
export function makeElement(type: string, attributes?: Attributes, children?: RstNode[]): RstElement {
  const attrs: Attributes = {}
  if (attributes !== undefined) {
    // `for…in` over the (plain, literal) attributes: no entries array.
    for (const key in attributes) {
      const value = attributes[key]
      if (value === undefined) continue
      attrs[key] = Array.isArray(value) ? [...value] : value
    }
  }
  if (isFixedTextType(type) && !('xml:space' in attrs)) attrs['xml:space'] = 'preserve'
  const node = element(type, attrs)
  if (children !== undefined) for (let index = 0; index < children.length; index++) appendChild(node, children[index])
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

/** docutils `self.options.get('class', [])`: the converted `:class:` option. */
export function optionClasses(directive: Directive): string[] {
  return (directive.options.class as string[] | undefined) ?? []
}

/** docutils `node['classes'] += self.options.get('class', [])` */
export function addOptionClasses(directive: Directive, node: RstElement): void {
  listAttribute(node, 'classes').push(...optionClasses(directive))
}

/**
 * docutils: `directives.class_option(self.arguments[0])` with the error of
 * `misc.Class.run` / `body.Container.run` for an invalid value.
 *
 * @param directive The running directive (its first argument is parsed).
 * @returns The class names.
 */
export function classArgument(directive: Directive): string[] {
  try {
    return classOption(directive.arguments[0])
  } catch (error) {
    if (!(error instanceof PyValueError)) throw error
    throw directive.error(
      `Invalid class attribute value for "${directive.name}" directive: "${directive.arguments[0]}".`
    )
  }
}

/**
 * docutils: the `isinstance(self.state, states.SubstitutionDef)` check of
 * `misc.Replace`, `misc.Unicode` and `misc.Date`.
 *
 * @param directive The running directive.
 */
export function assertSubstitutionDefContext(directive: Directive): void {
  if (!isSubstitutionDef(directive.state)) {
    throw directive.error(
      `Invalid context: the "${directive.name}" directive can only be used within a substitution definition.`
    )
  }
}

/**
 * docutils: `first_child_not_matching_class((nodes.Titular, nodes.meta))`
 * (used by `document.get_decoration` and `misc.Meta`).
 *
 * @param node Parent node.
 * @returns Index of the first child that is no title/subtitle/rubric/meta, or -1.
 */
export function firstChildNotTitularOrMeta(node: RstElement): number {
  return node.children.findIndex((child) => !titularOrMetaTypes.has(child.type))
}

const titularOrMetaTypes: ReadonlySet<string> = new Set(['title', 'subtitle', 'rubric', 'meta'])

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

/**
 * docutils: the parent check at the start of `BasePseudoSection.run` and
 * `Contents.run`.
 *
 * @param directive The running directive.
 */
export function assertPseudoSectionParent(directive: Directive): void {
  if (isInvalidPseudoSectionParent(directive.stateMachine.node)) {
    throw directive.error(`The "${directive.name}" directive may not be used within topics or body elements.`)
  }
}
