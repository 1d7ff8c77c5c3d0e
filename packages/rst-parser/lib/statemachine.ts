/**
 * A finite state machine over lines of text.
 *
 * docutils: statemachine.py — `StateMachine`, `StateMachineWS`, `State`,
 * `StateWS`, `ViewList`, `StringList`. Python exceptions used for control
 * flow (`EOFError`, `TransitionCorrection`, `StateCorrection`,
 * `UnexpectedIndentationError`) are thrown as light objects (no stack
 * capture) and caught by the run loop, exactly where docutils catches them.
 * Every transition consumes at least the current line or corrects once, so
 * the run loop is linear in the number of lines.
 */
import { getColumnIndices, isWideChar } from './util/line-helpers.js'
import { isPySpace, pyLstrip, pyRstrip, pyStrip } from './util/strings.js'

/** Source and 0-based offset of a line. */
export type LineInfo = [source: string | undefined, offset: number | undefined]

/** docutils: EOFError used as a signal. */
export class EOFSignal {
  readonly kind = 'eof'
}
/** The shared EOF signal instance. */
export const eofSignal = new EOFSignal()

/** docutils: statemachine.TransitionCorrection — retry the line with one transition. */
export class TransitionCorrection {
  constructor(readonly transition: string) {}
}

/** docutils: statemachine.StateCorrection — retry the line in another state. */
export class StateCorrection {
  constructor(readonly state: string, readonly transition?: string) {}
}

/** docutils: statemachine.UnexpectedIndentationError (args: block, source, line). */
export class UnexpectedIndentationError {
  constructor(readonly block: StringList, readonly source: string | undefined, readonly line: number | undefined) {}
}

/** Programmer errors (docutils StateMachineError subclasses). */
export class StateMachineError extends Error {}

function normalizeSliceIndex(index: number | undefined, length: number, fallback: number): number {
  if (index === undefined) return fallback
  if (index < 0) index += length
  if (index < 0) return 0
  if (index > length) return length
  return index
}

/**
 * docutils: statemachine.ViewList + StringList — lines with their
 * (source, offset) items, and a link to the list they were sliced from
 * (changes propagate up, as in docutils).
 *
 * Slices are copy-on-write views: docutils copies `input_lines[offset:]`
 * for every nested list parse (quadratic on long documents); here a slice
 * shares the arrays until either side is modified.
 */
export class StringList {
  private _data: string[]
  private _items: LineInfo[]
  private _start = 0
  private _end: number
  /** The arrays belong to this list alone (not a view). */
  private _owned = true
  /** Views were made of this list's arrays: copy before writing. */
  private _shared = false
  parent: StringList | undefined
  parentOffset: number

  /**
   * @param initlist Lines (or another list to copy).
   * @param source Source of the lines (when `items` is not given).
   * @param items Explicit (source, offset) items.
   * @param parent List this is a slice of.
   * @param parentOffset Index of this slice in `parent`.
   */
  constructor(initlist?: readonly string[] | StringList, source?: string, items?: LineInfo[], parent?: StringList, parentOffset = 0) {
    this.parent = parent
    this.parentOffset = parentOffset
    if (initlist instanceof StringList) {
      this._data = initlist.data.slice()
      this._items = initlist.items.slice()
    } else if (initlist) {
      this._data = initlist.slice()
      if (items && items.length > 0) this._items = items
      else this._items = initlist.map((_, index): LineInfo => [source, index])
    } else {
      this._data = []
      this._items = []
    }
    this._end = this._data.length
  }

  /** A view on `[start, end)` of `base`'s arrays (internal). */
  private static view(base: StringList, start: number, end: number, parent: StringList, parentOffset: number): StringList {
    const list = new StringList(undefined, undefined, undefined, parent, parentOffset)
    list._data = base._data
    list._items = base._items
    list._start = base._start + start
    list._end = base._start + end
    list._owned = false
    base._shared = true
    return list
  }

  /** Make the arrays private to this list before writing. */
  private writable(): void {
    if (this._owned && !this._shared) return
    this._data = this._data.slice(this._start, this._end)
    this._items = this._items.slice(this._start, this._end)
    this._start = 0
    this._end = this._data.length
    this._owned = true
    this._shared = false
  }

  /** The lines (a mutable array private to this list). */
  get data(): string[] {
    this.writable()
    return this._data
  }

  set data(value: string[]) {
    this.writable()
    this._data = value
    this._end = value.length
  }

