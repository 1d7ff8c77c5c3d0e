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
 *
 * Positions are read-only data: an element that starts where its first child
 * starts (ends where a child ends) shares that child's point object (about
 * 40 % fewer point objects); a zero-width text's start and end are one point,
 * and a subtree from another source shares one zero-width position.
 */
import type { Point, Position } from 'unist'
import { unescape, type RstElement, type RstNode, type RstText } from './nodes.js'
import { nodeInfo } from './util/node-info.js'
import { isJsSpace, type LineTable } from './util/strings.js'

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

type PointConstructor = new (line: number, column: number, offset: number) => Point
type PositionConstructor = new (start: Point, end: Point) => Position
/** Points and positions are built by constructors (plain objects: `prototype` is `Object.prototype`), not literals: never pretenured. */
function PointObject(this: Point, line: number, column: number, offset: number): void {
  this.line = line
  this.column = column
  this.offset = offset
}
PointObject.prototype = Object.prototype
function PositionObject(this: Position, start: Point, end: Point): void {
  this.start = start
  this.end = end
}
PositionObject.prototype = Object.prototype
function newPoint(line: number, column: number, offset: number): Point {
  return new (PointObject as unknown as PointConstructor)(line, column, offset)
}
function newPosition(start: Point, end: Point): Position {
  return new (PositionObject as unknown as PositionConstructor)(start, end)
}

