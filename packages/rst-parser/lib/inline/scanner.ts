/**
 * Hand-written, linear matchers for the regular expressions of docutils'
 * `Inliner` (states.py `Inliner.init_customizations` and class attributes).
 *
 * Each matcher works on one string `value` (the null-escaped text), between
 * `from` (which plays the role of the searched string's start: `^`, empty
 * look-behind) and `to` (its end: `$`). Backtracking in the regular
 * expressions is reproduced by trying candidates in the order Python's
 * engine would (greedy first), which is cheap because the candidates are
 * limited by the grammar (see the comments at each matcher).
 */
import { isDigit, isEndStringSuffix, isSpace, isStartStringPrefix, isWord } from './punctuation.js'

// Named char codes.
const nul = 0x00
const space = 0x20
const numberSign = 0x23 /* # */
const asterisk = 0x2a /* * */
const plusSign = 0x2b /* + */
const dash = 0x2d /* - */
const dot = 0x2e /* . */
const colon = 0x3a /* : */
const greaterThan = 0x3e /* > */
const questionMark = 0x3f /* ? */
const atSign = 0x40 /* @ */
const leftSquareBracket = 0x5b /* [ */
const rightSquareBracket = 0x5d /* ] */
const underscore = 0x5f /* _ */
const graveAccent = 0x60 /* ` */
const verticalBar = 0x7c /* | */
const lineFeed = 0x0a


/** Code point at `index` (or -1 past `to`). */
export function codeAt(value: string, index: number, to: number): number {
  if (index >= to || index < 0) return -1
  const code = value.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) {
    const low = value.charCodeAt(index + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000
  }
  return code
}

/** Code point ending at `index` (the character before it), or -1 before `from`. */
export function codeBefore(value: string, index: number, from: number): number {
  if (index <= from) return -1
  const code = value.charCodeAt(index - 1)
  if (code >= 0xdc00 && code <= 0xdfff && index - 2 >= from) {
    const high = value.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (code - 0xdc00) + 0x10000
  }
  return code
}

function width(code: number): number {
  return code > 0xffff ? 2 : 1
}

/** `(?!_)\w` */
function isNameChar(code: number): boolean {
  return code !== underscore && code >= 0 && isWord(code)
}

/** Python `(?!\s)` at `index`: true at the end. */
export function notSpaceAt(value: string, index: number, to: number): boolean {
  const code = codeAt(value, index, to)
  return code === -1 || !isSpace(code)
}

/** Result of scanning the longest `simplename` from a position. */
export interface SimplenameRun {
  start: number
  end: number
  /** Last `_` separator inside the run (-1: none). */
  lastUnderscore: number
  /** Last `:` separator inside the run (-1: none). */
  lastColon: number
}

/**
 * The longest match of docutils' `simplename`
 * (`(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*`) at `index`, or undefined.
 * Every shorter match ends after a name character inside the run.
 * A cache makes repeated calls from inside the same run O(1).
 */
export class SimplenameScanner {
  // The last run computed (`[cacheStart, cacheEnd)`; -1: none).
  private cacheStart = -1
  private cacheEnd = -1
  private cacheLastUnderscore = -1
  private cacheLastColon = -1
  /** Last `_` separator inside the run found by the last successful `scanEnd` (-1: none). */
  lastUnderscore = -1
  /** Last `:` separator inside the run found by the last successful `scanEnd` (-1: none). */
  lastColon = -1

  constructor(public value: string, public to: number) {}

  /** Scan another text (`Inliner.parse` reuses its scanners). */
  reset(value: string, to: number): void {
    this.value = value
    this.to = to
    this.cacheStart = -1
    this.cacheEnd = -1
  }

  /**
   * End of the longest simplename at `index` (-1: none), without allocating;
   * `lastUnderscore` and `lastColon` describe the run.
   */
  scanEnd(index: number): number {
    const { value, to } = this
    const first = codeAt(value, index, to)
    if (!isNameChar(first)) return -1
    if (index > this.cacheStart && index < this.cacheEnd) {
      this.lastUnderscore = this.cacheLastUnderscore > index ? this.cacheLastUnderscore : -1
      this.lastColon = this.cacheLastColon > index ? this.cacheLastColon : -1
      return this.cacheEnd
    }
    let position = index + width(first)
    let lastUnderscore = -1
    let lastColon = -1
    while (true) {
      const code = codeAt(value, position, to)
      if (isNameChar(code)) {
        position += width(code)
        continue
      }
      if (code === dash || code === dot || code === underscore || code === plusSign || code === colon) {
        const next = codeAt(value, position + 1, to)
        if (isNameChar(next)) {
          if (code === underscore) lastUnderscore = position
          else if (code === colon) lastColon = position
          position += 1 + width(next)
          continue
        }
      }
      break
    }
    this.cacheStart = index
    this.cacheEnd = position
    this.cacheLastUnderscore = lastUnderscore
    this.cacheLastColon = lastColon
    this.lastUnderscore = lastUnderscore
    this.lastColon = lastColon
    return position
  }

  /** The run at `index` as an object (`scanEnd` without the allocation-free interface). */
  scan(index: number): SimplenameRun | undefined {
    const end = this.scanEnd(index)
    if (end === -1) return undefined
    return { start: index, end, lastUnderscore: this.lastUnderscore, lastColon: this.lastColon }
  }
}

/** Options shared by the matchers. */
export interface ScanOptions {
  /** docutils setting `character_level_inline_markup`. */
  characterLevel: boolean
}

/**
 * docutils `start_string_prefix` at `index`: `(^|(?<=\s|[openers delimiters]))`,
 * or `(^|(?<!\x00))` with character-level inline markup.
 */
