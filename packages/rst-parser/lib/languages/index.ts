/**
 * docutils: languages/__init__.py `LanguageImporter` and
 * parsers/rst/languages/__init__.py `RstLanguageImporter`.
 */
import type { Reporter } from '../reporter.js'
import { languageModules } from './all.js'
import type { LanguageData, LanguageModule, RstLanguageModule } from './types.js'

export type { LanguageData, LanguageModule, RstLanguageModule } from './types.js'
export { languageModules } from './all.js'

/**
 * docutils: utils.normalize_language_tag.
 *
 * @param tag BCP 47 tag, e.g. `de_AT-1901`.
 * @returns Normalized combinations, most specific first.
 */
export function normalizeLanguageTag(tag: string): string[] {
  tag = tag.toLowerCase().replaceAll('-', '_')
  tag = tag.replace(/_([a-zA-Z0-9])_/g, '_$1-')
  const subtags = tag.split('_')
  const base = subtags.shift()!
  const result: string[] = []
  for (let n = subtags.length; n > 0; n--) {
    for (const combination of combinations(subtags, n)) result.push([base, ...combination].join('-'))
  }
  result.push(base)
  return result
}

/**
 * `normalizeLanguageTag(code)` as `languageModules` keys (`-` → `_`), cached
 * per code: called for every document (and `contents` directive), and the
 * normalization's regular expression replace was measured hot.
 */
const moduleKeysCache = new Map<string, readonly string[]>()

function moduleKeys(code: string): readonly string[] {
  let keys = moduleKeysCache.get(code)
  if (keys === undefined) {
    keys = normalizeLanguageTag(code).map((tag) => tag.replaceAll('-', '_'))
    if (moduleKeysCache.size >= 256) moduleKeysCache.clear()
    moduleKeysCache.set(code, keys)
  }
  return keys
}

function combinations<T>(items: T[], n: number): T[][] {
  if (n === 0) return [[]]
  const result: T[][] = []
  for (let index = 0; index <= items.length - n; index++) {
    for (const rest of combinations(items.slice(index + 1), n - 1)) result.push([items[index], ...rest])
  }
  return result
}

function isGeneral(data: LanguageData | undefined): data is LanguageData & Required<Pick<LanguageData, 'labels' | 'bibliographicFields' | 'authorSeparators'>> {
  return Boolean(data && data.labels && data.bibliographicFields && data.authorSeparators)
}

function isRst(data: LanguageData | undefined): data is LanguageData & Required<Pick<LanguageData, 'directives' | 'roles'>> {
  return Boolean(data && data.directives && data.roles)
}

/**
 * docutils: languages.get_language — labels etc., falling back to English
 * with docutils' warning.
 *
 * @param code Language code (`language_code` setting).
 * @param reporter Optional reporter for docutils' warning/info messages.
 * @returns The language module.
 */
export function getLanguage(code: string, reporter?: Reporter): LanguageModule {
  for (const key of moduleKeys(code)) {
    const data = languageModules[key]
    if (isGeneral(data)) return toGeneral(data)
  }
  reporter?.warning(`Language "${code}" not supported: Docutils-generated text will be in English.`)
  return toGeneral(languageModules.en as Parameters<typeof toGeneral>[0])
}

function toGeneral(data: Required<Pick<LanguageData, 'labels' | 'bibliographicFields' | 'authorSeparators'>> & LanguageData): LanguageModule {
  return { name: data.name, labels: data.labels, bibliographicFields: data.bibliographicFields, authorSeparators: data.authorSeparators }
}

/**
 * docutils: parsers.rst.languages.get_language — directive and role names;
 * `undefined` (docutils `None`) with a warning when there is none.
 *
 * @param code Language code.
 * @param reporter Optional reporter.
 * @returns The rST language module or undefined.
 */
export function getRstLanguage(code: string, reporter?: Reporter): RstLanguageModule | undefined {
  for (const key of moduleKeys(code)) {
    const data = languageModules[key]
    if (isRst(data)) return { name: data.name, directives: data.directives, roles: data.roles }
  }
  reporter?.warning(`rST localisation for language "${code}" not found.`)
  return undefined
}

/** The English rST module (docutils `_fallback_language_module`). */
export const englishRst: RstLanguageModule = getRstLanguage('en')!