/** Start line of a node without a known start line. */
const noLine = 0
/** "Start line" of a node from another source (an included file): it gets a zero-width position. */
const foreignLine = -1

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

  // A node's start line is docutils' line when known to be in the main input
  // (docutils sets some lines without a source, as absolute offsets into the
  // input including inserted files), else its position hint, else the start
  // line of its first child that has one. A node from another source without
  // any line in its subtree (or whose children all are) is "foreign".
  //
  // One walk computes both the start lines and the offsets. Only a block
  // element without a line of its own needs its children's lines before its
  // children are visited (its start is where its first line starts); `scan`
  // looks ahead for those (~10 % of the nodes), memoized so that nested ones
  // are scanned once. Inline elements learn their line from their children.

  /** Set by `ownLine`: the node itself is known to come from another source. */
  let ownElsewhere = false
  /** The node's own start line (docutils' line or the hint), or `noLine`. */
  const ownLine = (node: RstNode): number => {
    ownElsewhere = false
    // The info record is read in place (no `{source, line}` objects per node).
    const info = nodeInfo(node)
    if (info === undefined) return noLine
    // (Both undefined when docutils set no source/line.)
    const own = info.line
    if (typeof own === 'number' && own >= 1 && own <= lineCount && info.source === source) return own
    if (info.source !== undefined && info.source !== source) {
      ownElsewhere = true
      return noLine
    }
    const hintLine = info.hintLine
    if (hintLine !== undefined) {
      const hintSource = info.hintSource
      if (hintSource === source && hintLine >= 1 && hintLine <= lineCount) return hintLine
      if (hintSource !== undefined && hintSource !== source) ownElsewhere = true
    }
    return noLine
  }

  /**
   * Lookahead results (`noLine`, a line, or `foreignLine`) of the block
   * elements without an own line met by `scan`, which `visit` asks for again.
   */
  const scanned = new Map<RstNode, number>()
  /** The start line of a node (`noLine`, a line, or `foreignLine`) from its subtree. */
  const scan = (node: RstNode, inInline: boolean): number => {
    const own = ownLine(node)
    if (own !== noLine) return own
    const elsewhere = ownElsewhere
    if (node.type === 'text') return elsewhere ? foreignLine : noLine
    const remember = !inInline
    if (remember) {
      const memo = scanned.get(node)
      if (memo !== undefined) return memo
    }
    const result = scanChildren(node as RstElement, inInline, elsewhere)
    if (remember) scanned.set(node, result)
    return result
  }
  /** `scan` of an element without an own line, from its children. */
  const scanChildren = (element: RstElement, inInline: boolean, elsewhere: boolean): number => {
    const childrenInline = inInline || (typeFlags(element.type) & textHolder) !== 0
    const children = element.children
    let allForeign = children.length > 0
    for (let child = 0; child < children.length; child++) {
      const line = scan(children[child], childrenInline)
      if (line > 0) return line
      if (line !== foreignLine) allForeign = false
    }
    return elsewhere || allForeign ? foreignLine : noLine
  }

  /** Give a (foreign) subtree the zero-width position at `at`: one position object shared by all its nodes. */
  const zeroWidth = (node: RstNode, at: Point): void => {
    setZeroWidth(node, newPosition(at, at))
  }
  const setZeroWidth = (node: RstNode, position: Position): void => {
    node.position = position
    if (node.type !== 'text') for (const child of (node as RstElement).children) setZeroWidth(child, position)
  }

  // Offsets are looked up in nearly increasing order: remember the last line found.
  let lastLine = 0
  /** 0-based line holding `offset` (the last line starting at or before it). */
  const lineIndexOf = (offset: number): number => {
    let line = lastLine
    if (starts[line] <= offset) {
      // Usually the cached line or one of the next few: walk forward before searching.
      const stop = Math.min(lineCount - 1, line + nearLines)
      while (line < stop && starts[line + 1] <= offset) line++
      if (line === lineCount - 1 || starts[line + 1] > offset) {
        lastLine = line
        return line
      }
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
    return newPoint(line + 1, offset - starts[line] + 1, offset)
  }
  /** `point(offset)` when the 0-based line holding `offset` is known. */
  const pointOnLine = (offset: number, line: number): Point => {
    return newPoint(line + 1, offset - starts[line] + 1, offset)
  }
  /**
   * The end point of a text starting on the 0-based line `startLine`: no line
   * lookup when it ends on that line (nearly all texts) or on the line
   * `findText` found its last line on.
   */
  const textEndPoint = (end: number, startLine: number): Point => {
    if (end <= ends[startLine]) return pointOnLine(end, startLine)
    const line = foundEndLine
    if (line === -1 || end < starts[line] || end > ends[line]) return point(end)
    // (What `point(end)` leaves in the line cache.)
    lastLine = line
    return pointOnLine(end, line)
  }
  const indentOffset = (line: number): number => {
    let offset = starts[line - 1]
    const end = ends[line - 1]
    while (offset < end && (value.charCodeAt(offset) === 0x20 || value.charCodeAt(offset) === 0x09)) offset++
    return offset
  }

  /** Start offset of the node `visit` just positioned (read back by the parent instead of `child.position.start.offset`). */
  let visitedStart = 0
  /** 0-based line of `visitedStart`. */
  let visitedStartLine = 0
  /** The position `visit` just set (a parent reuses its points: equal offsets, equal points). */
  let visitedPosition: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }
  /** Start line of the node `visit` just positioned (`noLine`, a line, or `foreignLine`). */
  let visitedLine = noLine
  // Returns the end offset.
  const visit = (node: RstNode, minimum: number, inInline: boolean): number => {
    let line = ownLine(node)
    const elsewhere = ownElsewhere
    if (node.type === 'text') {
      if (line === noLine && elsewhere) {
        zeroWidth(node, point(minimum))
        visitedLine = foreignLine
        return minimum
      }
      const to = findText((node as RstText).value, !inInline && line !== noLine ? Math.max(minimum, indentOffset(line)) : minimum)
      const from = foundStart
      const fromLine = lineIndexOf(from)
      const startPoint = pointOnLine(from, fromLine)
      const position: Position = newPosition(startPoint, to === from ? startPoint : textEndPoint(to, fromLine))
      node.position = position
      visitedPosition = position
      visitedStart = from
      visitedStartLine = fromLine
      visitedLine = line
      return to
    }
    const element = node as RstElement
    /** Whether `line` is final before the children are visited (else: an inline element without an own line). */
    const lineKnown = line !== noLine || !inInline
    if (line === noLine && !inInline) {
      line = scanned.get(element) ?? scanChildren(element, false, elsewhere)
      if (line === foreignLine) {
        zeroWidth(element, point(minimum))
        visitedLine = foreignLine
        return minimum
      }
    }
    let start = minimum
    let startLine = -1
    if (!inInline && line !== noLine) {
      const indent = indentOffset(line)
      if (indent >= minimum) {
        start = indent
        startLine = line - 1
        // The children's offsets come next: a better line cache hint than the last lookup.
        lastLine = startLine
      }
    }
    // One lookup of the type's flags serves both tests; inline elements (their children are inline anyway)
    // rarely need it at all (-1: not looked up).
    const flags = inInline ? -1 : typeFlags(element.type)
    const childrenInline = inInline || (flags & textHolder) !== 0
    let cursor = start
    let end = start
    let firstChildStart = -1
    let firstChildLine = 0
    let firstChildPoint: Point | undefined
    /** The first child's position (shared as a whole when it equals this element's). */
    let firstChildPosition: Position | undefined
    /** The end point of the child that ends at `end` (if one does). */
    let endPoint: Point | undefined
    let allForeign = true
    const children = element.children
    for (let child = 0; child < children.length; child++) {
      const childEnd = visit(children[child], cursor, childrenInline)
      const childLine = visitedLine
      if (childLine === foreignLine) continue
      allForeign = false
      if (line === noLine && childLine !== noLine) line = childLine
      const childStart = visitedStart
      if (firstChildStart === -1) {
        firstChildStart = childStart
        firstChildLine = visitedStartLine
        firstChildPoint = visitedPosition.start
        firstChildPosition = visitedPosition
      }
      cursor = Math.max(cursor, childrenInline ? childEnd : childStart)
      if (childEnd > end || (childEnd === end && endPoint === undefined)) {
        end = childEnd
        endPoint = visitedPosition.end
      }
    }
    if (!lineKnown && line === noLine && (elsewhere || (allForeign && children.length > 0))) {
      // An inline element from another source (with all its content).
      zeroWidth(element, point(minimum))
      visitedLine = foreignLine
      return minimum
    }
    // (For an inline element, `line` is now its first child's; only whether it has one matters below.)
    if (firstChildStart > start && (line === noLine || ((flags === -1 ? typeFlags(element.type) : flags) & contentStart) !== 0)) {
      start = firstChildStart
      startLine = firstChildLine
    }
    /** 0-based line of `end` when known without a lookup (-1: unknown). */
    let endLine = -1
    if (element.type === 'document') {
      start = 0
      startLine = 0
      end = value.length
    } else {
      if (startLine === -1) startLine = lineIndexOf(start)
      if (!inInline && ends[startLine] > end) {
        end = ends[startLine]
        endLine = startLine
        // (What `point(end)` would leave in the line cache.)
        lastLine = startLine
      }
    }
    // Points equal to a child's are shared with it (usually the first child's start and the last child's end).
    const startPoint = start === firstChildStart ? firstChildPoint! : pointOnLine(start, startLine)
    const endPointOut = endPoint !== undefined && endPoint.offset === end ? endPoint : endLine !== -1 ? pointOnLine(end, endLine) : point(end)
    // An element spanning exactly its first child (an inline element around one text, a paragraph of one
    // line...) shares the child's whole position object.
    const position: Position = firstChildPosition !== undefined && firstChildPosition.start === startPoint && firstChildPosition.end === endPointOut
      ? firstChildPosition
      : newPosition(startPoint, endPointOut)
    element.position = position
    visitedPosition = position
    visitedStart = start
    visitedStartLine = startLine
    visitedLine = line
    return end
  }

  /** Start offset found by the last `findText` call (saves allocating a pair per text node). */
  let foundStart = 0
  /** A 0-based line the end offset returned by the last `findText` call may be on (-1: none; checked by `textEndPoint`). */
  let foundEndLine = -1
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
    // (The first break is also the first line's end: one scan fewer per text.)
    const firstBreak = textValue.indexOf('\n')
    for (let index = firstBreak; index !== -1; index = textValue.indexOf('\n', index + 1)) lineTotal++
    while (lineTotal > 1 && textValue.charCodeAt(textEnd - 1) === 0x0a) {
      textEnd--
      lineTotal--
    }
    let firstEnd = firstBreak
    if (firstEnd === -1 || firstEnd > textEnd) firstEnd = textEnd
    // The first line with non-whitespace text, as `[firstStart, firstEnd)` of `textValue` (no copy unless searched for).
    let firstStart = 0
    if (isBlank(textValue, 0, firstEnd)) {
      firstStart = firstEnd
      let lineStart = firstEnd + 1
      while (lineStart <= textEnd) {
        let lineEnd = textValue.indexOf('\n', lineStart)
        if (lineEnd === -1 || lineEnd > textEnd) lineEnd = textEnd
        if (!isBlank(textValue, lineStart, lineEnd)) {
          firstStart = lineStart
          firstEnd = lineEnd
          break
        }
        lineStart = lineEnd + 1
      }
    }
    foundStart = from
    foundEndLine = -1
    const firstLength = firstEnd - firstStart
    if (firstLength === 0) return from
    // Usually the text starts at `from` or just after it (after inline markup's end-string):
    // trying those first gives the same answer as the search, without slicing a window.
    // Positions are tried in order, so the first match is the search's first occurrence; up to
    // `from + 3` it is always within the search's limit (each of the 3 lines after `from`'s adds a character).
    let index = -1
    const firstCode = textValue.charCodeAt(firstStart)
    const nearEnd = Math.min(from + nearWindow, value.length - firstLength + 1)
    for (let at = from; at < nearEnd; at++) {
      if (value.charCodeAt(at) === firstCode && matchesAt(value, at, textValue, firstStart, firstEnd)) {
        index = at
        break
      }
    }
    if (index === -1 || index > from + 3) {
      const fromLine = lineIndexOf(from) + 1
      const limitLine = Math.min(lineCount, fromLine + lineTotal + 2)
      const limit = ends[limitLine - 1]
      if (index === -1 && nearEnd === from + nearWindow) {
        index = boundedIndexOf(value, textValue.slice(firstStart, firstEnd), nearEnd, limit + firstLength)
      }
      if (index === -1 || index > limit) return from
    }
    foundStart = index
    if (lineTotal === 1) return index + firstLength
    const startLine = lineIndexOf(index) + 1
    const lastLineNumber = Math.min(lineCount, startLine + lineTotal - 1)
    // The last line, trimmed.
    let lastStart = textValue.lastIndexOf('\n', textEnd - 1) + 1
    let lastEnd = textEnd
    while (lastStart < lastEnd && isJsSpace(textValue.charCodeAt(lastStart))) lastStart++
    while (lastEnd > lastStart && isJsSpace(textValue.charCodeAt(lastEnd - 1))) lastEnd--
    const last = textValue.slice(lastStart, lastEnd)
    const lastIndex = last ? boundedIndexOf(value, last, index + firstLength, ends[lastLineNumber - 1] + last.length) : -1
    // (Both answers are usually on the expected last line.)
    foundEndLine = lastLineNumber - 1
    if (lastIndex === -1 || lastIndex > ends[lastLineNumber - 1]) return Math.max(index + firstLength, ends[lastLineNumber - 1])
    return lastIndex + last.length
  }

  visit(tree, 0, false)
}

