/**
 * docutils keeps `source`, `line` and `parent` on every node as Python
 * attributes (not printed by `pformat`). We keep them out of the tree's
 * properties, in private fields stamped on the node (see `InfoStamp`).
 *
 * docutils: nodes.py `Node.source`, `Node.line`, `Node.parent`;
 * utils/__init__.py `get_source_line`.
 */
import { emptyList } from './arrays.js'
import type { RstElement, RstNode } from '../nodes.js'

/**
 * What docutils keeps as Python attributes on a node (besides `parent`), plus
 * our position hint. Flat fields, not `{source, line}` sub-objects: a node
 * keeps its record for the whole parse, and fewer surviving objects means
 * cheaper GC. Created only for nodes that get a source/line or a hint (block
 * elements; text nodes nearly never): text nodes, 40 % of the tree, have none.
 */
interface NodeInfo {
  /** docutils' `node.source`/`node.line` (`setSourceLine`; undefined: not set, as in docutils). */
  source: string | undefined
  line: number | undefined
  /** The position hint (`setPositionHint`; `hintLine` undefined: none). */
  hintSource: string | undefined
  hintLine: number | undefined
}

/** A fresh info record (every field set, so all records share one shape). */
function newInfo(): NodeInfo {
  return new (InfoRecord as unknown as new () => NodeInfo)()
}
function InfoRecord(this: NodeInfo): void {
  this.source = undefined
  this.line = undefined
  this.hintSource = undefined
  this.hintLine = undefined
}
InfoRecord.prototype = Object.prototype

/**
 * An inline span `[start, end)` with both offsets below `spanBase` is kept as the
 * small integer `start * spanBase + end` in the node's info slot while the node
 * has no record (the inliner gives every node it returns a span: a record per
 * text node just for that was ~40 % of all records). Other spans (a node with a
 * record: ~70 per both corpora; offsets ≥ 2^15) are kept in `otherSpans`.
 */
const spanBase = 0x8000

/** Spans that are not packed into the node's info slot. */
const otherSpans = new WeakMap<RstNode, readonly [number, number]>()

/** Its constructor returns the object it is given, so a subclass's fields land on that object. */
class Carrier {
  constructor(target: object) {
    return target
  }
}

/**
 * The parent and the info record live on the node itself as private class
 * fields "stamped" on the plain node object (`new InfoStamp(node)`: `Carrier`
 * returns the node from `super()`, so the fields are added to it; its
 * prototype stays `Object.prototype`). A private field is not a property:
 * invisible to `JSON.stringify`, object spread, `structuredClone`,
 * `Object.keys`, `Reflect.ownKeys` and `assert.deepStrictEqual` (like the
 * `WeakMap`s and the non-enumerable symbol used before), but adding it is an
 * ordinary inline-cached store (`Object.defineProperty` per node was a slow
 * runtime call, ~6 % of the parse) and reading it a plain property load.
 * The parent is a field of its own (every node has one) and the record is
 * created on first need: a text node carries two fields (the parent and its
 * packed inline span) and no record.
 */
class InfoStamp extends Carrier {
  #parent: RstElement | undefined
  /** The record, or a packed inline span (no record yet), or nothing. */
  #info: NodeInfo | number | undefined

  constructor(target: RstNode) {
    super(target)
    this.#parent = undefined
    this.#info = undefined
  }

