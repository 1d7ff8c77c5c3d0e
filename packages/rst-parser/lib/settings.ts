/**
 * Runtime settings, with docutils' setting names (snake_case).
 *
 * docutils: frontend.py defaults for the rST parser
 * (`get_default_settings(Parser)`), plus rstmdx extras (`root`, `cwd`).
 */

export interface Settings {
  /** Messages at or above this level are reported (1 info … 5 none). */
  report_level: number
  /** Messages at or above this level halt parsing (throw `SystemMessageError`). */
  halt_level: number
  tab_width: number
  character_level_inline_markup: boolean
  language_code: string
  file_insertion_enabled: boolean
  raw_enabled: boolean
  line_length_limit: number
  pep_references: boolean | null
  rfc_references: boolean | null
  pep_base_url: string
  pep_file_url_template: string
  rfc_base_url: string
  trim_footnote_reference_space: boolean | null
  id_prefix: string
  auto_id_prefix: string
  input_encoding: string
  input_encoding_error_handler: string
  syntax_highlight: string
  smart_quotes: boolean | string
  /** docutils: stream for messages; rstmdx: `''`/`false`/`null` = none, or a callback. */
  warning_stream: string | false | null | ((text: string) => void)
  doctitle_xform: boolean
  docinfo_xform: boolean
  sectsubtitle_xform: boolean
  sectnum_xform: boolean
  source_link: boolean | null
  source_url: string | null
  debug: boolean | null
  expose_internals: string[] | null
  strip_comments: boolean | null
  strip_elements_with_classes: string[] | null
  strip_classes: string[] | null
  toc_backlinks: string
  footnote_backlinks: boolean
  record_dependencies: string[] | null
  root_prefix: string
  /** rstmdx: directory that `include`/`image` paths may not escape (undefined: no limit). */
  root?: string
  /** rstmdx: working directory for relative paths (docutils uses the process cwd). */
  cwd?: string
  [key: string]: unknown
}

/** docutils defaults for the rST parser (`halt_level` 4, `report_level` 2, …). */
export const defaultSettings: Readonly<Settings> = Object.freeze({
  report_level: 2,
  halt_level: 4,
  tab_width: 8,
  character_level_inline_markup: false,
  language_code: 'en',
  file_insertion_enabled: true,
  raw_enabled: true,
  line_length_limit: 10_000,
  pep_references: null,
  rfc_references: null,
  pep_base_url: 'https://peps.python.org/',
  pep_file_url_template: 'pep-%04d',
  rfc_base_url: 'https://tools.ietf.org/html/',
  trim_footnote_reference_space: null,
  id_prefix: '',
  auto_id_prefix: '%',
  input_encoding: 'utf-8',
  input_encoding_error_handler: 'strict',
  syntax_highlight: 'long',
  smart_quotes: false,
  warning_stream: null,
  doctitle_xform: true,
  docinfo_xform: true,
  sectsubtitle_xform: false,
  sectnum_xform: true,
  source_link: null,
  source_url: null,
  debug: null,
  expose_internals: null,
  strip_comments: null,
  strip_elements_with_classes: null,
  strip_classes: null,
  toc_backlinks: 'entry',
  footnote_backlinks: true,
  record_dependencies: null,
  root_prefix: ''
})

/**
 * Merge overrides onto the defaults.
 *
 * @param overrides Partial settings (docutils names).
 * @returns A fresh, complete settings object.
 */
export function resolveSettings(overrides?: Partial<Settings> | null): Settings {
  return { ...defaultSettings, ...(overrides ?? {}) } as Settings
}
