/**
 * docutils: utils/__init__.py `column_width`, `find_combining_chars`,
 * `column_indices`, `strip_combining_chars` — with Python's unicodedata
 * (East Asian width W/F count 2, combining characters 0).
 */
import { combiningRanges, wideRanges } from './unicode-data.js'

function inRanges(ranges: readonly number[], code: number): boolean {
  let low = 0
  let high = ranges.length / 2 - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (code < ranges[middle * 2]) high = middle - 1
    else if (code > ranges[middle * 2 + 1]) low = middle + 1
    else return true
  }
  return false
}

/** Python `unicodedata.combining(ch) != 0`. */
export function isCombining(code: number): boolean {
  return code >= 0x300 && inRanges(combiningRanges, code)
}

/** East Asian width W or F. */
export function isWide(code: number): boolean {
  return code >= 0x378 && inRanges(wideRanges, code)
}

/**
 * docutils: utils.column_width.
 *
 * @param text Text (one line).
 * @returns Its width in columns.
 */
export function columnWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!
    if (code > 0xffff) index++
    if (code < 0x300) width++
    else if (isCombining(code)) continue
    else width += isWide(code) ? 2 : 1
  }
  return width
}

/** docutils: utils.find_combining_chars (UTF-16 indices). */
export function findCombiningChars(text: string): number[] {
  const result: number[] = []
  for (let index = 0; index < text.length; index++) if (isCombining(text.charCodeAt(index))) result.push(index)
  return result
}

/** docutils: utils.column_indices (UTF-16 indices of non-combining characters). */
export function columnIndices(text: string): number[] {
  const result: number[] = []
  for (let index = 0; index < text.length; index++) if (!isCombining(text.charCodeAt(index))) result.push(index)
  return result
}

/** docutils: utils.strip_combining_chars */
export function stripCombiningChars(text: string): string {
  let result = ''
  for (const ch of text) if (!isCombining(ch.codePointAt(0)!)) result += ch
  return result
}
