/**
 * Shared types of the rST states (docutils: states.py `RSTState.memo`).
 */
import type { DocumentContext } from '../document.js'
import type { RstLanguageModule } from '../languages/types.js'
import type { RstElement, RstNode } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import type { Settings } from '../settings.js'
import type { RSTStateMachine as RSTStateMachineLike } from './rst-state.js'

/** docutils: states.Inliner (the part the block parser calls). */
export interface InlinerLike {
  initCustomizations(settings: Settings): void
  parse(text: string, lineno: number, memo: Memo, parent: RstElement): [RstNode[], RstElement[]]
  /**
   * True when every node list `parse` returns is new, exact-size and not
   * kept by the inliner: a paragraph may then take it as its children
   * instead of copying it (`elOwning`). Absent: lists are copied.
   */
  readonly freshNodeLists?: boolean
}

/** docutils: `RSTStateMachine.memo` (a Struct). */
export interface Memo {
  document: DocumentContext
  reporter: Reporter
  language: RstLanguageModule | undefined
  /** Section title styles seen: one char (underline) or two chars (overline + underline). */
  titleStyles: string[]
  sectionLevel: number
  sectionBubbleUpKludge: boolean
  inliner: InlinerLike
  /** rstmdx: current depth of nested parses (see `maxNestingDepth`). */
  nestingDepth?: number
  /** Finished nested machines for reuse (docutils `RSTState.nested_sm_cache`; `rst-state.ts`). */
  nestedSmCache?: RSTStateMachineLike[]
  /** Finished list machines for reuse (`RSTState.nestedListParse`). */
  listMachinePool?: RSTStateMachineLike[]
  /** Per-document extras (e.g. roles, default role) — free for helpers. */
  [key: string]: unknown
}

/** docutils state context: a list of lines. */
export type Context = string[]
