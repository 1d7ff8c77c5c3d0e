/**
 * Wiring of the parts owned by other modules (inline parser, directives).
 */
import { FallbackInliner } from './states/fallback-inliner.js'
import type { InlinerLike } from './states/types.js'

/** The inline parser for a new document. */
export function createInliner(): InlinerLike {
  return new FallbackInliner()
}
