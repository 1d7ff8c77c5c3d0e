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
 */
const lookupCaches = new WeakMap<DocumentContext, Map<string, DirectiveSpec>>()

/** Per document: names as written that found no directive → the lookup's message text. */
const missCaches = new WeakMap<
  DocumentContext,
  Map<string, { languageModule: RstLanguageModule | undefined; canonicalname: string; text: string }>
>()

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
  const normname = directiveName.toLowerCase()
  const messages: RstElement[] = []
  const msgText: string[] = []
  const registered = registeredDirectives.get(normname)
  if (registered) return [registered, messages]
  let cache = lookupCaches.get(document)
  if (!cache) {
    cache = new Map()
    lookupCaches.set(document, cache)
  }
  const cached = cache.get(normname)
  if (cached) return [cached, messages]
  // A name that was not found before in this document (e.g. a Sphinx
  // directive): the same lookups again give the same message text; only the
  // message node is new (docutils reports every occurrence).
  let misses = missCaches.get(document)
  const miss = misses?.get(directiveName)
  if (miss !== undefined && miss.languageModule === languageModule && !directiveRegistry.has(miss.canonicalname)) {
    messages.push(document.reporter.info(miss.text, [], { line: document.currentLine }))
    return [undefined, messages]
  }
  let canonicalname: string | undefined
  if (languageModule === undefined || languageModule === null) {
    msgText.push(
      "Problem retrieving directive entry from language module None: 'NoneType' object has no attribute 'directives'."
    )
  } else if (Object.hasOwn(languageModule.directives, normname)) {
    canonicalname = languageModule.directives[normname]
  } else {
    msgText.push(
      `No directive entry for "${directiveName}" in module "${languageModuleName(languageModule)}".`
    )
  }
  if (!canonicalname) {
    if (Object.hasOwn(englishRst.directives, normname)) {
      canonicalname = englishRst.directives[normname]
      msgText.push(`Using English fallback for directive "${directiveName}".`)
    } else {
      msgText.push(`Trying "${directiveName}" as canonical directive name.`)
      canonicalname = normname
    }
  }
  if (msgText.length > 0) {
    messages.push(document.reporter.info(msgText.join('\n'), [], { line: document.currentLine }))
  }
  const spec = directiveRegistry.get(canonicalname!)
  if (spec) cache.set(normname, spec)
  else if (msgText.length > 0) {
    if (misses === undefined) {
      misses = new Map()
      missCaches.set(document, misses)
    }
    misses.set(directiveName, { languageModule, canonicalname: canonicalname!, text: msgText.join('\n') })
  }
  return [spec, messages]
}

/** Python `__name__` of a docutils rST language module. */
export function languageModuleName(module: RstLanguageModule): string {
  return `docutils.parsers.rst.languages.${module.name}`
}
