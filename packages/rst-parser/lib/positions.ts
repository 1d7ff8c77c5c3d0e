/**
 * Fill unist `position` (1-based line and column, 0-based offset) on every
 * node of a parsed tree.
 *
 * docutils records only a `line` on some nodes (kept in `util/node-info.ts`).
 * Elements start at their own line when docutils knows it (and it is in the
 * main input), otherwise at their first child, otherwise where their previous
 * sibling or parent starts; starts are kept in document order. Text is
 * searched for in the input from the position of the previous sibling, so
 * inline nodes and text get real columns when the text appears verbatim.
 * An element ends where its last descendant ends (at least at the end of its
 * start line for block elements).
 */
import type { Point, Position } from 'unist'
import { isText, unescape, type RstElement, type RstNode } from './nodes.js'
import { ownSourceLine, positionHint } from './util/node-info.js'

interface Lines {
  starts: number[]
  ends: number[]
}

function lineTable(value: string): Lines {
  const starts: number[] = [0]
  const ends: number[] = []
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 0x0a || code === 0x0d || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029) {
      ends.push(index)
      if (code === 0x0d && value.charCodeAt(index + 1) === 0x0a) index++
      starts.push(index + 1)
    }
  }
  ends.push(value.length)
  return { starts, ends }
}

/**
 * @param tree Document root.
 * @param value Original input.
 * @param _lines Preprocessed lines (unused: offsets refer to `value`).
 */