export function startStringPrefix(value: string, index: number, from: number, options: ScanOptions): boolean {
  if (index === from) return true
  const code = codeBefore(value, index, from)
  if (options.characterLevel) return code !== nul
  return isStartStringPrefix(code)
}

/**
 * docutils `end_string_suffix` at `index`: `($|(?=\s|[\x00 closing_delimiters delimiters closers]))`,
 * or the empty pattern with character-level inline markup.
 */
export function endStringSuffix(value: string, index: number, to: number, options: ScanOptions): boolean {
  if (options.characterLevel) return true
  if (index >= to) return true
  return isEndStringSuffix(codeAt(value, index, to))
}

/** A match of docutils' `patterns.initial`. */
export interface InitialMatch {
  /** `match.start()` and `match.end()`. */
  start: number
  end: number
  /** Dispatch key (`groups['start'] or groups['backquote'] or groups['refend'] or groups['fnend']`). */
  token: string
  /** `whole` group (references, footnote references). */
  wholeStart: number
  wholeEnd: number
  /** `refname` group. */
  refnameStart: number
  refnameEnd: number
  /** `footnotelabel` group. */
  labelStart: number
  labelEnd: number
  /** Whether `citationlabel` matched. */
  citation: boolean
  /** `role` group (empty: start === end). */
  roleStart: number
  roleEnd: number
  /** `start` or `backquote` group. */
  groupStart: number
  groupEnd: number
}

/** A new match object (`searchInitial` fills it). */
export function newInitialMatch(): InitialMatch {
  return {
    start: 0, end: 0, token: '', wholeStart: -1, wholeEnd: -1, refnameStart: -1, refnameEnd: -1,
    labelStart: -1, labelEnd: -1, citation: false, roleStart: 0, roleEnd: 0, groupStart: -1, groupEnd: -1
  }
}

/** Reset `match` to an empty match at `start`. */
function emptyMatch(match: InitialMatch, start: number): InitialMatch {
  match.start = start
  match.end = start
  match.token = ''
  match.wholeStart = -1
  match.wholeEnd = -1
  match.refnameStart = -1
  match.refnameEnd = -1
  match.labelStart = -1
  match.labelEnd = -1
  match.citation = false
  match.roleStart = start
  match.roleEnd = start
  match.groupStart = -1
  match.groupEnd = -1
  return match
}

/** The characters one of which every match of `patterns.initial` contains. */
const startCharacters = /[*`_|]/g

/**
 * Position of the first character at or after `from` one of which every
 * match of `patterns.initial` contains (`*`, `` ` ``, `_`, `|`), or -1:
 * without one, no start-string can match.
 *
 * @param value Text.
 * @param from Where to start looking.
 * @returns The position, or -1.
 */
export function nextStartCharacter(value: string, from: number): number {
  startCharacters.lastIndex = from
  return startCharacters.test(value) ? startCharacters.lastIndex - 1 : -1
}

/**
 * docutils: `Inliner.patterns.initial.search(remaining)`.
 *
 * @param value Null-escaped text.
 * @param from Start of `remaining`.
 * @param to End of the text.
 * @param names Simplename scanner over `value`/`to`.
 * @param options Scan options.
 * @param out Match object to fill (reused between searches).
 * @param known The first start-string character of `value` (-1: unknown):
 *   when it is at or after `from`, it is the next one, found without a search.
 * @returns The leftmost match (`out`), or undefined.
 */
export function searchInitial(
  value: string, from: number, to: number, names: SimplenameScanner, options: ScanOptions,
  out: InitialMatch = newInitialMatch(), known = -1
): InitialMatch | undefined {
  // Every alternative of `initial` contains one of `*`, `` ` ``, `_`, `|`
  // (`name_`, `[label]_`, `:role:``…), and the part before that character
  // never contains a space or a line feed. So only the run of non-space
  // characters ending at the next such character can hold a match start:
  // plain text is skipped with one tight loop instead of per-character checks.
  let index = from
  while (index < to) {
    // The regular expression engine finds the next such character several
    // times faster than a `charCodeAt` loop. It may look past `to`, which is
    // the end of `value` for every caller (`Inliner.parse`).
    let special: number
    if (known >= index) {
      special = known
      known = -1
    } else {
      startCharacters.lastIndex = index
      if (!startCharacters.test(value)) return undefined
      special = startCharacters.lastIndex - 1
    }
    if (special >= to) return undefined
    const runStart = nonSpaceRunStart(value, special, index)
    for (let candidate = runStart; candidate <= special; candidate++) {
      const code = value.charCodeAt(candidate)
      // Quick filter: every alternative starts with one of these or a name char.
      if (
        code !== asterisk && code !== graveAccent && code !== underscore && code !== verticalBar &&
        code !== leftSquareBracket && code !== colon && !(code >= 0x30 && isNameChar(codeAt(value, candidate, to)))
      ) continue
      if (!startStringPrefix(value, candidate, from, options)) continue
      const match = initialAt(value, candidate, to, names, options, out)
      if (match) return match
    }
    index = special + 1
  }
  return undefined
}

