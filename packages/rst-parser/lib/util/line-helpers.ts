/** Small helpers for StringList (docutils statemachine.py needs). */
import { columnIndices, isWide } from './column-width.js'

/** docutils: utils.column_indices */
export function getColumnIndices(line: string): number[] {
  return columnIndices(line)
}

/** `east_asian_width(char) in 'WF'` for one character (may be a surrogate pair). */
export function isWideChar(ch: string): boolean {
  return isWide(ch.codePointAt(0)!)
}
