/**
 * docutils: states.py `RSTStateMachine`, `NestedStateMachine`, `RSTState`.
 */
import type { DocumentContext } from '../document.js'
import { getRstLanguage } from '../languages/index.js'
import type { RstLanguageModule } from '../languages/types.js'
import { astext, element, isFixedTextType, text, type Attributes, type RstElement, type RstNode } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import { State, StateMachine, StateMachineError, StringList, emptyResults, transitionResult, type TransitionResult } from '../statemachine.js'
import { appendChild, appendChildren, getParent, ownSourceLine, setParent, setPositionHint, setSourceLine } from '../util/node-info.js'
import { emptyList, listOf1, listCopy } from '../util/arrays.js'
import { codeAt, fullyNormalizeName, lengthOf, pyRstrip } from '../util/strings.js'
import { FallbackInliner } from './fallback-inliner.js'
import type { Context, InlinerLike, Memo } from './types.js'
import { appendListAttribute } from '../document.js'

/** Constructor of an rST state class. */
export type RSTStateClass = new (stateMachine: RSTStateMachine, debug?: boolean) => RSTState

let registeredStateClasses: RSTStateClass[] = []

/** Register docutils' `state_classes` (done by `states/index.ts`, avoids import cycles). */
export function registerStateClasses(classes: RSTStateClass[]): void {
  registeredStateClasses = classes
}

/** docutils: states.state_classes */
export function stateClasses(): RSTStateClass[] {
  return registeredStateClasses
}

/** Options for `nestedParse` / machine creation (docutils `state_machine_kwargs`). */
export interface StateMachineKwargs {
  stateClasses: RSTStateClass[]
  initialState: string
}

const classNames = new WeakMap<RSTStateClass, string>()

/** docutils class name of a state class (its `name`). */
function stateClassName(StateClass: RSTStateClass): string {
  let name = classNames.get(StateClass)
  if (name === undefined) {
    name = StateClass.name
    classNames.set(StateClass, name)
  }
  return name
}

/** State classes by docutils class name, per `state_classes` list (built once per list). */
const classMaps = new WeakMap<RSTStateClass[], Map<string, RSTStateClass>>()

function classMap(classes: RSTStateClass[]): Map<string, RSTStateClass> {
  let map = classMaps.get(classes)
  if (map === undefined) {
    map = new Map()
    for (const StateClass of classes) {
      const name = stateClassName(StateClass)
      if (map.has(name)) throw new StateMachineError(`Duplicate state: ${name}`)
      map.set(name, StateClass)
    }
    classMaps.set(classes, map)
  }
  return map
}

let sharedNestedSmKwargs: StateMachineKwargs | undefined

/** docutils `RSTState.nested_sm_kwargs` default, `{state_classes, initial_state: 'Body'}`. */
function defaultNestedSmKwargs(): StateMachineKwargs {
  const classes = registeredStateClasses
  if (sharedNestedSmKwargs === undefined || sharedNestedSmKwargs.stateClasses !== classes) {
    sharedNestedSmKwargs = { stateClasses: classes, initialState: 'Body' }
  }
  return sharedNestedSmKwargs
}

/**
 * The empty context transitions pass on when they end a block (docutils
 * `[]`): shared and frozen. Only the contexts made by `Body.text`/`line`,
 * `DefinitionList.text` and `QuotedLiteralBlock.initialQuoted` (fresh
 * arrays) are ever changed in place.
 */
export const emptyContext: Context = Object.freeze([]) as unknown as Context

/** What `RSTState.bof` returns: the empty context, no results (shared). */
const bofResult: [Context, unknown[]] = Object.freeze([emptyContext, emptyResults]) as unknown as [Context, unknown[]]

/**
 * The memo of one parse. A class, not an object literal: V8 may pretenure a
 * literal's allocation site (the memo lives through the parse), and an old
 * memo pointing at the young document keeps every finished document's tree
 * alive through the scavenges until the next full GC (see `util/arrays.ts`).
 */