function initialAt(
  value: string, index: number, to: number, names: SimplenameScanner, options: ScanOptions, out: InitialMatch
): InitialMatch | undefined {
  const code = value.charCodeAt(index)
  const next = index + 1 < to ? value.charCodeAt(index + 1) : -1
  // Group `start`: simple start-strings followed by non-whitespace.
  let token = ''
  if (code === asterisk) {
    if (next === asterisk) {
      if (notSpaceAt(value, index + 2, to)) token = '**'
    } else if (notSpaceAt(value, index + 1, to)) {
      token = '*'
    }
  } else if (code === graveAccent) {
    if (next === graveAccent && notSpaceAt(value, index + 2, to)) token = '``'
  } else if (code === underscore) {
    if (next === graveAccent && notSpaceAt(value, index + 2, to)) token = '_`'
  } else if (code === verticalBar) {
    if (next !== verticalBar && notSpaceAt(value, index + 1, to)) token = '|'
  }
  if (token) {
    const match = emptyMatch(out, index)
    match.token = token
    match.end = index + token.length
    match.groupStart = index
    match.groupEnd = match.end
    return match
  }
  // Group `whole`: reference name + `__?`, or footnote/citation reference.
  const runEnd = names.scanEnd(index)
  if (runEnd !== -1) {
    const match = referenceAt(value, index, runEnd, names.lastUnderscore, to, options, out)
    if (match) return match
  }
  if (code === leftSquareBracket) {
    const match = footnoteAt(value, index, to, names, options, out)
    if (match) return match
  }
  // Group `backquote`: optional `:role:` then a backquote (not two), then non-whitespace.
  if (code === colon) {
    const roleEnd = names.scanEnd(index + 1)
    if (roleEnd !== -1 && roleEnd < to && value.charCodeAt(roleEnd) === colon) {
      const quote = roleEnd + 1
      if (
        quote < to && value.charCodeAt(quote) === graveAccent &&
        (quote + 1 >= to || value.charCodeAt(quote + 1) !== graveAccent) && notSpaceAt(value, quote + 1, to)
      ) {
        const match = emptyMatch(out, index)
        match.token = '`'
        match.roleStart = index
        match.roleEnd = quote
        match.groupStart = quote
        match.groupEnd = quote + 1
        match.end = quote + 1
        return match
      }
    }
  }
  if (code === graveAccent && next !== graveAccent && notSpaceAt(value, index + 1, to)) {
    const match = emptyMatch(out, index)
    match.token = '`'
    match.groupStart = index
    match.groupEnd = index + 1
    match.end = index + 1
    return match
  }
  return undefined
}

/** `(?P<refname>simplename)(?P<refend>__?)` + end_string_suffix (simplename run `[start, end)`). */
function referenceAt(
  value: string, start: number, end: number, lastUnderscore: number, to: number, options: ScanOptions, out: InitialMatch
): InitialMatch | undefined {
  // Longest simplename first; only its end can be followed by `_` and the
  // suffix, except with character-level markup (empty suffix), where the
  // last inner `_` separator also works.
  if (end < to && value.charCodeAt(end) === underscore) {
    if (end + 1 < to && value.charCodeAt(end + 1) === underscore && endStringSuffix(value, end + 2, to, options)) {
      return referenceMatch(out, start, end, '__')
    }
    if (endStringSuffix(value, end + 1, to, options)) return referenceMatch(out, start, end, '_')
  }
  if (options.characterLevel && lastUnderscore !== -1) {
    return referenceMatch(out, start, lastUnderscore, '_')
  }
  return undefined
}

function referenceMatch(out: InitialMatch, start: number, nameEnd: number, refend: string): InitialMatch {
  const match = emptyMatch(out, start)
  match.token = refend
  match.refnameStart = start
  match.refnameEnd = nameEnd
  match.wholeStart = start
  match.wholeEnd = nameEnd + refend.length
  match.end = match.wholeEnd
  return match
}

/** `\[(footnotelabel)\]_` + end_string_suffix. */
function footnoteAt(
  value: string, index: number, to: number, names: SimplenameScanner, options: ScanOptions, out: InitialMatch
): InitialMatch | undefined {
  const labelStart = index + 1
  // `[0-9]+`: manually numbered.
  let position = labelStart
  while (position < to && value.charCodeAt(position) >= 0x30 && value.charCodeAt(position) <= 0x39) position++
  if (position > labelStart && closes(value, position, to, options)) return footnoteMatch(out, index, labelStart, position, false)
  const first = labelStart < to ? value.charCodeAt(labelStart) : -1
  // `\#(simplename)?`: auto-numbered (with label?).
  if (first === numberSign) {
    const runEnd = names.scanEnd(labelStart + 1)
    if (runEnd !== -1 && closes(value, runEnd, to, options)) return footnoteMatch(out, index, labelStart, runEnd, false)
    if (closes(value, labelStart + 1, to, options)) return footnoteMatch(out, index, labelStart, labelStart + 1, false)
  }
  // `\*`: auto-symbol.
  if (first === asterisk && closes(value, labelStart + 1, to, options)) return footnoteMatch(out, index, labelStart, labelStart + 1, false)
  // `(?P<citationlabel>simplename)`: citation reference.
  const runEnd = names.scanEnd(labelStart)
  if (runEnd !== -1 && closes(value, runEnd, to, options)) return footnoteMatch(out, index, labelStart, runEnd, true)
  return undefined
}

/** `\]_` + end_string_suffix at `position` (end of a footnote label). */
function closes(value: string, position: number, to: number, options: ScanOptions): boolean {
  return position + 1 < to && value.charCodeAt(position) === rightSquareBracket &&
    value.charCodeAt(position + 1) === underscore && endStringSuffix(value, position + 2, to, options)
}

function footnoteMatch(out: InitialMatch, start: number, labelStart: number, labelEnd: number, citation: boolean): InitialMatch {
  const match = emptyMatch(out, start)
  match.token = ']_'
  match.labelStart = labelStart
  match.labelEnd = labelEnd
  match.citation = citation
  match.wholeStart = start
  match.wholeEnd = labelEnd + 2
  match.end = match.wholeEnd
  return match
}

