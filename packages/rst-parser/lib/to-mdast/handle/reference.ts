/**
 * References, targets, footnote/citation references, substitutions.
 *
 * docutils resolves these in transforms (`references.py`), which the parser
 * does not run; `../references.ts` does the lookups.
 */
import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast'
import { astext, type RstElement } from '../../nodes.js'
import type { State } from '../types.js'
import { isBlockParagraph, jsxFlow, jsxText, listOf } from '../util/jsx.js'

/** `reference` → link (refuri, refid, refname or anonymous, resolved). */
export function reference(state: State, node: RstElement): Nodes | PhrasingContent[] {
  const children = state.phrasing(node)
  const url = urlOf(state, node)
  if (url === undefined) {
    const name = typeof node.attributes.refname === 'string' ? node.attributes.refname : astext(node)
    state.report(`Unknown target name: "${name}"`, node, 'unknown-target-name', 2)
    return jsxText('span', { className: 'rst-unresolved-reference' }, children)
  }
  const result: Link = { type: 'link', url: rewriteRstLink(url, state.options.rstLinkExtension), title: null, children }
  state.patch(node, result)
  const id = listOf(node.attributes.ids)[0]
  if (id) return [jsxText('span', { id }), result]
  return result
}

/** `page.rst#id` → `page.mdx#id` for relative URLs, when asked to. */
function rewriteRstLink(url: string, extension: string | null | undefined): string {
  if (!extension || /^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(url)) return url
  return url.replace(/\.rst(?=$|[?#])/, extension)
}

function urlOf(state: State, node: RstElement): string | undefined {
  const { refuri, refid, refname } = node.attributes
  if (typeof refuri === 'string') return refuri
  if (typeof refid === 'string') return '#' + refid
  if (node.attributes.anonymous !== undefined) return state.references.resolveAnonymous(node)
  if (typeof refname === 'string') return state.references.resolveName(refname)
  return undefined
}

/**
 * `target`: internal targets become anchors; external/indirect targets are
 * definitions (consumed by references) and render nothing; inline targets
 * keep their text in an anchored span.
 */
export function target(state: State, node: RstElement): Nodes | Nodes[] | undefined {
  const ids = listOf(node.attributes.ids)
  const isLink = typeof node.attributes.refuri === 'string' || typeof node.attributes.refname === 'string'
  if (node.children.length > 0) {
    const children = state.phrasing(node)
    if (ids.length === 0) return children
    return jsxText('span', { id: ids[0] }, children)
  }
  if (isLink || ids.length === 0) return undefined
  // An empty internal target: an anchor for each id.
  if (state.inPhrasing) return ids.map((id) => jsxText('span', { id }))
  return ids.map((id) => jsxFlow('a', { id }))
}

/** `footnote_reference` / `citation_reference` → superscript link to the note. */
export function footnoteReference(state: State, node: RstElement): Nodes {
  const info = state.references.noteForReference(node)
  const label = info?.label ?? astext(node)
  if (!info) {
    state.report(`Unknown ${node.type === 'citation_reference' ? 'citation' : 'footnote'} reference: "${label}"`, node, 'unknown-note-reference', 2)
    return { type: 'text', value: `[${label}]` }
  }
  const id = state.references.referenceId(node)
  const link = jsxText('a', { id, href: '#' + info.id, className: 'rst-footnote-reference' }, [{ type: 'text', value: `[${label}]` }])
  const result = node.type === 'citation_reference' ? link : jsxText('sup', {}, [link])
  state.patch(node, result)
  return result
}

/** `footnote` / `citation` → anchored block with a back link to each reference. */
export function footnote(state: State, node: RstElement): Nodes {
  const info = state.references.noteOf(node)
  const label = info?.label ?? '?'
  const body: RstElement = { ...node, children: node.children.filter((child) => child.type !== 'label') }
  const content = state.all(body)
  const labelChildren: PhrasingContent[] = [{ type: 'text', value: `[${label}]` }]
  const backrefs = info?.backrefs ?? []
  const marker: PhrasingContent[] =
    backrefs.length === 1
      ? [jsxText('a', { href: '#' + backrefs[0], className: 'rst-footnote-backref' }, labelChildren)]
      : [{ type: 'strong', children: labelChildren }]
  if (backrefs.length > 1) {
    marker.push({ type: 'text', value: ' (' })
    backrefs.forEach((ref, index) => {
      if (index > 0) marker.push({ type: 'text', value: ', ' })
      marker.push(jsxText('a', { href: '#' + ref }, [{ type: 'text', value: String(index + 1) }]))
    })
    marker.push({ type: 'text', value: ')' })
  }
  const first = content[0]
  let children: RootContent[]
  if (first && first.type === 'paragraph' && !isBlockParagraph(first)) {
    children = [{ type: 'paragraph', children: [...marker, { type: 'text', value: ' ' }, ...first.children] }, ...content.slice(1)]
  } else children = [{ type: 'paragraph', children: marker }, ...content]
  const kind = node.type === 'citation' ? 'rst-citation' : 'rst-footnote'
  const result = jsxFlow('div', { id: info?.id, className: kind }, children)
  state.patch(node, result)
  return result
}

/** `label` outside a footnote: its text. */
export function label(state: State, node: RstElement): PhrasingContent[] {
  return state.phrasing(node)
}

/** `substitution_reference` → the definition's content (docutils: `Substitutions` transform). */
export function substitutionReference(state: State, node: RstElement): Nodes | PhrasingContent[] {
  const refname = typeof node.attributes.refname === 'string' ? node.attributes.refname : astext(node)
  const definition = state.references.substitution(refname)
  const problematic = jsxText('span', { className: 'rst-problematic' }, [{ type: 'text', value: `|${astext(node)}|` }])
  if (!definition) {
    state.report(`Undefined substitution referenced: "${refname}".`, node, 'undefined-substitution', 3)
    return problematic
  }
  // docutils: transforms/references.py Substitutions (CircularSubstitutionDefinitionError).
  // The message goes to the reference in the document that started the expansion (docutils `ref-origin`).
  let active = expanding.get(state)
  if (!active) expanding.set(state, (active = { definitions: new Set(), origin: node }))
  if (active.definitions.size === 0) active.origin = node
  if (active.definitions.has(definition)) {
    state.report(`Circular substitution definition referenced: "${refname}".`, active.origin, 'circular-substitution', 3)
    return problematic
  }
  active.definitions.add(definition)
  try {
    // A reference wrapped around the substitution (`|name|_`) is handled by `reference`.
    return state.phrasing(definition)
  } finally {
    active.definitions.delete(definition)
  }
}

/** Substitution definitions being expanded, per converter state (to stop at circular definitions). */
const expanding = new WeakMap<State, { definitions: Set<RstElement>; origin: RstElement }>()

/** `substitution_definition`: consumed by references; renders nothing. */
export function substitutionDefinition(): undefined {
  return undefined
}

/** `comment`: not rendered (docutils writers drop comments too). */
export function comment(): undefined {
  return undefined
}
