/** Data of one docutils language module (docutils/languages/xx.py + parsers/rst/languages/xx.py). */
export interface LanguageData {
  /** Module name, e.g. `de`, `zh_cn`. */
  name: string
  /** Node class name → label text (docutils `labels`). */
  labels?: Record<string, string>
  /** Localized (lowercased) field name → canonical name. */
  bibliographicFields?: Record<string, string>
  authorSeparators?: string[]
  /** Localized directive name → canonical name (rST module). */
  directives?: Record<string, string>
  /** Localized role name → canonical name (rST module). */
  roles?: Record<string, string>
}

/** docutils.languages module: labels, bibliographic fields, author separators. */
export interface LanguageModule {
  name: string
  labels: Record<string, string>
  bibliographicFields: Record<string, string>
  authorSeparators: string[]
}

/** docutils.parsers.rst.languages module: directive and role names. */
export interface RstLanguageModule {
  name: string
  directives: Record<string, string>
  roles: Record<string, string>
}
