/**
 * mdast → MDX text. The serializer (and its extensions) does all escaping.
 */
import type { Root } from 'mdast'
import { directiveToMarkdown } from 'mdast-util-directive'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mathToMarkdown } from 'mdast-util-math'
import { mdxToMarkdown } from 'mdast-util-mdx'
import { toMarkdown, type ConstructName, type Options } from 'mdast-util-to-markdown'

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
  unsafe: ['<', '{', '*', '_', '`', '[', '&', '~', '$'].map((character) => ({
    character,
    inConstruct: labels,
    notInConstruct: fullPhrasingSpans
  }))
}

/** Serializer options: the extensions Docusaurus' MDX parser understands. */
export const toMdxOptions: Options = {
  extensions: [gfmToMarkdown(), mdxToMarkdown(), directiveToMarkdown(), mathToMarkdown(), frontmatterToMarkdown(['yaml']), esmUnsafe, labelUnsafe],
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
