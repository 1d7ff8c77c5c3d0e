/**
 * The standard roles.
 *
 * docutils: parsers/rst/roles.py `pep_reference_role`, `rfc_reference_role`,
 * `raw_role`, `code_role`, `math_role`, `unimplemented_role` and the
 * `register_generic_role` calls.
 */
import { unchanged, type Converter } from '../directives/converters.js'
import { pyInt } from '../directives/py.js'
import { element, text, unescape, type RstElement, type RstNode } from '../nodes.js'
import { listOf1 } from '../util/arrays.js'
import { setSourceLine } from '../util/node-info.js'
import { formatPercent } from './format.js'
import {
  normalizeOptions,
  optionAttributes,
  registerCanonicalRole,
  registerGenericRole,
  textElement,
  type RoleFunction
} from './registry.js'

/** docutils: roles.pep_reference_role */
export const pepReferenceRole: RoleFunction = (_role, rawtext, value, lineno, inliner, options) => {
  const opts = normalizeOptions(options)
  let pepnum: number
  try {
    pepnum = pyInt(unescape(value))
    if (pepnum < 0 || pepnum > 9999) throw new RangeError('out of range')
  } catch {
    const message = inliner.reporter.error(
      `PEP number must be a number from 0 to 9999; "${value}" is invalid.`,
      [],
      { line: lineno }
    )
    const problematic = inliner.problematic(rawtext, rawtext, message)
    return [[problematic], [message]]
  }
  const settings = inliner.document.settings
  const ref = settings.pep_base_url + formatPercent(settings.pep_file_url_template, pepnum)
  return [[textElement('reference', 'PEP ' + value, { refuri: ref, ...optionAttributes(opts) })], []]
}

/** docutils: roles.rfc_reference_role */
export const rfcReferenceRole: RoleFunction = (_role, rawtext, value, lineno, inliner, options) => {
  const opts = normalizeOptions(options)
  let rfcText: string
  let section: string | undefined
  const unescaped = unescape(value)
  if (value.includes('#')) {
    const index = unescaped.indexOf('#')
    rfcText = unescaped.slice(0, index)
    section = unescaped.slice(index + 1)
  } else {
    rfcText = unescaped
  }
  let rfcnum: number
  try {
    rfcnum = pyInt(rfcText)
    if (rfcnum < 1) throw new RangeError('out of range')
  } catch {
    const message = inliner.reporter.error(
      `RFC number must be a number greater than or equal to 1; "${value}" is invalid.`,
      [],
      { line: lineno }
    )
    const problematic = inliner.problematic(rawtext, rawtext, message)
    return [[problematic], [message]]
  }
  let ref = inliner.document.settings.rfc_base_url + formatPercent(inliner.rfcUrl, rfcnum)
  if (section !== undefined) ref += '#' + section
  return [[textElement('reference', 'RFC ' + String(rfcnum), { refuri: ref, ...optionAttributes(opts) })], []]
}

/** docutils: roles.raw_role */
export const rawRole: RoleFunction = (role, rawtext, value, lineno, inliner, options) => {
  const opts = normalizeOptions(options)
  if (!inliner.document.settings.raw_enabled) {
    const message = inliner.reporter.warning('raw (and derived) roles disabled')
    const problematic = inliner.problematic(rawtext, rawtext, message)
    return [[problematic], [message]]
  }
  if (!('format' in opts)) {
    const message = inliner.reporter.error(
      `No format (Writer name) is associated with this role: "${role}".\n` +
        'The "raw" role cannot be used directly.\n' +
        'Instead, use the "role" directive to create a new role with an associated format.',
      [],
      { line: lineno }
    )
    const problematic = inliner.problematic(rawtext, rawtext, message)
    return [[problematic], [message]]
  }
  const node = textElement('raw', unescape(value, true), { ...optionAttributes(opts), 'xml:space': 'preserve' })
  const getSourceAndLine = inliner.reporter.getSourceAndLine
  if (getSourceAndLine) {
    const [source, line] = getSourceAndLine(lineno)
    setSourceLine(node, source, line)
  }
  return [[node], []]
}
rawRole.options = { format: unchanged as Converter }

/**
 * docutils: roles.code_role. There is no Pygments here: the code is always
 * one text node, which is what docutils emits with `syntax_highlight`
 * `none` or language ''/'text'. Deliberate difference: with a language and
 * highlighting on, docutils would add token `inline`s (or, without
 * Pygments, warn "Cannot analyze code."); we keep the plain text.
 */
export const codeRole: RoleFunction = (_role, _rawtext, value, _lineno, _inliner, options) => {
  const opts = normalizeOptions(options)
  const language = typeof opts.language === 'string' ? opts.language : ''
  const classes: string[] = ['code']
  if (Array.isArray(opts.classes)) classes.push(...(opts.classes as string[]))
  if (language && !classes.includes(language)) classes.push(language)
  const node = element('literal', { classes }, listOf1(text(unescape(value, true))))
  return [[node], []]
}
codeRole.options = { language: unchanged as Converter }

/** docutils: roles.math_role */
export const mathRole: RoleFunction = (_role, _rawtext, value, _lineno, _inliner, options) => {
  // Without options (nearly always) the attributes are `{}`.
  const attributes = options ? optionAttributes(normalizeOptions(options)) : undefined
  return [[textElement('math', unescape(value, true), attributes)], []]
}

/** docutils: roles.unimplemented_role */
export const unimplementedRole: RoleFunction = (role, rawtext, _value, lineno, inliner) => {
  const message = inliner.reporter.error(`Interpreted text role "${role}" not implemented.`, [], { line: lineno })
  const problematic = inliner.problematic(rawtext, rawtext, message)
  return [[problematic], [message]] as [RstNode[], RstElement[]]
}

/** Register docutils' standard roles (idempotent). */
export function registerStandardRoles(): void {
  registerGenericRole('abbreviation', 'abbreviation')
  registerGenericRole('acronym', 'acronym')
  registerGenericRole('emphasis', 'emphasis')
  registerGenericRole('literal', 'literal')
  registerGenericRole('strong', 'strong')
  registerGenericRole('subscript', 'subscript')
  registerGenericRole('superscript', 'superscript')
  registerGenericRole('title-reference', 'title_reference')
  registerCanonicalRole('pep-reference', pepReferenceRole)
  registerCanonicalRole('rfc-reference', rfcReferenceRole)
  registerCanonicalRole('raw', rawRole)
  registerCanonicalRole('code', codeRole)
  registerCanonicalRole('math', mathRole)
  for (const name of [
    'index', 'named-reference', 'anonymous-reference', 'uri-reference', 'footnote-reference',
    'citation-reference', 'substitution-reference', 'target', 'restructuredtext-unimplemented-role'
  ]) {
    registerCanonicalRole(name, unimplementedRole)
  }
}
