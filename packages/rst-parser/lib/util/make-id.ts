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
  // Pure-ASCII names (nearly all) in one scan: measured cheaper inside the
  // parse than a cache lookup (the cache's entries are scattered over the
  // old generation; each lookup missed the CPU caches).
  const ascii = asciiMakeId(value)
  if (ascii !== undefined) return ascii
  // Others: memoize, bounded (NFKD and regexes are costly).
  let id = makeIdCache.get(value)
  if (id === undefined) {
    id = computeMakeId(value)
    if (makeIdCache.size >= 4096) makeIdCache.clear()
    makeIdCache.set(value, id)
  }
  return id
}

const makeIdCache = new Map<string, string>()

/**
 * `makeId` for pure-ASCII input (nearly every name): lower-case, runs of
 * anything but `[a-z0-9]` become one `-`, leading digits and hyphens and
 * trailing hyphens go. For ASCII, NFKD and the translation tables change
 * nothing and whitespace is just another separator. The id is made of
 * slices of the lower-cased name (one per run), not char by char.
 *
 * @returns The id, or undefined when `value` is not pure ASCII.
 */
function asciiMakeId(value: string): string | undefined {
  const length = value.length
  for (let index = 0; index < length; index++) if (value.charCodeAt(index) > 0x7f) return undefined
  const lower = value.toLowerCase()
  let index = 0
  // Leading digits and separators go: the id starts with a letter.
  while (index < length && !isLowerLetter(lower.charCodeAt(index))) index++
  let id = ''
  while (index < length) {
    const start = index
    while (index < length && isAlnum(lower.charCodeAt(index))) index++
    const run = start === 0 && index === length ? lower : lower.slice(start, index)
    id = id === '' ? run : id + '-' + run
    while (index < length && !isAlnum(lower.charCodeAt(index))) index++
  }
  return id
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a
}

function isAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
}

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
