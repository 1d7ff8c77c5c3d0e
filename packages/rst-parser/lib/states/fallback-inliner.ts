/**
 * Plain-text inliner used until `lib/inline/inliner.ts` is available:
 * returns the text (null-escaped, as docutils' Text) without markup.
 */
import { text, type RstElement, type RstNode } from '../nodes.js'
import { escape2null } from '../util/strings.js'
import type { InlinerLike } from './types.js'

export class FallbackInliner implements InlinerLike {
  initCustomizations(): void {}

  parse(value: string): [RstNode[], RstElement[]] {
    return [value ? [text(escape2null(value))] : [], []]
  }
}