class ParseMemo implements Memo {
  [key: string]: unknown
  readonly reporter: Reporter
  readonly titleStyles: string[] = emptyList()
  sectionLevel = 0
  sectionBubbleUpKludge = false
  nestingDepth = 0
  nestedSmCache: RSTStateMachine[] = emptyList()
  listMachinePool: RSTStateMachine[] = emptyList()

  constructor(
    readonly document: DocumentContext,
    readonly language: RstLanguageModule | undefined,
    readonly inliner: InlinerLike
  ) {
    this.reporter = document.reporter
  }
}

/** Nested parses deeper than this are not run (see `RSTState.nestingTooDeep`). */
export const maxNestingDepth = 256

/** Per-memo cache of nested machines (docutils `RSTState.nested_sm_cache`), kept on the memo. */
function nestedCache(memo: Memo): RSTStateMachine[] {
  return (memo.nestedSmCache ??= [])
}

/** Per-memo pool of finished list machines (see `RSTState.nestedListParse`), kept on the memo. */
function listMachinePool(memo: Memo): RSTStateMachine[] {
  return (memo.listMachinePool ??= [])
}

/**
 * docutils: states.RSTStateMachine (and NestedStateMachine: `parentStateMachine` set).
 */
export class RSTStateMachine extends StateMachine<Context> {
  // (Fields are assigned in the constructor, not declared with initializers.)
  declare sectionLevelOffset: number
  declare matchTitles: boolean
  declare language: RstLanguageModule | undefined
  declare memo: Memo
  declare document: DocumentContext
  declare reporter: Reporter
  /** docutils `state_machine.node`: the current parent node. */
  declare node: RstElement
  declare parentStateMachine: RSTStateMachine | undefined

  /** State classes by name (docutils `add_states(state_classes)`; instances are made on first use). */
  private declare readonly classes: Map<string, RSTStateClass>
  /** Incremented by `reset`: states of an older generation are reset on first use. */
  declare generation: number
  /** The memo all states were last initialized for (`runtimeInit`); undefined after a state was added. */
  private declare initializedFor: Memo | undefined

  constructor(classes: RSTStateClass[], initialState: string, debug = false, parentStateMachine?: RSTStateMachine) {
    super(initialState, debug)
    this.sectionLevelOffset = 0
    this.matchTitles = true
    this.language = undefined
    this.parentStateMachine = parentStateMachine
    this.generation = 0
    this.initializedFor = undefined
    // One shared name → class map instead of a factory closure per class and
    // machine: a machine is made for every nested list.
    this.classes = classMap(classes)
  }

  /**
   * Make a finished machine equivalent to a new one (same state classes):
   * new state instances are created on first use.
   */
  reset(initialState: string, parentStateMachine: RSTStateMachine | undefined): void {
    // States are reset on their first use in the new run (`stateByName`):
    // to what a new instance would be, or replaced when they cannot be.
    this.generation++
    this.initialState = initialState
    this.currentState = initialState
    this.parentStateMachine = parentStateMachine
    this.sectionLevelOffset = 0
    this.matchTitles = true
    this.inputOffset = 0
    this.line = undefined
    this.lineOffset = -1
    this.transitionLineOffset = -1
  }

  protected override createState(name: string): RSTState | undefined {
    const StateClass = this.classes.get(name)
    const state = StateClass ? new StateClass(this, this.debug) : super.createState(name) as RSTState | undefined
    if (state !== undefined) {
      state.generation = this.generation
      if (!this.running) this.initializedFor = undefined // initialized by the next run's `runtimeInit`
    }
    return state
  }

  /**
   * docutils: StateMachine.runtime_init — `runtime_init` of every state. An
   * rST state's only depends on the memo (`RSTState.runtimeInit`), so a
   * machine run again with the same memo and no state added meanwhile (the
   * machines reused for nested parses) has nothing to do.
   */
  override runtimeInit(): void {
    if (this.initializedFor === this.memo && this.memo !== undefined) {
      this.running = true
      return
    }
    super.runtimeInit()
    this.initializedFor = this.memo
  }

