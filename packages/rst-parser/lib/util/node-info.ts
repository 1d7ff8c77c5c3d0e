/**
 * docutils keeps `source`, `line` and `parent` on every node as Python
 * attributes (not printed by `pformat`). We keep them out of the tree, in
 * weak maps.
 *
 * docutils: nodes.py `Node.source`, `Node.line`, `Node.parent`;
 * utils/__init__.py `get_source_line`.
 */
import type { RstElement, RstNode } from '../nodes.js'

const sourceLines = new WeakMap<RstNode, { source: string | undefined; line: number | undefined }>()
const parents = new WeakMap<RstNode, RstElement>()
const positionHints = new WeakMap<RstNode, { source: string | undefined; line: number }>()

/** Record where a node starts (for `position` only; docutils' `line` stays untouched). */
export function setPositionHint(node: RstNode, source: string | undefined, line: number, overwrite = false): void {
  if (overwrite || !positionHints.has(node)) positionHints.set(node, { source, line })
}

/** The position hint of a node, if any. */
export function positionHint(node: RstNode): { source: string | undefined; line: number } | undefined {
  return positionHints.get(node)
}

/**
 * Record a node's internal `source` and `line` (docutils `node.source`, `node.line`).
 *
 * @param node Node.
 * @param source Source path or description.
 * @param line 1-based line (docutils' convention for `node.line`).
 */
export function setSourceLine(node: RstNode, source: string | undefined, line: number | undefined): void {
  sourceLines.set(node, { source, line })
}

/** The node's own `source`/`line`, if set. */
export function ownSourceLine(node: RstNode): { source: string | undefined; line: number | undefined } | undefined {
  return sourceLines.get(node)
}

/** docutils: utils.get_source_line — from the node or its closest ancestor. */
export function getSourceLine(node: RstNode | undefined): [string | undefined, number | undefined] {
  let current: RstNode | undefined = node
  while (current) {
    const info = sourceLines.get(current)
    if (info && (info.source || info.line)) return [info.source, info.line]
    current = parents.get(current)
  }
  return [undefined, undefined]
}

/** Record `parent` as the parent of `child` (docutils `child.parent`). */
export function setParent(child: RstNode, parent: RstElement): void {
  parents.set(child, parent)
}

/** docutils `node.parent`, when known. */
export function getParent(node: RstNode): RstElement | undefined {
  return parents.get(node)
}

/**
 * Append children, recording the parent (docutils `Element.append`/`+=`/`extend`).
 *
 * @param parent Parent element.
 * @param children Nodes to append.
 */
export function appendChildren(parent: RstElement, ...children: RstNode[]): void {
  for (const child of children) {
    parents.set(child, parent)
    parent.children.push(child)
  }
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