  /** The (source, offset) items (a mutable array private to this list). */
  get items(): LineInfo[] {
    this.writable()
    return this._items
  }

  set items(value: LineInfo[]) {
    this.writable()
    this._items = value
  }

  get length(): number {
    return this._end - this._start
  }

  /** Line `index` (0 ≤ index < length), read-only and without copying; undefined when out of range. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this._end - this._start) return undefined
    return this._data[this._start + index]
  }

  /** Lines as a fresh array (read-only use). */
  lines(): string[] {
    return this._data.slice(this._start, this._end)
  }

  /** Python `self[i]` for an int (negative allowed); undefined when out of range. */
  get(index: number): string | undefined {
    if (index < 0) index += this.length
    return this.at(index)
  }

  /** Python `self[i] = item` (propagates to the parent). */
  set(index: number, item: string): void {
    if (index < 0) index += this.length
    this.writable()
    this._data[index] = item
    if (this.parent) this.parent.set(index + this.parentOffset, item)
  }

  /** Python `self[start:end]` — a new list linked to this one. */
  slice(start?: number, end?: number): StringList {
    const length = this.length
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    return StringList.view(this, s, e, this, s)
  }

  /** Python `del self[start:end]` (propagates). */
  deleteRange(start?: number, end?: number): void {
    const length = this.length
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    this.writable()
    this._data.splice(s, e - s)
    this._items.splice(s, e - s)
    this._end = this._data.length
    if (this.parent) this.parent.deleteRange(s + this.parentOffset, e + this.parentOffset)
  }

  /** Python `self[start:end] = other` (propagates). */
  setRange(start: number | undefined, end: number | undefined, other: StringList): void {
    const length = this.length
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    this.writable()
    this._data.splice(s, e - s, ...other.lines())
    this._items.splice(s, e - s, ...other.itemList())
    this._end = this._data.length
    if (this.parent) this.parent.setRange(s + this.parentOffset, e + this.parentOffset, other)
  }

  /** Items as a fresh array (read-only use). */
  itemList(): LineInfo[] {
    return this._items.slice(this._start, this._end)
  }

  /** Python `self + other`. */
  concat(other: StringList): StringList {
    return new StringList(this.lines().concat(other.lines()), undefined, this.itemList().concat(other.itemList()))
  }

  /** docutils: ViewList.extend */
  extend(other: StringList): void {
    if (this.parent) this.parent.insertList(this.length + this.parentOffset, other)
    this.writable()
    this._data.push(...other.lines())
    this._items.push(...other.itemList())
    this._end = this._data.length
  }

  /** docutils: ViewList.append (with a source: one line). */
  append(item: string, source: string | undefined, offset = 0): void {
    if (this.parent) this.parent.insertLine(this.length + this.parentOffset, item, source, offset)
    this.writable()
    this._data.push(item)
    this._items.push([source, offset])
    this._end = this._data.length
  }

  /** docutils: ViewList.insert with a ViewList. */
  insertList(index: number, other: StringList): void {
    if (index < 0) index += this.length
    index = Math.min(Math.max(index, 0), this.length)
    this.writable()
    this._data.splice(index, 0, ...other.lines())
    this._items.splice(index, 0, ...other.itemList())
    this._end = this._data.length
    if (this.parent) {
      const length = this.length
      const parentIndex = (length + index) % length
      this.parent.insertList(parentIndex + this.parentOffset, other)
    }
  }

  /** docutils: ViewList.insert with a single line and its source. */
  insertLine(index: number, item: string, source: string | undefined, offset = 0): void {
    if (index < 0) index += this.length
    index = Math.min(Math.max(index, 0), this.length)
    this.writable()
    this._data.splice(index, 0, item)
    this._items.splice(index, 0, [source, offset])
    this._end = this._data.length
    if (this.parent) {
      const length = this.length
      const parentIndex = (length + index) % length
      this.parent.insertLine(parentIndex + this.parentOffset, item, source, offset)
    }
  }

  /** docutils: ViewList.pop */
  pop(index = -1): string {
    const length = this.length
    const normalized = (length + index) % length
    if (this.parent) this.parent.pop(normalized + this.parentOffset)
    this.writable()
    this._items.splice(normalized, 1)
    const value = this._data.splice(normalized, 1)[0]
    this._end = this._data.length
    return value
  }

