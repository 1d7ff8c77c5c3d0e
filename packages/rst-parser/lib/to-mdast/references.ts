/**
 * Reference resolution over a parse-only doctree.
 *
 * docutils resolves references in transforms (`references.py`:
 * `AnonymousHyperlinks`, `IndirectHyperlinks`, `ExternalTargets`,
 * `InternalTargets`, `Footnotes`, `Substitutions`), which the parser does not
 * run. This module does the equivalent lookups once, before conversion.
 */
import { isText, type RstElement, type RstNode } from '../nodes.js'

export interface FootnoteInfo {
  /** Element id of the footnote/citation. */
  id: string
  /** Displayed label (`1`, `*`, `CIT2002`). */
  label: string
  /** ids of references pointing here, in order. */
  backrefs: string[]
}

export interface References {
  /** Resolve a normalised reference name to a URL (`#id` or external). */
  resolveName(refname: string): string | undefined
  /** Resolve an anonymous reference (by identity) to a URL. */
  resolveAnonymous(node: RstElement): string | undefined
  /** Footnote or citation info for a footnote/citation element. */
  noteOf(node: RstElement): FootnoteInfo | undefined
  /** Target note for a footnote_reference/citation_reference. */
  noteForReference(node: RstElement): FootnoteInfo | undefined
  /** Id given to a footnote_reference/citation_reference. */
  referenceId(node: RstElement): string
  /** Substitution definition for a name. */
  substitution(refname: string): RstElement | undefined
}

/** docutils: nodes.fully_normalize_name */
export function normalizeName(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(' ')
}

/** docutils: transforms/references.py `Footnotes.symbols` */
const symbols = ['*', '\u2020', '\u2021', '\u00a7', '\u00b6', '#', '\u2660', '\u2665', '\u2666', '\u2663']

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'string' && value) return value.split(' ')
  return []
}

/**
 * Index a document.
 *
 * @param root the doctree root.
 * @returns lookup functions.
 */
