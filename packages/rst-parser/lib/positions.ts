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
import { unescape, type RstElement, type RstNode, type RstText } from './nodes.js'
import { nodeInfo } from './util/node-info.js'
import type { LineTable } from './util/strings.js'

/** Line starts and ends of the original text (see `LineTable` in `util/strings.ts`). */
export function lineTable(value: string): LineTable {
  const starts: number[] = [0]
  const ends: number[] = []
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    // Only the separators below count; nearly every character is above them.
    if (code > 0x0d && code < 0x1c) continue
    if (code > 0x1e && code < 0x85) continue
    if (code === 0x0a || code === 0x0d || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029) {
      ends.push(index)
      if (code === 0x0d && value.charCodeAt(index + 1) === 0x0a) index++
      starts.push(index + 1)
    }
  }
  ends.push(value.length)
  return { starts, ends }
}

/** `startLine` value of a node without a known start line. */
const noLine = 0

/**
 * @param tree Document root.
 * @param value Original input.
 * @param _lines Preprocessed lines (unused: offsets refer to `value`).
 * @param lines The line table of `value`, when already built (`string2lines` fills one in the same pass).
 */
export function addPositions(tree: RstElement, value: string, _lines?: readonly string[], lines?: LineTable): void {
  const table = lines ?? lineTable(value)
  const starts = table.starts
  const ends = table.ends
  const lineCount = starts.length
  const source = tree.attributes.source

  // Both passes walk the tree in the same pre-order, so per-node results of
  // pass 1 live in arrays indexed by pre-order number (no Map/Set keyed by
  // node objects: those lookups were the bulk of the cost).
  // Sized by a guess and doubled when full, so no separate walk counts the
  // nodes first (walking the tree is the bulk of this pass).
  let capacity = Math.max(256, value.length >> 4)
  /** Start line of each node (`noLine` when unknown). */
  let startLines = new Int32Array(capacity)
  /** Nodes from other sources (included files): 1, they get a zero-width position. */
  let foreign = new Uint8Array(capacity)
  /** Pre-order number after the node's subtree (to skip foreign subtrees in pass 2). */
  let subtreeEnds = new Int32Array(capacity)
  const grow = (): void => {
    capacity *= 2
    const newStartLines = new Int32Array(capacity)
    newStartLines.set(startLines)
    startLines = newStartLines
    const newForeign = new Uint8Array(capacity)
    newForeign.set(foreign)
    foreign = newForeign
    const newSubtreeEnds = new Int32Array(capacity)
    newSubtreeEnds.set(subtreeEnds)
    subtreeEnds = newSubtreeEnds
  }
  let counter = 0

  // Pass 1 (bottom-up): a start line from docutils' line, else from the first child that has one.
  const firstLine = (node: RstNode): number | undefined => {
    const index = counter++
    if (index === capacity) grow()
    let result: number | undefined
    let elsewhere = false
    // The info record is read in place (no `{source, line}` objects per node).
    const info = nodeInfo(node)
    if (info !== undefined) {
      // Only lines known to be in the main input count (docutils sets some lines without a source, as
      // absolute offsets into the input including inserted files).
      if (info.hasSourceLine) {
        const own = info.line
        if (typeof own === 'number' && own >= 1 && own <= lineCount && info.source === source) {
          result = own
        } else if (info.source !== undefined && info.source !== source) {
          elsewhere = true
        }
      }
      if (result === undefined && !elsewhere && info.hasHint) {
        const hintLine = info.hintLine
        const hintSource = info.hintSource
        if (hintSource === source && hintLine >= 1 && hintLine <= lineCount) result = hintLine
        else if (hintSource !== undefined && hintSource !== source) elsewhere = true
      }
    }
    if (node.type !== 'text') {
      const children = (node as RstElement).children
      let allForeign = children.length > 0
      for (let child = 0; child < children.length; child++) {
        const childIndex = counter
        const line = firstLine(children[child])
        if (result === undefined && line !== undefined) result = line
        if (foreign[childIndex] === 0) allForeign = false
      }
      if (result === undefined && allForeign) elsewhere = true
    }
    subtreeEnds[index] = counter
    if (elsewhere && result === undefined) {
      foreign[index] = 1
      return undefined
    }
    if (result !== undefined) startLines[index] = result
    return result
  }
  firstLine(tree)

  const zeroWidth = (node: RstNode, at: Point): void => {
    node.position = { start: { ...at }, end: { ...at } }
    if (node.type !== 'text') for (const child of (node as RstElement).children) zeroWidth(child, at)
  }

  // Offsets are looked up in nearly increasing order: remember the last line found.
  let lastLine = 0
  /** 0-based line holding `offset` (the last line starting at or before it). */
  const lineIndexOf = (offset: number): number => {
    const cached = lastLine
    if (starts[cached] <= offset && (cached + 1 === lineCount || starts[cached + 1] > offset)) return cached
    if (cached + 1 < lineCount && starts[cached + 1] <= offset && (cached + 2 === lineCount || starts[cached + 2] > offset)) {
      lastLine = cached + 1
      return lastLine
    }
    // Binary search.
    let low = 0
    let high = lineCount - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    lastLine = low
    return low
  }
  const point = (offset: number): Point => {
    const line = lineIndexOf(offset)
    return { line: line + 1, column: offset - starts[line] + 1, offset }
  }
  const indentOffset = (line: number): number => {
    let offset = starts[line - 1]
    const end = ends[line - 1]
    while (offset < end && (value.charCodeAt(offset) === 0x20 || value.charCodeAt(offset) === 0x09)) offset++
    return offset
  }

  let visited = 0
  /** Start offset of the node `visit` just positioned (read back by the parent instead of `child.position.start.offset`). */
  let visitedStart = 0
  // Pass 2 (top-down): offsets; returns the end offset.
  const visit = (node: RstNode, minimum: number, inInline: boolean): number => {
    const index = visited++
    if (foreign[index] === 1) {
      zeroWidth(node, point(minimum))
      visited = subtreeEnds[index]
      return minimum
    }
    let start = minimum
    const line = startLines[index]
    if (!inInline && line !== noLine) start = Math.max(minimum, indentOffset(line))
    if (node.type === 'text') {
      const to = findText((node as RstText).value, start)
      const from = foundStart
      node.position = { start: point(from), end: point(to) }
      visitedStart = from
      return to
    }
    const element = node as RstElement
    const inline = inInline
    const childrenInline = inline || textHolders.has(element.type)
    let cursor = start
    let end = start
    let firstChildStart: number | undefined
    const children = element.children
    for (let child = 0; child < children.length; child++) {
      const childNode = children[child]
      const childIndex = visited
      const childEnd = visit(childNode, cursor, childrenInline)
      if (foreign[childIndex] === 1) continue
      const childStart = visitedStart
      if (firstChildStart === undefined) firstChildStart = childStart
      cursor = Math.max(cursor, childrenInline ? childEnd : childStart)
      end = Math.max(end, childEnd)
    }
    if (firstChildStart !== undefined && firstChildStart > start && (line === noLine || contentStarts.has(element.type))) {
      start = firstChildStart
    }
    if (!inline && element.type !== 'document') {
      end = Math.max(end, ends[lineIndexOf(start)])
    }
    if (element.type === 'document') {
      start = 0
      end = value.length
    }
    element.position = { start: point(start), end: point(end) } satisfies Position
    visitedStart = start
    return end
  }

  /** Start offset found by the last `findText` call (saves allocating a pair per text node). */
  let foundStart = 0
  /**
   * Find text (first and last line) from `from`; zero-width at `from` when absent.
   * Sets `foundStart` and returns the end offset.
   */
  const findText = (raw: string, from: number): number => {
    // `unescape` returns its input unchanged when there is no null escape.
    const textValue = raw.indexOf('\x00') === -1 ? raw : unescape(raw)
    // The lines of `textValue` without trailing empty lines (at least one),
    // found by index instead of `split('\n')`.
    let textEnd = textValue.length
    let lineTotal = 1
    for (let index = textValue.indexOf('\n'); index !== -1; index = textValue.indexOf('\n', index + 1)) lineTotal++
    while (lineTotal > 1 && textValue.charCodeAt(textEnd - 1) === 0x0a) {
      textEnd--
      lineTotal--
    }
    let firstEnd = textValue.indexOf('\n')
    if (firstEnd === -1 || firstEnd > textEnd) firstEnd = textEnd
    let first = textValue.slice(0, firstEnd)
    if (!first.trim()) {
      // The first line with non-whitespace text.
      first = ''
      let lineStart = firstEnd + 1
      while (lineStart <= textEnd) {
        let lineEnd = textValue.indexOf('\n', lineStart)
        if (lineEnd === -1 || lineEnd > textEnd) lineEnd = textEnd
        const candidate = textValue.slice(lineStart, lineEnd)
        if (candidate.trim()) {
          first = candidate
          break
        }
        lineStart = lineEnd + 1
      }
    }
    foundStart = from
    if (!first) return from
    const fromLine = lineIndexOf(from) + 1
    const limitLine = Math.min(lineCount, fromLine + lineTotal + 2)
    const limit = ends[limitLine - 1]
    // Usually the text starts right at `from`: the same answer as the search, without slicing a window.
    const index = value.startsWith(first, from) ? from : boundedIndexOf(value, first, from, limit + first.length)
    if (index === -1 || index > limit) return from
    foundStart = index
    if (lineTotal === 1) return index + first.length
    const startLine = lineIndexOf(index) + 1
    const lastLineNumber = Math.min(lineCount, startLine + lineTotal - 1)
    const last = textValue.slice(textValue.lastIndexOf('\n', textEnd - 1) + 1, textEnd).trim()
    const lastIndex = last ? boundedIndexOf(value, last, index + first.length, ends[lastLineNumber - 1] + last.length) : -1
    if (lastIndex === -1 || lastIndex > ends[lastLineNumber - 1]) return Math.max(index + first.length, ends[lastLineNumber - 1])
    return lastIndex + last.length
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
