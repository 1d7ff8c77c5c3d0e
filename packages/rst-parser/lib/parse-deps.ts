/**
 * Wiring of the parts owned by other modules (inline parser, directives).
 */
import './directives/run.js'
import { Inliner } from './inline/inliner.js'
import type { InlinerLike } from './states/types.js'

/** The inline parser for a new document (docutils: states.Inliner). */
export function createInliner(): InlinerLike {
  return new Inliner() as unknown as InlinerLike
}
