/**
 * What role functions use from the `Inliner` (docutils: roles.py module
 * docstring — `reporter`, `problematic`, `document`, `parent`).
 */
import type { DocumentContext } from '../document.js'
import type { RstElement } from '../nodes.js'
import type { Reporter } from '../reporter.js'

export interface RoleInliner {
  readonly document: DocumentContext
  readonly reporter: Reporter
  /** The element the inline text goes into. */
  readonly parent: RstElement
  /** docutils: Inliner.rfc_url (`rfc%d.html`). */
  readonly rfcUrl: string
  /**
   * docutils: Inliner.problematic — a `problematic` node linked to `message`.
   *
   * @param text Text of the node.
   * @param rawsource Raw source (unused in the tree).
   * @param message The system message to link.
   * @returns The `problematic` element.
   */
  problematic(text: string, rawsource: string, message: RstElement): RstElement
}
