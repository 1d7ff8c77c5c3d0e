/**
 * HTML nesting check for MDX: would the page's HTML, rendered on the server,
 * be read back by a browser (or Docusaurus' HTML minifier) as the same tree?
 *
 * MDX happily compiles `<p><div>…</div></p>` (a block JSX element inside a
 * paragraph), but an HTML parser closes the `<p>` before the `<div>`: the
 * minifier then reports `No "p" element in scope but a "p" end tag seen` and
 * React hydration fails. We take the hast tree MDX builds (after
 * remark-rehype), map it to the HTML elements Docusaurus renders, serialize
 * only its element structure, parse that with parse5 (hast-util-from-html)
 * and compare the two trees.
 */
import { compile } from '@mdx-js/mdx'
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'

/** Structure-only tree: element names and, as `#`, text. */
interface Shape {
  name: string
  children: Shape[]
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * The HTML element a hast node renders as in Docusaurus 3 (theme-classic
 * `MDXComponents`): `pre` → CodeBlock (`<div>`), inline `code` holding a line
 * ending → CodeBlock too, admonitions (container directives) → `<div>`,
 * capitalised JSX components → transparent (`undefined`); `<head>` goes to
 * the document head.
 */
function renderedName(node: HastContent | ElementContent): string | undefined {
  if (node.type === 'element') {
    if (node.tagName === 'pre') return 'div'
    if (node.tagName === 'code' && hasLineEnding(node)) return 'div'
    return node.tagName
  }
  const type: string = node.type
  if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
    const name = (node as unknown as { name: string | null }).name
    if (!name || /^[A-Z]/.test(name) || name.includes('.')) return undefined
    return name
  }
  return undefined
}

function hasLineEnding(node: Element): boolean {
  return node.children.some((child) => child.type === 'text' && child.value.includes('\n'))
}

function toShapes(nodes: ReadonlyArray<HastContent | ElementContent>): Shape[] {
  const result: Shape[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value.trim() !== '') result.push({ name: '#', children: [] })
      continue
    }
    if (node.type === 'comment' || node.type === 'doctype') continue
    const name = renderedName(node)
    // Docusaurus moves `<head>` in MDX into the document head (react-helmet).
    if (name === 'head') continue
    const children = 'children' in node ? toShapes(node.children as ElementContent[]) : []
    if (name === undefined) result.push(...children)
    else if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') result.push({ name, children: [] })
    else result.push({ name, children: voidElements.has(name) ? [] : children })
  }
  return mergeText(result)
}

function mergeText(shapes: Shape[]): Shape[] {
  return shapes.filter((shape, index) => !(shape.name === '#' && shapes[index - 1]?.name === '#'))
}

function serialize(shapes: Shape[]): string {
  return shapes
    .map((shape) => {
      if (shape.name === '#') return 't'
      if (voidElements.has(shape.name)) return `<${shape.name}>`
      return `<${shape.name}>${serialize(shape.children)}</${shape.name}>`
    })
    .join('')
}

function fromParsed(nodes: ReadonlyArray<HastContent | ElementContent>): Shape[] {
  const result: Shape[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value.trim() !== '') result.push({ name: '#', children: [] })
    } else if (node.type === 'element') {
      const children = node.tagName === 'template' ? [] : fromParsed(node.children)
      result.push({ name: node.tagName, children })
    }
  }
  return mergeText(result)
}

function show(shapes: Shape[]): string {
  return shapes.map((shape) => (shape.name === '#' ? 't' : `${shape.name}(${show(shape.children)})`)).join(' ')
}

/**
 * Problems in the element structure of a hast tree (empty when a browser
 * would build the same tree).
 *
 * @param tree hast root (as MDX builds it, with JSX nodes).
 * @returns human-readable differences.
 */
export function nestingProblems(tree: HastRoot): string[] {
  const expected = toShapes(tree.children)
  const html = serialize(expected)
  const parsed = fromParsed(fromHtml(html, { fragment: true }).children)
  const left = show(expected)
  const right = show(parsed)
  if (left === right) return []
  let index = 0
  while (index < left.length && left[index] === right[index]) index++
  const from = Math.max(0, index - 120)
  return [`HTML nesting changes when parsed:\n  rendered: …${left.slice(from, index + 80)}\n  parsed:   …${right.slice(from, index + 80)}`]
}

/**
 * Compile MDX like `compileMdx` and check the HTML nesting of the result.
 *
 * @param value MDX text (front matter allowed).
 * @returns nesting problems (empty when valid); rejects when MDX does not compile.
 */
export async function mdxNestingProblems(value: string): Promise<string[]> {
  const body = value.replace(/^---\n[\s\S]*?\n---\n/, '')
  let problems: string[] = []
  const capture = () => (tree: HastRoot) => {
    problems = nestingProblems(tree)
  }
  await compile(body, { remarkPlugins: [remarkGfm, remarkDirective, remarkMath], rehypePlugins: [capture], jsx: true })
  return problems
}