export function buildReferences(root: RstElement): References {
  const targets = new Map<string, RstElement>() // normalised name → element
  const ids = new Set<string>()
  const anonymousTargets: RstElement[] = []
  const anonymousReferences: RstElement[] = []
  const footnotes: RstElement[] = []
  const citations: RstElement[] = []
  const footnoteReferences: RstElement[] = []
  const citationReferences: RstElement[] = []
  const substitutions = new Map<string, RstElement>()
  const substitutionsLower = new Map<string, RstElement>()

  const walk = (node: RstNode): void => {
    if (isText(node)) return
    for (const id of stringList(node.attributes.ids)) ids.add(id)
    if (node.type === 'substitution_definition') {
      for (const name of stringList(node.attributes.names)) {
        if (!substitutions.has(name)) substitutions.set(name, node)
        if (!substitutionsLower.has(name.toLowerCase())) substitutionsLower.set(name.toLowerCase(), node)
      }
    } else {
      for (const name of stringList(node.attributes.names)) {
        const key = normalizeName(name)
        if (!targets.has(key)) targets.set(key, node)
      }
    }
    if (node.type === 'target' && node.attributes.anonymous !== undefined) anonymousTargets.push(node)
    if (node.type === 'reference' && node.attributes.anonymous !== undefined) anonymousReferences.push(node)
    if (node.type === 'footnote') footnotes.push(node)
    if (node.type === 'citation') citations.push(node)
    if (node.type === 'footnote_reference') footnoteReferences.push(node)
    if (node.type === 'citation_reference') citationReferences.push(node)
    for (const child of node.children) walk(child)
  }
  walk(root)

  // Unique ids for references that have none (docutils gives `id1`, `id2`…).
  const referenceIds = new Map<RstElement, string>()
  let counter = 0
  const freshId = (prefix: string): string => {
    let id: string
    do id = `${prefix}${++counter}`
    while (ids.has(id))
    ids.add(id)
    return id
  }
  const referenceId = (node: RstElement): string => {
    let id = referenceIds.get(node)
    if (id) return id
    id = stringList(node.attributes.ids)[0] ?? freshId('ref-')
    referenceIds.set(node, id)
    return id
  }

  // Footnotes — docutils: references.py Footnotes.number_footnotes / symbolize_footnotes.
  const notes = new Map<RstElement, FootnoteInfo>()
  const noteOfReference = new Map<RstElement, FootnoteInfo>()
  const usedNumbers = new Set<string>()
  for (const note of footnotes) {
    if (note.attributes.auto === undefined) {
      const label = labelOf(note)
      if (label) usedNumbers.add(label)
    }
  }
  let nextNumber = 0
  const nextLabel = (): string => {
    do nextNumber++
    while (usedNumbers.has(String(nextNumber)))
    return String(nextNumber)
  }
  const autoRefs = footnoteReferences.filter((ref) => ref.attributes.auto === 1 || ref.attributes.auto === '1')
  const anonymousAutoRefs = autoRefs.filter((ref) => !ref.attributes.refname)
  let symbolIndex = 0
  const symbolRefs = footnoteReferences.filter((ref) => ref.attributes.auto === '*')
  let symbolRefIndex = 0
  let anonymousAutoIndex = 0
  for (const note of footnotes) {
    const id = stringList(note.attributes.ids)[0] ?? freshId('footnote-')
    let label: string
    if (note.attributes.auto === '*') {
      const n = symbolIndex++
      label = symbols[n % symbols.length].repeat(Math.floor(n / symbols.length) + 1)
      const info: FootnoteInfo = { id, label, backrefs: [] }
      notes.set(note, info)
      const ref = symbolRefs[symbolRefIndex++]
      if (ref) {
        noteOfReference.set(ref, info)
        info.backrefs.push(referenceId(ref))
      }
      continue
    }
    if (note.attributes.auto !== undefined) {
      label = nextLabel()
      const info: FootnoteInfo = { id, label, backrefs: [] }
      notes.set(note, info)
      if (stringList(note.attributes.names).length === 0) {
        const ref = anonymousAutoRefs[anonymousAutoIndex++]
        if (ref) {
          noteOfReference.set(ref, info)
          info.backrefs.push(referenceId(ref))
        }
      }
      continue
    }
    notes.set(note, { id, label: labelOf(note) ?? '?', backrefs: [] })
  }
  for (const citation of citations) {
    const id = stringList(citation.attributes.ids)[0] ?? freshId('citation-')
    notes.set(citation, { id, label: labelOf(citation) ?? '?', backrefs: [] })
  }
  const noteByName = new Map<string, FootnoteInfo>()
  for (const [node, info] of notes) {
    for (const name of stringList(node.attributes.names)) noteByName.set(normalizeName(name), info)
  }
  for (const ref of [...footnoteReferences, ...citationReferences]) {
    if (noteOfReference.has(ref)) continue
    const refname = ref.attributes.refname
    if (typeof refname === 'string') {
      const info = noteByName.get(normalizeName(refname))
      if (info) {
        noteOfReference.set(ref, info)
        info.backrefs.push(referenceId(ref))
      }
    }
  }

  // docutils: references.py AnonymousHyperlinks — pair in document order.
  const anonymousMap = new Map<RstElement, RstElement>()
  anonymousReferences.forEach((ref, index) => {
    const target = anonymousTargets[index]
    if (target) anonymousMap.set(ref, target)
  })

  const urlOfTarget = (target: RstElement, seen: Set<RstElement>): string | undefined => {
    if (seen.has(target)) return undefined
    seen.add(target)
    const refuri = target.attributes.refuri
    if (typeof refuri === 'string') return refuri
    const refid = target.attributes.refid
    if (typeof refid === 'string') return '#' + refid
    const refname = target.attributes.refname
    if (typeof refname === 'string' && target.type === 'target') {
      const next = targets.get(normalizeName(refname))
      return next ? urlOfTarget(next, seen) : undefined
    }
    const id = stringList(target.attributes.ids)[0]
    return id ? '#' + id : undefined
  }

  return {
    resolveName(refname) {
      const target = targets.get(normalizeName(refname))
      return target ? urlOfTarget(target, new Set()) : undefined
    },
    resolveAnonymous(node) {
      const target = anonymousMap.get(node)
      return target ? urlOfTarget(target, new Set()) : undefined
    },
    noteOf(node) {
      return notes.get(node)
    },
    noteForReference(node) {
      return noteOfReference.get(node)
    },
    referenceId,
    substitution(refname) {
      return substitutions.get(refname) ?? substitutionsLower.get(refname.toLowerCase())
    }
  }
}

function labelOf(node: RstElement): string | undefined {
  const label = node.children.find((child) => child.type === 'label')
  if (!label || isText(label)) return undefined
  return label.children.map((child) => (isText(child) ? child.value : '')).join('')
}