  /** The state by name; one left from before the last `reset` is reset first (see there). */
  override stateByName(name: string): RSTState | undefined {
    const state = super.stateByName(name) as RSTState | undefined
    if (state === undefined || state.generation === this.generation) return state
    if (state.resetForReuse()) {
      state.generation = this.generation
      return state
    }
    this.states.delete(name)
    return super.stateByName(name) as RSTState | undefined
  }

  /** The state instance by docutils class name. */
  state(name: string): RSTState {
    return this.stateByName(name) as RSTState
  }

  /**
   * docutils: RSTStateMachine.run (top level).
   *
   * @param inputLines Document lines.
   * @param document Document context.
   * @param inputOffset Offset of the first line.
   * @param matchTitles Allow section titles.
   * @param inliner Inline parser.
   */
  run(inputLines: StringList | readonly string[], document: DocumentContext, inputOffset = 0, matchTitles = true, inliner?: InlinerLike): void {
    this.language = getRstLanguage(document.settings.language_code, document.reporter)
    this.matchTitles = matchTitles
    const theInliner = inliner ?? new FallbackInliner()
    theInliner.initCustomizations(document.settings)
    this.memo = new ParseMemo(document, this.language, theInliner)
    this.document = document
    this.sourceNotes = document // docutils attaches `document.note_source` as an observer
    this.reporter = document.reporter
    this.node = document.root
    this.runMachine(inputLines, inputOffset, undefined, String(document.root.attributes.source))
  }

  /** docutils: NestedStateMachine.run */
  runNested(inputLines: StringList, inputOffset: number, memo: Memo, node: RstElement, matchTitles = true): unknown[] {
    this.matchTitles = matchTitles
    this.memo = memo
    this.document = memo.document
    const document = this.document
    this.sourceNotes = document // docutils attaches `document.note_source` as an observer
    this.language = memo.language
    this.reporter = document.reporter
    this.node = node
    return this.runMachine(inputLines, inputOffset)
  }
}

/** docutils: Element.section_hierarchy (sections with a parent, outermost first). */
export function sectionHierarchy(node: RstElement): RstElement[] {
  const sections: RstElement[] = []
  let current: RstElement | undefined = node
  while (current && getParent(current) !== undefined) {
    if (current.type === 'section') sections.push(current)
    current = getParent(current)
  }
  return sections.reverse()
}

/** Create an element, recording children's parent (docutils node constructors). */
export function el(type: string, attributes?: Attributes, children?: RstNode[]): RstElement {
  // An exact-size copy of `children` (appending them one by one to `[]` makes room for 17: retained by the tree).
  return adopted(element(type, attributes, children === undefined || children.length === 0 ? emptyList<RstNode>() : listCopy(children)))
}

/**
 * `el(type, attributes, children)` taking `children` itself as the node's
 * children (no copy): only for a list nobody else holds and that is already
 * exact-size (an inliner's `freshNodeLists`, a `listOf1(node)`), where
 * `el`'s copy would be garbage at once. (An empty list may be a shared one:
 * the element gets its own.)
 */
export function elOwning(type: string, children: RstNode[], attributes?: Attributes): RstElement {
  return adopted(element(type, attributes, children.length === 0 ? emptyList<RstNode>() : children))
}

/**
 * What `el` and `elOwning` do to a new element: docutils' `xml:space`
 * default for fixed-text elements, and the parent record of its children.
 */
function adopted(node: RstElement): RstElement {
  if (isFixedTextType(node.type) && node.attributes['xml:space'] === undefined) node.attributes['xml:space'] = 'preserve'
  const children = node.children
  for (let index = 0; index < children.length; index++) setParent(children[index]!, node) // no spread: hot
  return node
}

/**
 * Replace the children array of a node filled by pushes (a nested parse) by
 * an exact-size copy when it is short: pushing onto `[]` makes a 17-slot
 * store, which the tree would keep (bounded work: at most 16 children).
 */
