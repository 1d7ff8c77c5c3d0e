/**
 * `meta` → front matter (`description`, `keywords`) or `<head>`; `pending` nodes.
 */
import type { RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { jsxFlow } from '../util/jsx.js'

/** docutils `meta` (the `meta` directive). */
export function meta(state: State, node: RstElement): undefined {
  const name = typeof node.attributes.name === 'string' ? node.attributes.name : undefined
  const content = typeof node.attributes.content === 'string' ? node.attributes.content : ''
  if (name === 'description' && state.frontMatter.description === undefined) state.frontMatter.description = content
  else if (name === 'keywords' && state.frontMatter.keywords === undefined) {
    state.frontMatter.keywords = content.split(',').map((word) => word.trim()).filter(Boolean)
  } else {
    const record: Record<string, string> = {}
    for (const [key, value] of Object.entries(node.attributes)) {
      if (typeof value === 'string' && ['name', 'content', 'http-equiv', 'lang', 'scheme', 'property', 'dir'].includes(key)) {
        record[key === 'http-equiv' ? 'httpEquiv' : key] = value
      }
    }
    state.head.push(jsxFlow('meta', record))
  }
  return undefined
}

/**
 * `pending`: a transform docutils would run later (e.g. `sectnum`,
 * `target-notes`). Reported as info; MDX/Docusaurus has its own equivalents.
 */
export function pending(state: State, node: RstElement): undefined {
  const transform = typeof node.data?.transform === 'string' ? node.data.transform : 'unknown transform'
  state.report(`Pending docutils transform not applied in MDX: ${transform}`, node, 'pending-transform', 1)
  return undefined
}
