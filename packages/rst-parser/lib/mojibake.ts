/**
 * Mojibake repair: UTF-8 text that was decoded as Mac Roman or Windows-1252
 * (and re-encoded as UTF-8), e.g. `üòç` (Mac Roman, with U+F8FF) → 😍,
 * `idÃ©es` (cp1252) → `idées`.
 *
 * No maintained ftfy-like package exists for JavaScript (ECOSYSTEM row 15),
 * so this is in-house, after ftfy's idea: take each maximal run of non-ASCII
 * characters that the legacy encoding can represent, turn it back into
 * bytes, and accept the result only if the bytes are valid UTF-8 and decode
 * to plausible characters.
 */

/** Mac Roman 0x80–0xFF. */
const macRoman =
  '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7'

/** “Sloppy” Windows-1252 0x80–0xFF (ftfy): undefined bytes map to the C1 control of the same value; Latin-1 C1 controls are accepted too. */
const windows1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff'

export type MojibakeEncoding = 'macintosh' | 'windows-1252'

interface Codec {
  name: MojibakeEncoding
  bytes: Map<string, number>
}

function codec(name: MojibakeEncoding, table: string, latin1Controls = false): Codec {
  const bytes = new Map<string, number>()
  for (let index = 0; index < table.length; index++) bytes.set(table[index], 0x80 + index)
  // Text read as ISO-8859-1 (Node's own `windows-1252` decoder does this) keeps C1 controls.
  if (latin1Controls) for (let byte = 0x80; byte < 0xa0; byte++) bytes.set(String.fromCharCode(byte), byte)
  return { name, bytes }
}

const codecs: readonly Codec[] = [codec('windows-1252', windows1252, true), codec('macintosh', macRoman)]
const decoder = new TextDecoder('utf-8', { fatal: true })

/** One repaired run. */
export interface MojibakeRepair {
  /** UTF-16 offset of the run in the input. */
  offset: number
  /** The garbled text. */
  from: string
  /** The repaired text. */
  to: string
  /** Encoding the UTF-8 bytes were wrongly decoded with. */
  encoding: MojibakeEncoding
}

/**
 * Is a decoded code point plausible text? (Rejects e.g. C1 controls, Syriac
 * or private-use results that a random accented-letter pair can produce.)
 */
function plausible(code: number): boolean {
  return (
    (code >= 0xa0 && code <= 0x24f) || // Latin-1 supplement, Latin extended A/B
    (code >= 0x370 && code <= 0x4ff) || // Greek, Cyrillic
    (code >= 0x2000 && code <= 0x2bff) || // punctuation, symbols, arrows, dingbats
    (code >= 0x3000 && code <= 0x9fff) || // CJK, kana
    (code >= 0xac00 && code <= 0xd7af) || // Hangul
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors (emoji)
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0x1f000 && code <= 0x1faff) // emoji
  )
}

function tryRun(run: string, encoding: Codec): string | undefined {
  const bytes = new Uint8Array(run.length)
  for (let index = 0; index < run.length; index++) {
    const byte = encoding.bytes.get(run[index])
    if (byte === undefined) return undefined
    bytes[index] = byte
  }
  let decoded: string
  try {
    decoded = decoder.decode(bytes)
  } catch {
    return undefined
  }
  for (const char of decoded) if (!plausible(char.codePointAt(0) ?? 0)) return undefined
  return decoded
}

/**
 * Find and repair mojibake runs.
 *
 * @param value text (already decoded).
 * @returns repaired text and the list of repairs.
 */
export function repairMojibake(value: string): { value: string; repairs: MojibakeRepair[] } {
  const repairs: MojibakeRepair[] = []
  let result = ''
  let last = 0
  let index = 0
  while (index < value.length) {
    if (value.charCodeAt(index) < 0x80) {
      index++
      continue
    }
    let best: MojibakeRepair | undefined
    let bestEnd = index + 1
    for (const encoding of codecs) {
      let end = index
      while (end < value.length && encoding.bytes.has(value[end])) end++
      if (end - index < 2) continue
      const repaired = tryRun(value.slice(index, end), encoding)
      if (repaired !== undefined && (!best || end - index > best.from.length)) {
        best = { offset: index, from: value.slice(index, end), to: repaired, encoding: encoding.name }
        bestEnd = end
      }
    }
    if (best) {
      result += value.slice(last, index) + best.to
      repairs.push(best)
      last = bestEnd
      index = bestEnd
    } else index++
  }
  if (repairs.length === 0) return { value, repairs }
  return { value: result + value.slice(last), repairs }
}