export function compactChildren(node: RstElement): void {
  const children = node.children
  if (children.length !== 0 && children.length < 17) node.children = listCopy(children)
}

/** docutils `TextElement(rawsource, text)`: a text child only when `text` is not empty. */
export function textElement(type: string, value: string, attributes?: Attributes, children?: RstNode[]): RstElement {
  // (no default `{}`/`[]`: `el` copies the attributes and starts from an empty children list anyway)
  if (!value) return el(type, attributes, children)
  // (`listOf1(text(value))` is fresh and exact-size: the element takes it)
  if (children === undefined || children.length === 0) return elOwning(type, listOf1(text(value)), attributes)
  return el(type, attributes, [text(value), ...children])
}

/**
 * docutils: states.RSTState — base of all rST states.
 */
export abstract class RSTState extends State<Context> {
  declare stateMachine: RSTStateMachine
  // (Fields are assigned in the constructor or `runtimeInit`, not declared with initializers.)
  declare nestedSmKwargs: StateMachineKwargs
  declare memo: Memo
  declare document: DocumentContext
  declare inliner: InlinerLike
  declare reporter: Reporter
  /** Set by list states (docutils `blank_finish` attribute). */
  declare blankFinish: boolean
  /** `RSTStateMachine.generation` this state was made or last reset for. */
  declare generation: number

  constructor(stateMachine: RSTStateMachine, debug = false) {
    super(stateMachine, debug)
    this.blankFinish = false
    this.generation = 0
    this.memo = undefined as unknown as Memo // set by `runtimeInit`
    // One shared (never mutated) object: a state is created for every nested list.
    this.nestedSmKwargs = defaultNestedSmKwargs()
  }

  /**
   * Make this state what a new instance of its class would be (pooled list
   * machines reuse their states; docutils makes a machine with new states
   * for every list). False when that is not possible.
   */
  resetForReuse(): boolean {
    if (this.hasOwnTransitions) return false
    this.blankFinish = false
    return true
  }

  override runtimeInit(): void {
    const memo = this.stateMachine.memo
    // Machines are reused for every nested parse of a document (same memo):
    // a state already initialized for this memo has nothing to do.
    if (this.memo === memo) return
    this.memo = memo
    this.document = memo.document
    this.inliner = memo.inliner
    this.reporter = this.document.reporter
    if (!this.reporter.getSourceAndLine) {
      const machine = this.stateMachine
      this.reporter.getSourceAndLine = (line?: number) => machine.getSourceAndLine(line)
    }
  }

  /** docutils: RSTState.parent (the state machine's node). */
  get parent(): RstElement {
    return this.stateMachine.node
  }

  set parent(value: RstElement) {
    this.stateMachine.node = value
  }

  /** `self.parent += nodes` (ignores undefined, like docutils ignores None). */
  addToParent(...nodes: Array<RstNode | undefined | null>): void {
    this.addAllToParent(nodes)
  }