  /** docutils: ViewList.trim_start — remove items from the start (parent untouched). */
  trimStart(n = 1): void {
    if (n > this.length) throw new RangeError(`Size of trim too large; can't trim ${n} items from a list of size ${this.length}.`)
    if (n < 0) throw new RangeError('Trim size must be >= 0.')
    if (this._owned && !this._shared) {
      this._data.splice(0, n)
      this._items.splice(0, n)
      this._end = this._data.length
    } else {
      // A view: just move the window.
      this._start += n
      this._owned = false
    }
    if (this.parent) this.parentOffset += n
  }

  /** docutils: ViewList.trim_end */
  trimEnd(n = 1): void {
    if (n > this.length) throw new RangeError(`Size of trim too large; can't trim ${n} items from a list of size ${this.length}.`)
    if (n < 0) throw new RangeError('Trim size must be >= 0.')
    if (n === 0) return // Python `del data[-0:]` would delete everything; docutils never calls with 0.
    if (this._owned && !this._shared) {
      this._data.splice(this._data.length - n, n)
      this._items.splice(this._items.length - n, n)
      this._end = this._data.length
    } else {
      this._end -= n
      this._owned = false
    }
  }

  /** docutils: ViewList.info — (source, offset); just past the end → (last source, undefined). */
  info(index: number): LineInfo {
    const length = this.length
    const normalized = index < 0 ? index + length : index
    if (normalized >= 0 && normalized < length) return this._items[this._start + normalized]
    if (index === length && length > 0) return [this._items[this._start + length - 1][0], undefined]
    throw new RangeError('list index out of range')
  }

  /** `info(index)`, or undefined where `info` would throw (no exception: callers probe past the ends). */
  infoIfAny(index: number): LineInfo | undefined {
    const length = this.length
    const normalized = index < 0 ? index + length : index
    if (normalized >= 0 && normalized < length) return this._items[this._start + normalized]
    if (index === length && length > 0) return [this._items[this._start + length - 1][0], undefined]
    return undefined
  }

  source(index: number): string | undefined {
    return this.info(index)[0]
  }

  offset(index: number): number | undefined {
    return this.info(index)[1]
  }

  disconnect(): void {
    this.parent = undefined
  }

  /** docutils: StringList.trim_left — remove `length` characters from lines [start, end). */
  trimLeft(length: number, start = 0, end = Number.MAX_SAFE_INTEGER): void {
    const data = this.data
    const stop = Math.min(end, data.length)
    for (let index = start; index < stop; index++) data[index] = data[index].slice(length)
  }

  /** docutils: StringList.get_text_block — throws `UnexpectedIndentationError` when `flushLeft`. */
  getTextBlock(start: number, flushLeft = false): StringList {
    let end = start
    const last = this.length
    while (end < last) {
      const line = this.at(end)!
      if (!pyStrip(line)) break
      if (flushLeft && line[0] === ' ') {
        const [source, offset] = this.info(end)
        throw new UnexpectedIndentationError(this.slice(start, end), source, (offset ?? 0) + 1)
      }
      end++
    }
    return this.slice(start, end)
  }

  /**
   * docutils: StringList.get_indented.
   *
   * @returns `[block, indent, blankFinish]`.
   */
  getIndented(start = 0, untilBlank = false, stripIndent = true, blockIndent?: number, firstIndent?: number): [StringList, number, boolean] {
    let indent = blockIndent
    let end = start
    if (blockIndent !== undefined && firstIndent === undefined) firstIndent = blockIndent
    if (firstIndent !== undefined) end++
    const last = this.length
    let blankFinish = true
    let broke = false
    // Leading-whitespace lengths instead of `lstrip`/`strip` copies of every line.
    while (end < last) {
      const line = this.at(end)!
      const lineIndent = pyLeadingSpaceLength(line)
      // `line[:blockIndent].strip()` is non-empty when a non-space comes before `blockIndent`.
      if (line && (line.charCodeAt(0) !== 0x20 || (blockIndent !== undefined && lineIndent < Math.min(blockIndent, line.length)))) {
        const previous = end > start ? this.at(end - 1)! : undefined
        blankFinish = previous !== undefined && pyLeadingSpaceLength(previous) === previous.length
        broke = true
        break
      }
      if (lineIndent === line.length) {
        if (untilBlank) {
          blankFinish = true
          broke = true
          break
        }
      } else if (blockIndent === undefined) {
        indent = indent === undefined ? lineIndent : Math.min(indent, lineIndent)
      }
      end++
    }
    if (!broke) blankFinish = true
    const block = this.slice(start, end)
    if (firstIndent !== undefined && block.length > 0) block.data[0] = block.at(0)!.slice(firstIndent)
    if (indent && stripIndent) block.trimLeft(indent, firstIndent !== undefined ? 1 : 0)
    return [block, indent ?? 0, blankFinish]
  }