  /** The record of `node`, if it has one. */
  static peek(node: RstNode): NodeInfo | undefined {
    if (!(#info in node)) return undefined
    const info = (node as unknown as InfoStamp).#info
    return typeof info === 'object' ? info : undefined
  }

  /** Whether `node` was stamped (by a factory, or when something was recorded). */
  static stamped(node: RstNode): boolean {
    return #info in node
  }

  /** The record of `node`, created if missing. */
  static of(node: RstNode): NodeInfo {
    const stamp = #info in node ? (node as unknown as InfoStamp) : new InfoStamp(node)
    const current = stamp.#info
    if (typeof current === 'object') return current
    const info = newInfo()
    // A packed span moves out of the slot.
    if (current !== undefined) otherSpans.set(node, [Math.floor(current / spanBase), current % spanBase])
    stamp.#info = info
    return info
  }

  static setSpan(node: RstNode, start: number, end: number): void {
    const stamp = #info in node ? (node as unknown as InfoStamp) : new InfoStamp(node)
    const current = stamp.#info
    if (typeof current !== 'object' && start >= 0 && end >= 0 && start < spanBase && end < spanBase) {
      stamp.#info = start * spanBase + end
      return
    }
    if (typeof current === 'number') stamp.#info = undefined
    // (A start of -1 meant "no span" in the record this replaces.)
    if (start === -1) otherSpans.delete(node)
    else otherSpans.set(node, [start, end])
  }

  static getSpan(node: RstNode): readonly [number, number] | undefined {
    if (!(#info in node)) return undefined
    const current = (node as unknown as InfoStamp).#info
    if (typeof current === 'number') return [Math.floor(current / spanBase), current % spanBase]
    const span = otherSpans.get(node)
    return span === undefined ? undefined : [span[0], span[1]]
  }

  static parentOf(node: RstNode): RstElement | undefined {
    return #parent in node ? (node as unknown as InfoStamp).#parent : undefined
  }

  static setParent(node: RstNode, parent: RstElement): void {
    const stamp = #parent in node ? (node as unknown as InfoStamp) : new InfoStamp(node)
    stamp.#parent = parent
  }
}

function peekInfo(node: RstNode): NodeInfo | undefined {
  return InfoStamp.peek(node)
}

function infoOf(node: RstNode): NodeInfo {
  return InfoStamp.of(node)
}

/**
 * Stamp a new node's private fields (parent, info; no record yet) right away
 * (node factories), so every node gets them before any other property is
 * added: fewer hidden classes, monomorphic info loads. The node must be
 * fresh (not stamped yet): no `#info in node` check (a stamped node throws).
 */
export function withInfo<T extends RstNode>(node: T): T {
  new InfoStamp(node)
  return node
}

/** Record where a node starts (for `position` only; docutils' `line` stays untouched). */
export function setPositionHint(node: RstNode, source: string | undefined, line: number, overwrite = false): void {
  const info = infoOf(node)
  if (overwrite || info.hintLine === undefined) {
    info.hintSource = source
    info.hintLine = line
  }
}

/** The position hint of a node, if any. */
export function positionHint(node: RstNode): { source: string | undefined; line: number } | undefined {
  const info = peekInfo(node)
  return info === undefined || info.hintLine === undefined ? undefined : { source: info.hintSource, line: info.hintLine }
}

/** Read-only view of a node's recorded info (for `positions.ts`, which reads every node once). */
export interface NodeInfoView {
  readonly source: string | undefined
  readonly line: number | undefined
  readonly hintSource: string | undefined
  /** Undefined: no hint. */
  readonly hintLine: number | undefined
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
  info.source = source
  info.line = line
}

/** The node's own `source`/`line`, if set (read-only). */
export function ownSourceLine(node: RstNode): { readonly source: string | undefined; readonly line: number | undefined } | undefined {
  const info = peekInfo(node)
  return info === undefined || (info.source === undefined && info.line === undefined) ? undefined : info
}

/** docutils: utils.get_source_line — from the node or its closest ancestor. */
export function getSourceLine(node: RstNode | undefined): [string | undefined, number | undefined] {
  let current: RstNode | undefined = node
  while (current) {
    if (!InfoStamp.stamped(current)) return [undefined, undefined]
    const info = peekInfo(current)
    if (info !== undefined && (info.source || info.line)) return [info.source, info.line]
    current = InfoStamp.parentOf(current)
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
  InfoStamp.setSpan(node, start, end)
}

/** The inline span recorded with `setSpan`, if any. */
export function getSpan(node: RstNode): readonly [number, number] | undefined {
  return InfoStamp.getSpan(node)
}

/** Record `parent` as the parent of `child` (docutils `child.parent`). */
export function setParent(child: RstNode, parent: RstElement): void {
  InfoStamp.setParent(child, parent)
}

/** docutils `node.parent`, when known. */
export function getParent(node: RstNode): RstElement | undefined {
  return InfoStamp.parentOf(node)
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
  InfoStamp.setParent(child, parent)
  parent.children.push(child)
}

/** A mutable list attribute (`ids`, `names`, `classes`, `dupnames`, `backrefs`), created if missing. */
export function listAttribute(node: RstElement, name: string): string[] {
  let value = node.attributes[name]
  if (!Array.isArray(value)) {
    value = emptyList<string>()
    node.attributes[name] = value
  }
  return value as string[]
}
