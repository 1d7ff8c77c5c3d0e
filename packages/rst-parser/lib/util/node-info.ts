/**
 * docutils keeps `source`, `line` and `parent` on every node as Python
 * attributes (not printed by `pformat`). We keep them out of the tree, in
 * weak maps.
 *
 * docutils: nodes.py `Node.source`, `Node.line`, `Node.parent`;
 * utils/__init__.py `get_source_line`.
 */
import type { RstElement, RstNode } from '../nodes.js'

/**
 * What docutils keeps as Python attributes on a node, plus our position hint.
 * Flat fields, not `{source, line}` sub-objects: every node keeps its record
 * for the whole parse, and fewer surviving objects means cheaper GC.
 */
interface NodeInfo {
  parent: RstElement | undefined
  /** `setSourceLine` was called (then `source`/`line` are docutils' `node.source`/`node.line`). */
  hasSourceLine: boolean
  source: string | undefined
  line: number | undefined
  /** `setPositionHint` was called (then `hintSource`/`hintLine` hold it). */
  hasHint: boolean
  hintSource: string | undefined
  hintLine: number
  /** Inline span (`inline/spans.ts`): offsets into the text given to `Inliner.parse`; -1 = none. */
  spanStart: number
  spanEnd: number
}

/** A fresh info record (every field set, so all records share one shape). */
function newInfo(): NodeInfo {
  return {
    parent: undefined, hasSourceLine: false, source: undefined, line: undefined,
    hasHint: false, hintSource: undefined, hintLine: 0, spanStart: -1, spanEnd: -1
  }
}

/** Its constructor returns the object it is given, so a subclass's fields land on that object. */
class Carrier {
  constructor(target: object) {
    return target
  }
}

/**
 * The info lives on the node itself as a private class field "stamped" on
 * the plain node object (`new InfoStamp(node)`: `Carrier` returns the node
 * from `super()`, so the field is added to it; its prototype stays
 * `Object.prototype`). A private field is not a property: invisible to
 * `JSON.stringify`, object spread, `structuredClone`, `Object.keys`,
 * `Reflect.ownKeys` and `assert.deepStrictEqual` (like the `WeakMap`s and the
 * non-enumerable symbol used before), but adding it is an ordinary inline-
 * cached store (`Object.defineProperty` per node was a slow runtime call,
 * ~6 % of the parse) and reading it a plain property load.
 */
class InfoStamp extends Carrier {
  #info: NodeInfo

  constructor(target: RstNode) {
    super(target)
    this.#info = newInfo()
  }

  /** The record of `node`, if it has one. */
  static peek(node: RstNode): NodeInfo | undefined {
    return #info in node ? (node as unknown as InfoStamp).#info : undefined
  }

  /** The record of `node`, created if missing. */
  static of(node: RstNode): NodeInfo {
    if (#info in node) return (node as unknown as InfoStamp).#info
    return new InfoStamp(node).#info
  }
}

function peekInfo(node: RstNode): NodeInfo | undefined {
  return InfoStamp.peek(node)
}

function infoOf(node: RstNode): NodeInfo {
  return InfoStamp.of(node)
}

/**
 * Give a new node its (empty) info record right away (node factories), so
 * every node gets it before any other property is added: fewer hidden
 * classes, monomorphic info loads.
 */
export function withInfo<T extends RstNode>(node: T): T {
  InfoStamp.of(node)
  return node
}

/** Record where a node starts (for `position` only; docutils' `line` stays untouched). */
export function setPositionHint(node: RstNode, source: string | undefined, line: number, overwrite = false): void {
  const info = infoOf(node)
  if (overwrite || !info.hasHint) {
    info.hasHint = true
    info.hintSource = source
    info.hintLine = line
  }
}

/** The position hint of a node, if any. */
export function positionHint(node: RstNode): { source: string | undefined; line: number } | undefined {
  const info = peekInfo(node)
  return info === undefined || !info.hasHint ? undefined : { source: info.hintSource, line: info.hintLine }
}

/** Read-only view of a node's recorded info (for `positions.ts`, which reads every node once). */
export interface NodeInfoView {
  readonly hasSourceLine: boolean
  readonly source: string | undefined
  readonly line: number | undefined
  readonly hasHint: boolean
  readonly hintSource: string | undefined
  readonly hintLine: number
}

/** The node's info record without allocating (undefined when nothing was recorded). */
export function nodeInfo(node: RstNode): NodeInfoView | undefined {
  return peekInfo(node)
}

/**
 * Record a node's internal `source` and `line` (docutils `node.source`, `node.line`).
 *
 * @param node Node.
 * @param source Source path or description.
 * @param line 1-based line (docutils' convention for `node.line`).
 */
export function setSourceLine(node: RstNode, source: string | undefined, line: number | undefined): void {
  const info = infoOf(node)
  info.hasSourceLine = true
  info.source = source
  info.line = line
}

/** The node's own `source`/`line`, if set (read-only). */
export function ownSourceLine(node: RstNode): { readonly source: string | undefined; readonly line: number | undefined } | undefined {
  const info = peekInfo(node)
  return info === undefined || !info.hasSourceLine ? undefined : info
}

/** docutils: utils.get_source_line — from the node or its closest ancestor. */
export function getSourceLine(node: RstNode | undefined): [string | undefined, number | undefined] {
  let current: RstNode | undefined = node
  while (current) {
    const info = peekInfo(current)
    if (info === undefined) return [undefined, undefined]
    if (info.hasSourceLine && (info.source || info.line)) return [info.source, info.line]
    current = info.parent
  }
  return [undefined, undefined]
}

/**
 * Record the inline span of a node (see `inline/spans.ts`).
 *
 * @param node Node returned by `Inliner.parse`.
 * @param start Start offset.
 * @param end End offset.
 */
export function setSpan(node: RstNode, start: number, end: number): void {
  const info = infoOf(node)
  info.spanStart = start
  info.spanEnd = end
}

/** The inline span recorded with `setSpan`, if any. */
export function getSpan(node: RstNode): readonly [number, number] | undefined {
  const info = peekInfo(node)
  return info === undefined || info.spanStart === -1 ? undefined : [info.spanStart, info.spanEnd]
}

/** Record `parent` as the parent of `child` (docutils `child.parent`). */
export function setParent(child: RstNode, parent: RstElement): void {
  infoOf(child).parent = parent
}

/** docutils `node.parent`, when known. */
export function getParent(node: RstNode): RstElement | undefined {
  return peekInfo(node)?.parent
}

/**
 * Append children, recording the parent (docutils `Element.append`/`+=`/`extend`).
 *
 * @param parent Parent element.
 * @param children Nodes to append.
 */
export function appendChildren(parent: RstElement, ...children: RstNode[]): void {
  for (let index = 0; index < children.length; index++) appendChild(parent, children[index])
}

/**
 * Append one child, recording the parent (docutils `Element.append`);
 * `appendChildren` without the rest-parameter array.
 *
 * @param parent Parent element.
 * @param child Node to append.
 */
export function appendChild(parent: RstElement, child: RstNode): void {
  infoOf(child).parent = parent
  parent.children.push(child)
}

/** A mutable list attribute (`ids`, `names`, `classes`, `dupnames`, `backrefs`), created if missing. */
export function listAttribute(node: RstElement, name: string): string[] {
  let value = node.attributes[name]
  if (!Array.isArray(value)) {
    value = []
    node.attributes[name] = value
  }
  return value as string[]
}