  /** docutils: StringList.get_2D_block */
  get2DBlock(top: number, left: number, bottom: number, right: number, stripIndent = true): StringList {
    const block = this.slice(top, bottom)
    let indent = right
    for (let index = 0; index < block.data.length; index++) {
      let line = block.data[index]
      const adjusted = getColumnIndices(line)
      const leftIndex = left < adjusted.length ? adjusted[left] : left
      const rightIndex = right < adjusted.length ? adjusted[right] : line.length
      line = pyRstrip(line.slice(leftIndex, rightIndex))
      block.data[index] = line
      if (line) indent = Math.min(indent, line.length - pyLstrip(line).length)
    }
    if (stripIndent && indent > 0 && indent < right) block.data = block.data.map((line) => line.slice(indent))
    return block
  }

  /** docutils: StringList.pad_double_width */
  padDoubleWidth(padChar: string): void {
    for (let index = 0; index < this.data.length; index++) {
      const line = this.data[index]
      let result = ''
      let changed = false
      for (const ch of line) {
        result += ch
        if (isWideChar(ch)) {
          result += padChar
          changed = true
        }
      }
      if (changed) this.data[index] = result
    }
  }

  /** docutils: StringList.replace */
  replace(old: string, replacement: string): void {
    for (let index = 0; index < this.data.length; index++) this.data[index] = this.data[index].replaceAll(old, replacement)
  }
}

/** Length of the leading Python whitespace of `line` (`len(line) - len(line.lstrip())`). */
function pyLeadingSpaceLength(line: string): number {
  let index = 0
  while (index < line.length && isPySpace(line.charCodeAt(index))) index++
  return index
}

/** What a transition method returns: docutils `(context, next_state, result)`. */
export type TransitionResult<C> = [context: C, nextState: string | null, result: unknown[]]

/** A transition method: docutils `method(match, context, next_state)`. */
export type TransitionMethod<C> = (match: RegExpExecArray, context: C, nextState: string) => TransitionResult<C>

/** A compiled transition: pattern, method (or method name on the state), next state. */
export interface Transition<C> {
  pattern: RegExp
  method?: TransitionMethod<C>
  /** Name of the state's method implementing the transition (docutils `getattr(self, name)`). */
  methodName?: string
  nextState: string
}

/**
 * Can a line whose first UTF-16 code is `code` (NaN for an empty line)
 * match the pattern? Must be true whenever the pattern could match.
 */
export type LineStartFilter = (code: number) => boolean

const lineStartFilters = new WeakMap<RegExp, LineStartFilter>()

/**
 * Declare which first characters a transition pattern can match, so
 * `checkLine` skips the regex for other lines (most lines are tried against
 * a dozen patterns, in docutils' order; this keeps the order and the
 * patterns, only skipping ones that cannot match).
 *
 * @param pattern A `^`-anchored pattern.
 * @param filter Superset of the first codes it can match.
 */
export function registerLineStartFilter(pattern: RegExp, filter: LineStartFilter): void {
  lineStartFilters.set(pattern, filter)
}

/** End of a match from an anchored regex (docutils `match.end()`). */
export function matchEnd(match: RegExpExecArray): number {
  return match.index + match[0].length
}

/** Match a `^`-anchored pattern against a line (docutils `pattern.match(line)`). */
export function matchLine(pattern: RegExp, line: string): RegExpExecArray | null {
  pattern.lastIndex = 0
  return pattern.exec(line)
}

/** Transition tables shared by all instances of a state class (built once). */
const classTransitions = new WeakMap<object, { order: string[]; map: Map<string, Transition<unknown>> }>()

/**
 * docutils: statemachine.State / StateWS (combined: every rST state is a StateWS).
 */
export abstract class State<C = unknown> {
  /** docutils class name, e.g. `Body`. */
  abstract readonly name: string
  // Shared empty tables until `addInitialTransitions` installs the class's
  // (cached) ones: states are created for every nested list, so allocating
  // tables that are replaced right away was measurable.
  transitionOrder: string[] = emptyOrder
  transitions: Map<string, Transition<C>> = emptyTransitions as Map<string, Transition<C>>
  stateMachine: StateMachine<C>
  debug: boolean
  private sharedTransitions = true
  /** `transitionOrder` resolved to transitions and filters (rebuilt after changes). */
  private ordered: OrderedTransitions<C> | undefined