  /** `addToParent(...nodes)` without the rest-argument copy (`nodes` must not change meanwhile). */
  addAllToParent(nodes: ReadonlyArray<RstNode | undefined | null>): void {
    let hinted = false
    let hintSource: string | undefined
    let hintLine: number | undefined
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]
      if (!node) continue
      const own = ownSourceLine(node)
      if (!own || own.source === undefined) {
        if (!hinted) {
          const machine = this.stateMachine
          const lineno = machine.transitionLineOffset + machine.inputOffset + 1
          hintSource = machine.sourceAt(lineno)
          hintLine = machine.sourceLineAt(lineno)
          hinted = true
        }
        if (hintLine !== undefined) setPositionHint(node, hintSource, hintLine)
      }
      appendChild(this.parent, node)
    }
  }

  /** docutils: RSTState.goto_line (EOF ignored). */
  gotoLine(absLineOffset: number): void {
    this.stateMachine.gotoLineIfAny(absLineOffset)
  }

  /** docutils: RSTState.no_match */
  override noMatch(context: Context, transitions: readonly string[]): TransitionResult<Context> {
    this.reporter.severe(
      `Internal error: no transition pattern match.  State: "${this.name}"; transitions: ${String(transitions)}; context: ${String(context)}; current line: ${JSON.stringify(this.stateMachine.line)}.`
    )
    return transitionResult(context, null)
  }

  /** docutils: RSTState.bof */
  override bof(_context: Context): [Context, unknown[]] {
    return bofResult // (the run loop reads it at once; the empty context is never changed in place)
  }

  /**
   * Record docutils' `node.source, node.line = state_machine.get_source_and_line(lineno)`.
   *
   * @param node Node.
   * @param lineno Absolute line number (default: the current line).
   */
  protected setSourceLineAt(node: RstNode, lineno?: number): void {
    setSourceLine(node, this.stateMachine.sourceAt(lineno), this.stateMachine.sourceLineAt(lineno))
  }

  /**
   * docutils: RSTState.nested_parse — parse `block` into `node` with a nested machine.
   *
   * @param block Lines (linked StringList).
   * @param inputOffset Absolute offset of the first line.
   * @param node Parent node (default: current parent).
   * @param matchTitles Allow section titles.
   * @param stateMachineKwargs Other states / initial state.
   * @returns New absolute line offset.
   */
  nestedParse(block: StringList, inputOffset: number, node?: RstElement, matchTitles = false, stateMachineKwargs?: StateMachineKwargs): number {
    if (!node) node = this.stateMachine.node
    if (this.nestingTooDeep(block, inputOffset, node)) return inputOffset + block.length
    this.memo.nestingDepth = (this.memo.nestingDepth ?? 0) + 1
    let result: number
    try {
      result = this.nestedParseUnchecked(block, inputOffset, node, matchTitles, stateMachineKwargs)
    } finally {
      this.memo.nestingDepth--
    }
    // A container filled by this parse (list item, table entry, field body, …)
    // got its children pushed one by one onto `[]`: V8 made a 17-slot store,
    // which the tree would keep. An exact copy replaces it (few children only:
    // bounded work; not the machine's own node, which more children follow).
    if (node !== this.parent && node !== this.stateMachine.node) compactChildren(node)
    return result
  }

  /**
   * rstmdx: every nested parse adds a few stack frames, so input nested
   * thousands of levels deep would overflow the stack (docutils itself stops
   * with a `RecursionError` at about 150 levels). Past `maxNestingDepth`
   * levels the block is not parsed: it is kept as a literal block in an
   * ERROR message, and parsing goes on after it (markdown-it's `maxNesting`).
   *
   * @returns Whether the block was handled that way.
   */
  private nestingTooDeep(block: StringList, inputOffset: number, node: RstElement): boolean {
    if ((this.memo.nestingDepth ?? 0) < maxNestingDepth) return false
    const message = this.reporter.error(
      `Maximum nesting depth (${maxNestingDepth}) exceeded: nested content not parsed.`,
      [textElement('literal_block', block.lines().join('\n'))],
      { line: inputOffset + 1, ruleId: 'nesting-too-deep' }
    )
    appendChildren(node, message)
    return true
  }

  private nestedParseUnchecked(
    block: StringList, inputOffset: number, node: RstElement, matchTitles: boolean, stateMachineKwargs?: StateMachineKwargs
  ): number {
    const useDefault = stateMachineKwargs === undefined
    const kwargs = stateMachineKwargs ?? this.nestedSmKwargs
    let machine: RSTStateMachine | undefined
    const cache = nestedCache(this.memo)
    if (useDefault) machine = cache.pop()
    if (!machine) machine = new RSTStateMachine(kwargs.stateClasses, kwargs.initialState, this.debug, this.stateMachine)
    else machine.parentStateMachine = this.stateMachine
    if (node === this.stateMachine.node && node.type !== 'document' && node.type !== 'section') matchTitles = false
    if (matchTitles) {
      const lengthNode = sectionHierarchy(node).length
      const lengthStart = Math.min(sectionHierarchy(this.parent).length, this.memo.titleStyles.length)
      machine.sectionLevelOffset = lengthStart - lengthNode
    } else {
      machine.sectionLevelOffset = 0
    }
    const blockLength = block.length
    machine.runNested(block, inputOffset, this.memo, node, matchTitles)
    if (matchTitles && node === this.stateMachine.node) {
      let sm: RSTStateMachine | undefined = this.stateMachine
      while (sm) {
        sm.node = machine.node
        sm = sm.parentStateMachine
      }
    }
    const newOffset = machine.absLineOffset()
    if (useDefault) cache.push(machine)
    else machine.unlink()
    if (block.parent && block.length - blockLength !== 0) this.stateMachine.nextLine(block.length - blockLength)
    return newOffset
  }

  /**
   * The rest of a list after its first item, as docutils' list methods
   * (`bullet`, `enumerator`, `field_marker`, …) all do it: the lines after the
   * current one go to a nested `initialState` machine that appends the items
   * to `node`, and this machine continues where that one stopped.
   *
   * @returns Whether the list ended with a blank line.
   */
  parseListRest(
    node: RstElement,
    initialState: string,
    blankFinish: boolean,
    blankFinishState?: string,
    extraSettings?: Record<string, unknown>
  ): boolean {
    const machine = this.stateMachine
    const [newLineOffset, finish] = this.nestedListParse(
      machine.inputLines.slice(machine.lineOffset + 1),
      machine.absLineOffset() + 1,
      node,
      initialState,
      blankFinish,
      blankFinishState,
      extraSettings
    )
    this.gotoLine(newLineOffset)
    return finish
  }

  /**
   * docutils: RSTState.nested_list_parse.
   *
   * @returns `[newAbsLineOffset, blankFinish]`.
   */
  nestedListParse(
    block: StringList,
    inputOffset: number,
    node: RstElement,
    initialState: string,
    blankFinish: boolean,
    blankFinishState?: string,
    extraSettings?: Record<string, unknown>,
    matchTitles = false,
    stateMachineKwargs?: StateMachineKwargs
  ): [number, boolean] {
    if (this.nestingTooDeep(block, inputOffset, node)) return [inputOffset + block.length, true]
    const kwargs = stateMachineKwargs ?? this.nestedSmKwargs
    // A machine per list (docutils); finished machines of the default
    // classes are reused with fresh states (state instances keep attributes).
    const pool = stateMachineKwargs === undefined ? listMachinePool(this.memo) : undefined
    let machine = pool?.pop()
    if (machine === undefined) machine = new RSTStateMachine(kwargs.stateClasses, initialState, this.debug, this.stateMachine)
    else machine.reset(initialState, this.stateMachine)
    const finishState = blankFinishState ?? initialState
    machine.state(finishState).blankFinish = blankFinish
    const initial = machine.state(initialState)
    if (extraSettings !== undefined) Object.assign(initial, extraSettings) // (no `{}` per list)
    this.memo.nestingDepth = (this.memo.nestingDepth ?? 0) + 1
    try {
      machine.runNested(block, inputOffset, this.memo, node, matchTitles)
    } finally {
      this.memo.nestingDepth--
    }
    if (node !== this.parent && node !== this.stateMachine.node) compactChildren(node) // (the list: see `nestedParse`)
    const finalBlankFinish = machine.state(finishState).blankFinish
    machine.unlink()
    const newOffset = machine.absLineOffset()
    if (pool !== undefined) pool.push(machine)
    return [newOffset, finalBlankFinish]
  }

  /** docutils: RSTState.section */
  section(title: string, source: string, style: string, lineno: number, messages: RstNode[]): void {
    if (this.checkSubsection(source, style, lineno)) {
      this.newSubsection(title, lineno, messages)
      // Position hints: the section starts at its overline (if any), the title at its line.
      const section = this.parent
      const src = this.stateMachine.sourceAt(lineno)
      const line = this.stateMachine.sourceLineAt(lineno)
      if (line !== undefined) {
        setPositionHint(section, src, style.length === 2 ? line - 1 : line, true)
        if (section.children[0]) setPositionHint(section.children[0], src, line, true)
      }
    }
  }

  /** docutils: RSTState.check_subsection */
  checkSubsection(source: string, style: string, lineno: number): boolean {
    const titleStyles = this.memo.titleStyles
    const parentSections = sectionHierarchy(this.parent)
    const oldlevel = parentSections.length + this.stateMachine.sectionLevelOffset
    const index = titleStyles.indexOf(style)
    const newlevel = index === -1 ? titleStyles.length + 1 : index + 1
    const styles = (): string => titleStyles.map((s) => s.split('').join('/')).join(' ')
    if (newlevel > oldlevel + 1) {
      this.addOneToParent(
        this.reporter.error(
          `Inconsistent title style: skip from level ${oldlevel} to ${newlevel}.`,
          [textElement('literal_block', source), textElement('paragraph', `Established title styles: ${styles()}`)],
          { line: lineno }
        )
      )
      return false
    }
    if (newlevel <= oldlevel) {
      const k = newlevel - oldlevel - 1 // negative index
      const target = parentSections.length + k >= 0 ? parentSections[parentSections.length + k] : undefined
      if (!target) {
        const details =
          `The parent of level ${newlevel} sections cannot be reached. The parser is at section level ${oldlevel} but the current node has only ${parentSections.length} parent section(s).` +
          '\nOne reason may be a high level section used in a directive that parses its content into a base node not attached to the document\n(up to Docutils 0.21, these sections were silently dropped).'
        this.addOneToParent(
          this.reporter.error(
            `A level ${newlevel} section cannot be used here.`,
            [textElement('literal_block', source), textElement('paragraph', `Established title styles: ${styles()}`), textElement('paragraph', details)],
            { line: lineno }
          )
        )
        return false
      }
      // The sections left here are complete (see `compactChildren`).
      for (let index = parentSections.length + k; index < parentSections.length; index++) compactChildren(parentSections[index]!)
      this.parent = getParent(target)!
      this.memo.sectionLevel = newlevel - 1
    }
    if (newlevel > titleStyles.length) titleStyles.push(style)
    return true
  }

  /** docutils: RSTState.title_inconsistent */
  titleInconsistent(sourcetext: string, lineno: number): RstElement {
    return this.reporter.error('Title level inconsistent:', [textElement('literal_block', sourcetext)], { line: lineno })
  }

  /** docutils: RSTState.new_subsection */
  newSubsection(title: string, lineno: number, messages: RstNode[]): void {
    const sectionNode = el('section')
    this.addOneToParent(sectionNode)
    const [textnodes, titleMessages] = this.inlineText(title, lineno)
    const titlenode = this.inlineElement('title', textnodes)
    const name = fullyNormalizeName(astext(titlenode))
    appendListAttribute(sectionNode, 'names', name)
    appendChildren(sectionNode, titlenode, ...messages, ...titleMessages)
    this.document.noteImplicitTarget(sectionNode, sectionNode)
    this.parent = sectionNode
    this.memo.sectionLevel += 1
  }

  /**
   * docutils: RSTState.paragraph.
   *
   * @returns `[nodes, literalnext]`.
   */
  paragraph(lines: readonly string[], lineno: number): [RstNode[], boolean] {
    const textValue = paragraphText(lines.join('\n'))
    if (textValue === undefined) return [[], true]
    const literalnext = paragraphLiteralNext
    const [textnodes, messages] = this.inlineText(textValue, lineno)
    const p = this.inlineElement('paragraph', textnodes)
    this.setSourceLineAt(p, lineno)
    const result: RstNode[] = [p] // `[p, ...messages]` without the spread
    for (let index = 0; index < messages.length; index++) result.push(messages[index]!)
    return [result, literalnext]
  }

  /**
   * `nodes, literalnext = self.paragraph(lines, lineno); self.parent += nodes`
   * (docutils `Text.blank`/`Text.text`) without the intermediate lists.
   *
   * @returns literalnext.
   */
  addParagraph(lines: readonly string[], lineno: number): boolean {
    return this.addParagraphText(lines.length === 1 ? lines[0]! : lines.join('\n'), lineno)
  }

  /** `addParagraph` with the lines already joined. */
  addParagraphText(joined: string, lineno: number): boolean {
    const textValue = paragraphText(joined)
    if (textValue === undefined) return true
    const literalnext = paragraphLiteralNext
    const inlined = this.inlineText(textValue, lineno)
    const p = this.inlineElement('paragraph', inlined[0])
    this.setSourceLineAt(p, lineno)
    this.addOneToParent(p)
    const messages = inlined[1]
    for (let index = 0; index < messages.length; index++) this.addOneToParent(messages[index]!)
    return literalnext
  }

  /** `addToParent(node)` without the rest-argument list (ignores undefined, like docutils ignores None). */
  addOneToParent(node: RstNode | undefined | null): void {
    if (!node) return
    const own = ownSourceLine(node)
    if (!own || own.source === undefined) {
      const machine = this.stateMachine
      const lineno = machine.transitionLineOffset + machine.inputOffset + 1
      const hintLine = machine.sourceLineAt(lineno)
      if (hintLine !== undefined) setPositionHint(node, machine.sourceAt(lineno), hintLine)
    }
    appendChild(this.parent, node)
  }

  /**
   * `el(type, undefined, nodes)` for the node list `inlineText` just returned:
   * the element takes the list itself when the inliner makes fresh exact-size
   * lists (`elOwning`), else gets a copy.
   */
  inlineElement(type: string, nodes: RstNode[]): RstElement {
    return this.inliner.freshNodeLists === true ? elOwning(type, nodes) : el(type, undefined, nodes)
  }

  /** docutils: RSTState.inline_text */
  inlineText(value: string, lineno: number): [RstNode[], RstElement[]] {
    return this.inliner.parse(value, lineno, this.memo, this.parent)
  }

  /** docutils: RSTState.unindent_warning */
  unindentWarning(nodeName: string): RstElement {
    const lineno = this.stateMachine.absLineNumber() + 1
    return this.reporter.warning(`${nodeName} ends without a blank line; unexpected unindent.`, [], { line: lineno })
  }
}

