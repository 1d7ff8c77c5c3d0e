/**
 * docutils: nodes.py `make_id` — exact port.
 */
import { pySplit } from './strings.js'

const nonIdTranslate: Record<number, string> = {
  0x00f8: 'o', 0x0111: 'd', 0x0127: 'h', 0x0131: 'i', 0x0142: 'l', 0x0167: 't', 0x0180: 'b', 0x0183: 'b',
  0x0188: 'c', 0x018c: 'd', 0x0192: 'f', 0x0199: 'k', 0x019a: 'l', 0x019e: 'n', 0x01a5: 'p', 0x01ab: 't',
  0x01ad: 't', 0x01b4: 'y', 0x01b6: 'z', 0x01e5: 'g', 0x0225: 'z', 0x0234: 'l', 0x0235: 'n', 0x0236: 't',
  0x0237: 'j', 0x023c: 'c', 0x023f: 's', 0x0240: 'z', 0x0247: 'e', 0x0249: 'j', 0x024b: 'q', 0x024d: 'r',
  0x024f: 'y'
}
const nonIdTranslateDigraphs: Record<number, string> = {
  0x00df: 'sz', 0x00e6: 'ae', 0x0153: 'oe', 0x0238: 'db', 0x0239: 'qp'
}

/**
 * Convert `value` into an identifier matching `[a-z](-?[a-z0-9]+)*`.
 *
 * @param value Any string (a name).
 * @returns The identifier (may be empty).
 */
export function makeId(value: string): string {
  // Pure function of `value`, called for every name and auto-id prefix (the
  // same few strings again and again): memoize, bounded.
  let id = makeIdCache.get(value)
  if (id === undefined) {
    id = computeMakeId(value)
    if (makeIdCache.size >= 4096) makeIdCache.clear()
    makeIdCache.set(value, id)
  }
  return id
}

const makeIdCache = new Map<string, string>()

function computeMakeId(value: string): string {
  let id = ''
  for (const ch of pyLower(value)) {
    const code = ch.codePointAt(0)!
    id += nonIdTranslateDigraphs[code] ?? nonIdTranslate[code] ?? ch
  }
  // NFKD, then drop non-ASCII.
  id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '')
  id = pySplit(id).join(' ').replace(/[^a-z0-9]+/g, '-')
  id = id.replace(/^[-0-9]+|-+$/g, '')
  return id
}

/** Python `str.lower()` (close enough: JS toLowerCase, except for İ). */
function pyLower(value: string): string {
  return value.toLowerCase()
}