  constructor(stateMachine: StateMachine<C>, debug = false) {
    this.stateMachine = stateMachine
    this.debug = debug
  }

  /** Patterns by transition name (docutils `patterns`, plus `ws_patterns`). */
  abstract getPatterns(): Record<string, RegExp>
  /** docutils `initial_transitions` (names or [name, nextState]). */
  abstract getInitialTransitions(): ReadonlyArray<string | readonly [string, string]>

  /** docutils: State.add_initial_transitions + StateWS (blank, indent first); cached per class. */
  addInitialTransitions(): void {
    const key = this.constructor
    const cached = classTransitions.get(key)
    if (cached) {
      this.transitionOrder = cached.order
      this.transitions = cached.map as Map<string, Transition<C>>
      this.sharedTransitions = true
      return
    }
    const initial = this.getInitialTransitions()
    if (initial.length > 0) this.addTransitions(initial)
    this.addTransitions(this.wsInitialTransitions())
    classTransitions.set(key, { order: this.transitionOrder, map: this.transitions as Map<string, Transition<unknown>> })
    this.sharedTransitions = true
  }

  private unshare(): void {
    this.ordered = undefined
    if (!this.sharedTransitions) return
    this.transitionOrder = this.transitionOrder.slice()
    this.transitions = new Map(this.transitions)
    this.sharedTransitions = false
  }

  /** The transitions of `transitionOrder` with their line-start filters (cached). */
  orderedTransitions(): OrderedTransitions<C> {
    let ordered = this.ordered
    if (ordered !== undefined && ordered.order === this.transitionOrder) return ordered
    const order = this.transitionOrder
    // The class's shared tables are never changed in place (`unshare` copies
    // first), so their resolved form is computed once for all instances.
    if (this.sharedTransitions) ordered = sharedOrdered.get(order) as OrderedTransitions<C> | undefined
    if (ordered === undefined || ordered.map !== this.transitions) {
      const transitions = order.map((name) => this.transitions.get(name)!)
      ordered = { order, map: this.transitions, transitions, filters: transitions.map((transition) => lineStartFilters.get(transition.pattern)) }
      if (this.sharedTransitions) sharedOrdered.set(order, ordered as OrderedTransitions<unknown>)
    }
    this.ordered = ordered
    return ordered
  }

  /** docutils: StateWS.ws_initial_transitions */
  wsInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return ['blank', 'indent']
  }

  /** docutils: State.add_transitions (prepends, keeps order). */
  addTransitions(nameList: ReadonlyArray<string | readonly [string, string]>): void {
    this.unshare()
    const names: string[] = []
    for (const entry of nameList) {
      const [name, nextState] = typeof entry === 'string' ? [entry, this.name] : entry
      if (this.transitions.has(name)) throw new StateMachineError(`Duplicate transition: ${name}`)
      this.transitions.set(name, this.makeTransition(name, nextState))
      names.push(name)
    }
    this.transitionOrder.unshift(...names)
  }

  /** docutils: State.add_transition */
  addTransition(name: string, transition: Transition<C>): void {
    this.unshare()
    if (this.transitions.has(name)) throw new StateMachineError(`Duplicate transition: ${name}`)
    this.transitionOrder.unshift(name)
    this.transitions.set(name, transition)
  }

  /** docutils: State.remove_transition */
  removeTransition(name: string): void {
    this.unshare()
    if (!this.transitions.delete(name)) throw new StateMachineError(`Unknown transition: ${name}`)
    this.transitionOrder.splice(this.transitionOrder.indexOf(name), 1)
  }

  /** docutils: State.make_transition — method looked up by transition name. */
  makeTransition(name: string, nextState: string = this.name): Transition<C> {
    const pattern = this.getPatterns()[name]
    if (!pattern) throw new StateMachineError(`${this.name}.patterns[${name}]`)
    const methodName = camelCase(name)
    if (typeof (this as unknown as Record<string, unknown>)[methodName] !== 'function') throw new StateMachineError(`${this.name}.${name}`)
    return { pattern, methodName, nextState }
  }

  /** The method implementing transition `name` (docutils `getattr(self, name)`). */
  transitionMethod(name: string): TransitionMethod<C> | undefined {
    const method = (this as unknown as Record<string, unknown>)[camelCase(name)]
    if (typeof method !== 'function') return undefined
    return (method as TransitionMethod<C>).bind(this)
  }

  /** Apply a transition (bound method or method by name). */
  applyTransition(transition: Transition<C>, match: RegExpExecArray, context: C): TransitionResult<C> {
    if (transition.method) return transition.method(match, context, transition.nextState)
    const method = (this as unknown as Record<string, TransitionMethod<C>>)[transition.methodName!]
    return method.call(this, match, context, transition.nextState)
  }

  runtimeInit(): void {}

  unlink(): void {}

  /** docutils: State.no_match */
  noMatch(context: C, _transitions: readonly string[]): TransitionResult<C> {
    return [context, null, []]
  }

  /** docutils: State.bof */
  bof(context: C): [C, unknown[]] {
    return [context, []]
  }

  /** docutils: State.eof */
  eof(_context: C): unknown[] {
    return []
  }

  /** docutils: State.nop */
  nop(_match: RegExpExecArray, context: C, nextState: string): TransitionResult<C> {
    return [context, nextState, []]
  }
}

