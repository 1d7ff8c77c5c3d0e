/**
 * Test-only reader: docutils pseudo-XML (`document.pformat()`) → RstNodes.
 *
 * Lets the converter tests use docutils' own doctrees (made with the oracle)
 * before and independently of our parser. Lossy where pformat is lossy:
 * adjacent text nodes merge, null-escapes are gone, and attribute types are
 * guessed (known list attributes split on unescaped spaces, digit strings of
 * known numeric attributes become numbers).
 */
import { isElement, listAttributes, type Attributes, type RstElement, type RstNode } from '../../lib/nodes.js'

const numericAttributes = new Set(['level', 'line', 'start', 'morerows', 'morecols', 'colwidth', 'cols', 'scale', 'stub'])
const tagLine = /^<([A-Za-z_][\w.:-]*)((?: [\w.:-]+="(?:[^"\\]|\\.)*")*)>$/
const attributePattern = /([\w.:-]+)="((?:[^"\\]|\\.)*)"/g

/**
 * Parse pseudo-XML into a tree.
 *
 * @param value pseudo-XML text as printed by docutils.
 * @returns the root element (normally `document`).
 */
export function fromPseudoXml(value: string): RstElement {
  const lines = value.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const root: RstElement = { type: 'root', attributes: {}, children: [] }
  const stack: Array<{ node: RstElement; indent: number }> = [{ node: root, indent: -4 }]
  let pendingText: { parent: RstElement; lines: string[]; indent: number } | undefined
  let skipInternalsIndent = -1

  const flush = (): void => {
    if (!pendingText) return
    pendingText.parent.children.push({ type: 'text', value: pendingText.lines.join('\n') })
    pendingText = undefined
  }

  for (const line of lines) {
    const indent = line.length - line.trimStart().length
    const content = line.slice(indent)
    if (skipInternalsIndent >= 0) {
      if (indent > skipInternalsIndent || content === '') continue
      skipInternalsIndent = -1
    }
    if (content.startsWith('.. internal attributes:')) {
      flush()
      skipInternalsIndent = indent - 1
      continue
    }
    while (stack.length > 1 && stack[stack.length - 1].indent + 4 > indent) stack.pop()
    const parent = stack[stack.length - 1].node
    const match = tagLine.exec(content)
    if (match && indent === stack[stack.length - 1].indent + 4) {
      flush()
      const node: RstElement = { type: match[1], attributes: parseAttributes(match[2]), children: [] }
      parent.children.push(node)
      stack.push({ node, indent })
      continue
    }
    // Text: indentation is the parent's + 4; anything more is part of the text.
    const textIndent = stack[stack.length - 1].indent + 4
    const textLine = line.slice(Math.min(textIndent, line.length))
    if (pendingText && pendingText.parent === parent) pendingText.lines.push(textLine)
    else {
      flush()
      pendingText = { parent, lines: [textLine], indent: textIndent }
    }
  }
  flush()
  const first = root.children[0]
  return first && isElement(first) ? first : root
}

function parseAttributes(source: string): Attributes {
  const attributes: Attributes = {}
  for (const match of source.matchAll(attributePattern)) {
    const name = match[1]
    const raw = match[2]
    if (listAttributes.has(name) || name === 'classes') {
      attributes[name] = splitSerial(raw)
    } else if (numericAttributes.has(name) && /^\d+$/.test(raw)) {
      attributes[name] = Number(raw)
    } else if (raw === 'True') {
      attributes[name] = null
    } else {
      attributes[name] = raw
    }
  }
  return attributes
}

/** Undo docutils `serial_escape` + space join. */
function splitSerial(raw: string): string[] {
  const items: string[] = []
  let current = ''
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]
    if (char === '\\' && index + 1 < raw.length) {
      current += raw[++index]
    } else if (char === ' ') {
      items.push(current)
      current = ''
    } else current += char
  }
  if (current || items.length > 0) items.push(current)
  return items
}

/** Type guard helper for tests. */
export function isElementNode(node: RstNode): node is RstElement {
  return node.type !== 'text'
}
