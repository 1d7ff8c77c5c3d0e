/**
 * docutils: nodes.py `document` — the bookkeeping methods (ids, names,
 * targets, footnotes, substitutions) used while parsing.
 */
import { element, type RstElement, type RstNode } from './nodes.js'
import { starttag } from './pformat.js'
import { Reporter } from './reporter.js'
import { resolveSettings, type Settings } from './settings.js'
import { emptyList, listOf1 } from './util/arrays.js'
import { makeId } from './util/make-id.js'
import { appendChild, listAttribute } from './util/node-info.js'
import { fullyNormalizeName, whitespaceNormalizeName } from './util/strings.js'

/** Element types whose content model accepts a trailing `system_message` (see `validateAppend`). */
const bodyContainers: ReadonlySet<string> = new Set([
  'document', 'section', 'list_item', 'footnote', 'citation', 'block_quote', 'definition', 'field_body',
  'description', 'entry', 'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip',
  'warning', 'admonition', 'topic', 'sidebar', 'compound', 'container', 'system_message', 'legend',
  'definition_list_item'
])

/** `setId`'s placeholder for a node's new `ids` (replaced by `[id]` before it returns). */
const noIdsYet = Object.freeze([]) as unknown as string[]

/** One auto-id prefix and the last number used with it. */
interface IdCounter {
  readonly prefix: string
  count: number
}

class IdCounterRecord implements IdCounter {
  count = 0
  constructor(readonly prefix: string) {}
}

/** A pending node registered with `notePending` (docutils transformer.add_pending). */
export interface PendingEntry {
  node: RstElement
  priority: number | undefined
}

// Records made during a parse are class instances, not object literals: V8 may pretenure a literal's allocation
// site, and an old record pointing at a young node keeps the whole tree alive through scavenges (`util/arrays.ts`).
class PendingRecord implements PendingEntry {
  constructor(
    readonly node: RstElement,
    readonly priority: number | undefined
  ) {}
}

/**
 * docutils: nodes.document (the parsing-time methods).
 */
export class DocumentContext {
  root: RstElement
  settings: Settings
  reporter: Reporter
  currentSource: string | undefined = undefined
  currentLine: number | undefined = undefined
  indirectTargets: RstElement[] = emptyList()
  substitutionDefs = new Map<string, RstElement>()
  substitutionNames = new Map<string, string>()
  /** docutils `document.refnames`: refname → referencing nodes (built on first read, see `ListMapLog`). */
  get refnames(): Map<string, RstElement[]> {
    return this.refnamesLog.map()
  }
  set refnames(value: Map<string, RstElement[]>) {
    this.refnamesLog.replace(value)
  }
  /** docutils `document.refids`. */
  get refids(): Map<string, RstElement[]> {
    return this.refidsLog.map()
  }
  set refids(value: Map<string, RstElement[]>) {
    this.refidsLog.replace(value)
  }
  /** Name → id; `null` marks a dupname (docutils `None`). */
  nameids = new Map<string, string | null>()
  /**
   * Name → explicit? (docutils `nametypes`). Implicit names (`false`) are
   * only stored once a duplicate made them so: a missing name reads as
   * `false` (`setNameIdMap` does not store one per section title).
   */
  nametypes = new Map<string, boolean>()
  ids = new Map<string, RstElement>()
  /** docutils `document.footnote_refs`. */
  get footnoteRefs(): Map<string, RstElement[]> {
    return this.footnoteRefsLog.map()
  }
  set footnoteRefs(value: Map<string, RstElement[]>) {
    this.footnoteRefsLog.replace(value)
  }
  /** docutils `document.citation_refs`. */
  get citationRefs(): Map<string, RstElement[]> {
    return this.citationRefsLog.map()
  }
  set citationRefs(value: Map<string, RstElement[]>) {
    this.citationRefsLog.replace(value)
  }
  private refnamesLog = new ListMapLog()
  private refidsLog = new ListMapLog()
  private footnoteRefsLog = new ListMapLog()
  private citationRefsLog = new ListMapLog()
  autofootnotes: RstElement[] = emptyList()
  autofootnoteRefs: RstElement[] = emptyList()
  symbolFootnotes: RstElement[] = emptyList()
  symbolFootnoteRefs: RstElement[] = emptyList()
  footnotes: RstElement[] = emptyList()
  citations: RstElement[] = emptyList()
  autofootnoteStart = 1
  symbolFootnoteStart = 0
  /** docutils `document.id_counter` (a copy: `setId` counts in `idCounters`). */
  get idCounter(): Map<string, number> {
    const map = new Map<string, number>()
    for (const [prefix, counter] of this.idCounters) map.set(prefix, counter.count)
    return map
  }
  set idCounter(value: Map<string, number>) {
    this.idCounters = new Map()
    for (const [prefix, count] of value) this.idCounters.set(prefix, { prefix, count })
    this.autoIdPrefixes = new Map()
  }
  /** Auto-id counters by prefix (docutils `id_counter`); boxes, so a cached box is counted without a lookup. */
  private idCounters = new Map<string, IdCounter>()
  /** `setId`'s auto-id prefix (and its counter) by node type (settings do not change during a parse). */
  private autoIdPrefixes = new Map<string, IdCounter>()
  parseMessages: RstElement[] = emptyList()
  transformMessages: RstElement[] = emptyList()
  pending: PendingEntry[] = emptyList()
  includeLog: Array<[string, unknown]> = emptyList()
  /** `directives/registry.ts`: per-document directive lookup cache (name → directive). */
  directiveLookups: Map<string, unknown> | undefined = undefined
  /** `directives/registry.ts`: per-document names that found no directive. */
  directiveMisses: Map<string, unknown> | undefined = undefined
  /** Nodes docutils marks `referenced` (by `dupname`). */
  referenced = new WeakSet<RstElement>()