/** A state's transitions in order, with their line-start filters. */
export interface OrderedTransitions<C> {
  order: readonly string[]
  map: ReadonlyMap<string, Transition<C>>
  transitions: ReadonlyArray<Transition<C>>
  filters: ReadonlyArray<LineStartFilter | undefined>
}

const sharedOrdered = new WeakMap<readonly string[], OrderedTransitions<unknown>>()
const emptyOrder: string[] = []
const emptyTransitions = new Map<string, Transition<unknown>>()

/**
 * `target.push(...items)` without the spread: transition results are
 * nearly always empty, and spreading builds an arguments list every line.
 */
function pushAll(target: unknown[], items: readonly unknown[]): void {
  for (let index = 0; index < items.length; index++) target.push(items[index])
}

/** snake_case → camelCase (transition names → method names). */
export function camelCase(name: string): string {
  let result = camelCache.get(name)
  if (result === undefined) {
    result = name.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
    camelCache.set(name, result)
  }
  return result
}
const camelCache = new Map<string, string>()

/** Result of `getIndented` / `getFirstKnownIndented`. */
export interface IndentedBlock {
  indented: StringList
  indent: number
  lineOffset: number
  blankFinish: boolean
}

/**
 * docutils: statemachine.StateMachine + StateMachineWS.
 */
export class StateMachine<C = unknown> {
  inputLines: StringList = new StringList()
  inputOffset = 0
  line: string | undefined = undefined
  lineOffset = -1
  /** Line offset where the current transition started (for position hints). */
  transitionLineOffset = -1
  debug: boolean
  initialState: string
  currentState: string
  states = new Map<string, State<C>>()
  /** States not created yet (created on first use; docutils creates all up front). */
  stateFactories = new Map<string, () => State<C>>()
  running = false
  observers: Array<(source: string | undefined, offset: number | undefined) => void> = []

  constructor(initialState: string, debug = false) {
    this.initialState = initialState
    this.currentState = initialState
    this.debug = debug
  }

  /** docutils: StateMachine.add_state */
  addState(state: State<C>): void {
    if (this.states.has(state.name)) throw new StateMachineError(`Duplicate state: ${state.name}`)
    state.addInitialTransitions()
    this.states.set(state.name, state)
  }

  /** Register a state created on first use (same observable behaviour as `addState`). */
  addStateFactory(name: string, factory: () => State<C>): void {
    if (this.states.has(name) || this.stateFactories.has(name)) throw new StateMachineError(`Duplicate state: ${name}`)
    this.stateFactories.set(name, factory)
  }

  /** The state by name, creating it if needed. */
  stateByName(name: string): State<C> | undefined {
    let state = this.states.get(name)
    if (state) return state
    state = this.createState(name)
    if (!state) return undefined
    state.addInitialTransitions()
    this.states.set(name, state)
    if (this.running) state.runtimeInit()
    return state
  }

  /** A new instance of state `name`, from the registered factories (undefined: unknown). */
  protected createState(name: string): State<C> | undefined {
    const factory = this.stateFactories.get(name)
    return factory ? factory() : undefined
  }

  unlink(): void {
    for (const state of this.states.values()) state.unlink()
  }

  runtimeInit(): void {
    for (const state of this.states.values()) state.runtimeInit()
    this.running = true
  }

