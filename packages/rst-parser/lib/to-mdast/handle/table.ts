/**
 * `table` → GFM table when simple, else a JSX `<table>` (rowSpan/colSpan).
 *
 * docutils: table > title? > tgroup > colspec*, thead?, tbody > row > entry
 * (`morerows`, `morecols`).
 */
import type { Nodes, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast'
import type { RstElement, RstNode } from '../../nodes.js'
import type { State } from '../types.js'
import { classNameOf, firstId, inlineBlock, jsxFlow } from '../util/jsx.js'

const isElement = (node: RstNode): node is RstElement => node.type !== 'text'

function childrenOfType(node: RstElement | undefined, type: string): RstElement[] {
  return node ? node.children.filter((child): child is RstElement => child.type === type) : []
}

/** Is the table expressible in GFM: one header row, no spans, cells with at most one paragraph. */
function isSimple(tgroup: RstElement): boolean {
  const thead = childrenOfType(tgroup, 'thead')[0]
  if (!thead || childrenOfType(thead, 'row').length !== 1) return false
  for (const part of [thead, ...childrenOfType(tgroup, 'tbody')]) {
    for (const row of childrenOfType(part, 'row')) {
      for (const entry of childrenOfType(row, 'entry')) {
        if (entry.attributes.morerows !== undefined || entry.attributes.morecols !== undefined) return false
        const content = entry.children.filter(isElement)
        if (content.length > 1 || (content.length === 1 && content[0].type !== 'paragraph')) return false
      }
    }
  }
  return true
}

/**
 * Convert a table.
 *
 * @param state converter state.
 * @param node the table element.
 * @returns mdast nodes.
 */
export function table(state: State, node: RstElement): Nodes | Nodes[] {
  const titleNode = childrenOfType(node, 'title')[0]
  const tgroups = childrenOfType(node, 'tgroup')
  const results: RootContent[] = []
  if (tgroups.length === 1 && isSimple(tgroups[0])) {
    if (titleNode) results.push({ type: 'paragraph', children: [{ type: 'strong', children: state.phrasing(titleNode) }] })
    const id = firstId(node)
    if (id) results.push(jsxFlow('a', { id }))
    const tgroup = tgroups[0]
    const rows: TableRow[] = []
    for (const part of [...childrenOfType(tgroup, 'thead'), ...childrenOfType(tgroup, 'tbody')]) {
      for (const row of childrenOfType(part, 'row')) {
        const cells: TableCell[] = childrenOfType(row, 'entry').map((entry) => {
          const paragraph = entry.children.find(isElement)
          const children = paragraph ? state.phrasing(paragraph) : []
          for (const child of children) flatten(child)
          return { type: 'tableCell', children }
        })
        rows.push({ type: 'tableRow', children: cells })
      }
    }
    if (rows.some((row) => row.children.some((cell) => cell.children.some(breaksTableRow)))) {
      // GFM splits cells at `|` before anything else and a row is one line: use a JSX table.
      const [head, ...body] = rows.map((row, index) =>
        jsxFlow('tr', {}, row.children.map((cell) => jsxFlow(index === 0 ? 'th' : 'td', {}, cell.children.length > 0 ? [{ type: 'paragraph', children: cell.children }] : [])))
      )
      const result = jsxFlow('table', { className: classNameOf(node) }, [jsxFlow('thead', {}, [head]), jsxFlow('tbody', {}, body)])
      state.patch(node, result)
      results.push(result)
      return results
    }
    const result: Table = { type: 'table', align: [], children: rows }
    state.patch(node, result)
    results.push(result)
    return results
  }
  const children: RootContent[] = []
  if (titleNode) children.push(inlineBlock('caption', {}, state.phrasing(titleNode)))
  for (const tgroup of tgroups) {
    const stubs = childrenOfType(tgroup, 'colspec').map((colspec) => colspec.attributes.stub !== undefined)
    for (const part of tgroup.children.filter(isElement)) {
      if (part.type !== 'thead' && part.type !== 'tbody') continue
      const head = part.type === 'thead'
      const rows = childrenOfType(part, 'row').map((row) => {
        let column = 0
        const cells = childrenOfType(row, 'entry').map((entry) => {
          const stub = stubs[column]
          const colSpan = entry.attributes.morecols !== undefined ? Number(entry.attributes.morecols) + 1 : undefined
          const rowSpan = entry.attributes.morerows !== undefined ? Number(entry.attributes.morerows) + 1 : undefined
          column += colSpan ?? 1
          return jsxFlow(head || stub ? 'th' : 'td', { colSpan, rowSpan }, state.all(entry))
        })
        return jsxFlow('tr', {}, cells)
      })
      children.push(jsxFlow(head ? 'thead' : 'tbody', {}, rows))
    }
  }
  const result = jsxFlow('table', { id: firstId(node), className: classNameOf(node) }, children)
  state.patch(node, result)
  return result
}

/**
 * Something a GFM table row cannot hold: a `|` the serializer cannot escape
 * (math, JSX attribute values, expressions) or a line ending in them.
 */
function breaksTableRow(node: PhrasingContent): boolean {
  if (node.type === 'inlineMath' || node.type === 'mdxTextExpression' || node.type === 'html') return unsafeInRow(node.value)
  if (node.type === 'mdxJsxTextElement') {
    for (const attribute of node.attributes) {
      const value = attribute.value
      if (typeof value === 'string' ? unsafeInRow(value) : value ? unsafeInRow(value.value) : false) return true
    }
  }
  return 'children' in node && (node.children as PhrasingContent[]).some(breaksTableRow)
}

function unsafeInRow(value: string): boolean {
  return value.includes('|') || value.includes('\n')
}

/** GFM table cells cannot hold line endings or hard breaks. */
function flatten(node: PhrasingContent): void {
  if (node.type === 'text') node.value = node.value.replace(/\s*\r?\n\s*/g, ' ')
  if (node.type === 'inlineCode') node.value = node.value.replace(/\r?\n/g, ' ')
  if ('children' in node) {
    const children = node.children as PhrasingContent[]
    for (let index = 0; index < children.length; index++) {
      if (children[index].type === 'break') children[index] = { type: 'text', value: ' ' }
      else flatten(children[index])
    }
  }
}