  /**
   * docutils: utils.new_document.
   *
   * @param source Source path or description (the `source` attribute).
   * @param settings Settings (completed with defaults).
   * @param reporter Reporter (default: made from the settings).
   */
  constructor(source: string, settings?: Partial<Settings>, reporter?: Reporter) {
    this.settings = resolveSettings(settings)
    this.reporter =
      reporter ??
      new Reporter(source, this.settings.report_level, this.settings.halt_level, this.settings.warning_stream, Boolean(this.settings.debug))
    this.root = element('document', { source })
    this.noteSource(source, -1)
  }

  /** docutils: document.set_id */
  setId(node: RstElement, msgnode?: RstElement, suggestedPrefix = ''): string {
    const current = node.attributes.ids
    const fresh = !Array.isArray(current)
    let ids = current as string[]
    if (fresh) {
      // The key is made here, as `listAttribute` would (attribute order), and gets
      // an exact one-element array below: pushing onto a fresh `[]` makes a
      // 17-slot store that the tree keeps. Until then it holds a shared empty
      // placeholder (frozen: nothing reads or writes it meanwhile).
      ids = noIdsYet
      node.attributes.ids = ids
    }
    if (ids.length > 0) {
      let id = ''
      for (const each of ids) {
        id = each
        if (!this.ids.has(id)) this.ids.set(id, node)
        const other = this.ids.get(id)!
        if (other !== node) {
          const message = this.reporter.error(
            `Duplicate ID: "${id}" used by ${starttag(other.type, other.attributes)} and ${starttag(node.type, node.attributes)}`,
            [],
            { base_node: node }
          )
          if (msgnode) appendChild(msgnode, message)
        }
      }
      return id
    }
    const idPrefix = this.settings.id_prefix
    const autoIdPrefix = this.settings.auto_id_prefix
    let baseId = ''
    let id = ''
    let found = false
    for (const name of listAttribute(node, 'names')) {
      baseId = idPrefix ? makeId('x' + name).slice(1) : makeId(name)
      id = idPrefix + baseId
      if (baseId && !this.ids.has(id)) {
        found = true
        break
      }
    }
    if (!found) {
      let counter: IdCounter | undefined
      if (baseId && autoIdPrefix.endsWith('%')) {
        counter = this.idCounterFor(id + '-')
      } else {
        const prefix = idPrefix + autoIdPrefix
        if (!prefix.endsWith('%')) counter = this.idCounterFor(prefix)
        else if (suggestedPrefix) counter = this.idCounterFor(`${prefix.slice(0, -1)}${suggestedPrefix}-`)
        else {
          // Per node type, the same prefix every time (`system-message-`,
          // `problematic-`…) and its counter: found once per document.
          counter = this.autoIdPrefixes.get(node.type)
          if (counter === undefined) {
            counter = this.idCounterFor(`${prefix.slice(0, -1)}${makeId(node.type)}-`)
            this.autoIdPrefixes.set(node.type, counter)
          }
        }
      }
      const prefix = counter.prefix
      do id = prefix + String(++counter.count)
      while (this.ids.has(id))
    }
    if (fresh && ids.length === 0) node.attributes.ids = listOf1(id)
    else ids.push(id)
    this.ids.set(id, node)
    return id
  }