  /**
   * docutils: StateMachine.run — the main loop.
   *
   * @param inputLines Lines (a StringList is used as is, linked).
   * @param inputOffset Absolute offset of the first line.
   * @param context Initial context.
   * @param inputSource Source for plain string lines.
   * @param initialState State to start in.
   * @returns Accumulated results.
   */
  runMachine(inputLines: StringList | readonly string[], inputOffset = 0, context?: C, inputSource?: string, initialState?: string): unknown[] {
    this.runtimeInit()
    this.inputLines = inputLines instanceof StringList ? inputLines : new StringList(inputLines, inputSource)
    this.inputOffset = inputOffset
    this.lineOffset = -1
    this.currentState = initialState ?? this.initialState
    let transitions: readonly string[] | undefined
    const results: unknown[] = []
    let state = this.getState()
    let ctx: C
    {
      const [c, result] = state.bof(context as C)
      ctx = c
      pushAll(results, result)
    }
    while (true) {
      let nextState: string | null = null
      try {
        try {
          this.nextLine()
          const [c, n, result] = this.checkLine(ctx, state, transitions)
          ctx = c
          nextState = n
          pushAll(results, result)
        } catch (error) {
          if (error instanceof EOFSignal) {
            pushAll(results, state.eof(ctx))
            break
          }
          throw error
        }
        transitions = undefined
      } catch (error) {
        if (error instanceof TransitionCorrection) {
          this.previousLine()
          transitions = [error.transition]
          continue
        }
        if (error instanceof StateCorrection) {
          this.previousLine()
          nextState = error.state
          transitions = error.transition === undefined ? undefined : [error.transition]
        } else {
          throw error
        }
      }
      state = this.getState(nextState)
    }
    this.observers = []
    this.running = false
    return results
  }

  /** docutils: StateMachine.get_state */
  getState(nextState?: string | null): State<C> {
    if (nextState) this.currentState = nextState
    const state = this.stateByName(this.currentState)
    if (!state) throw new StateMachineError(`Unknown state: ${this.currentState}`)
    return state
  }

  /** docutils: StateMachine.next_line — throws `eofSignal` past the end. */
  nextLine(n = 1): string {
    this.lineOffset += n
    const line = this.inputLines.get(this.lineOffset)
    if (line === undefined) {
      this.line = undefined
      this.notifyObservers()
      throw eofSignal
    }
    this.line = line
    this.notifyObservers()
    return line
  }

  /** docutils: StateMachine.is_next_line_blank */
  isNextLineBlank(): boolean {
    const line = this.inputLines.at(this.lineOffset + 1)
    if (line === undefined) return true
    return !pyStrip(line)
  }

  /** docutils: StateMachine.at_eof */
  atEof(): boolean {
    return this.lineOffset >= this.inputLines.length - 1
  }

  /** docutils: StateMachine.at_bof */
  atBof(): boolean {
    return this.lineOffset <= 0
  }

  /** docutils: StateMachine.previous_line */
  previousLine(n = 1): string | undefined {
    this.lineOffset -= n
    this.line = this.lineOffset < 0 ? undefined : this.inputLines.at(this.lineOffset)
    this.notifyObservers()
    return this.line
  }

  /** docutils: StateMachine.goto_line — throws `eofSignal` past the end. */
  gotoLine(lineOffset: number): string {
    this.lineOffset = lineOffset - this.inputOffset
    const line = this.inputLines.get(this.lineOffset)
    if (line === undefined || this.lineOffset >= this.inputLines.length) {
      this.line = undefined
      this.notifyObservers()
      throw eofSignal
    }
    this.line = line
    this.notifyObservers()
    return line
  }

  /** docutils: StateMachine.get_source */
  getSource(lineOffset: number): string | undefined {
    return this.inputLines.source(lineOffset - this.inputOffset)
  }

  /** docutils: StateMachine.abs_line_offset */
  absLineOffset(): number {
    return this.lineOffset + this.inputOffset
  }

  /** docutils: StateMachine.abs_line_number */
  absLineNumber(): number {
    return this.lineOffset + this.inputOffset + 1
  }

  /**
   * docutils: StateMachine.get_source_and_line.
   *
   * @param lineno Absolute 1-based line number (default: current line).
   * @returns (source, 1-based line in that source).
   */
  getSourceAndLine(lineno?: number): [string | undefined, number | undefined] {
    const offset = lineno === undefined || lineno === null ? this.lineOffset : lineno - this.inputOffset - 1
    const info = this.inputLines.infoIfAny(offset)
    if (info === undefined) return [undefined, undefined]
    const [source, sourceOffset] = info
    if (sourceOffset === undefined || sourceOffset === null) {
      // docutils: TypeError branch (just past the end).
      const [s, l] = this.getSourceAndLine(offset + this.inputOffset)
      return [s, l === undefined ? undefined : l + 1]
    }
    return [source, sourceOffset + 1]
  }

