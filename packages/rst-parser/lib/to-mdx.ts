/**
 * mdast → MDX text. The serializer (and its extensions) does all escaping.
 */
import type { Root } from 'mdast'
import { directiveToMarkdown } from 'mdast-util-directive'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mathToMarkdown } from 'mdast-util-math'
import { mdxToMarkdown } from 'mdast-util-mdx'
import { toMarkdown, type Options } from 'mdast-util-to-markdown'

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

/** Serializer options: the extensions Docusaurus' MDX parser understands. */
export const toMdxOptions: Options = {
  extensions: [gfmToMarkdown(), mdxToMarkdown(), directiveToMarkdown(), mathToMarkdown(), frontmatterToMarkdown(['yaml']), esmUnsafe],
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