/** A blank end-string match, to be filled (`EndScanner` keeps one per use). */
function newEndMatch(): EndMatch {
  return { start: -1, groupEnd: -1, end: -1, suffixStart: -1, suffixEnd: -1, roleStart: -1, roleEnd: -1 }
}

/** Fill `out` with an end-string match; returns it. */
function fillEndMatch(
  out: EndMatch, start: number, groupEnd: number, suffixStart: number, roleStart: number, roleEnd: number
): EndMatch {
  out.start = start
  out.groupEnd = groupEnd
  out.end = groupEnd
  out.suffixStart = suffixStart
  out.suffixEnd = suffixStart === -1 ? -1 : groupEnd
  out.roleStart = roleStart
  out.roleEnd = roleEnd
  return out
}

/** A simple end-string match (`start(1)` = `index`, `end()` = `groupEnd`). */
function endMatch(out: EndMatch, index: number, groupEnd: number): EndMatch {
  return fillEndMatch(out, index, groupEnd, -1, -1, -1)
}

/** The characters end-strings start with. */
const endCharacters = /[*`|]/g

/** Kinds of end-string patterns (docutils `Inliner.patterns`). */
export type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'substitution_ref' | 'interpreted_or_phrase_ref'

/** Slot of an end-string pattern in `EndScanner`'s cache. */
function endKindIndex(kind: EndKind): number {
  switch (kind) {
    case 'emphasis': return 0
    case 'strong': return 1
    case 'literal': return 2
    case 'target': return 3
    case 'substitution_ref': return 4
    case 'interpreted_or_phrase_ref': return 5
  }
}

/** A match of an end-string pattern. */
export interface EndMatch {
  /** `endmatch.start(1)`, `endmatch.end(1)`. */
  start: number
  groupEnd: number
  /** `endmatch.end()`. */
  end: number
  /** For `interpreted_or_phrase_ref`: the `suffix` group and its `role`. */
  suffixStart: number
  suffixEnd: number
  roleStart: number
  roleEnd: number
}

/**
 * Searches for end-strings, caching the next match of each pattern so that
 * many unterminated start-strings cost linear time overall.
 *
 * A returned match is one of the scanner's own objects, valid until the next
 * `search` (handlers read it at once): one for a match at the search start,
 * one per pattern for the cached one (refilled only when that cache entry is
 * replaced). No object per end-string.
 */
export class EndScanner {
  // Created on the first search past `from` (most paragraphs have no inline
  // markup): per pattern (`endKindIndex`), where the cached search started
  // (-1: none) and what it found.
  private cacheFrom: number[] | undefined
  private cacheMatch: (EndMatch | undefined)[] | undefined
  /** Whether the cache holds entries (`reset` clears them). */
  private cacheUsed = false
  /** The match at the search start (never cached). */
  private readonly firstMatch = newEndMatch()
  /** Per pattern: the object its cache entry uses. */
  private readonly slotMatches: EndMatch[] = [
    newEndMatch(), newEndMatch(), newEndMatch(), newEndMatch(), newEndMatch(), newEndMatch()
  ]
  constructor(
    public value: string,
    public to: number,
    readonly names: SimplenameScanner,
    public options: ScanOptions
  ) {}

  /** Scan another text (`Inliner.parse` reuses its scanners). */
  reset(value: string, to: number, options: ScanOptions): void {
    this.value = value
    this.to = to
    this.options = options
    if (this.cacheUsed) {
      this.cacheUsed = false
      const cacheFrom = this.cacheFrom!
      for (let slot = 0; slot < cacheFrom.length; slot++) {
        cacheFrom[slot] = -1
        this.cacheMatch![slot] = undefined
      }
    }
  }

  /**
   * docutils: `end_pattern.search(string[matchend:])`.
   *
   * @param kind Pattern.
   * @param from `matchend` (start of the searched string).
   * @returns The first match, or undefined.
   */
  search(kind: EndKind, from: number): EndMatch | undefined {
    // At `from` the look-behind sees the start of the string.
    const first = this.matchAt(kind, from, from, this.firstMatch)
    if (first) return first
    if (this.cacheFrom === undefined) {
      this.cacheFrom = [-1, -1, -1, -1, -1, -1]
      this.cacheMatch = [undefined, undefined, undefined, undefined, undefined, undefined]
    }
    const cacheFrom = this.cacheFrom
    const cacheMatch = this.cacheMatch!
    const slot = endKindIndex(kind)
    const cachedFrom = cacheFrom[slot]!
    if (cachedFrom !== -1 && cachedFrom <= from + 1) {
      const cached = cacheMatch[slot]
      if (cached === undefined || cached.start >= from + 1) return cached
    }
    let found: EndMatch | undefined
    // (the stale cache entry's object: a failed attempt leaves it untouched)
    const out = this.slotMatches[slot]!
    const { value, to } = this
    // Every end-string starts with `*`, `` ` `` or `|`; the regular
    // expression engine finds them faster than a `charCodeAt` loop (`to` is
    // the end of `value`).
    let index = from + 1
    while (index < to) {
      endCharacters.lastIndex = index
      if (!endCharacters.test(value)) break
      const candidate = endCharacters.lastIndex - 1
      if (candidate >= to) break
      found = this.matchAt(kind, candidate, from, out)
      if (found) break
      index = candidate + 1
    }
    cacheFrom[slot] = from + 1
    cacheMatch[slot] = found
    this.cacheUsed = true
    return found
  }

  /** The match at `index` filled into `out` (only on success), or undefined. */
  private matchAt(kind: EndKind, index: number, from: number, out: EndMatch): EndMatch | undefined {
    const { value, to, options } = this
    if (index >= to) return undefined
    const code = value.charCodeAt(index)
    const before = codeBefore(value, index, from)
    switch (kind) {
      case 'emphasis':
        // `(?<![\s\x00])(\*)` + suffix
        if (code !== asterisk || before === nul || (before !== -1 && isSpace(before))) return undefined
        return endStringSuffix(value, index + 1, to, options) ? endMatch(out, index, index + 1) : undefined
      case 'strong':
        // `(?<![\s\x00])(\*\*)` + suffix
        if (code !== asterisk || before === nul || (before !== -1 && isSpace(before))) return undefined
        if (index + 1 >= to || value.charCodeAt(index + 1) !== asterisk) return undefined
        return endStringSuffix(value, index + 2, to, options) ? endMatch(out, index, index + 2) : undefined
      case 'literal':
        // `(?<!\s)(``)` + suffix
        if (code !== graveAccent || (before !== -1 && isSpace(before))) return undefined
        if (index + 1 >= to || value.charCodeAt(index + 1) !== graveAccent) return undefined
        return endStringSuffix(value, index + 2, to, options) ? endMatch(out, index, index + 2) : undefined
      case 'target':
        // `(?<![\s\x00])(`)` + suffix
        if (code !== graveAccent || before === nul || (before !== -1 && isSpace(before))) return undefined
        return endStringSuffix(value, index + 1, to, options) ? endMatch(out, index, index + 1) : undefined
      case 'substitution_ref': {
        // `(?<![\s\x00])(\|_{0,2})` + suffix, greedy.
        if (code !== verticalBar || before === nul || (before !== -1 && isSpace(before))) return undefined
        let underscores = 0
        while (underscores < 2 && index + 1 + underscores < to && value.charCodeAt(index + 1 + underscores) === underscore) underscores++
        for (let count = underscores; count >= 0; count--) {
          if (endStringSuffix(value, index + 1 + count, to, options)) return endMatch(out, index, index + 1 + count)
        }
        return undefined
      }
      case 'interpreted_or_phrase_ref':
        return this.interpretedAt(index, from, out)
    }
  }

  /** `(?<!(?<!\x00)[\s\x00])` `` ` `` `(?P<suffix>(?P<role>:simplename:)?(?P<refend>__?)?)` + suffix. */
  private interpretedAt(index: number, from: number, out: EndMatch): EndMatch | undefined {
    const { value, to, options } = this
    if (value.charCodeAt(index) !== graveAccent) return undefined
    const before = codeBefore(value, index, from)
    if (before === nul || (before !== -1 && isSpace(before))) {
      // Allowed only when that character is itself escaped.
      const width_ = before > 0xffff ? 2 : 1
      if (codeBefore(value, index - width_, from) !== nul) return undefined
    }
    const suffixStart = index + 1
    if (suffixStart < to && value.charCodeAt(suffixStart) === colon) {
      const runEnd = this.names.scanEnd(suffixStart + 1)
      if (runEnd !== -1) {
        let roleEnd = -1
        if (runEnd < to && value.charCodeAt(runEnd) === colon) roleEnd = runEnd + 1
        else if (options.characterLevel && this.names.lastColon !== -1) roleEnd = this.names.lastColon + 1
        if (roleEnd !== -1) {
          const end = refendAt(value, roleEnd, to, options)
          if (end !== -1) {
            return fillEndMatch(out, index, end, suffixStart, suffixStart, roleEnd)
          }
        }
      }
    }
    const end = refendAt(value, suffixStart, to, options)
    if (end === -1) return undefined
    return fillEndMatch(out, index, end, suffixStart, -1, -1)
  }
}

