/**
 * Local images measured with sharp: real `width`/`height` in the MDX after
 * `:scale:`/`:width:`/`:height:` (docutils _html_base.py `image_size`; a single
 * given dimension keeps the aspect ratio), EXIF orientation, root, missing files.
 * Images are made with sharp in a temp dir, so nothing depends on ../shared.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import sharp from 'sharp'
import { rstToMdx } from '../lib/convert.js'

let directory = ''

before(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'rstmdx-images-'))
  mkdirSync(path.join(directory, 'docs'))
  const background = { r: 200, g: 30, b: 30, alpha: 1 }
  await sharp({ create: { width: 300, height: 120, channels: 4, background } }).png().toFile(path.join(directory, 'docs', 'wide.png'))
  // Stored 300×120, EXIF orientation 6 (rotate 90°): displayed 120×300.
  await sharp({ create: { width: 300, height: 120, channels: 3, background } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(path.join(directory, 'docs', 'rotated.jpg'))
  writeFileSync(path.join(directory, 'docs', 'shape.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>')
  writeFileSync(path.join(directory, 'outside.png'), 'not read')
})

after(() => {
  rmSync(directory, { recursive: true, force: true })
})

async function convert(rst: string, root?: string) {
  return rstToMdx(rst, { path: path.join(directory, 'docs', 'page.rst'), root })
}

/** The `<img …>` tags of the MDX. */
function images(mdx: string): string[] {
  return mdx.match(/<img [^>]*\/>/g) ?? []
}

test('a local image without options gets its intrinsic width and height', async () => {
  const file = await convert('.. image:: wide.png\n   :alt: Wide\n')
  assert.deepEqual(images(String(file.value)), ['<img src={require("./wide.png").default} alt="Wide" width="300" height="120" />'])
  assert.deepEqual(file.messages, [])
})

test('`:scale: 50` halves the measured size', async () => {
  const file = await convert('.. image:: wide.png\n   :scale: 50\n')
  assert.deepEqual(images(String(file.value)), ['<img src={require("./wide.png").default} alt="wide.png" width="150" height="60" />'])
})

test('`:width: 200px` alone keeps the aspect ratio', async () => {
  const file = await convert('.. image:: wide.png\n   :width: 200px\n')
  assert.deepEqual(images(String(file.value)), ['<img src={require("./wide.png").default} alt="wide.png" width="200" height="80" />'])
})

test('`:height:` alone keeps the aspect ratio, and `:scale:` applies after', async () => {
  const file = await convert('.. image:: wide.png\n   :height: 60\n   :scale: 200\n')
  assert.deepEqual(images(String(file.value)), ['<img src={require("./wide.png").default} alt="wide.png" width="300" height="120" />'])
})

test('EXIF orientation 5–8 swaps width and height', async () => {
  const file = await convert('.. image:: rotated.jpg\n')
  assert.deepEqual(images(String(file.value)), ['<img src={require("./rotated.jpg").default} alt="rotated.jpg" width="120" height="300" />'])
})

test('a sized SVG is a Markdown image in a sized wrapper (never `require()`d: SVGR would make it a component)', async () => {
  const file = await convert('.. image:: shape.svg\n   :scale: 50\n')
  const mdx = String(file.value)
  assert.doesNotMatch(mdx, /require\(/)
  assert.equal(mdx.trim(), '<span className="rstmdx-sized-image" style={{"display":"inline-block","width":"20px"}}>![shape.svg](shape.svg)</span>')
  assert.deepEqual(file.messages, [])
})

test('a sized SVG in running text keeps its classes and alignment on the wrapper', async () => {
  const file = await convert('Text |s| here.\n\n.. |s| image:: shape.svg\n   :height: 20\n   :align: middle\n   :class: logo\n')
  assert.match(
    String(file.value),
    /^Text <span className="rstmdx-sized-image align-middle logo" style=\{\{"display":"inline-block","width":"80px"\}\}>!\[s\]\(shape\.svg\)<\/span> here\.$/m
  )
})

test('an image in a figure and a substitution is measured', async () => {
  const file = await convert('.. figure:: wide.png\n\n   Caption.\n\nText |pic| here.\n\n.. |pic| image:: wide.png\n   :scale: 10\n')
  assert.deepEqual(images(String(file.value)), [
    '<img src={require("./wide.png").default} alt="wide.png" width="300" height="120" />',
    '<img src={require("./wide.png").default} alt="pic" width="30" height="12" />'
  ])
})

test('a missing image: warning with line and column, visible placeholder', async () => {
  const file = await convert('Text.\n\n.. image:: nope.png\n')
  assert.equal(file.messages.length, 1)
  const [message] = file.messages
  assert.equal(message.ruleId, 'image-not-found')
  assert.equal(message.line, 3)
  assert.equal(message.column, 1)
  assert.match(String(file.value), /rstmdx-missing-image/)
})

test('an image outside the root is not read', async () => {
  const file = await convert('.. image:: ../outside.png\n', path.join(directory, 'docs'))
  assert.deepEqual(
    file.messages.map((message) => message.ruleId),
    ['image-outside-root']
  )
  assert.deepEqual(images(String(file.value)), [])
})

test('an unreadable local image is reported (info) and keeps its source', async () => {
  writeFileSync(path.join(directory, 'docs', 'broken.png'), 'not a png')
  const file = await convert('.. image:: broken.png\n')
  assert.deepEqual(
    file.messages.map((message) => message.ruleId),
    ['image-size-unreadable']
  )
  assert.match(String(file.value), /!\[broken\.png\]\(broken\.png\)/)
})

test('remote images stay remote and lazy', async () => {
  const file = await convert('.. image:: https://example.com/x.png\n   :scale: 50\n   :width: 80\n')
  assert.deepEqual(images(String(file.value)), ['<img src="https://example.com/x.png" alt="https://example.com/x.png" width="40" loading="lazy" />'])
})
