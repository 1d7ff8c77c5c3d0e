/**
 * Types shared by the directive modules.
 *
 * docutils: parsers/rst/__init__.py `Directive` (the spec half: class
 * attributes) and the parts of `RSTState`/`RSTStateMachine` a directive uses.
 * The state types are structural so the directive code does not import the
 * core's state classes (which import us).
 */
import type { DocumentContext } from '../document.js'
import type { RstElement, RstNode } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import type { IndentedBlock, StringList } from '../statemachine.js'
import type { Memo } from '../states/types.js'
import type { RstLanguageModule } from '../languages/types.js'
import type { Converter } from './converters.js'
import type { Directive } from './directive.js'

/** docutils: statemachine.StringList (the core's class). */
export type StringListLike = StringList

export type { RstLanguageModule } from '../languages/types.js'

/** docutils: RSTStateMachine (the parts directives use). */
export interface DirectiveStateMachine {
  absLineNumber(): number
  lineOffset: number
  inputLines: StringList
  line: string | undefined
  /** docutils `state_machine.node`: the current parent node. */
  node: RstElement
  language?: RstLanguageModule
  isNextLineBlank(): boolean
  getSourceAndLine(lineno?: number): [string | undefined, number | undefined]
  insertInput(lines: readonly string[] | StringList, source: string): void
  getFirstKnownIndented(indent: number, untilBlank?: boolean, stripIndent?: boolean, stripTop?: boolean): IndentedBlock
}

/** docutils: RSTState / Body (the parts directives use). */
export interface DirectiveState {
  readonly document: DocumentContext
  readonly reporter: Reporter
  readonly memo: Memo
  /** docutils state class name (`Body`, `SubstitutionDef`, …). */
  readonly name: string
  parent: RstElement
  readonly stateMachine: DirectiveStateMachine
  nestedParse(block: StringList, inputOffset: number, node: RstElement, matchTitles?: boolean): number | void
  /** docutils: RSTState.nested_list_parse → (new line offset, blank finish). */
  nestedListParse(
    block: StringList,
    inputOffset: number,
    node: RstElement,
    initialState: string,
    blankFinish: boolean
  ): [number, boolean]
  inlineText(text: string, lineno: number): [RstNode[], RstElement[]]
  parseTarget(block: string[], blockText: string, lineno: number): [string, string | RstElement]
  blockQuote(indented: StringListLike, lineOffset: number): RstNode[]
  nestLineBlockLines(block: RstElement): void
}

/** Directive option spec: option name → converter (`null`: explicitly disabled). */
export type OptionSpec = Record<string, Converter | null>

/**
 * A directive: docutils `Directive` class attributes plus `run`.
 */
export interface DirectiveSpec {
  /** docutils class name, for messages and debugging. */
  readonly className?: string
  readonly requiredArguments: number
  readonly optionalArguments: number
  readonly finalArgumentWhitespace: boolean
  /** `undefined` = docutils `None` (no options). */
  readonly optionSpec?: OptionSpec
  readonly hasContent: boolean
  /**
   * docutils: Directive.run — return nodes to insert; throw a
   * `DirectiveError` (via `directive.error(...)`) for a single message.
   */
  run(directive: Directive): RstNode[]
}

/** Converted option values (docutils `self.options`). */
export type DirectiveOptions = Record<string, unknown>