/** `(?P<refend>__?)?` then end_string_suffix at `position`; returns the end or -1. */
function refendAt(value: string, position: number, to: number, options: ScanOptions): number {
  if (position < to && value.charCodeAt(position) === underscore) {
    if (position + 1 < to && value.charCodeAt(position + 1) === underscore && endStringSuffix(value, position + 2, to, options)) {
      return position + 2
    }
    if (endStringSuffix(value, position + 1, to, options)) return position + 1
  }
  return endStringSuffix(value, position, to, options) ? position : -1
}

/** A match of docutils' `patterns.embedded_link` in phrase-reference text. */
export interface EmbeddedLinkMatch {
  /** `match.start(0)` (group 1 starts there too). */
  start: number
  /** `match.group(2)` bounds (between the brackets). */
  aliasStart: number
  aliasEnd: number
  /** `match.end(1)`. */
  end: number
}

/**
 * docutils: `patterns.embedded_link.search(escaped)`:
 * `((?:[ \n]+|^)<(?!\s)(([^<>]|\x00[<>])+)(?<![\s\x00])>)$`.
 *
 * @param value Phrase text (null-escaped).
 * @returns The match, or undefined.
 */
export function searchEmbeddedLink(value: string): EmbeddedLinkMatch | undefined {
  let end = value.length
  // `$` also matches before a final newline.
  if (end > 0 && value.charCodeAt(end - 1) === lineFeed) {
    const match = embeddedLinkEndingAt(value, end - 1)
    if (match) return match
  }
  return embeddedLinkEndingAt(value, end)
}

