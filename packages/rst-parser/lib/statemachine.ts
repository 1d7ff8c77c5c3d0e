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
import { emptyList } from './util/arrays.js'
import { getColumnIndices, isWideChar } from './util/line-helpers.js'
import { codeAt, codeAtOrNaN, isPyBlank, isPySpace, lengthOf, pyLstrip, pyRstrip, sliceOf, verbatimJoin, verbatimLines, type VerbatimLines } from './util/strings.js'

/** Source and 0-based offset of a line. */
export type LineInfo = [source: string | undefined, offset: number | undefined]

/** docutils: EOFError used as a signal. */
export class EOFSignal {
  readonly kind = 'eof'
}
/** The shared EOF signal instance. */
export const eofSignal = new EOFSignal()

/** The empty result list (shared, frozen: the run loop only reads results). */
export const emptyResults: unknown[] = Object.freeze([]) as unknown as unknown[]

const eofTuple: TransitionResult<unknown> = Object.freeze([undefined, null, emptyResults]) as unknown as TransitionResult<unknown>

/** The tuple `transitionResult` refills (see there). */
const sharedResult: [unknown, string | null, unknown[]] = [undefined, null, emptyResults]

/**
 * A transition's `(context, nextState, [])` as one shared tuple, refilled
 * per call instead of a new array per line: only valid as a transition's
 * return value (the run loop reads it at once; nothing runs in between).
 */
export function transitionResult<C>(context: C, nextState: string | null): TransitionResult<C> {
  const result = sharedResult as unknown as TransitionResult<C>
  result[0] = context
  result[1] = nextState
  return result
}

/**
 * What a transition method returns instead of `throw eofSignal` (docutils
 * `raise EOFError`) when it returns directly to the run loop: the same
 * effect without the cost of a throw. Only valid as a transition's return
 * value (a caller that ignores the result would not stop the machine).
 */
export function eofResult<C>(): TransitionResult<C> {
  return eofTuple as TransitionResult<C>
}

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
 * Lines of a list's `data` array that are unchanged lines of a `string2lines`
 * input (`record`): `segments` holds triples `[dataStart, dataEnd, recordStart)`
 * — `data[i]` is line `recordStart + i - dataStart` of the record's array for `i` in the
 * segment. Kept across include insertions (which shift the lines after them).
 */
interface VerbatimMap {
  data: readonly string[]
  readonly record: VerbatimLines
  readonly segments: readonly number[]
}

/**
 * A `VerbatimMap` built by a constructor, with its segments from `emptyList`
 * (not literals): V8 pretenured the literals' allocation sites, and an old map
 * of a finished parse kept its young lines, record and line table alive
 * through the scavenges (see `util/arrays.ts`; sphinx-docs, with positions:
 * promoted per pass 1.50 → 0.18 MB).
 */
class VerbatimMapRecord implements VerbatimMap {
  constructor(public data: readonly string[], readonly record: VerbatimLines, readonly segments: readonly number[]) {}
}

/**
 * The map of a list's lines after `count` lines are inserted at `index` of its
 * window `[ds, ds + length)` of `map.data` (the result's `data` is set by the caller).
 */
function shiftedVerbatim(map: VerbatimMap, ds: number, length: number, index: number, count: number): VerbatimMap {
  const old = map.segments
  const segments = emptyList<number>()
  for (let k = 0; k < old.length; k += 3) {
    // Clipped to the window, in window coordinates.
    const start = Math.max(old[k]!, ds)
    const end = Math.min(old[k + 1]!, ds + length)
    if (start >= end) continue
    const recordStart = old[k + 2]! + start - old[k]!
    const from = start - ds
    const to = end - ds
    if (from < index) segments.push(from, Math.min(to, index), recordStart)
    if (to > index) {
      const split = Math.max(from, index)
      segments.push(split + count, to + count, recordStart + split - from)
    }
  }
  return new VerbatimMapRecord(map.data, map.record, segments)
}

/** The map of an array of `string2lines` itself: one segment, all its lines. */
function wholeVerbatimMap(lines: readonly string[], record: VerbatimLines): VerbatimMap {
  const segments = emptyList<number>()
  segments.push(0, lines.length, 0)
  return new VerbatimMapRecord(lines, record, segments)
}