  /** docutils: StateMachine.insert_input */
  insertInput(inputLines: readonly string[] | StringList, source: string): void {
    this.inputLines.insertLine(this.lineOffset + 1, '', 'internal padding after ' + source, inputLines.length)
    this.inputLines.insertLine(this.lineOffset + 1, '', 'internal padding before ' + source, -1)
    this.inputLines.insertList(this.lineOffset + 2, inputLines instanceof StringList ? inputLines : new StringList(inputLines, source))
  }

  /** docutils: StateMachine.get_text_block */
  getTextBlock(flushLeft = false): StringList {
    try {
      const block = this.inputLines.getTextBlock(this.lineOffset, flushLeft)
      this.nextLine(block.length - 1)
      return block
    } catch (error) {
      if (error instanceof UnexpectedIndentationError) {
        this.nextLine(error.block.length - 1)
      }
      throw error
    }
  }

  /** docutils: StateMachine.check_line */
  checkLine(context: C, state: State<C>, transitions?: readonly string[]): TransitionResult<C> {
    this.transitionLineOffset = this.lineOffset
    const line = this.line!
    if (transitions === undefined) {
      const ordered = state.orderedTransitions()
      const candidates = ordered.transitions
      const filters = ordered.filters
      const code = line.charCodeAt(0)
      for (let index = 0; index < candidates.length; index++) {
        const filter = filters[index]
        if (filter !== undefined && !filter(code)) continue
        const transition = candidates[index]
        const match = matchLine(transition.pattern, line)
        if (match) return state.applyTransition(transition, match, context)
      }
      return state.noMatch(context, ordered.order)
    }
    for (const name of transitions) {
      const transition = state.transitions.get(name)!
      const match = matchLine(transition.pattern, line)
      if (match) return state.applyTransition(transition, match, context)
    }
    return state.noMatch(context, transitions)
  }

  attachObserver(observer: (source: string | undefined, offset: number | undefined) => void): void {
    this.observers.push(observer)
  }

  detachObserver(observer: (source: string | undefined, offset: number | undefined) => void): void {
    const index = this.observers.indexOf(observer)
    if (index !== -1) this.observers.splice(index, 1)
  }

  notifyObservers(): void {
    if (this.observers.length === 0) return
    const info = this.inputLines.infoIfAny(this.lineOffset)
    const source = info === undefined ? undefined : info[0]
    const offset = info === undefined ? undefined : info[1]
    for (const observer of this.observers) observer(source, offset)
  }

  /** docutils: StateMachineWS.get_indented */
  getIndented(untilBlank = false, stripIndent = true): IndentedBlock {
    let offset = this.absLineOffset()
    const [indented, indent, blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent)
    if (indented.length > 0) this.nextLine(indented.length - 1)
    while (indented.length > 0 && !pyStrip(indented.at(0)!)) {
      indented.trimStart()
      offset++
    }
    return { indented, indent, lineOffset: offset, blankFinish }
  }

  /** docutils: StateMachineWS.get_known_indented */
  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): IndentedBlock {
    let offset = this.absLineOffset()
    const [indented, , blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent, indent)
    this.nextLineSafe(indented.length - 1)
    while (indented.length > 0 && !pyStrip(indented.at(0)!)) {
      indented.trimStart()
      offset++
    }
    return { indented, indent, lineOffset: offset, blankFinish }
  }

  /** docutils: StateMachineWS.get_first_known_indented */
  getFirstKnownIndented(indent: number, untilBlank = false, stripIndent = true, stripTop = true): IndentedBlock {
    let offset = this.absLineOffset()
    const [indented, , blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent, undefined, indent)
    this.nextLineSafe(indented.length - 1)
    if (stripTop) {
      while (indented.length > 0 && !pyStrip(indented.at(0)!)) {
        indented.trimStart()
        offset++
      }
    }
    return { indented, indent, lineOffset: offset, blankFinish }
  }

  /** `next_line(n)` where docutils would not hit EOF (n may be -1 for an empty block). */
  private nextLineSafe(n: number): void {
    this.nextLine(n)
  }
}