function embeddedLinkEndingAt(value: string, end: number): EmbeddedLinkMatch | undefined {
  if (end < 2 || value.charCodeAt(end - 1) !== greaterThan) return undefined
  const close = end - 1
  // The `>` must not be escaped or follow whitespace.
  const beforeClose = codeBefore(value, close, 0)
  if (beforeClose === nul || isSpace(beforeClose)) return undefined
  // Find the opening `<`: the content may hold only escaped brackets.
  // The nearest unescaped `<` or `>` before the `>`, found with native
  // backward searches; each of `lt`/`gt` only moves backward (linear).
  let open = -1
  let lt = close > 0 ? value.lastIndexOf('<', close - 1) : -1
  let gt = close > 0 ? value.lastIndexOf('>', close - 1) : -1
  while (true) {
    const found = lt > gt ? lt : gt
    if (found === -1) break
    if (found > 0 && value.charCodeAt(found - 1) === nul) {
      // Escaped: look further back (`found - 1` holds the null escape).
      if (found === lt) lt = found >= 2 ? value.lastIndexOf('<', found - 2) : -1
      else gt = found >= 2 ? value.lastIndexOf('>', found - 2) : -1
      continue
    }
    if (found === gt) return undefined
    open = found
    break
  }
  if (open === -1 || open + 1 >= close) return undefined
  if (!notSpaceAt(value, open + 1, close)) return undefined
  let start = open
  if (open > 0) {
    const previous = value.charCodeAt(open - 1)
    if (previous !== space && previous !== lineFeed) return undefined
    start = open - 1
    while (start > 0) {
      const code = value.charCodeAt(start - 1)
      if (code !== space && code !== lineFeed) break
      start--
    }
  }
  return { start, aliasStart: open + 1, aliasEnd: close, end: close + 1 }
}

// ---------------------------------------------------------------------------
// Implicit inline markup: standalone URIs, email addresses, PEP and RFC.

/** `uric`: valid URI characters (RFC 2396 & RFC 2732), plus the null escape. */
function isUric(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true
  switch (code) {
    case 0x2d: case 0x5f: case 0x2e: case 0x21: case 0x7e: case 0x2a: case 0x27: case 0x28: case 0x29:
    case 0x5b: case 0x5d: case 0x3b: case 0x2f: case 0x3a: case 0x40: case 0x26: case 0x3d: case 0x2b:
    case 0x24: case 0x2c: case 0x25: case 0x00:
      return true
    default:
      return false
  }
}

/** `urilast`: `[_~*` + `/=+a-zA-Z0-9]` (last URI character). */
function isUrilast(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true
  return code === 0x5f || code === 0x7e || code === 0x2a || code === 0x2f || code === 0x3d || code === 0x2b
}

/** `emailc`: valid email address characters, plus the null escape. */
function isEmailc(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true
  switch (code) {
    case 0x2d: case 0x5f: case 0x21: case 0x7e: case 0x2a: case 0x27: case 0x7b: case 0x7c: case 0x7d:
    case 0x2f: case 0x23: case 0x3f: case 0x5e: case 0x60: case 0x26: case 0x3d: case 0x2b: case 0x24:
    case 0x25: case 0x00:
      return true
    default:
      return false
  }
}

/** `emailc` or `.` (email host characters). */
function isHostChar(code: number): boolean {
  return code === dot || isEmailc(code)
}

function isSchemeChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ||
    code === dot || code === plusSign || code === dash
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

/** The characters one of which every match of `patterns.uri` contains. */
const uriSpecials = /[:@]/g

/** A match of docutils' `patterns.uri`. */
export interface UriMatch {
  start: number
  end: number
  /** `scheme` group (absolute URIs); -1 for email addresses. */
  schemeStart: number
  schemeEnd: number
  email: boolean
}

/** A match of `patterns.pep` or `patterns.rfc`. */
export interface NumberedMatch {
  start: number
  end: number
  numberStart: number
  numberEnd: number
}

/**
 * Matchers for `patterns.uri`, `patterns.email`, `patterns.pep`,
 * `patterns.rfc` over `value` between `from` and `to`.
 */
export class ImplicitScanner {
  // Caches that keep repeated candidates inside one run linear. One entry
  // each is enough: searches go forward, and all the candidates that reach
  // a cache inside one run share its key (the run's `:` or `@`).
  /** Last scheme run `[schemeStart, schemeEnd)` (-1: none). */
  private schemeStart = -1
  private schemeEnd = -1
  /** Last email local part `[localStart, localEnd)` (-1: none). */
  private localStart = -1
  private localEnd = -1
  /** `absoluteRest` result for the `:` at `absoluteKey` (-1: none). */
  private absoluteKey = -1
  private absoluteValue = -1
  /** `emailAt` result for the `@` at `emailKey` (-1: none). */
  private emailKey = -1
  private emailValue = -1

  /**
   * @param value Text.
   * @param from Start of the searched string (`^`); may be moved forward
   *   between searches (the caches depend on `value` and `to` only).
   * @param to End of the searched string (`$`).
   * @param options Scan options.
   */
  constructor(readonly value: string, public from: number, readonly to: number, readonly options: ScanOptions) {}

  private suffix(index: number): boolean {
    return endStringSuffix(this.value, index, this.to, this.options)
  }

  private code(index: number): number {
    return index < this.to && index >= 0 ? this.value.charCodeAt(index) : -1
  }

  /** `uri_end` ending at `end` (exclusive): `urilast`, or `uric` followed by `>`. */
  private validUriEnd(end: number): boolean {
    const last = this.code(end - 1)
    return isUrilast(last) || (isUric(last) && this.code(end) === greaterThan)
  }

  // One loop per character class (a loop calling a function parameter is not inlined).

  /** End of the run of `uric` characters from `start`. */
  private runUric(start: number): number {
    const { value, to } = this
    let index = start
    while (index < to && isUric(value.charCodeAt(index))) index++
    return index
  }

  /** End of the run of `emailc` characters from `start`. */
  private runEmailc(start: number): number {
    const { value, to } = this
    let index = start
    while (index < to && isEmailc(value.charCodeAt(index))) index++
    return index
  }

