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
const lessThan = 0x3c /* < */
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
  private cache: SimplenameRun | undefined
  constructor(readonly value: string, readonly to: number) {}

  scan(index: number): SimplenameRun | undefined {
    const { value, to } = this
    const first = codeAt(value, index, to)
    if (!isNameChar(first)) return undefined
    const cache = this.cache
    if (cache && index > cache.start && index < cache.end) {
      return {
        start: index,
        end: cache.end,
        lastUnderscore: cache.lastUnderscore > index ? cache.lastUnderscore : -1,
        lastColon: cache.lastColon > index ? cache.lastColon : -1
      }
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
    const run = { start: index, end: position, lastUnderscore, lastColon }
    this.cache = run
    return run
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

function emptyMatch(start: number): InitialMatch {
  return {
    start, end: start, token: '', wholeStart: -1, wholeEnd: -1, refnameStart: -1, refnameEnd: -1,
    labelStart: -1, labelEnd: -1, citation: false, roleStart: start, roleEnd: start, groupStart: -1, groupEnd: -1
  }
}

/**
 * docutils: `Inliner.patterns.initial.search(remaining)`.
 *
 * @param value Null-escaped text.
 * @param from Start of `remaining`.
 * @param to End of the text.
 * @param names Simplename scanner over `value`/`to`.
 * @param options Scan options.
 * @returns The leftmost match, or undefined.
 */
export function searchInitial(
  value: string, from: number, to: number, names: SimplenameScanner, options: ScanOptions
): InitialMatch | undefined {
  // Every alternative of `initial` contains one of `*`, `` ` ``, `_`, `|`
  // (`name_`, `[label]_`, `:role:``…), and the part before that character
  // never contains a space or a line feed. So only the run of non-space
  // characters ending at the next such character can hold a match start:
  // plain text is skipped with one tight loop instead of per-character checks.
  let index = from
  while (index < to) {
    let special = index
    while (special < to) {
      const code = value.charCodeAt(special)
      if (code === asterisk || code === graveAccent || code === underscore || code === verticalBar) break
      special++
    }
    if (special === to) return undefined
    const runStart = nonSpaceRunStart(value, special, index)
    for (let candidate = runStart; candidate <= special; candidate++) {
      const code = value.charCodeAt(candidate)
      // Quick filter: every alternative starts with one of these or a name char.
      if (
        code !== asterisk && code !== graveAccent && code !== underscore && code !== verticalBar &&
        code !== leftSquareBracket && code !== colon && !(code >= 0x30 && isNameChar(codeAt(value, candidate, to)))
      ) continue
      if (!startStringPrefix(value, candidate, from, options)) continue
      const match = initialAt(value, candidate, to, names, options)
      if (match) return match
    }
    index = special + 1
  }
  return undefined
}

function initialAt(value: string, index: number, to: number, names: SimplenameScanner, options: ScanOptions): InitialMatch | undefined {
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
    const match = emptyMatch(index)
    match.token = token
    match.end = index + token.length
    match.groupStart = index
    match.groupEnd = match.end
    return match
  }
  // Group `whole`: reference name + `__?`, or footnote/citation reference.
  const run = names.scan(index)
  if (run) {
    const match = referenceAt(value, run, to, options)
    if (match) return match
  }
  if (code === leftSquareBracket) {
    const match = footnoteAt(value, index, to, names, options)
    if (match) return match
  }
  // Group `backquote`: optional `:role:` then a backquote (not two), then non-whitespace.
  if (code === colon) {
    const role = names.scan(index + 1)
    if (role && role.end < to && value.charCodeAt(role.end) === colon) {
      const quote = role.end + 1
      if (
        quote < to && value.charCodeAt(quote) === graveAccent &&
        (quote + 1 >= to || value.charCodeAt(quote + 1) !== graveAccent) && notSpaceAt(value, quote + 1, to)
      ) {
        const match = emptyMatch(index)
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
    const match = emptyMatch(index)
    match.token = '`'
    match.groupStart = index
    match.groupEnd = index + 1
    match.end = index + 1
    return match
  }
  return undefined
}

/** `(?P<refname>simplename)(?P<refend>__?)` + end_string_suffix. */
function referenceAt(value: string, run: SimplenameRun, to: number, options: ScanOptions): InitialMatch | undefined {
  // Longest simplename first; only its end can be followed by `_` and the
  // suffix, except with character-level markup (empty suffix), where the
  // last inner `_` separator also works.
  const end = run.end
  if (end < to && value.charCodeAt(end) === underscore) {
    if (end + 1 < to && value.charCodeAt(end + 1) === underscore && endStringSuffix(value, end + 2, to, options)) {
      return referenceMatch(run.start, end, '__')
    }
    if (endStringSuffix(value, end + 1, to, options)) return referenceMatch(run.start, end, '_')
  }
  if (options.characterLevel && run.lastUnderscore !== -1) {
    return referenceMatch(run.start, run.lastUnderscore, '_')
  }
  return undefined
}

function referenceMatch(start: number, nameEnd: number, refend: string): InitialMatch {
  const match = emptyMatch(start)
  match.token = refend
  match.refnameStart = start
  match.refnameEnd = nameEnd
  match.wholeStart = start
  match.wholeEnd = nameEnd + refend.length
  match.end = match.wholeEnd
  return match
}

/** `\[(footnotelabel)\]_` + end_string_suffix. */
function footnoteAt(value: string, index: number, to: number, names: SimplenameScanner, options: ScanOptions): InitialMatch | undefined {
  const labelStart = index + 1
  const closes = (position: number): boolean =>
    position + 1 < to && value.charCodeAt(position) === rightSquareBracket &&
    value.charCodeAt(position + 1) === underscore && endStringSuffix(value, position + 2, to, options)
  // `[0-9]+`: manually numbered.
  let position = labelStart
  while (position < to && value.charCodeAt(position) >= 0x30 && value.charCodeAt(position) <= 0x39) position++
  if (position > labelStart && closes(position)) return footnoteMatch(index, labelStart, position, false)
  const first = labelStart < to ? value.charCodeAt(labelStart) : -1
  // `\#(simplename)?`: auto-numbered (with label?).
  if (first === numberSign) {
    const run = names.scan(labelStart + 1)
    if (run && closes(run.end)) return footnoteMatch(index, labelStart, run.end, false)
    if (closes(labelStart + 1)) return footnoteMatch(index, labelStart, labelStart + 1, false)
  }
  // `\*`: auto-symbol.
  if (first === asterisk && closes(labelStart + 1)) return footnoteMatch(index, labelStart, labelStart + 1, false)
  // `(?P<citationlabel>simplename)`: citation reference.
  const run = names.scan(labelStart)
  if (run && closes(run.end)) return footnoteMatch(index, labelStart, run.end, true)
  return undefined
}

function footnoteMatch(start: number, labelStart: number, labelEnd: number, citation: boolean): InitialMatch {
  const match = emptyMatch(start)
  match.token = ']_'
  match.labelStart = labelStart
  match.labelEnd = labelEnd
  match.citation = citation
  match.wholeStart = start
  match.wholeEnd = labelEnd + 2
  match.end = match.wholeEnd
  return match
}

/** A simple end-string match (`start(1)` = `index`, `end()` = `groupEnd`). */
function endMatch(index: number, groupEnd: number): EndMatch {
  return { start: index, groupEnd, end: groupEnd, suffixStart: -1, suffixEnd: -1, roleStart: -1, roleEnd: -1 }
}

/** Kinds of end-string patterns (docutils `Inliner.patterns`). */
export type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'substitution_ref' | 'interpreted_or_phrase_ref'

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
 */
export class EndScanner {
  // Created on the first search past `from` (most paragraphs have no inline markup).
  private cache: Map<EndKind, { from: number; match: EndMatch | undefined }> | undefined
  constructor(
    readonly value: string,
    readonly to: number,
    readonly names: SimplenameScanner,
    readonly options: ScanOptions
  ) {}

  /**
   * docutils: `end_pattern.search(string[matchend:])`.
   *
   * @param kind Pattern.
   * @param from `matchend` (start of the searched string).
   * @returns The first match, or undefined.
   */
  search(kind: EndKind, from: number): EndMatch | undefined {
    // At `from` the look-behind sees the start of the string.
    const first = this.matchAt(kind, from, from)
    if (first) return first
    this.cache ??= new Map()
    const cached = this.cache.get(kind)
    if (cached && cached.from <= from + 1 && (cached.match === undefined || cached.match.start >= from + 1)) {
      return cached.match
    }
    let found: EndMatch | undefined
    for (let index = from + 1; index < this.to; index++) {
      const code = this.value.charCodeAt(index)
      if (code !== asterisk && code !== graveAccent && code !== verticalBar) continue
      found = this.matchAt(kind, index, from)
      if (found) break
    }
    this.cache.set(kind, { from: from + 1, match: found })
    return found
  }

  private matchAt(kind: EndKind, index: number, from: number): EndMatch | undefined {
    const { value, to, options } = this
    if (index >= to) return undefined
    const code = value.charCodeAt(index)
    const before = codeBefore(value, index, from)
    switch (kind) {
      case 'emphasis':
        // `(?<![\s\x00])(\*)` + suffix
        if (code !== asterisk || before === nul || (before !== -1 && isSpace(before))) return undefined
        return endStringSuffix(value, index + 1, to, options) ? endMatch(index, index + 1) : undefined
      case 'strong':
        // `(?<![\s\x00])(\*\*)` + suffix
        if (code !== asterisk || before === nul || (before !== -1 && isSpace(before))) return undefined
        if (index + 1 >= to || value.charCodeAt(index + 1) !== asterisk) return undefined
        return endStringSuffix(value, index + 2, to, options) ? endMatch(index, index + 2) : undefined
      case 'literal':
        // `(?<!\s)(``)` + suffix
        if (code !== graveAccent || (before !== -1 && isSpace(before))) return undefined
        if (index + 1 >= to || value.charCodeAt(index + 1) !== graveAccent) return undefined
        return endStringSuffix(value, index + 2, to, options) ? endMatch(index, index + 2) : undefined
      case 'target':
        // `(?<![\s\x00])(`)` + suffix
        if (code !== graveAccent || before === nul || (before !== -1 && isSpace(before))) return undefined
        return endStringSuffix(value, index + 1, to, options) ? endMatch(index, index + 1) : undefined
      case 'substitution_ref': {
        // `(?<![\s\x00])(\|_{0,2})` + suffix, greedy.
        if (code !== verticalBar || before === nul || (before !== -1 && isSpace(before))) return undefined
        let underscores = 0
        while (underscores < 2 && index + 1 + underscores < to && value.charCodeAt(index + 1 + underscores) === underscore) underscores++
        for (let count = underscores; count >= 0; count--) {
          if (endStringSuffix(value, index + 1 + count, to, options)) return endMatch(index, index + 1 + count)
        }
        return undefined
      }
      case 'interpreted_or_phrase_ref':
        return this.interpretedAt(index, from)
    }
  }

  /** `(?<!(?<!\x00)[\s\x00])` `` ` `` `(?P<suffix>(?P<role>:simplename:)?(?P<refend>__?)?)` + suffix. */
  private interpretedAt(index: number, from: number): EndMatch | undefined {
    const { value, to, options } = this
    if (value.charCodeAt(index) !== graveAccent) return undefined
    const before = codeBefore(value, index, from)
    if (before === nul || (before !== -1 && isSpace(before))) {
      // Allowed only when that character is itself escaped.
      const width_ = before > 0xffff ? 2 : 1
      if (codeBefore(value, index - width_, from) !== nul) return undefined
    }
    const suffixStart = index + 1
    const tryRefend = (position: number): number => {
      // `(?P<refend>__?)?` then end_string_suffix; returns the end or -1.
      if (position < to && value.charCodeAt(position) === underscore) {
        if (position + 1 < to && value.charCodeAt(position + 1) === underscore && endStringSuffix(value, position + 2, to, options)) {
          return position + 2
        }
        if (endStringSuffix(value, position + 1, to, options)) return position + 1
      }
      return endStringSuffix(value, position, to, options) ? position : -1
    }
    if (suffixStart < to && value.charCodeAt(suffixStart) === colon) {
      const run = this.names.scan(suffixStart + 1)
      if (run) {
        let roleEnd = -1
        if (run.end < to && value.charCodeAt(run.end) === colon) roleEnd = run.end + 1
        else if (options.characterLevel && run.lastColon !== -1) roleEnd = run.lastColon + 1
        if (roleEnd !== -1) {
          const end = tryRefend(roleEnd)
          if (end !== -1) {
            return { start: index, groupEnd: end, end, suffixStart, suffixEnd: end, roleStart: suffixStart, roleEnd }
          }
        }
      }
    }
    const end = tryRefend(suffixStart)
    if (end === -1) return undefined
    return { start: index, groupEnd: end, end, suffixStart, suffixEnd: end, roleStart: -1, roleEnd: -1 }
  }
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
  let open = -1
  for (let index = close - 1; index >= 0; index--) {
    const code = value.charCodeAt(index)
    if (code === lessThan || code === greaterThan) {
      if (index > 0 && value.charCodeAt(index - 1) === nul) continue
      if (code === greaterThan) return undefined
      open = index
      break
    }
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

function isSchemeChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ||
    code === dot || code === plusSign || code === dash
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

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
  private schemeCache: { start: number; end: number } | undefined
  private localCache: { start: number; end: number } | undefined
  // Created on first use: most scanners never see a `scheme:` or an `@`.
  private absoluteCache: Map<number, number> | undefined
  private emailCache: Map<number, number> | undefined

  constructor(readonly value: string, readonly from: number, readonly to: number, readonly options: ScanOptions) {}

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

  private run(start: number, test: (code: number) => boolean): number {
    let index = start
    while (index < this.to && test(this.value.charCodeAt(index))) index++
    return index
  }

  /** docutils: `patterns.uri.search(text)` (leftmost match). */
  searchUri(from = this.from): UriMatch | undefined {
    const { value, to } = this
    // Every match contains `:` (after the scheme) or `@` (email), and the
    // scheme or local part before it holds no space or line feed: only the
    // run of non-space characters ending at the next `:`/`@` can hold a
    // match start, so plain text is skipped with one tight loop.
    let index = from
    while (index < to) {
      let special = index
      while (special < to) {
        const code = value.charCodeAt(special)
        if (code === colon || code === atSign) break
        special++
      }
      if (special === to) return undefined
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
      const cache = this.schemeCache
      if (cache && index > cache.start && index < cache.end) schemeEnd = cache.end
      else {
        schemeEnd = this.run(index + 1, isSchemeChar)
        this.schemeCache = { start: index, end: schemeEnd }
      }
      if (this.code(schemeEnd) === colon) {
        this.absoluteCache ??= new Map()
        let end = this.absoluteCache.get(schemeEnd)
        if (end === undefined) {
          end = this.absoluteRest(schemeEnd + 1)
          this.absoluteCache.set(schemeEnd, end)
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
    const hierEnd = this.run(start, isUric)
    for (let end = hierEnd; end > start; end--) {
      if (!this.validUriEnd(end)) continue
      if (end === hierEnd) {
        // Optional query, then optional fragment (greedy).
        if (this.code(end) === questionMark) {
          const queryEnd = this.run(end + 1, isUric)
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
    const fragmentEnd = this.run(start + 1, isUric)
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
    const cache = this.localCache
    if (!anchored && cache && index > cache.start && index < cache.end) localEnd = cache.end
    else {
      localEnd = index
      while (true) {
        localEnd = this.run(localEnd, isEmailc)
        if (this.code(localEnd) === dot && isEmailc(this.code(localEnd + 1))) {
          localEnd++
          continue
        }
        break
      }
      if (!anchored) this.localCache = { start: index, end: localEnd }
    }
    if (localEnd === index || this.code(localEnd) !== atSign || this.code(localEnd - 1) === nul) return -1
    if (!anchored) {
      this.emailCache ??= new Map()
      const cached = this.emailCache.get(localEnd)
      if (cached !== undefined) return cached
    }
    // Host: `emailc+(?:\.emailc*)*` then `uri_end`.
    const hostStart = localEnd + 1
    let result = -1
    if (isEmailc(this.code(hostStart))) {
      const hostEnd = this.run(hostStart, (code) => code === dot || isEmailc(code))
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
    if (!anchored) this.emailCache!.set(localEnd, result)
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
