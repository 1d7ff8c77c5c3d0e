/**
 * The directive registry, as data.
 *
 * docutils: parsers/rst/directives/__init__.py `_directive_registry`,
 * `directive()`, `register_directive()`.
 */
import type { DocumentContext } from '../document.js'
import { englishRst } from '../languages/index.js'
import type { RstLanguageModule } from '../languages/types.js'
import type { RstElement } from '../nodes.js'
import { appendChild } from '../util/node-info.js'
import { admonitionDirectives } from './admonitions.js'
import { bodyDirectives } from './body.js'
import { imageDirectives } from './images.js'
import { miscDirectives } from './misc.js'
import { partsDirectives } from './parts.js'
import { referencesDirectives } from './references.js'
import { tableDirectives } from './tables.js'
import type { DirectiveSpec } from './types.js'

/**
 * docutils: `_directive_registry` — canonical (English) name → directive.
 */
export const directiveRegistry: Map<string, DirectiveSpec> = new Map(
  Object.entries({
    ...admonitionDirectives,
    ...bodyDirectives,
    ...imageDirectives,
    ...partsDirectives,
    ...referencesDirectives,
    ...tableDirectives,
    ...miscDirectives
  })
)

/** docutils: `_directives` — application-registered directives (no language lookup). */
const registeredDirectives = new Map<string, DirectiveSpec>()

/**
 * docutils: `_directives` as a lookup cache — per document here (docutils'
 * is per process), so only the first lookup of a name reports messages.
 * Kept on the document (`DocumentContext.directiveLookups`/`directiveMisses`,
 * typed there as opaque maps): a field load instead of a `WeakMap` probe per
 * directive.
 */
type LookupCache = Map<string, DirectiveSpec>

/** Per document: names as written that found no directive → the lookup's message text. */
type MissCache = Map<string, DirectiveMiss>

interface DirectiveMiss {
  languageModule: RstLanguageModule | undefined
  canonicalname: string
  text: string
}

/**
 * Add a canonical directive (used for the table directives and extensions
 * that want localized names).
 *
 * @param name Canonical (English, lower case) name.
 * @param spec The directive.
 */
export function registerCanonicalDirective(name: string, spec: DirectiveSpec): void {
  directiveRegistry.set(name, spec)
}

/**
 * docutils: directives.register_directive — register a nonstandard directive
 * under a fixed name (no language lookup).
 *
 * @param name Directive name (as used in documents; matched case-insensitively).
 * @param spec The directive.
 */
export function registerDirective(name: string, spec: DirectiveSpec): void {
  registeredDirectives.set(name.toLowerCase(), spec)
}

/**
 * docutils: directives.directive — locate a directive from its
 * language-dependent name; fall back to English, then to the canonical
 * name, with docutils' INFO messages.
 *
 * @param directiveName Name as written in the document.
 * @param languageModule rST language module (`undefined` = docutils `None`).
 * @param document The document (reporter, current line).
 * @returns The directive (or `undefined`) and system messages.
 */
export function directive(
  directiveName: string,
  languageModule: RstLanguageModule | undefined,
  document: DocumentContext
): [DirectiveSpec | undefined, RstElement[]] {
  const messages: RstElement[] = []
  const spec = findDirective(directiveName, languageModule, document, messages)
  return [spec, messages]
}

/**
 * `directive()` without the result tuple: the lookup's message (if any) is
 * pushed to `messages` (an array) or appended to `messages` (an element).
 *
 * @param directiveName Name as written in the document.
 * @param languageModule rST language module (`undefined` = docutils `None`).
 * @param document The document (reporter, current line).
 * @param messages Where the INFO message goes.
 * @returns The directive or `undefined`.
 */
export function findDirective(
  directiveName: string,
  languageModule: RstLanguageModule | undefined,
  document: DocumentContext,
  messages: RstElement[] | RstElement
): DirectiveSpec | undefined {
  const normname = directiveName.toLowerCase()
  if (registeredDirectives.size !== 0) {
    const registered = registeredDirectives.get(normname)
    if (registered) return registered
  }
  let cache = document.directiveLookups as LookupCache | undefined
  if (cache === undefined) {
    cache = new Map()
    document.directiveLookups = cache
  }
  const cached = cache.get(normname)
  if (cached) return cached
  // A name that was not found before in this document (e.g. a Sphinx
  // directive): the same lookups again give the same message text; only the
  // message node is new (docutils reports every occurrence).
  let misses = document.directiveMisses as MissCache | undefined
  const miss = misses?.get(directiveName)
  if (miss !== undefined && miss.languageModule === languageModule && !directiveRegistry.has(miss.canonicalname)) {
    addMessage(messages, document.reporter.info(miss.text, [], { line: document.currentLine }))
    return undefined
  }
  const msgText: string[] = []
  let canonicalname: string | undefined
  if (languageModule === undefined || languageModule === null) {
    msgText.push(
      "Problem retrieving directive entry from language module None: 'NoneType' object has no attribute 'directives'."
    )
  } else if ((canonicalname = nameMap(languageModule.directives).get(normname)) !== undefined) {
    // (`Object.hasOwn(directives, normname)`: found)
  } else {
    msgText.push(
      `No directive entry for "${directiveName}" in module "${languageModuleName(languageModule)}".`
    )
  }
  if (!canonicalname) {
    const english = nameMap(englishRst.directives).get(normname)
    if (english !== undefined) {
      canonicalname = english
      msgText.push(`Using English fallback for directive "${directiveName}".`)
    } else {
      msgText.push(`Trying "${directiveName}" as canonical directive name.`)
      canonicalname = normname
    }
  }
  if (msgText.length > 0) {
    addMessage(messages, document.reporter.info(msgText.join('\n'), [], { line: document.currentLine }))
  }
  const spec = directiveRegistry.get(canonicalname!)
  if (spec) cache.set(normname, spec)
  else if (msgText.length > 0) {
    if (misses === undefined) {
      misses = new Map()
      document.directiveMisses = misses
    }
    misses.set(directiveName, { languageModule, canonicalname: canonicalname!, text: msgText.join('\n') })
  }
  return spec
}

/**
 * A language module's name table (`directives`: localized name → canonical
 * name) as a `Map`, made once per table: `map.get(name)` is
 * `Object.hasOwn(table, name) ? table[name] : undefined` (the tables are
 * constant data). A probe of the large dictionary-mode object with a fresh
 * string (which must be internalized first) was measured hot; the last table
 * used is kept aside, so the usual lookup is one comparison and one `Map` probe.
 */
const nameMaps = new WeakMap<Record<string, string>, Map<string, string>>()
let lastNames: Record<string, string> | undefined
let lastNameMap: Map<string, string> | undefined

function nameMap(names: Record<string, string>): Map<string, string> {
  if (names === lastNames) return lastNameMap!
  let map = nameMaps.get(names)
  if (map === undefined) {
    map = new Map()
    for (const key of Object.keys(names)) map.set(key, names[key]!)
    nameMaps.set(names, map)
  }
  lastNames = names
  lastNameMap = map
  return map
}

function addMessage(messages: RstElement[] | RstElement, message: RstElement): void {
  if (Array.isArray(messages)) messages.push(message)
  else appendChild(messages, message)
}

/** Python `__name__` of a docutils rST language module. */
export function languageModuleName(module: RstLanguageModule): string {
  return `docutils.parsers.rst.languages.${module.name}`
}