  /** End of the run of scheme characters (`[a-zA-Z0-9.+-]`) from `start`. */
  private runScheme(start: number): number {
    const { value, to } = this
    let index = start
    while (index < to && isSchemeChar(value.charCodeAt(index))) index++
    return index
  }

  /** End of the run of email host characters (`emailc` or `.`) from `start`. */
  private runHost(start: number): number {
    const { value, to } = this
    let index = start
    while (index < to && isHostChar(value.charCodeAt(index))) index++
    return index
  }

  /**
   * docutils: `patterns.uri.search(text)` (leftmost match).
   *
   * @param from Where to start (default: the searched string's start).
   * @param known The first `:`/`@` at or after the searched string's start
   *   (-1: unknown): when it is at or after `from`, no search is needed for it.
   * @returns The match, or undefined.
   */
  searchUri(from = this.from, known = -1): UriMatch | undefined {
    const { value, to } = this
    // Every match contains `:` (after the scheme) or `@` (email), and the
    // scheme or local part before it holds no space or line feed: only the
    // run of non-space characters ending at the next `:`/`@` can hold a
    // match start, so plain text is skipped with one tight loop.
    let index = from
    while (index < to) {
      // The regular expression engine finds the next `:`/`@` faster than a
      // `charCodeAt` loop. It may look past `to` (a range of the text), up to
      // the next such character: each implicit range holding one searches past
      // its end at most once per search that finds nothing, and the ranges do
      // not overlap, so that stays linear.
      let special: number
      if (known >= index) {
        special = known
        known = -1
      } else {
        uriSpecials.lastIndex = index
        if (!uriSpecials.test(value)) return undefined
        special = uriSpecials.lastIndex - 1
      }
      if (special >= to) return undefined
      // A `:` not followed by a URI character ("Note: …", "following:") ends
      // no scheme (`absoluteRest` finds nothing), and no email local part
      // reaches past it (neither `:` nor `@` is `emailc`, and no `@` lies
      // between `index` and it): no match can start in this run.
      if (value.charCodeAt(special) === colon && (special + 1 >= to || !isUric(value.charCodeAt(special + 1)))) {
        index = special + 1
        continue
      }
      const runStart = nonSpaceRunStart(value, special, index)
      for (let candidate = runStart; candidate <= special; candidate++) {
        const code = value.charCodeAt(candidate)
        if (!isEmailc(code) && !isAsciiLetter(code)) continue
        if (!startStringPrefix(value, candidate, this.from, this.options)) continue
        const match = this.uriAt(candidate)
        if (match) return match
      }
      index = special + 1
    }
    return undefined
  }

  /** docutils: `patterns.uri.match(text)` at `index`. */
  uriAt(index: number): UriMatch | undefined {
    if (!startStringPrefix(this.value, index, this.from, this.options)) return undefined
    const code = this.code(index)
    if (isAsciiLetter(code)) {
      // `(?P<scheme>[a-zA-Z][a-zA-Z0-9.+-]*)` is deterministic.
      let schemeEnd: number
      if (index > this.schemeStart && index < this.schemeEnd) schemeEnd = this.schemeEnd
      else {
        schemeEnd = this.runScheme(index + 1)
        this.schemeStart = index
        this.schemeEnd = schemeEnd
      }
      if (this.code(schemeEnd) === colon) {
        let end: number
        if (this.absoluteKey === schemeEnd) end = this.absoluteValue
        else {
          end = this.absoluteRest(schemeEnd + 1)
          this.absoluteKey = schemeEnd
          this.absoluteValue = end
        }
        if (end !== -1) return { start: index, end, schemeStart: index, schemeEnd, email: false }
      }
    }
    if (isEmailc(code)) {
      const end = this.emailAt(index, false)
      if (end !== -1) return { start: index, end, schemeStart: -1, schemeEnd: -1, email: true }
    }
    return undefined
  }

  /** The part after `scheme:`; returns the match end (after the suffix check) or -1. */
  private absoluteRest(start: number): number {
    const hierEnd = this.runUric(start)
    for (let end = hierEnd; end > start; end--) {
      if (!this.validUriEnd(end)) continue
      if (end === hierEnd) {
        // Optional query, then optional fragment (greedy).
        if (this.code(end) === questionMark) {
          const queryEnd = this.runUric(end + 1)
          for (let query = queryEnd; query > end + 1; query--) {
            if (!this.validUriEnd(query)) continue
            if (query === queryEnd && this.code(query) === numberSign) {
              const fragment = this.fragment(query)
              if (fragment !== -1) return fragment
            }
            if (this.suffix(query)) return query
          }
        }
        if (this.code(end) === numberSign) {
          const fragment = this.fragment(end)
          if (fragment !== -1) return fragment
        }
      }
      if (this.suffix(end)) return end
    }
    return -1
  }

  /** `\#uric*uri_end` at `start` (which holds `#`), then the suffix. */
  private fragment(start: number): number {
    const fragmentEnd = this.runUric(start + 1)
    for (let end = fragmentEnd; end > start + 1; end--) {
      if (this.validUriEnd(end) && this.suffix(end)) return end
    }
    return -1
  }