export function addPositions(tree: RstElement, value: string, _lines?: readonly string[]): void {
  const table = lineTable(value)
  const lineCount = table.starts.length
  const source = tree.attributes.source
  const startLines = new Map<RstNode, number>()

  // Pass 1 (bottom-up): a start line from docutils' line, else from the first child that has one.
  // Nodes from other sources (included files) are "foreign": they get a zero-width position.
  const foreign = new Set<RstNode>()
  const firstLine = (node: RstNode): number | undefined => {
    let result: number | undefined
    let elsewhere = false
    const info = ownSourceLine(node)
    // Only lines known to be in the main input count (docutils sets some lines without a source, as
    // absolute offsets into the input including inserted files).
    if (info && typeof info.line === 'number' && info.line >= 1 && info.line <= lineCount && info.source === source) {
      result = info.line
    } else if (info && info.source !== undefined && info.source !== source) {
      elsewhere = true
    }
    const hint = positionHint(node)
    if (result === undefined && !elsewhere && hint) {
      if (hint.source === source && hint.line >= 1 && hint.line <= lineCount) result = hint.line
      else if (hint.source !== undefined && hint.source !== source) elsewhere = true
    }
    if (!isText(node)) {
      const children = (node as RstElement).children
      let allForeign = children.length > 0
      for (const child of children) {
        const line = firstLine(child)
        if (result === undefined && line !== undefined) result = line
        if (!foreign.has(child)) allForeign = false
      }
      if (result === undefined && allForeign) elsewhere = true
    }
    if (elsewhere && result === undefined) {
      foreign.add(node)
      return undefined
    }
    if (result !== undefined) startLines.set(node, result)
    return result
  }
  firstLine(tree)

  const zeroWidth = (node: RstNode, at: Point): void => {
    node.position = { start: { ...at }, end: { ...at } }
    if (!isText(node)) for (const child of (node as RstElement).children) zeroWidth(child, at)
  }

  const point = (offset: number, _lineHint: number): Point => {
    // Binary search: the last line starting at or before `offset`.
    let low = 0
    let high = lineCount - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (table.starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    const line = low + 1
    return { line, column: offset - table.starts[line - 1] + 1, offset }
  }
  const indentOffset = (line: number): number => {
    let offset = table.starts[line - 1]
    const end = table.ends[line - 1]
    while (offset < end && (value.charCodeAt(offset) === 0x20 || value.charCodeAt(offset) === 0x09)) offset++
    return offset
  }

  // Pass 2 (top-down): offsets; returns the end offset.
  const visit = (node: RstNode, minimum: number, inInline: boolean): number => {
    if (foreign.has(node)) {
      zeroWidth(node, point(minimum, 1))
      return minimum
    }
    let start = minimum
    const line = startLines.get(node)
    if (!inInline && line !== undefined) start = Math.max(minimum, indentOffset(line))
    if (isText(node)) {
      const [from, to] = findText(node.value, start)
      node.position = { start: point(from, line ?? 1), end: point(to, line ?? 1) }
      return to
    }
    const element = node as RstElement
    const inline = inInline
    let cursor = start
    let end = start
    let firstChildStart: number | undefined
    for (const child of element.children) {
      const childEnd = visit(child, cursor, inline || textHolders.has(element.type))
      if (foreign.has(child)) continue
      if (firstChildStart === undefined) firstChildStart = child.position!.start.offset
      cursor = Math.max(cursor, inline || textHolders.has(element.type) ? childEnd : child.position!.start.offset!)
      end = Math.max(end, childEnd)
    }
    if (firstChildStart !== undefined && firstChildStart > start && (line === undefined || contentStarts.has(element.type))) {
      start = firstChildStart
    }
    if (!inline && element.type !== 'document') {
      const startPoint = point(start, line ?? 1)
      end = Math.max(end, table.ends[startPoint.line - 1])
    }
    if (element.type === 'document') {
      start = 0
      end = value.length
    }
    element.position = { start: point(start, line ?? 1), end: point(end, line ?? 1) } satisfies Position
    return end
  }

  /** Find text (first and last line) from `from`; zero-width at `from` when absent. */
  const findText = (raw: string, from: number): [number, number] => {
    const textValue = unescape(raw)
    const lines = textValue.split('\n')
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
    const first = lines[0].trim() ? lines[0] : lines.find((l) => l.trim()) ?? ''
    if (!first) return [from, from]
    const fromLine = point(from, 1).line
    const limitLine = Math.min(lineCount, fromLine + lines.length + 2)
    const limit = table.ends[limitLine - 1]
    const index = boundedIndexOf(value, first, from, limit + first.length)
    if (index === -1 || index > limit) return [from, from]
    if (lines.length === 1) return [index, index + first.length]
    const startLine = point(index, 1).line
    const lastLine = Math.min(lineCount, startLine + lines.length - 1)
    const last = lines[lines.length - 1].trim()
    const lastIndex = last ? boundedIndexOf(value, last, index + first.length, table.ends[lastLine - 1] + last.length) : -1
    if (lastIndex === -1 || lastIndex > table.ends[lastLine - 1]) return [index, Math.max(index + first.length, table.ends[lastLine - 1])]
    return [index, lastIndex + last.length]
  }

  visit(tree, 0, false)
}

/** `value.indexOf(search, from)` looking only before `end` (linear in the window). */
function boundedIndexOf(value: string, search: string, from: number, end: number): number {
  if (end >= value.length) return value.indexOf(search, from)
  const index = value.slice(from, end).indexOf(search)
  return index === -1 ? -1 : from + index
}

/** Elements that start where their content starts. */
const contentStarts: ReadonlySet<string> = new Set(['paragraph', 'field_body', 'definition', 'description', 'entry', 'term', 'attribution', 'line'])

/** Elements whose children are inline content (docutils TextElement). */
const textHolders: ReadonlySet<string> = new Set([
  'paragraph', 'title', 'subtitle', 'rubric', 'literal_block', 'doctest_block', 'math_block', 'line', 'term', 'classifier',
  'field_name', 'attribution', 'label', 'caption', 'option_string', 'option_argument', 'address', 'author', 'organization',
  'contact', 'version', 'revision', 'status', 'date', 'copyright', 'substitution_definition', 'comment', 'target', 'raw',
  'meta', 'abbreviation', 'acronym'
])
