/**
 * docutils: parsers/rst/__init__.py `Parser.parse` (+ utils.new_document).
 */
import { DocumentContext } from './document.js'
import type { RstElement } from './nodes.js'
import type { Reporter } from './reporter.js'
import type { Settings } from './settings.js'
import './states/index.js'
import { RSTStateMachine, stateClasses } from './states/rst-state.js'
import type { InlinerLike } from './states/types.js'
import { appendChildren } from './util/node-info.js'
import { lengthOf, string2lines, type LineTable } from './util/strings.js'
import { addPositions } from './positions.js'
import { createInliner } from './parse-deps.js'

/** Options of `parse`. */
export interface ParseOptions {
  /** Source path or description (the document's `source` attribute); default `<string>`. */
  source?: string
  /** docutils settings overrides (snake_case). `halt_level` defaults to 5 here (never throw); set 4 for docutils' default. */
  settings?: Partial<Settings>
  /** Custom reporter. */
  reporter?: Reporter
  /** Custom inliner (default: the rST inline parser). */
  inliner?: InlinerLike
  /** Fill `position` on every node (default true). */
  positions?: boolean
}

/** Result of `parseDocument`: the tree plus the document context. */
export interface ParseResult {
  tree: RstElement
  document: DocumentContext
}

/**
 * Parse reStructuredText into a docutils doctree, returning the context too.
 *
 * @param value Input text (already decoded).
 * @param options Source, settings, …
 * @returns The document context (root in `.root`).
 */
export function parseDocument(value: string, options: ParseOptions = {}): DocumentContext {
  const source = options.source ?? '<string>'
  // rstmdx: the parser never throws on input unless asked to (docutils' default halt_level is 4).
  const settingsOverrides: Partial<Settings> = { halt_level: 5, ...(options.settings ?? {}) }
  const document = new DocumentContext(source, settingsOverrides, options.reporter)
  const settings = document.settings
  document.reporter.attachObserver((message) => document.noteParseMessage(message))
  // The line table for positions comes from the same pass over the input.
  const table: LineTable | undefined = options.positions === false ? undefined : { starts: [], ends: [] }
  const inputLines = string2lines(value, settings.tab_width ?? 8, true, table)
  let tooLong = -1
  const lineLengthLimit = settings.line_length_limit
  for (let index = 0; index < inputLines.length; index++) {
    if (lengthOf(inputLines[index]) > lineLengthLimit) {
      tooLong = index
      break
    }
  }
  if (tooLong !== -1) {
    const error = document.reporter.error(`Line ${tooLong + 1} exceeds the line-length-limit.`)
    appendChildren(document.root, error)
  } else {
    const machine = new RSTStateMachine(stateClasses(), 'Body', false)
    machine.run(inputLines, document, 0, true, options.inliner ?? createInliner())
  }
  if (options.positions !== false) addPositions(document.root, value, inputLines, table)
  return document
}

/**
 * Parse reStructuredText into a docutils doctree (unist).
 *
 * @param value Input text (already decoded).
 * @param options `source` (default `<string>`), `settings` (docutils names).
 * @returns The `document` root.
 */
export function parse(value: string, options: ParseOptions = {}): RstElement {
  return parseDocument(value, options).root
}
