/**
 * Character classes of the inline markup recognition rules.
 *
 * docutils: utils/punctuation_chars.py (`match_chars`) and the character
 * classes states.py builds from it (`start_string_prefix`,
 * `end_string_suffix`), plus Python's `\s`, `\w` and `\d` on one code point.
 */
import {
  closerRanges,
  closers,
  closingDelimiterRanges,
  delimiterRanges,
  openerRanges,
  openers,
  quotePairs
} from './punctuation-data.js'

export { closerRanges, closers, closingDelimiterRanges, delimiterRanges, openerRanges, openers, quotePairs }

function inRanges(ranges: readonly number[], code: number): boolean {
  // Binary search over (start, end) pairs.
  let low = 0
  let high = (ranges.length >> 1) - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (code < ranges[middle * 2]!) high = middle - 1
    else if (code > ranges[middle * 2 + 1]!) low = middle + 1
    else return true
  }
  return false
}

/** Python `ch.isspace()` for one code point (docutils' `\s`). */
export function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f)) return true
  if (code < 0x85) return false
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  )
}

const wordPattern = /[\p{L}\p{N}_]/u
const digitPattern = /\p{Nd}/u

/**
 * Per-BMP-code-unit memo of a character class (0 = not computed yet,
 * 1 = in the class, 2 = not): the classes below are tested for almost every
 * character of every paragraph, and computing them (a Unicode regex test or
 * two binary searches) costs far more than a table read.
 */
function memoized(test: (code: number) => boolean): (code: number) => boolean {
  const table = new Uint8Array(0x10000)
  return (code) => {
    if (code < 0 || code > 0xffff) return test(code)
    let known = table[code]
    if (known === 0) {
      known = test(code) ? 1 : 2
      table[code] = known
    }
    return known === 1
  }
}

const isWordUncached = (code: number): boolean => wordPattern.test(String.fromCodePoint(code))
const isWordMemo = memoized(isWordUncached)

/** Python `\w` for one code point (letters, numbers, underscore). */
export function isWord(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  }
  return isWordMemo(code)
}

/** Python `\d` for one code point (Unicode decimal digits). */
export function isDigit(code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39
  return digitPattern.test(String.fromCodePoint(code))
}

/** Is `code` in docutils' `openers` class? */
export function isOpener(code: number): boolean {
  return inRanges(openerRanges, code)
}

/** Is `code` in docutils' `closers` class? */
export function isCloser(code: number): boolean {
  return inRanges(closerRanges, code)
}

/** Is `code` in docutils' `delimiters` class? */
export function isDelimiter(code: number): boolean {
  return inRanges(delimiterRanges, code)
}

/** Is `code` in docutils' `closing_delimiters` class? */
export function isClosingDelimiter(code: number): boolean {
  return inRanges(closingDelimiterRanges, code)
}

/**
 * May inline markup start after this character?
 * docutils: `(?<=\s|[openers delimiters])` in `Inliner.init_customizations`.
 *
 * @param code Code point before the start-string.
 * @returns Whether it allows a start-string.
 */
export function isStartStringPrefix(code: number): boolean {
  return isStartStringPrefixMemo(code)
}
const isStartStringPrefixMemo = memoized((code) => isSpace(code) || isOpener(code) || isDelimiter(code))

/**
 * May inline markup end before this character?
 * docutils: `(?=\s|[\x00 closing_delimiters delimiters closers])`.
 *
 * @param code Code point after the end-string.
 * @returns Whether it allows an end-string.
 */
export function isEndStringSuffix(code: number): boolean {
  return isEndStringSuffixMemo(code)
}
const isEndStringSuffixMemo = memoized(
  (code) => code === 0 || isSpace(code) || isClosingDelimiter(code) || isDelimiter(code) || isCloser(code)
)

/**
 * docutils: punctuation_chars.match_chars — are `c1` and `c2` a matching
 * open/close pair (so that markup between them counts as quoted)?
 *
 * @param c1 Character before the start-string.
 * @param c2 Character after the start-string.
 * @returns Whether they match.
 */
export function matchChars(c1: string, c2: string): boolean {
  const index = openers.indexOf(c1)
  if (index === -1) return false
  return c2 === closers[index] || (quotePairs[c1] ?? '').includes(c2)
}

/** Opener code unit → its index in `openers` (first occurrence). */
const openerIndex = new Map<number, number>()
for (let index = openers.length - 1; index >= 0; index--) openerIndex.set(openers.charCodeAt(index), index)

/** Opener code unit → code units of its `quote_pairs` entry. */
const quotePairCodes = new Map<number, string>()
for (const [opener, pairs] of Object.entries(quotePairs)) {
  if (opener.length === 1) quotePairCodes.set(opener.charCodeAt(0), pairs)
}

/**
 * `matchChars` on code points (no strings made): `openers`, `closers` and
 * `quote_pairs` hold BMP characters only, so a code point matches a
 * character there exactly when its one-character string would.
 *
 * @param c1 Code point before the start-string.
 * @param c2 Code point after the start-string.
 * @returns `matchChars(String.fromCodePoint(c1), String.fromCodePoint(c2))`.
 */
export function matchCharCodes(c1: number, c2: number): boolean {
  const index = openerIndex.get(c1)
  if (index === undefined) return false
  if (c2 === closers.charCodeAt(index)) return true
  const pairs = quotePairCodes.get(c1)
  if (pairs === undefined || c2 > 0xffff) return false
  for (let position = 0; position < pairs.length; position++) if (pairs.charCodeAt(position) === c2) return true
  return false
}
