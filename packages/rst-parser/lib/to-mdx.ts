/**
 * mdast → MDX text. The serializer (and its extensions) does all escaping.
 */
import type { List, Nodes, Root, Text, ThematicBreak } from 'mdast'
import { directiveToMarkdown } from 'mdast-util-directive'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mathToMarkdown } from 'mdast-util-math'
import { mdxToMarkdown } from 'mdast-util-mdx'
import { defaultHandlers, toMarkdown, type ConstructName, type Handle, type Join, type Options, type Unsafe } from 'mdast-util-to-markdown'

/**
 * MDX treats a line starting with `import `/`export ` as ESM; encode the
 * first letter (`&#x69;mport`) when such a line is text.
 */
const esmUnsafe: Options = {
  unsafe: [
    { character: 'i', atBreak: true, after: 'mport[\\t ]' },
    { character: 'e', atBreak: true, after: 'xport[\\t ]' }
  ]
}

/** A copy of mdast-util-to-markdown's `fullPhrasingSpans` (constructs that escape on their own). */
const fullPhrasingSpans: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']
const labels: ConstructName[] = ['containerDirectiveLabel', 'leafDirectiveLabel', 'textDirectiveLabel']

/**
 * Directive labels (`:::note[Label]`) are phrasing, but the directive
 * serializer does not enter `phrasing`, so the phrasing escapes of MDX
 * (`<`, `{`) and Markdown (`*`, `_`, `` ` ``, `[`, `!`, `&`, `~`, `$`) do not
 * apply there. Declare them for labels (STYLE (d): escapes as data).
 */
const labelUnsafe: Options = {
  unsafe: [
    ...['<', '{', '*', '_', '`', '[', '&', '~', '$'].map((character): Unsafe => ({ character, inConstruct: labels, notInConstruct: fullPhrasingSpans })),
    // mdast-util-directive escapes `re:Invent` (a text directive) in phrasing only.
    { character: ':', after: '[^\\s\\p{P}\\p{S}]', inConstruct: labels, unicode: true }
  ]
}

/**
 * mdast-util-directive escapes a `:` that starts a text directive (`a:b`)
 * only when it does not follow a `:` (`before: '[^:]'`). mdast-util-to-markdown
 * skips an escape whose `before` condition holds when the character before is
 * escaped itself, assuming that breaks the construct; a directive still starts
 * there (`\<:b` is `<` and directive `:b`). The same escape without `before`
 * (also escaping the rare second `:` in `a::b`) is kept in that case.
 */
const directiveUnsafe: Options = {
  unsafe: [{ character: ':', after: '[^\\s\\p{P}\\p{S}]', inConstruct: 'phrasing', unicode: true }]
}

/**
 * In a tight list item, mdast-util-to-markdown joins a paragraph and the next
 * block with one line ending when that block can interrupt a paragraph. It
 * checks a list starting at a number other than 1 (or with an empty first
 * item) only when that list is the next block itself; micromark also refuses
 * such a list as the first thing in a block quote or list item that interrupts
 * the paragraph (`a` + `> 3. x` reads `3. x` as text). Put a blank line there.
 */
const joinInterrupt: Join = (left, right, parent) => {
  if (!('spread' in parent) || parent.spread) return undefined
  let tail: Nodes = left
  while ((tail.type === 'blockquote' || tail.type === 'list' || tail.type === 'listItem') && tail.children.length > 0) {
    tail = tail.children[tail.children.length - 1]
  }
  if (tail.type !== 'paragraph' && tail.type !== 'definition') return undefined
  let head: Nodes = right
  while (head.type === 'blockquote' || head.type === 'list' || head.type === 'listItem') {
    if (head.type === 'list' && cannotInterrupt(head)) return 1
    if (head.children.length === 0) break
    head = head.children[0]
  }
  return undefined
}

/** CommonMark: a list can interrupt a paragraph only when it starts at 1 and its first item is not empty. */
function cannotInterrupt(list: List): boolean {
  const first = list.children[0]
  return (list.ordered === true && typeof list.start === 'number' && list.start !== 1) || (first !== undefined && first.children.length === 0)
}

/**
 * A thematic break first in the document would read as the opening `---` of
 * front matter (Docusaurus strips front matter before MDX sees the page);
 * write it with asterisks there.
 */
const thematicBreak: Handle = (node, parent, state) => {
  if (parent && parent.type === 'root' && parent.children[0] === node) return '***'
  return defaultHandlers.thematicBreak(node as ThematicBreak, parent, state)
}

/**
 * Where remark-gfm would turn text into a link (`www.x.y`, `http://x.y`,
 * `a@b.co`): after `www`/`http(s)`, before the `@` of an email. The
 * lookbehinds follow mdast-util-gfm-autolink-literal's `transformGfmAutolinkLiterals`.
 */
const autolinkBreak = /(?<![\da-z])(?:www(?=\.)|https?(?=:\/\/))|(?<=[\w+\-.])(?=@[\w-]+\.[\w-])/gi
/**
 * Constructs whose text remark-gfm never autolinks (its transform ignores
 * `link` and `linkReference`). Not `label`: directive labels enter it too.
 */
const linkConstructs: ConstructName[] = ['autolink', 'link', 'linkReference', 'image']

/**
 * Text that docutils did not link must not become a GFM autolink literal.
 * A backslash escape (mdast-util-gfm-autolink-literal's `unsafe`) does not
 * prevent it: remark-gfm also links URLs in the parsed text nodes, where the
 * escape is gone. Split the text there with an empty MDX expression (`www{}.x.y`),
 * which renders nothing and keeps each part out of the link patterns.
 */
const text: Handle = (node, parent, state, info) => {
  const value = (node as Text).value
  if (linkConstructs.some((name) => state.stack.includes(name))) return defaultHandlers.text(node as Text, parent, state, info)
  const pieces: string[] = []
  let start = 0
  autolinkBreak.lastIndex = 0
  for (let match = autolinkBreak.exec(value); match; match = autolinkBreak.exec(value)) {
    const end = match.index + match[0].length
    if (match[0] === '') autolinkBreak.lastIndex++
    if (end > start) pieces.push(value.slice(start, end))
    start = end
  }
  if (pieces.length === 0) return defaultHandlers.text(node as Text, parent, state, info)
  pieces.push(value.slice(start))
  return pieces.map((piece, index) => state.safe(piece, { ...info, before: index === 0 ? info.before : '}', after: index === pieces.length - 1 ? info.after : '{' })).join('{}')
}

/** Serializer options: the extensions Docusaurus' MDX parser understands. */
export const toMdxOptions: Options = {
  extensions: [gfmToMarkdown(), mdxToMarkdown(), directiveToMarkdown(), mathToMarkdown(), frontmatterToMarkdown(['yaml']), esmUnsafe, labelUnsafe, directiveUnsafe, { join: [joinInterrupt], handlers: { text, thematicBreak } }],
  bullet: '-',
  emphasis: '_',
  rule: '-',
  fences: true,
  resourceLink: true
}

/**
 * Serialize an mdast tree as MDX.
 *
 * @param tree mdast root from `toMdast`.
 * @returns MDX text.
 */
export function toMdx(tree: Root): string {
  return toMarkdown(tree, toMdxOptions)
}