  /** The auto-id counter of `prefix` (docutils `id_counter[prefix]`), made at 0. */
  private idCounterFor(prefix: string): IdCounter {
    let counter = this.idCounters.get(prefix)
    if (counter === undefined) {
      counter = new IdCounterRecord(prefix)
      this.idCounters.set(prefix, counter)
    }
    return counter
  }

  /** docutils: document.set_name_id_map */
  setNameIdMap(node: RstElement, id: string, msgnode?: RstElement, explicit = false): void {
    const names = listAttribute(node, 'names')
    if (names.length === 0) return
    if (names.length === 1) {
      // (nearly always one name: no copy of the list, which a duplicate may change)
      const name = names[0]!
      if (this.nameids.has(name)) this.setDuplicateNameId(node, id, name, msgnode, explicit)
      else {
        this.nameids.set(name, id)
        if (explicit) this.nametypes.set(name, true)
      }
      return
    }
    for (const name of [...names]) {
      if (this.nameids.has(name)) {
        this.setDuplicateNameId(node, id, name, msgnode, explicit)
      } else {
        this.nameids.set(name, id)
        if (explicit) this.nametypes.set(name, true)
      }
    }
  }

  /** docutils: document.set_duplicate_name_id */
  setDuplicateNameId(node: RstElement, id: string, name: string, msgnode: RstElement | undefined, explicit: boolean): void {
    const oldId = this.nameids.get(name) ?? null
    const oldExplicit = this.nametypes.get(name) ?? false
    const oldNode = oldId === null ? undefined : this.ids.get(oldId)
    let level = 0
    let s = ''
    this.nametypes.set(name, oldExplicit || explicit)
    if (
      oldId !== null &&
      (('refname' in node.attributes && node.attributes.refname !== undefined && node.attributes.refname === oldNode?.attributes.refname) ||
        ('refuri' in node.attributes && node.attributes.refuri !== undefined && node.attributes.refuri === oldNode?.attributes.refuri))
    ) {
      level = 1
      const ref = node.attributes.refuri || node.attributes.refname
      s = `Duplicate name "${name}" for external target "${String(ref)}".`
      this.dupname(node, name)
    } else if (explicit) {
      if (oldExplicit) {
        level = 2
        s = `Duplicate explicit target name: "${name}".`
        this.dupname(node, name)
        if (oldId !== null) {
          if (oldNode) this.dupname(oldNode, name)
          this.nameids.set(name, null)
        }
      } else {
        this.nameids.set(name, id)
        if (oldId !== null) {
          level = 1
          s = `Target name overrides implicit target name "${name}".`
          if (oldNode) this.dupname(oldNode, name)
        }
      }
    } else {
      level = 1
      s = `Duplicate implicit target name: "${name}".`
      this.dupname(node, name)
      if (oldId !== null && !oldExplicit) {
        if (oldNode) this.dupname(oldNode, name)
        this.nameids.set(name, null)
      }
    }
    if (level) {
      let backrefs = [id]
      if (node.type === 'target' && node.attributes.refuri !== undefined) backrefs = []
      const message = this.reporter.systemMessage(level, s, [], { backrefs, base_node: node })
      if (msgnode && validateAppend(msgnode)) appendChild(msgnode, message)
    }
  }

  /** docutils: nodes.dupname */
  dupname(node: RstElement, name: string): void {
    appendListAttribute(node, 'dupnames', name)
    const names = listAttribute(node, 'names')
    const index = names.indexOf(name)
    if (index !== -1) names.splice(index, 1)
    this.referenced.add(node)
  }

  hasName(name: string): boolean {
    return this.nameids.has(name)
  }

  noteImplicitTarget(target: RstElement, msgnode?: RstElement): void {
    const id = this.setId(target, msgnode)
    this.setNameIdMap(target, id, msgnode, false)
  }

  noteExplicitTarget(target: RstElement, msgnode?: RstElement): void {
    const id = this.setId(target, msgnode)
    this.setNameIdMap(target, id, msgnode, true)
  }

  noteRefname(node: RstElement): void {
    this.refnamesLog.add(String(node.attributes.refname), node)
  }

  noteRefid(node: RstElement): void {
    this.refidsLog.add(String(node.attributes.refid), node)
  }

  noteIndirectTarget(target: RstElement): void {
    this.indirectTargets.push(target)
    if (listAttribute(target, 'names').length > 0) this.noteRefname(target)
  }

  noteAnonymousTarget(target: RstElement): void {
    this.setId(target)
  }

  noteAutofootnote(footnote: RstElement): void {
    this.setId(footnote)
    this.autofootnotes.push(footnote)
  }

