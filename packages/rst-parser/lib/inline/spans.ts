/**
 * Where inline nodes come from: `[start, end)` offsets into the text given to
 * `Inliner.parse` (docutils keeps no such data; rstmdx uses it to compute
 * unist positions). `escape2null` keeps string lengths, so offsets in the
 * null-escaped text are offsets in the source text too.
 */
import type { RstNode } from '../nodes.js'
import { getSpan, setSpan } from '../util/node-info.js'

// Kept with the node's other internal info (`util/node-info.ts`), packed into
// one small integer while the node has no info record: a separate `WeakMap`
// entry per inline node was a measurable part of inline parsing (and of GC).

/**
 * Record the span of an inline node.
 *
 * @param node Node returned by `Inliner.parse` (text or inline element).
 * @param start Offset of its first character in the parsed text.
 * @param end Offset after its last character.
 */
export function setInlineSpan(node: RstNode, start: number, end: number): void {
  setSpan(node, start, end)
}

/**
 * The span of a node returned by `Inliner.parse`, if known.
 *
 * @param node Node.
 * @returns `[start, end)` offsets into the text given to `parse`.
 */
export function getInlineSpan(node: RstNode): readonly [number, number] | undefined {
  return getSpan(node)
}
