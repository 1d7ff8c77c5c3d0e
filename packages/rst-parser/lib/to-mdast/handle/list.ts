/**
 * Lists: bullet, enumerated, definition, field, option lists and line blocks.
 */
import type { List, ListItem, Nodes, PhrasingContent, RootContent } from 'mdast'
import { astext, type RstElement, type RstNode } from '../../nodes.js'
import type { State } from '../types.js'
import { classNameOf, inlineBlock, jsxFlow, jsxText } from '../util/jsx.js'

const isElement = (node: RstNode): node is RstElement => node.type !== 'text'

function listItems(state: State, node: RstElement): ListItem[] {
  return node.children.filter(isElement).map((child) => {
    const item: ListItem = { type: 'listItem', spread: false, children: state.all(child) as ListItem['children'] }
    state.patch(child, item)
    return item
  })
}

/** A list is tight when every item holds at most one paragraph plus nested lists. */
function isSpread(items: ListItem[]): boolean {
  return items.some((item) => item.children.filter((child) => child.type !== 'list').length > 1)
}

/** `bullet_list` → unordered list. */
export function bulletList(state: State, node: RstElement): Nodes {
  const children = listItems(state, node)
  const result: List = { type: 'list', ordered: false, start: null, spread: isSpread(children), children }
  state.patch(node, result)
  return result
}

const htmlTypes: Record<string, string> = { loweralpha: 'a', upperalpha: 'A', lowerroman: 'i', upperroman: 'I' }

/** `enumerated_list` → ordered list (start kept); letters/roman numerals → `<ol type>`. */
export function enumeratedList(state: State, node: RstElement): Nodes {
  const startValue = Number(node.attributes.start ?? 1)
  const start = Number.isFinite(startValue) ? startValue : 1
  const enumtype = String(node.attributes.enumtype ?? 'arabic')
  if (htmlTypes[enumtype]) {
    const items = node.children.filter(isElement).map((child) => jsxFlow('li', {}, state.all(child)))
    const result = jsxFlow('ol', { type: htmlTypes[enumtype], start: start === 1 ? undefined : start, className: classNameOf(node) }, items)
    state.patch(node, result)
    return result
  }
  const children = listItems(state, node)
  const result: List = { type: 'list', ordered: true, start, spread: isSpread(children), children }
  state.patch(node, result)
  return result
}

/** `list_item` outside a list (should not happen): its content. */
export function listItem(state: State, node: RstElement): RootContent[] {
  return state.all(node)
}

/** A `<dt>`-like line: a JSX text element in a paragraph renders without `<p>`. */
function term(name: string, children: PhrasingContent[], className?: string): RootContent {
  return inlineBlock(name, { className }, children)
}

/** `definition_list` → `<dl>` with `<dt>` (term : classifier) and `<dd>`. */
export function definitionList(state: State, node: RstElement): Nodes {
  const children: RootContent[] = []
  for (const item of node.children.filter(isElement)) {
    const phrasing: PhrasingContent[] = []
    let definition: RootContent[] = []
    for (const part of item.children.filter(isElement)) {
      if (part.type === 'term') phrasing.push(...state.phrasing(part))
      else if (part.type === 'classifier') {
        phrasing.push({ type: 'text', value: ' : ' }, jsxText('span', { className: 'classifier' }, state.phrasing(part)))
      } else if (part.type === 'definition') definition = state.all(part)
      else definition.push(...state.one(part, item) as RootContent[])
    }
    children.push(term('dt', phrasing), jsxFlow('dd', {}, definition))
  }
  const result = jsxFlow('dl', { className: classNameOf(node) }, children)
  state.patch(node, result)
  return result
}

/** `field_list` → `<dl className="field-list">`. */
export function fieldList(state: State, node: RstElement): Nodes {
  const children: RootContent[] = []
  for (const field of node.children.filter(isElement)) {
    const name = field.children.find((child): child is RstElement => child.type === 'field_name')
    const body = field.children.find((child): child is RstElement => child.type === 'field_body')
    children.push(term('dt', name ? state.phrasing(name) : []), jsxFlow('dd', {}, body ? state.all(body) : []))
  }
  const result = jsxFlow('dl', { className: classNameOf(node, ['field-list']) }, children)
  state.patch(node, result)
  return result
}

/** `option_list` → `<dl className="option-list">` with options as code. */
export function optionList(state: State, node: RstElement): Nodes {
  const children: RootContent[] = []
  for (const item of node.children.filter(isElement)) {
    const group = item.children.find((child): child is RstElement => child.type === 'option_group')
    const description = item.children.find((child): child is RstElement => child.type === 'description')
    const options: PhrasingContent[] = []
    for (const option of group?.children.filter(isElement) ?? []) {
      if (options.length > 0) options.push({ type: 'text', value: ', ' })
      const value = option.children
        .filter(isElement)
        .map((part) => (part.type === 'option_argument' ? String(part.attributes.delimiter ?? ' ') + astext(part) : astext(part)))
        .join('')
      options.push({ type: 'inlineCode', value })
    }
    children.push(term('dt', options), jsxFlow('dd', {}, description ? state.all(description) : []))
  }
  const result = jsxFlow('dl', { className: classNameOf(node, ['option-list']) }, children)
  state.patch(node, result)
  return result
}

/** `line_block` → one paragraph, lines separated by hard breaks, nesting as indentation. */
export function lineBlock(state: State, node: RstElement): Nodes {
  const children: PhrasingContent[] = []
  const walk = (block: RstElement, depth: number): void => {
    for (const child of block.children.filter(isElement)) {
      if (child.type === 'line_block') walk(child, depth + 1)
      else {
        if (children.length > 0) children.push({ type: 'break' })
        if (depth > 0) children.push({ type: 'text', value: '\u00a0'.repeat(4 * depth) })
        const line = state.phrasing(child)
        children.push(...(line.length > 0 ? line : [{ type: 'text' as const, value: '\u00a0' }]))
      }
    }
  }
  walk(node, 0)
  const result: Nodes = { type: 'paragraph', children }
  state.patch(node, result)
  return result
}