  noteAutofootnoteRef(ref: RstElement): void {
    this.setId(ref)
    this.autofootnoteRefs.push(ref)
  }

  noteSymbolFootnote(footnote: RstElement): void {
    this.setId(footnote)
    this.symbolFootnotes.push(footnote)
  }

  noteSymbolFootnoteRef(ref: RstElement): void {
    this.setId(ref)
    this.symbolFootnoteRefs.push(ref)
  }

  noteFootnote(footnote: RstElement): void {
    this.setId(footnote)
    this.footnotes.push(footnote)
  }

  noteFootnoteRef(ref: RstElement): void {
    this.setId(ref)
    this.footnoteRefsLog.add(String(ref.attributes.refname), ref)
    this.noteRefname(ref)
  }

  noteCitation(citation: RstElement): void {
    this.citations.push(citation)
  }

  noteCitationRef(ref: RstElement): void {
    this.setId(ref)
    this.citationRefsLog.add(String(ref.attributes.refname), ref)
    this.noteRefname(ref)
  }

  /** docutils: document.note_substitution_def */
  noteSubstitutionDef(subdef: RstElement, defName: string, msgnode?: RstElement): void {
    const name = whitespaceNormalizeName(defName)
    const old = this.substitutionDefs.get(name)
    if (old) {
      const message = this.reporter.error(`Duplicate substitution definition name: "${name}".`, [], { base_node: subdef })
      if (msgnode) appendChild(msgnode, message)
      this.dupname(old, name)
    }
    this.substitutionDefs.set(name, subdef)
    this.substitutionNames.set(fullyNormalizeName(name), name)
  }

  noteSubstitutionRef(subref: RstElement, refname: string): void {
    subref.attributes.refname = whitespaceNormalizeName(refname)
  }

  notePending(pending: RstElement, priority?: number): void {
    this.pending.push(new PendingRecord(pending, priority))
  }

  noteParseMessage(message: RstElement): void {
    this.parseMessages.push(message)
  }

  noteTransformMessage(message: RstElement): void {
    this.transformMessages.push(message)
  }

  /** docutils: document.note_source (`offset` is 0-based; stored line is offset + 1). */
  noteSource(source: string | undefined, offset: number | undefined): void {
    this.currentSource = source
    this.currentLine = offset === undefined ? undefined : offset + 1
  }
}

/**
 * A `Map<key, nodes[]>` that is only read by transforms (if at all): the
 * parse appends `(key, node)` pairs to a flat log, and the map is built from
 * it, in the same order, on first read. Saves a string-keyed hash lookup per
 * reference while parsing (measured hot: the per-document maps grow large
 * and every lookup misses the CPU caches).
 */
class ListMapLog {
  private built: Map<string, RstElement[]> | undefined = undefined
  private log: Array<string | RstElement> = emptyList()

  add(key: string, node: RstElement): void {
    if (this.built !== undefined) pushTo(this.built, key, node)
    else this.log.push(key, node)
  }

  map(): Map<string, RstElement[]> {
    if (this.built === undefined) {
      const built = new Map<string, RstElement[]>()
      const log = this.log
      for (let index = 0; index < log.length; index += 2) pushTo(built, log[index] as string, log[index + 1] as RstElement)
      this.built = built
      this.log = emptyList()
    }
    return this.built
  }

  replace(value: Map<string, RstElement[]>): void {
    this.built = value
    this.log = emptyList()
  }
}

function pushTo(map: Map<string, RstElement[]>, key: string, node: RstElement): void {
  const list = map.get(key)
  if (list) list.push(node)
  else map.set(key, listOf1(node))
}

/**
 * Approximation of docutils' `msgnode.validate(recursive=False)` after
 * appending a `system_message`: body containers accept it unless a
 * `section` child precedes it (structure model); text elements do not.
 *
 * @param msgnode Node the message would be appended to.
 * @returns Whether the message may stay there.
 */
export function validateAppend(msgnode: RstElement): boolean {
  if (!bodyContainers.has(msgnode.type)) return false
  if (msgnode.type === 'document' || msgnode.type === 'section') {
    return !msgnode.children.some((child: RstNode) => child.type === 'section')
  }
  return true
}

/**
 * `listAttribute(node, name).push(value)`, but an absent (or non-list)
 * attribute gets an exact one-element array: pushing onto a fresh `[]` makes
 * a 17-slot store (136 bytes) that the tree keeps.
 */
export function appendListAttribute(node: RstElement, name: string, value: string): void {
  const current = node.attributes[name]
  if (Array.isArray(current)) (current as string[]).push(value)
  else node.attributes[name] = listOf1(value)
}