/** Lines of an empty list (shared, never written). */
const noLines: string[] = []
/** Offsets of a list with implicit items (unused). */
const noOffsets: Array<number | undefined> = []

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
  // Lines: `_data[_ds .. _ds + _len)`.
  private declare _data: string[]
  private declare _ds: number
  private declare _len: number
  /** `_data` belongs to this list alone and is exactly its window: writable in place. */
  private declare _dataMine: boolean
  // Items: explicit parallel arrays `_srcs`/`_offs` over `[_is, _is + _len)`,
  // or — when `_srcs` is undefined — implicit: item `i` is `[_src, _ib + i]`
  // (a document's lines). No (source, offset) tuple per line is kept.
  private declare _srcs: Array<string | undefined> | undefined
  private declare _offs: Array<number | undefined>
  private declare _is: number
  private declare _itemsMine: boolean
  private declare _src: string | undefined
  private declare _ib: number
  /** Which lines of `_data` are unchanged input lines (valid only while `_data` is its `data`; see `joined`). */
  private declare _verbatim: VerbatimMap | undefined
  declare parent: StringList | undefined
  declare parentOffset: number

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
    this._ds = 0
    this._dataMine = true
    this._is = 0
    this._itemsMine = true
    this._src = undefined
    this._ib = 0
    this._verbatim = undefined
    if (initlist instanceof StringList) {
      this._data = initlist.lines()
      if (initlist._srcs === undefined) {
        this._srcs = undefined
        this._offs = noOffsets
        this._src = initlist._src
        this._ib = initlist._ib
      } else {
        this._srcs = initlist._srcs.slice(initlist._is, initlist._is + initlist._len)
        this._offs = initlist._offs.slice(initlist._is, initlist._is + initlist._len)
      }
    } else if (initlist) {
      this._data = initlist.slice()
      if (items && items.length > 0) {
        this._srcs = items.map((item) => item[0])
        this._offs = items.map((item) => item[1])
      } else {
        this._srcs = undefined
        this._offs = noOffsets
        this._src = source
      }
    } else {
      this._data = noLines // shared and never written: `_dataMine` is false
      this._dataMine = false
      this._srcs = undefined
      this._offs = noOffsets
    }
    this._len = this._data.length
  }

  /**
   * `new StringList(lines, undefined, items)` from the items' sources and
   * offsets as two arrays (taken over, not copied), without tuples.
   */
  static fromParallel(lines: readonly string[], sources: Array<string | undefined>, offsets: Array<number | undefined>): StringList {
    const list = new StringList(lines)
    if (lines.length === 0) return list
    list._srcs = sources
    list._offs = offsets
    return list
  }

  /**
   * A list over `lines` without copying them: the array is shared, as a
   * view's is, and copied on the list's first write. The caller must not
   * change `lines` while the list is in use (a machine's input during its run).
   */
  static sharing(lines: readonly string[], source?: string): StringList {
    const list = new StringList(undefined, source)
    list._data = lines as string[]
    list._len = lines.length
    list._src = source
    const record = verbatimLines(lines)
    list._verbatim = record === undefined ? undefined : wholeVerbatimMap(lines, record)
    return list
  }

  /**
   * `sharing(lines, source)` whose item `i` is `(source, firstOffset + i)`
   * (implicit items: no source/offset arrays).
   */
  static sharingFrom(lines: readonly string[], source: string | undefined, firstOffset: number): StringList {
    const list = StringList.sharing(lines, source)
    list._ib = firstOffset
    return list
  }

  /** A view on `[start, end)` of `base`'s arrays (internal). */
  private static view(base: StringList, start: number, end: number, parent: StringList, parentOffset: number): StringList {
    const list = new StringList(undefined, undefined, undefined, parent, parentOffset)
    list._data = base._data
    list._ds = base._ds + start
    list._len = end - start
    list._dataMine = false
    list._srcs = base._srcs
    list._offs = base._offs
    list._is = base._is + start
    list._itemsMine = false
    list._src = base._src
    list._ib = base._ib + start
    list._verbatim = base._verbatim
    base._dataMine = false
    base._itemsMine = false
    return list
  }

  /** Make `_data` private to this list and exactly its window before writing. */
  private writableData(): string[] {
    this._verbatim = undefined // (the caller writes: an array of its own may change in place)
    if (!this._dataMine) {
      this._data = this._data.slice(this._ds, this._ds + this._len)
      this._ds = 0
      this._dataMine = true
    }
    return this._data
  }

  /** Make the items explicit, private to this list and exactly its window before writing. */
  private writableItems(): void {
    if (this._srcs !== undefined && this._itemsMine) return
    // Both read the current (implicit or shared) items before either is replaced.
    const srcs = this.sourceList()
    const offs = this.offsetList()
    this._srcs = srcs
    this._offs = offs
    this._is = 0
    this._itemsMine = true
  }

  /** Both arrays writable (structural changes). */
  private writable(): void {
    this.writableData()
    this.writableItems()
  }

  /** The lines (a mutable array private to this list). */
  get data(): string[] {
    return this.writableData()
  }

  set data(value: string[]) {
    this._verbatim = undefined
    this._data = value
    this._ds = 0
    this._len = value.length
    this._dataMine = true
  }

  /** The (source, offset) items as tuples (a fresh array: assign `items` to change them). */
  get items(): LineInfo[] {
    return this.itemList()
  }

  set items(value: LineInfo[]) {
    this._srcs = value.map((item) => item[0])
    this._offs = value.map((item) => item[1])
    this._is = 0
    this._itemsMine = true
  }

  get length(): number {
    return this._len
  }

  /** Line `index` (0 ≤ index < length), read-only and without copying; undefined when out of range. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this._len) return undefined
    return this._data[this._ds + index]
  }

  /**
   * Lines `[start, end)` joined with `\n` (`start < end ≤ length`): a slice of
   * the input text when the lines are unchanged lines of it (no copy), else a join.
   */
  joined(start: number, end: number): string {
    if (end - start === 1) return this._data[this._ds + start]!
    const map = this._verbatim
    if (map !== undefined && map.data === this._data) {
      const from = this._ds + start
      const to = this._ds + end
      const segments = map.segments
      for (let k = 0; k < segments.length; k += 3) {
        const segmentStart = segments[k]!
        if (from < segmentStart || from >= segments[k + 1]!) continue
        if (to > segments[k + 1]!) break
        const first = segments[k + 2]! + from - segmentStart
        const value = verbatimJoin(map.record, first, first + to - from)
        if (value !== undefined) return value
        break
      }
    }
    return this._data.slice(this._ds + start, this._ds + end).join('\n')
  }

  /** Lines as a fresh array (read-only use). */
  lines(): string[] {
    return this._data.slice(this._ds, this._ds + this._len)
  }

  /** Python `self[i]` for an int (negative allowed); undefined when out of range. */
  get(index: number): string | undefined {
    if (index < 0) index += this._len
    return this.at(index)
  }

  /** Python `self[i] = item` (propagates to the parent). */
  set(index: number, item: string): void {
    if (index < 0) index += this._len
    this.writableData()[index] = item
    if (this.parent) this.parent.set(index + this.parentOffset, item)
  }

  /** Python `self[start:end]` — a new list linked to this one. */
  slice(start?: number, end?: number): StringList {
    const length = this._len
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    return StringList.view(this, s, e, this, s)
  }

  /** Python `del self[start:end]` (propagates). */
  deleteRange(start?: number, end?: number): void {
    const length = this._len
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    this.writable()
    this._data.splice(s, e - s)
    this._srcs!.splice(s, e - s)
    this._offs.splice(s, e - s)
    this._len = this._data.length
    if (this.parent) this.parent.deleteRange(s + this.parentOffset, e + this.parentOffset)
  }

  /** Python `self[start:end] = other` (propagates). */
  setRange(start: number | undefined, end: number | undefined, other: StringList): void {
    const length = this._len
    const s = normalizeSliceIndex(start, length, 0)
    const e = Math.max(s, normalizeSliceIndex(end, length, length))
    this.writable()
    this._data.splice(s, e - s, ...other.lines())
    this._srcs!.splice(s, e - s, ...other.sourceList())
    this._offs.splice(s, e - s, ...other.offsetList())
    this._len = this._data.length
    if (this.parent) this.parent.setRange(s + this.parentOffset, e + this.parentOffset, other)
  }

  /** Items as a fresh array (read-only use). */
  itemList(): LineInfo[] {
    const made = new Array<LineInfo>(this._len)
    for (let index = 0; index < this._len; index++) made[index] = [this.itemSource(index), this.itemOffset(index)]
    return made
  }

  /** Sources of the items (a fresh array). */
  private sourceList(): Array<string | undefined> {
    const srcs = this._srcs
    if (srcs !== undefined) return srcs.slice(this._is, this._is + this._len)
    return new Array<string | undefined>(this._len).fill(this._src)
  }

  /** Offsets of the items (a fresh array). */
  private offsetList(): Array<number | undefined> {
    if (this._srcs !== undefined) return this._offs.slice(this._is, this._is + this._len)
    const made = new Array<number | undefined>(this._len)
    for (let index = 0; index < this._len; index++) made[index] = this._ib + index
    return made
  }

  /** Python `self + other`. */
  concat(other: StringList): StringList {
    // (sources and offsets as two arrays: no (source, offset) tuple per line)
    return StringList.fromParallel(this.lines().concat(other.lines()), this.sourceList().concat(other.sourceList()), this.offsetList().concat(other.offsetList()))
  }

  /** docutils: ViewList.extend */
  extend(other: StringList): void {
    if (this.parent) this.parent.insertList(this._len + this.parentOffset, other)
    this.writable()
    pushAll(this._data, other.lines())
    pushAll(this._srcs!, other.sourceList())
    pushAll(this._offs, other.offsetList())
    this._len = this._data.length
  }

  /** docutils: ViewList.append (with a source: one line). */
  append(item: string, source: string | undefined, offset = 0): void {
    if (this.parent) this.parent.insertLine(this._len + this.parentOffset, item, source, offset)
    this.writable()
    this._data.push(item)
    this._srcs!.push(source)
    this._offs.push(offset)
    this._len = this._data.length
  }

  /** docutils: ViewList.insert with a ViewList. */
  insertList(index: number, other: StringList): void {
    this.insertArrays(index, other.lines(), other.sourceList(), other.offsetList())
  }

  /**
   * `insertList` with the other list's lines, sources and offsets as arrays
   * (read only). Each array of this list is rebuilt once at its new length:
   * no copy-on-write copy, growth and `splice(...spread)` of a long list (an
   * included file is inserted into the whole document's lists).
   */
  private insertArrays(index: number, lines: readonly string[], sources: ReadonlyArray<string | undefined>, offsets: ReadonlyArray<number | undefined>): void {
    if (index < 0) index += this._len
    const length = this._len
    index = Math.min(Math.max(index, 0), length)
    const count = lines.length
    const total = length + count
    const map = this._verbatim
    const newMap = map !== undefined && map.data === this._data ? shiftedVerbatim(map, this._ds, length, index, count) : undefined
    if (this._dataMine) {
      this._data.splice(index, 0, ...lines) // private: changed in place (as before), an array from `data` sees it
    } else {
      const data = new Array<string>(total)
      const oldData = this._data
      const ds = this._ds
      for (let k = 0; k < index; k++) data[k] = oldData[ds + k]
      for (let k = 0; k < count; k++) data[index + k] = lines[k]
      for (let k = index; k < length; k++) data[count + k] = oldData[ds + k]
      this._data = data
      this._ds = 0
      this._dataMine = true
    }
    if (newMap !== undefined) newMap.data = this._data
    this._verbatim = newMap
    const oldSrcs = this._srcs
    if (oldSrcs !== undefined && this._itemsMine) {
      oldSrcs.splice(index, 0, ...sources)
      this._offs.splice(index, 0, ...offsets)
    } else {
      const srcs = new Array<string | undefined>(total)
      const offs = new Array<number | undefined>(total)
      if (oldSrcs === undefined) {
        const source = this._src
        const base = this._ib
        for (let k = 0; k < index; k++) {
          srcs[k] = source
          offs[k] = base + k
        }
        for (let k = index; k < length; k++) {
          srcs[count + k] = source
          offs[count + k] = base + k
        }
      } else {
        const oldOffs = this._offs
        const is = this._is
        for (let k = 0; k < index; k++) {
          srcs[k] = oldSrcs[is + k]
          offs[k] = oldOffs[is + k]
        }
        for (let k = index; k < length; k++) {
          srcs[count + k] = oldSrcs[is + k]
          offs[count + k] = oldOffs[is + k]
        }
      }
      for (let k = 0; k < count; k++) {
        srcs[index + k] = sources[k]
        offs[index + k] = offsets[k]
      }
      this._srcs = srcs
      this._offs = offs
      this._is = 0
      this._itemsMine = true
    }
    this._len = total
    if (this.parent) {
      const parentIndex = (total + index) % total
      this.parent.insertArrays(parentIndex + this.parentOffset, lines, sources, offsets)
    }
  }

  /** `insertInput`'s insertion: `[before, ...lines, after]` with their items, at `index` (see there). */
  insertPadded(index: number, list: StringList, before: string, after: string, afterOffset: number): void {
    const count = list._len
    const lines = new Array<string>(count + 2)
    const sources = new Array<string | undefined>(count + 2)
    const offsets = new Array<number | undefined>(count + 2)
    lines[0] = ''
    sources[0] = before
    offsets[0] = -1
    for (let k = 0; k < count; k++) {
      lines[k + 1] = list._data[list._ds + k]
      sources[k + 1] = list.itemSource(k)
      offsets[k + 1] = list.itemOffset(k)
    }
    lines[count + 1] = ''
    sources[count + 1] = after
    offsets[count + 1] = afterOffset
    this.insertArrays(index, lines, sources, offsets)
  }

  /** docutils: ViewList.insert with a single line and its source. */
  insertLine(index: number, item: string, source: string | undefined, offset = 0): void {
    if (index < 0) index += this._len
    index = Math.min(Math.max(index, 0), this._len)
    this.writable()
    this._data.splice(index, 0, item)
    this._srcs!.splice(index, 0, source)
    this._offs.splice(index, 0, offset)
    this._len = this._data.length
    if (this.parent) {
      const length = this._len
      const parentIndex = (length + index) % length
      this.parent.insertLine(parentIndex + this.parentOffset, item, source, offset)
    }
  }

  /** docutils: ViewList.pop */
  pop(index = -1): string {
    const length = this._len
    const normalized = (length + index) % length
    if (this.parent) this.parent.pop(normalized + this.parentOffset)
    this.writable()
    this._srcs!.splice(normalized, 1)
    this._offs.splice(normalized, 1)
    const value = this._data.splice(normalized, 1)[0]
    this._len = this._data.length
    return value
  }

  /** docutils: ViewList.trim_start — remove items from the start (parent untouched). */
  trimStart(n = 1): void {
    if (n > this._len) throw new RangeError(`Size of trim too large; can't trim ${n} items from a list of size ${this._len}.`)
    if (n < 0) throw new RangeError('Trim size must be >= 0.')
    // Private arrays shrink in place (an array obtained from `data` stays
    // this list's); shared ones: the window moves.
    if (this._dataMine) {
      this._data.splice(0, n)
      this._verbatim = undefined
    } else this._ds += n
    if (this._srcs === undefined) this._ib += n
    else if (this._itemsMine) {
      this._srcs.splice(0, n)
      this._offs.splice(0, n)
    } else this._is += n
    this._len -= n
    if (this.parent) this.parentOffset += n
  }

  /** docutils: ViewList.trim_end */
  trimEnd(n = 1): void {
    if (n > this._len) throw new RangeError(`Size of trim too large; can't trim ${n} items from a list of size ${this._len}.`)
    if (n < 0) throw new RangeError('Trim size must be >= 0.')
    if (n === 0) return // Python `del data[-0:]` would delete everything; docutils never calls with 0.
    if (this._dataMine) {
      this._data.splice(this._data.length - n, n)
      this._verbatim = undefined
    }
    if (this._srcs !== undefined && this._itemsMine) {
      this._srcs.splice(this._srcs.length - n, n)
      this._offs.splice(this._offs.length - n, n)
    }
    this._len -= n
  }

  /** Source of item `index` (0 ≤ index < length). */
  private itemSource(index: number): string | undefined {
    const srcs = this._srcs
    return srcs === undefined ? this._src : srcs[this._is + index]
  }

  /** Offset of item `index` (0 ≤ index < length). */
  private itemOffset(index: number): number | undefined {
    return this._srcs === undefined ? this._ib + index : this._offs[this._is + index]
  }

  /** docutils: ViewList.info — (source, offset); just past the end → (last source, undefined). */
  info(index: number): LineInfo {
    const info = this.infoIfAny(index)
    if (info === undefined) throw new RangeError('list index out of range')
    return info
  }

  /** `info(index)`, or undefined where `info` would throw (no exception: callers probe past the ends). */
  infoIfAny(index: number): LineInfo | undefined {
    return this.hasInfo(index) ? [this.infoSource(index), this.infoOffset(index)] : undefined
  }

  /**
   * `infoIfAny(index)` without a tuple: the source (`hasInfo` false where
   * `infoIfAny` is undefined); see `infoOffset`.
   */
  infoSource(index: number): string | undefined {
    const length = this._len
    const normalized = index < 0 ? index + length : index
    if (normalized >= 0 && normalized < length) return this.itemSource(normalized)
    if (index === length && length > 0) return this.itemSource(length - 1)
    return undefined
  }

  /** `infoIfAny(index)?.[1]` without a tuple. */
  infoOffset(index: number): number | undefined {
    const length = this._len
    const normalized = index < 0 ? index + length : index
    if (normalized >= 0 && normalized < length) return this.itemOffset(normalized)
    return undefined
  }

  /** Whether `infoIfAny(index)` is defined. */
  hasInfo(index: number): boolean {
    const length = this._len
    const normalized = index < 0 ? index + length : index
    return (normalized >= 0 && normalized < length) || (index === length && length > 0)
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
    for (let index = start; index < stop; index++) data[index] = sliceOf(data[index]!, length)
  }

  /** docutils: StringList.get_text_block — throws `UnexpectedIndentationError` when `flushLeft`. */
  getTextBlock(start: number, flushLeft = false): StringList {
    let end = start
    const last = this.length
    while (end < last) {
      const line = this.at(end)!
      if (isPyBlank(line)) break
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
    const block = this.indentedBlock(start, untilBlank, stripIndent, blockIndent, firstIndent)
    return [block, indentedIndent, indentedBlankFinish]
  }

  /**
   * `getIndented` returning only the block: the indent and blankFinish are
   * left in `indentedIndent`/`indentedBlankFinish` (read them at once).
   */
  indentedBlock(start: number, untilBlank: boolean, stripIndent: boolean, blockIndent?: number, firstIndent?: number): StringList {
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
      const lineLength = lengthOf(line)
      const lineIndent = pyLeadingSpaceLength(line)
      // `line[:blockIndent].strip()` is non-empty when a non-space comes before `blockIndent`.
      if (lineLength !== 0 && (codeAt(line, 0) !== 0x20 || (blockIndent !== undefined && lineIndent < Math.min(blockIndent, lineLength)))) {
        const previous = end > start ? this.at(end - 1)! : undefined
        blankFinish = previous !== undefined && pyLeadingSpaceLength(previous) === lengthOf(previous)
        broke = true
        break
      }
      if (lineIndent === lineLength) {
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
    if (firstIndent !== undefined && block.length > 0) block.data[0] = sliceOf(block.at(0)!, firstIndent)
    if (indent && stripIndent) block.trimLeft(indent, firstIndent !== undefined ? 1 : 0)
    indentedIndent = indent ?? 0
    indentedBlankFinish = blankFinish
    return block
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
    for (let index = 0; index < this._len; index++) {
      const line = this.at(index)!
      // No wide character below U+0378 (`isWide`): most lines need no work.
      let mayBeWide = false
      const length = lengthOf(line)
      for (let k = 0; k < length; k++) {
        if (codeAt(line, k) >= 0x378) {
          mayBeWide = true
          break
        }
      }
      if (!mayBeWide) continue
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

/** Results of the last `StringList.indentedBlock` besides the block (no tuple per call). */
let indentedIndent = 0
let indentedBlankFinish = true

/** Length of the leading Python whitespace of `line` (`len(line) - len(line.lstrip())`). */
function pyLeadingSpaceLength(line: string): number {
  const length = lengthOf(line)
  let index = 0
  while (index < length && isPySpace(codeAt(line, index))) index++
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
  /** That method as found on the state class (called with the state as `this`). */
  fn?: TransitionMethod<C>
  nextState: string
  /** The pattern is `/^/` (matches every line at 0): `checkLine` needs no regex run (set by `makeTransition`). */
  startOnly?: boolean
  /**
   * A sticky copy of a pattern registered with `registerWholeMatchOnly`
   * (set by `makeTransition`): `checkLine` tests it and passes the shared
   * `wholeMatch` instead of an `exec` result.
   */
  sticky?: RegExp
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

/** Can `line` (not empty, first code accepted by the start filter) match the pattern? A superset again. */
export type LineFilter = (line: string) => boolean

const lineFilters = new WeakMap<RegExp, LineFilter>()

/**
 * Declare a cheap whole-line precheck for a pattern (run after the
 * line-start filter, before the regex).
 *
 * @param pattern A `^`-anchored pattern.
 * @param filter False only for lines the pattern cannot match.
 */
export function registerLineFilter(pattern: RegExp, filter: LineFilter): void {
  lineFilters.set(pattern, filter)
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

/**
 * One match object for the `/^/` patterns (the `text` transitions), refilled
 * per line instead of a new `exec` result: `/^/` always matches `''` at 0,
 * and the `text` transitions only read `match.input` at once (none keeps the
 * match), so the object is free again when the next line is checked.
 */
const startMatch = Object.assign([''], { index: 0, input: '', groups: undefined }) as RegExpExecArray

const wholeMatchOnly = new WeakMap<RegExp, RegExp>()

/**
 * Declare that every transition method of `pattern` (in every state) reads
 * only `match.input`, `match.index` and `match[0]` (`matchEnd`), and only
 * before anything else checks a line (no nested parse in between): `checkLine`
 * then runs a sticky copy's `test` (no result array) and passes one shared
 * match object, refilled per line, without the capture groups.
 *
 * @param pattern A `^`-anchored pattern without named groups.
 */
export function registerWholeMatchOnly(pattern: RegExp): void {
  wholeMatchOnly.set(pattern, new RegExp(pattern.source, pattern.flags + 'y'))
}

/** The shared match of `registerWholeMatchOnly` patterns (groups left out: see there). */
const wholeMatch = Object.assign([''], { index: 0, input: '', groups: undefined }) as RegExpExecArray

/** `matchLine` for `checkLine` (`/^/`: the shared `startMatch`). */
function matchTransitionLine<C>(transition: Transition<C>, line: string): RegExpExecArray | null {
  // (`startOnly` is a plain field: `pattern.source` is an accessor call.)
  if (transition.startOnly === true) {
    startMatch.input = line
    return startMatch
  }
  const sticky = transition.sticky
  if (sticky !== undefined) {
    sticky.lastIndex = 0
    if (!sticky.test(line)) return null
    wholeMatch[0] = sliceOf(line, 0, sticky.lastIndex)
    wholeMatch.input = line
    return wholeMatch
  }
  const pattern = transition.pattern
  if (transition.startOnly === undefined && pattern.source === '^') {
    startMatch.input = line
    return startMatch
  }
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
  // (Fields are assigned in the constructor, not declared with
  // initializers: a state is made for every nested list.)
  declare transitionOrder: string[]
  declare transitions: Map<string, Transition<C>>
  declare stateMachine: StateMachine<C>
  declare debug: boolean
  private declare sharedTransitions: boolean
  /** `transitionOrder` resolved to transitions and filters (rebuilt after changes). */
  private declare ordered: OrderedTransitions<C> | undefined

  constructor(stateMachine: StateMachine<C>, debug = false) {
    this.transitionOrder = emptyOrder
    this.transitions = emptyTransitions as Map<string, Transition<C>>
    this.stateMachine = stateMachine
    this.debug = debug
    this.sharedTransitions = true
    this.ordered = undefined
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
      ordered = buildOrdered(order, this.transitions)
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
    const fn = (this as unknown as Record<string, unknown>)[methodName]
    if (typeof fn !== 'function') throw new StateMachineError(`${this.name}.${name}`)
    // Transition tables are shared by the instances of a class: `fn` is the
    // class's method unless an instance has its own (then looked up by name).
    const own = Object.prototype.hasOwnProperty.call(this, methodName)
    return {
      pattern,
      methodName,
      fn: own ? undefined : (fn as TransitionMethod<C>),
      nextState,
      startOnly: pattern.source === '^',
      sticky: wholeMatchOnly.get(pattern)
    }
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
    const fn = transition.fn
    if (fn !== undefined) return fn.call(this, match, context, transition.nextState)
    const method = (this as unknown as Record<string, TransitionMethod<C>>)[transition.methodName!]
    return method.call(this, match, context, transition.nextState)
  }

  runtimeInit(): void {}

  /** Whether this instance has its own transition tables (`addTransition`/`removeTransition` were used). */
  get hasOwnTransitions(): boolean {
    return !this.sharedTransitions
  }

  unlink(): void {}

  /** docutils: State.no_match */
  noMatch(context: C, _transitions: readonly string[]): TransitionResult<C> {
    return [context, null, emptyResults]
  }

  /** docutils: State.bof */
  bof(context: C): [C, unknown[]] {
    return [context, emptyResults]
  }

  /** docutils: State.eof */
  eof(_context: C): unknown[] {
    return emptyResults
  }

  /** docutils: State.nop */
  nop(_match: RegExpExecArray, context: C, nextState: string): TransitionResult<C> {
    return transitionResult(context, nextState)
  }
}

/** A state's transitions in order, with their line-start filters. */
export interface OrderedTransitions<C> {
  order: readonly string[]
  map: ReadonlyMap<string, Transition<C>>
  transitions: ReadonlyArray<Transition<C>>
  filters: ReadonlyArray<LineStartFilter | undefined>
  /**
   * Dispatch table: for a first code below 128, the transitions (in order)
   * whose line-start filter accepts it; `byCode[128]` for an empty line.
   * Other first codes are filtered per line (`filters`).
   */
  byCode: ReadonlyArray<ReadonlyArray<Transition<C>>>
  /** Line filters parallel to `byCode`'s lists. */
  byCodeTests: ReadonlyArray<ReadonlyArray<LineFilter | undefined>>
  /**
   * Matches of `byCode[128]`'s patterns against the empty line, computed
   * once (a match depends only on the line): frozen, shared by all empty lines.
   */
  emptyLineMatches: ReadonlyArray<RegExpExecArray | null>
  /** Line filters parallel to `transitions`. */
  lineTests: ReadonlyArray<LineFilter | undefined>
}

function deepFreezeMatch(match: RegExpExecArray): RegExpExecArray {
  if (match.groups !== undefined) Object.freeze(match.groups)
  if (match.indices !== undefined) Object.freeze(match.indices)
  return Object.freeze(match)
}

/** Resolve `order` to transitions and build the dispatch table. */
function buildOrdered<C>(order: readonly string[], map: ReadonlyMap<string, Transition<C>>): OrderedTransitions<C> {
  const transitions = order.map((name) => map.get(name)!)
  const filters = transitions.map((transition) => lineStartFilters.get(transition.pattern))
  const lineTests = transitions.map((transition) => lineFilters.get(transition.pattern))
  const byCode: Array<Array<Transition<C>>> = []
  const byCodeTests: Array<Array<LineFilter | undefined>> = []
  for (let code = 0; code <= 128; code++) {
    const probe = code === 128 ? Number.NaN : code
    const list: Array<Transition<C>> = []
    const tests: Array<LineFilter | undefined> = []
    for (let index = 0; index < transitions.length; index++) {
      const filter = filters[index]
      if (filter !== undefined && !filter(probe)) continue
      list.push(transitions[index])
      tests.push(code === 128 ? undefined : lineTests[index]) // an empty line never reaches a line filter
    }
    byCode.push(list)
    byCodeTests.push(tests)
  }
  const emptyLineMatches = byCode[128].map((transition) => {
    const match = matchLine(transition.pattern, '')
    return match === null ? null : deepFreezeMatch(match)
  })
  return { order, map, transitions, filters, byCode, byCodeTests, lineTests, emptyLineMatches }
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

/** `results.push(...items)`, making `results` a private list first if it is the shared empty one. */
function appendResults(results: unknown[], items: readonly unknown[]): unknown[] {
  const target = results === emptyResults ? [] : results
  pushAll(target, items)
  return target
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

function unlinkState(state: { unlink(): void }): void {
  state.unlink()
}

function runtimeInitState(state: { runtimeInit(): void }): void {
  state.runtimeInit()
}

/** Placeholder input of a machine that has not run (never modified: `runMachine` replaces it). */
const emptyInput = new StringList()
/** Shared empty observer list (`attachObserver` makes a private one). */
const noObservers: Array<(source: string | undefined, offset: number | undefined) => void> = []

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
  // (Fields are assigned in the constructor, not declared with initializers.)
  declare inputLines: StringList
  declare inputOffset: number
  declare line: string | undefined
  declare lineOffset: number
  /** Line offset where the current transition started (for position hints). */
  declare transitionLineOffset: number
  /** Set by `textBlockAfter`. */
  declare textBlockIndented: number
  /** Set by `indentedLines`, `knownIndentedLines`, `firstKnownIndentedLines` (see there). */
  declare indentedIndent: number
  declare indentedOffset: number
  declare indentedBlankFinish: boolean
  declare debug: boolean
  declare initialState: string
  declare currentState: string
  declare states: Map<string, State<C>>
  /** States not created yet (created on first use; docutils creates all up front). */
  declare stateFactories: Map<string, () => State<C>> | undefined
  declare running: boolean
  declare observers: Array<(source: string | undefined, offset: number | undefined) => void>
  /** Receives `noteSource(source, offset)` on every line change, before the observers (set by the rST machines). */
  declare sourceNotes: { noteSource(source: string | undefined, offset: number | undefined): void } | undefined

  constructor(initialState: string, debug = false) {
    this.inputLines = emptyInput
    this.inputOffset = 0
    this.line = undefined
    this.lineOffset = -1
    this.transitionLineOffset = -1
    this.textBlockIndented = -1
    this.indentedIndent = 0
    this.indentedOffset = 0
    this.indentedBlankFinish = true
    this.debug = debug
    this.initialState = initialState
    this.currentState = initialState
    this.states = new Map()
    this.stateFactories = undefined
    this.running = false
    this.observers = noObservers
    this.sourceNotes = undefined
  }

  /** docutils: StateMachine.add_state */
  addState(state: State<C>): void {
    if (this.states.has(state.name)) throw new StateMachineError(`Duplicate state: ${state.name}`)
    state.addInitialTransitions()
    this.states.set(state.name, state)
  }

  /** Register a state created on first use (same observable behaviour as `addState`). */
  addStateFactory(name: string, factory: () => State<C>): void {
    this.stateFactories ??= new Map()
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
    const factory = this.stateFactories?.get(name)
    return factory ? factory() : undefined
  }

  unlink(): void {
    this.states.forEach(unlinkState) // no iterator object: called for every nested list
  }

  runtimeInit(): void {
    this.states.forEach(runtimeInitState) // no iterator objects: called for every nested parse
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
    // A plain array is shared, not copied (copy-on-write): callers pass fresh lines they do not change during the run.
    this.inputLines = inputLines instanceof StringList ? inputLines : StringList.sharing(inputLines, inputSource)
    this.inputOffset = inputOffset
    this.lineOffset = -1
    this.currentState = initialState ?? this.initialState
    let transitions: readonly string[] | undefined
    // Results are nearly always empty: the list is made on the first one.
    let results: unknown[] = emptyResults
    let state = this.getState()
    let ctx: C
    {
      // (indexed, not destructured: array destructuring runs the iterator protocol)
      const bof = state.bof(context as C)
      ctx = bof[0]
      const result = bof[1]
      if (result.length > 0) results = appendResults(results, result)
    }
    let stateName = this.currentState
    // The state left last (Body ↔ Text alternate on every paragraph): switching
    // back to it needs no lookup by name.
    let otherState: State<C> | undefined
    let otherName = ''
    while (true) {
      let nextState: string | null = null
      try {
        // docutils catches EOFError from `next_line` and from transitions;
        // reaching the end of the input is the common case, so it is
        // detected without throwing (`advance`).
        let eof = false
        try {
          if (this.advance()) {
            const transitionResult = this.checkLine(ctx, state, transitions)
            if (transitionResult === eofTuple) {
              eof = true
            } else {
              ctx = transitionResult[0]
              nextState = transitionResult[1]
              const result = transitionResult[2]
              if (result.length > 0) results = appendResults(results, result)
            }
          } else {
            eof = true
          }
        } catch (error) {
          if (!(error instanceof EOFSignal)) throw error
          eof = true
        }
        if (eof) {
          const result = state.eof(ctx)
          if (result.length > 0) results = appendResults(results, result)
          break
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
      // `get_state(next_state)`: the same state object unless the name changes.
      if ((nextState || this.currentState) !== stateName) {
        const previous = state
        const previousName = stateName
        if (nextState && nextState === otherName) {
          this.currentState = nextState
          state = otherState!
        } else {
          state = this.getState(nextState)
        }
        stateName = this.currentState
        otherState = previous
        otherName = previousName
      }
    }
    if (this.observers.length !== 0) this.observers = emptyList()
    this.sourceNotes = undefined
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

  /**
   * `next_line()` as the run loop does it: false (instead of throwing) past
   * the end (also for a transition doing the run loop's next step itself).
   */
  advance(): boolean {
    const offset = ++this.lineOffset
    const line = offset >= 0 ? this.inputLines.at(offset) : this.inputLines.get(offset)
    this.line = line
    if (this.sourceNotes !== undefined || this.observers.length !== 0) this.notifyObservers()
    return line !== undefined
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
    return isPyBlank(line)
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
    const line = this.gotoLineIfAny(lineOffset)
    if (line === undefined) throw eofSignal
    return line
  }

  /** `gotoLine` returning undefined instead of throwing past the end (same state changes). */
  gotoLineIfAny(lineOffset: number): string | undefined {
    this.lineOffset = lineOffset - this.inputOffset
    const line = this.inputLines.get(this.lineOffset)
    if (line === undefined || this.lineOffset >= this.inputLines.length) {
      this.line = undefined
      this.notifyObservers()
      return undefined
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
    return [this.sourceAt(lineno), this.sourceLineAt(lineno)]
  }

  /** `getSourceAndLine(lineno)[0]` without the tuple. */
  sourceAt(lineno?: number): string | undefined {
    const offset = lineno === undefined || lineno === null ? this.lineOffset : lineno - this.inputOffset - 1
    const inputLines = this.inputLines
    if (!inputLines.hasInfo(offset)) return undefined
    const sourceOffset = inputLines.infoOffset(offset)
    if (sourceOffset === undefined || sourceOffset === null) return this.sourceAt(offset + this.inputOffset)
    return inputLines.infoSource(offset)
  }

  /** `getSourceAndLine(lineno)[1]` without the tuple. */
  sourceLineAt(lineno?: number): number | undefined {
    const offset = lineno === undefined || lineno === null ? this.lineOffset : lineno - this.inputOffset - 1
    const inputLines = this.inputLines
    if (!inputLines.hasInfo(offset)) return undefined
    const sourceOffset = inputLines.infoOffset(offset)
    if (sourceOffset === undefined || sourceOffset === null) {
      const line = this.sourceLineAt(offset + this.inputOffset)
      return line === undefined ? undefined : line + 1
    }
    return sourceOffset + 1
  }

  /** docutils: StateMachine.insert_input */
  insertInput(inputLines: readonly string[] | StringList, source: string): void {
    // docutils inserts the "after" padding, then the "before" padding at the
    // same index, then the lines between them: the same result as one
    // insertion of [before, ...lines, after] (one splice per array here and
    // in every parent list instead of three).
    const list = inputLines instanceof StringList ? inputLines : new StringList(inputLines, source)
    this.inputLines.insertPadded(this.lineOffset + 1, list, 'internal padding before ' + source, 'internal padding after ' + source, inputLines.length)
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

  /**
   * End (exclusive offset) of the text block starting at `start`: the first
   * blank line, indented line or the end of the input. Sets
   * `textBlockIndented` to the indented line's offset, else -1.
   */
  private textBlockEnd(start: number): number {
    const inputLines = this.inputLines
    const last = inputLines.length
    let end = start
    this.textBlockIndented = -1
    while (end < last) {
      const line = inputLines.at(end)!
      if (isPyBlank(line)) break
      if (codeAt(line, 0) === 0x20) {
        this.textBlockIndented = end
        break
      }
      end++
    }
    return end
  }

  /**
   * `getTextBlock(true)` for `Text.text`, without a StringList: the block's
   * lines after those of `context`, in a fresh array. The machine moves to
   * the block's last line, as `getTextBlock` does. Where docutils raises
   * `UnexpectedIndentationError` (an indented line ends the block),
   * `textBlockIndented` is that line's offset in `inputLines`, else -1.
   */
  textBlockAfter(context: readonly string[] | string): string[] {
    const inputLines = this.inputLines
    const start = this.lineOffset
    const end = this.textBlockEnd(start)
    // (`context` may be one line given as a string: no one-line array for it)
    const single = typeof context === 'string'
    const contextLength = single ? 1 : context.length
    const lines = new Array<string>(contextLength + end - start)
    if (single) lines[0] = context
    else for (let index = 0; index < contextLength; index++) lines[index] = context[index]!
    for (let index = start; index < end; index++) lines[contextLength + index - start] = inputLines.at(index)!
    this.nextLine(end - start - 1)
    return lines
  }

  /**
   * `textBlockAfter(context)` joined with `\n` (what a paragraph's text is
   * made from): when the context is the line before the current one, the
   * block is taken with `StringList.joined` (no line array, no join for
   * unchanged input lines). Same effects on the machine as `textBlockAfter`.
   */
  textBlockAfterJoined(context: readonly string[] | string): string {
    const inputLines = this.inputLines
    const start = this.lineOffset
    const first = typeof context === 'string' ? context : context.length === 1 ? context[0] : undefined
    if (first === undefined || start < 1 || inputLines.at(start - 1) !== first) {
      const lines = this.textBlockAfter(context)
      return lines.length === 1 ? lines[0]! : lines.join('\n')
    }
    const end = this.textBlockEnd(start)
    const joined = inputLines.joined(start - 1, end)
    this.nextLine(end - start - 1)
    return joined
  }

  /** docutils: StateMachine.check_line */
  checkLine(context: C, state: State<C>, transitions?: readonly string[]): TransitionResult<C> {
    this.transitionLineOffset = this.lineOffset
    const line = this.line!
    if (transitions === undefined) {
      const ordered = state.orderedTransitions()
      const code = codeAtOrNaN(line, 0)
      if (code !== code) {
        // The empty line: matches known in advance.
        const candidates = ordered.byCode[128]
        const matches = ordered.emptyLineMatches
        for (let index = 0; index < candidates.length; index++) {
          const match = matches[index]
          if (match !== null) return state.applyTransition(candidates[index], match, context)
        }
        return state.noMatch(context, ordered.order)
      }
      if (code < 128) {
        const slot = code
        const candidates = ordered.byCode[slot]
        const tests = ordered.byCodeTests[slot]
        for (let index = 0; index < candidates.length; index++) {
          const transition = candidates[index]
          const lineTest = tests[index]
          if (lineTest !== undefined && !lineTest(line)) continue
          const match = matchTransitionLine(transition, line)
          if (match) return state.applyTransition(transition, match, context)
        }
        return state.noMatch(context, ordered.order)
      }
      const candidates = ordered.transitions
      const filters = ordered.filters
      const lineTests = ordered.lineTests
      for (let index = 0; index < candidates.length; index++) {
        const filter = filters[index]
        if (filter !== undefined && !filter(code)) continue
        const lineTest = lineTests[index]
        if (lineTest !== undefined && !lineTest(line)) continue
        const transition = candidates[index]
        const match = matchTransitionLine(transition, line)
        if (match) return state.applyTransition(transition, match, context)
      }
      return state.noMatch(context, ordered.order)
    }
    for (const name of transitions) {
      const transition = state.transitions.get(name)!
      const match = matchTransitionLine(transition, line)
      if (match) return state.applyTransition(transition, match, context)
    }
    return state.noMatch(context, transitions)
  }

  attachObserver(observer: (source: string | undefined, offset: number | undefined) => void): void {
    if (this.observers === noObservers) this.observers = emptyList()
    this.observers.push(observer)
  }

  detachObserver(observer: (source: string | undefined, offset: number | undefined) => void): void {
    const index = this.observers.indexOf(observer)
    if (index !== -1) this.observers.splice(index, 1)
  }

  notifyObservers(): void {
    const notes = this.sourceNotes
    if (notes === undefined && this.observers.length === 0) return
    const source = this.inputLines.infoSource(this.lineOffset)
    const offset = this.inputLines.infoOffset(this.lineOffset)
    if (notes !== undefined) notes.noteSource(source, offset)
    for (const observer of this.observers) observer(source, offset)
  }

  /** docutils: StateMachineWS.get_indented */
  getIndented(untilBlank = false, stripIndent = true): IndentedBlock {
    const indented = this.indentedLines(untilBlank, stripIndent)
    return { indented, indent: this.indentedIndent, lineOffset: this.indentedOffset, blankFinish: this.indentedBlankFinish }
  }

  /** docutils: StateMachineWS.get_known_indented */
  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): IndentedBlock {
    const indented = this.knownIndentedLines(indent, untilBlank, stripIndent)
    return { indented, indent, lineOffset: this.indentedOffset, blankFinish: this.indentedBlankFinish }
  }

  /** docutils: StateMachineWS.get_first_known_indented */
  getFirstKnownIndented(indent: number, untilBlank = false, stripIndent = true, stripTop = true): IndentedBlock {
    const indented = this.firstKnownIndentedLines(indent, untilBlank, stripIndent, stripTop)
    return { indented, indent, lineOffset: this.indentedOffset, blankFinish: this.indentedBlankFinish }
  }

  // The `…Lines` forms return only the block (no result object per call);
  // the rest of docutils' result is left in `indentedIndent`, `indentedOffset`
  // and `indentedBlankFinish` until the next call: read them at once.

  /** `getIndented(…).indented`. */
  indentedLines(untilBlank = false, stripIndent = true): StringList {
    let offset = this.absLineOffset()
    const indented = this.inputLines.indentedBlock(this.lineOffset, untilBlank, stripIndent)
    this.indentedIndent = indentedIndent
    this.indentedBlankFinish = indentedBlankFinish
    if (indented.length > 0) this.nextLine(indented.length - 1)
    while (indented.length > 0 && isPyBlank(indented.at(0)!)) {
      indented.trimStart()
      offset++
    }
    this.indentedOffset = offset
    return indented
  }

  /** `getKnownIndented(…).indented`. */
  knownIndentedLines(indent: number, untilBlank = false, stripIndent = true): StringList {
    let offset = this.absLineOffset()
    const indented = this.inputLines.indentedBlock(this.lineOffset, untilBlank, stripIndent, indent)
    this.indentedIndent = indent
    this.indentedBlankFinish = indentedBlankFinish
    this.nextLineSafe(indented.length - 1)
    while (indented.length > 0 && isPyBlank(indented.at(0)!)) {
      indented.trimStart()
      offset++
    }
    this.indentedOffset = offset
    return indented
  }

  /** `getFirstKnownIndented(…).indented`. */
  firstKnownIndentedLines(indent: number, untilBlank = false, stripIndent = true, stripTop = true): StringList {
    let offset = this.absLineOffset()
    const indented = this.inputLines.indentedBlock(this.lineOffset, untilBlank, stripIndent, undefined, indent)
    this.indentedIndent = indent
    this.indentedBlankFinish = indentedBlankFinish
    this.nextLineSafe(indented.length - 1)
    if (stripTop) {
      while (indented.length > 0 && isPyBlank(indented.at(0)!)) {
        indented.trimStart()
        offset++
      }
    }
    this.indentedOffset = offset
    return indented
  }

  /** `next_line(n)` where docutils would not hit EOF (n may be -1 for an empty block). */
  private nextLineSafe(n: number): void {
    this.nextLine(n)
  }
}