/** Set by `paragraphText`: whether the paragraph ended with `::` (a literal block follows). */
let paragraphLiteralNext = false

/**
 * The text of a paragraph of the (joined) lines `joined`, as docutils'
 * `RSTState.paragraph` makes it: right-stripped, a final `::` (the
 * literal-block marker) reduced to `:` or, after whitespace, removed; sets
 * `paragraphLiteralNext` (read it at once). Undefined when the paragraph is
 * `::` alone (no paragraph, a literal block follows).
 */
function paragraphText(joined: string): string | undefined {
  const data = pyRstrip(joined)
  paragraphLiteralNext = endsWithUnescapedDoubleColon(data)
  if (!paragraphLiteralNext) return data
  if (data.length === 2) return undefined
  const beforeColons = data[data.length - 3]
  return beforeColons === ' ' || beforeColons === '\n' ? pyRstrip(data.slice(0, -3)) : data.slice(0, -1)
}

/** `re.search(r'(?<!\\)(\\\\)*::$', data)` without a regex. */
function endsWithUnescapedDoubleColon(data: string): boolean {
  const length = lengthOf(data)
  if (length < 2 || codeAt(data, length - 1) !== 0x3a || codeAt(data, length - 2) !== 0x3a) return false
  let index = length - 3
  let backslashes = 0
  while (index >= 0 && codeAt(data, index) === 0x5c) {
    backslashes++
    index--
  }
  return backslashes % 2 === 0
}

export { setParent }
