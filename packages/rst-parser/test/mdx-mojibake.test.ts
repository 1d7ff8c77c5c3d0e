/**
 * Mojibake repair: Mac Roman and Windows-1252 misreadings are repaired;
 * real text (the whole shared corpus) is never changed.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { glob } from 'tinyglobby'
import { repairMojibake } from '../lib/mojibake.js'

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))

/** Windows-1252 0x80–0x9F (Node 20's `windows-1252` TextDecoder is really ISO-8859-1). */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Encode `text` as UTF-8 and decode the bytes with a legacy single-byte encoding. */
function garble(text: string, encoding: 'macintosh' | 'windows-1252' | 'latin1'): string {
  const bytes = new TextEncoder().encode(text)
  if (encoding === 'macintosh') return new TextDecoder('macintosh').decode(bytes)
  return Array.from(bytes, (byte) => (encoding === 'windows-1252' && byte >= 0x80 && byte < 0xa0 ? cp1252High[byte - 0x80] : String.fromCharCode(byte))).join('')
}

test('repairs the seed page mojibake (Mac Roman, with U+F8FF for 0xF0)', () => {
  const result = repairMojibake('crush. \uf8ff\u00fc\u00f2\u00e7 and \u201a\u00fa\u00ae')
  assert.equal(result.value, 'crush. 😍 and ✨')
  assert.deepEqual(result.repairs.map((repair) => repair.encoding), ['macintosh', 'macintosh'])
  assert.equal(result.repairs[0].offset, 7)
})

test('repairs Windows-1252 mojibake: accents, smart quotes, CJK', () => {
  assert.equal(repairMojibake('idÃ©es').value, 'idées')
  assert.equal(repairMojibake('â€œquotedâ€\u009d').value, '“quoted”')
  assert.equal(repairMojibake(garble('日本語のテキスト', 'windows-1252')).value, '日本語のテキスト')
  assert.equal(repairMojibake(garble('日本語のテキスト', 'latin1')).value, '日本語のテキスト')
})

test('leaves real text alone (accents, quotes, CJK, emoji)', () => {
  for (const value of ['naïve café', 'Ü“quoted”', '日本語', 'emoji 😍', 'Größe', '© 2024 — “x”', 'Ça va ?', 'ÀÉÎÕÜ']) {
    assert.deepEqual(repairMojibake(value), { value, repairs: [] }, value)
  }
})

test('round trip: garbled text of random words is repaired (property)', () => {
  const word = fc.constantFrom('idées', 'naïve', 'café', '“quoted”', '日本語', '😍', '🍔', '✨', 'Größe', '€100', 'Ελληνικά', 'русский')
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('macintosh' as const, 'windows-1252' as const, 'latin1' as const), (words, encoding) => {
      const text = words.join(' ')
      const garbled = garble(text, encoding)
      fc.pre(!garbled.includes('\ufffd'))
      assert.equal(repairMojibake(garbled).value, text)
    }),
    { numRuns: 300 }
  )
})

test('changes no text in any document of the shared corpus (docutils-docs, sphinx-docs)', { skip: existsSync(corpus) ? false : `../shared corpus not found at ${corpus}` }, async () => {
  const files = await glob(['docutils-docs/**/*', 'sphinx-docs/**/*.rst', 'sphinx-docs/**/*.txt', 'sphinx-docs/**/*.py'], { cwd: corpus })
  const texts = files.filter((name) => /\.(rst|txt|py)$/.test(name))
  assert.ok(texts.length > 200, `corpus found (${texts.length} files)`)
  const changed = texts.filter((name) => repairMojibake(readFileSync(path.join(corpus, name), 'utf8')).repairs.length > 0)
  assert.deepEqual(changed, [])
})