  /**
   * `email_pattern` at `index`, then the end-string suffix (or, with
   * `anchored`, `$`). Returns the match end or -1.
   */
  emailAt(index: number, anchored: boolean): number {
    // Local part: `emailc+(?:\.emailc+)*`, deterministic.
    let localEnd: number
    if (!anchored && index > this.localStart && index < this.localEnd) localEnd = this.localEnd
    else {
      localEnd = index
      while (true) {
        localEnd = this.runEmailc(localEnd)
        if (this.code(localEnd) === dot && isEmailc(this.code(localEnd + 1))) {
          localEnd++
          continue
        }
        break
      }
      if (!anchored) {
        this.localStart = index
        this.localEnd = localEnd
      }
    }
    if (localEnd === index || this.code(localEnd) !== atSign || this.code(localEnd - 1) === nul) return -1
    if (!anchored && this.emailKey === localEnd) return this.emailValue
    // Host: `emailc+(?:\.emailc*)*` then `uri_end`.
    const hostStart = localEnd + 1
    let result = -1
    if (isEmailc(this.code(hostStart))) {
      const hostEnd = this.runHost(hostStart)
      for (let last = hostEnd; last > hostStart; last--) {
        const code = this.code(last)
        if (!(isUrilast(code) || (isUric(code) && this.code(last + 1) === greaterThan))) continue
        const end = last + 1
        if (anchored ? end === this.to || (end === this.to - 1 && this.code(end) === lineFeed) : this.suffix(end)) {
          result = end
          break
        }
      }
    }
    if (!anchored) {
      this.emailKey = localEnd
      this.emailValue = result
    }
    return result
  }

  /** docutils: `patterns.pep.search(text)`. */
  searchPep(from = this.from): NumberedMatch | undefined {
    for (let index = from; index < this.to; index++) {
      const code = this.value.charCodeAt(index)
      if (code !== 0x70 /* p */ && code !== 0x50 /* P */) continue
      const match = this.pepAt(index)
      if (match) return match
    }
    return undefined
  }

  private digits(start: number): number {
    let index = start
    while (index < this.to) {
      const code = codeAt(this.value, index, this.to)
      if (!isDigit(code)) break
      index += width(code)
    }
    return index
  }

  /** `patterns.pep` at `index` (prefix included). */
  pepAt(index: number): NumberedMatch | undefined {
    if (!startStringPrefix(this.value, index, this.from, this.options)) return undefined
    const value = this.value
    if (value.startsWith('pep-', index) && index + 4 <= this.to) {
      // `pep-(?P<pepnum1>\d+)(.txt)?`
      const numberStart = index + 4
      const numberEnd = this.digits(numberStart)
      for (let end = numberEnd; end > numberStart; end--) {
        if (this.code(end) !== -1 && this.code(end) !== lineFeed && end + 4 <= this.to && value.startsWith('txt', end + 1)) {
          if (this.suffix(end + 4)) return { start: index, end: end + 4, numberStart, numberEnd: end }
        }
        if (this.suffix(end)) return { start: index, end, numberStart, numberEnd: end }
        // Shorter digit runs only differ before a digit; continue the backtracking.
      }
    }
    if (value.startsWith('PEP', index) && index + 3 <= this.to) {
      // `PEP\s+(?P<pepnum2>\d+)`
      let position = index + 3
      while (position < this.to && isSpace(codeAt(value, position, this.to))) position++
      if (position > index + 3) {
        const numberEnd = this.digits(position)
        if (numberEnd > position) {
          for (let end = numberEnd; end > position; end--) {
            if (this.suffix(end)) return { start: index, end, numberStart: position, numberEnd: end }
          }
        }
      }
    }
    return undefined
  }

  /** docutils: `patterns.rfc.search(text)`. */
  searchRfc(from = this.from): NumberedMatch | undefined {
    for (let index = from; index < this.to; index++) {
      if (this.value.charCodeAt(index) !== 0x52 /* R */) continue
      const match = this.rfcAt(index)
      if (match) return match
    }
    return undefined
  }

  /** `patterns.rfc` at `index` (prefix included). */
  rfcAt(index: number): NumberedMatch | undefined {
    if (!startStringPrefix(this.value, index, this.from, this.options)) return undefined
    if (!this.value.startsWith('RFC', index) || index + 3 > this.to) return undefined
    // `RFC(-|\s+)?(?P<rfcnum>\d+)`
    const starts: number[] = []
    const after = index + 3
    if (this.code(after) === dash) starts.push(after + 1)
    let position = after
    while (position < this.to && isSpace(codeAt(this.value, position, this.to))) position++
    if (position > after) starts.push(position)
    starts.push(after)
    for (const numberStart of starts) {
      const numberEnd = this.digits(numberStart)
      for (let end = numberEnd; end > numberStart; end--) {
        if (this.suffix(end)) return { start: index, end, numberStart, numberEnd: end }
      }
    }
    return undefined
  }
}

/**
 * docutils: `Inliner.patterns.email.match(uri)` — is `value` one whole email
 * address (used by `adjust_uri`)?
 *
 * @param value Text.
 * @returns Whether it matches.
 */
export function isEmail(value: string): boolean {
  const scanner = new ImplicitScanner(value, 0, value.length, { characterLevel: true })
  return isEmailc(value.charCodeAt(0)) && scanner.emailAt(0, true) !== -1
}

/**
 * docutils: `Inliner.patterns.uri.match(value)` — does a standalone URI or
 * email address start `value`?
 *
 * @param value Text.
 * @param options Scan options.
 * @returns Whether it matches.
 */
export function matchUri(value: string, options: ScanOptions): boolean {
  const scanner = new ImplicitScanner(value, 0, value.length, options)
  return scanner.uriAt(0) !== undefined
}

/**
 * Start of the run of non-space characters that ends at `end` (a match start
 * can only lie in it: start-strings never follow a space or line feed inside
 * the match), not going below `floor`.
 */
function nonSpaceRunStart(value: string, end: number, floor: number): number {
  let start = end
  while (start > floor) {
    const code = value.charCodeAt(start - 1)
    if (code === space || code === lineFeed) break
    start--
  }
  return start
}
