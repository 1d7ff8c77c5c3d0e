import assert from 'node:assert/strict'
import test from 'node:test'
import { rstToMdx } from '../index.js'

/** The YAML front matter block of an MDX string. */
function frontMatter(mdx: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx)
  assert.ok(match, 'front matter present')
  return match[1]
}

// Expected values checked against the oracle (`--transforms`): docinfo holds
// authors "Ann One" / "Bob Two, Jr.", date "2006-05-21" and version "1.2".
test('docinfo → authors (split on ";" first), date (RCS keyword cleaned), version; docinfo kept', async () => {
  const source = 'Title\n=====\n\n:Authors: Ann One; Bob Two, Jr.\n:Date: $Date: 2006-05-21 14:00:00 +0000 $\n:Version: 1.2\n:Status: draft\n\nBody.\n'
  const lines = frontMatter(String((await rstToMdx(source)).value)).split('\n')
  assert.ok(lines.includes('authors: ["Ann One","Bob Two, Jr."]'), lines.join('\n'))
  assert.ok(lines.includes('date: "2006-05-21"'), lines.join('\n'))
  assert.ok(lines.includes('version: "1.2"'), lines.join('\n'))
  assert.ok(lines.some((line) => line.startsWith('docinfo: {') && line.includes('"status":"draft"')), lines.join('\n'))
})

// Oracle: two <author> fields, then <authors> with "Cy Three", "Di Four" from the bullet list.
test('docinfo → authors from repeated `:Author:` fields and an `:Authors:` bullet list', async () => {
  const source = ':Author: Ann One\n:Author: Bob Two\n:Authors: - Cy Three\n          - Di Four\n\nBody.\n'
  const lines = frontMatter(String((await rstToMdx(source)).value)).split('\n')
  assert.ok(lines.includes('authors: ["Ann One","Bob Two","Cy Three","Di Four"]'), lines.join('\n'))
  assert.ok(!lines.some((line) => line.startsWith('date:') || line.startsWith('version:')))
})

// Oracle: <authors> "Ann Test", "Bob Test, Jr." (the escaped comma does not split).
test('authors split on "," when there is no ";", and an escaped separator does not split', async () => {
  const lines = frontMatter(String((await rstToMdx(':Authors: Ann Test, Bob Test\\, Jr.\n\nBody.\n')).value)).split('\n')
  assert.ok(lines.includes('authors: ["Ann Test","Bob Test, Jr."]'), lines.join('\n'))
})

// Oracle: "A. Test, …" is an enumerated list, so docutils cannot extract authors (warning, plain field).
test('an `:Authors:` field docutils cannot extract gives no authors key', async () => {
  const lines = frontMatter(String((await rstToMdx(':Authors: A. Test, B. Test\n\nBody.\n')).value)).split('\n')
  assert.ok(!lines.some((line) => line.startsWith('authors:')), lines.join('\n'))
})

// Oracle (`--transforms --settings '{"language_code": "es"}'`): <authors> "Ana Uno", "Beto Dos", <date> 2026-11-26,
// <version> 2.0, <status> borrador; the English `:Author:` stays a plain field in a Spanish document.
test('docinfo field names follow the document language (`language_code`)', async () => {
  const source = 'Título\n======\n\n:Autores: Ana Uno; Beto Dos\n:Fecha: 2026-11-26\n:Versión: 2.0\n:Estado: borrador\n:Author: Not A Field\n\nCuerpo.\n'
  const lines = frontMatter(String((await rstToMdx(source, { settings: { language_code: 'es' } })).value)).split('\n')
  assert.ok(lines.includes('authors: ["Ana Uno","Beto Dos"]'), lines.join('\n'))
  assert.ok(lines.includes('date: "2026-11-26"'), lines.join('\n'))
  assert.ok(lines.includes('version: "2.0"'), lines.join('\n'))
  const docinfo = lines.find((line) => line.startsWith('docinfo: '))
  assert.ok(docinfo, lines.join('\n'))
  assert.deepEqual(JSON.parse(docinfo.slice('docinfo: '.length)), {
    authors: 'Ana Uno; Beto Dos',
    date: '2026-11-26',
    version: '2.0',
    status: 'borrador'
  })
})