/** How many lines after the cached one `lineIndexOf` tries one by one before a binary search. */
const nearLines = 8

/** How many offsets from the cursor `findText` tries one by one before searching a window. */
const nearWindow = 32

/** `value.startsWith(text.slice(start, end), at)` without the copy. */
function matchesAt(value: string, at: number, text: string, start: number, end: number): boolean {
  if (at + end - start > value.length) return false
  for (let index = start; index < end; index++, at++) if (value.charCodeAt(at) !== text.charCodeAt(index)) return false
  return true
}

/** `!value.slice(start, end).trim()` without the copies. */
function isBlank(value: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isJsSpace(value.charCodeAt(index))) return false
  return true
}

/** `value.indexOf(search, from)` looking only before `end` (linear in the window). */
function boundedIndexOf(value: string, search: string, from: number, end: number): number {
  if (end >= value.length) return value.indexOf(search, from)
  const index = value.slice(from, end).indexOf(search)
  return index === -1 ? -1 : from + index
}

/** Type flag: the element starts where its content starts. */
const contentStart = 1
/** Type flag: the element's children are inline content (docutils TextElement). */
const textHolder = 2

/**
 * The flags of the element types that have any: one `Map` lookup per element
 * instead of one `Set` lookup per flag.
 */
const flagsByType: ReadonlyMap<string, number> = new Map([
  ...['field_body', 'definition', 'description', 'entry'].map((type) => [type, contentStart] as const),
  ...['paragraph', 'term', 'attribution', 'line'].map((type) => [type, contentStart | textHolder] as const),
  ...[
    'title', 'subtitle', 'rubric', 'literal_block', 'doctest_block', 'math_block', 'classifier', 'field_name', 'label',
    'caption', 'option_string', 'option_argument', 'address', 'author', 'organization', 'contact', 'version', 'revision',
    'status', 'date', 'copyright', 'substitution_definition', 'comment', 'target', 'raw', 'meta', 'abbreviation', 'acronym'
  ].map((type) => [type, textHolder] as const)
])

/** `contentStart`/`textHolder` flags of an element type (0: none). */
function typeFlags(type: string): number {
  return flagsByType.get(type) ?? 0
}
