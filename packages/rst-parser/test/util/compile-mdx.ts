/**
 * Compile MDX the way Docusaurus 3.10 parses it: @mdx-js/mdx 3 with
 * remark-gfm 4, remark-directive 3 and remark-math 6 (ECOSYSTEM row 7).
 */
import { compile } from '@mdx-js/mdx'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'

/**
 * Compile `value`; resolves to the JS, rejects with the MDX error.
 *
 * @param value MDX text.
 * @returns compiled JavaScript.
 */
export async function compileMdx(value: string): Promise<string> {
  // Front matter is handled by Docusaurus before MDX; strip it like it does.
  const body = value.replace(/^---\n[\s\S]*?\n---\n/, '')
  const file = await compile(body, { remarkPlugins: [remarkGfm, remarkDirective, remarkMath], jsx: true })
  return String(file.value)
}
