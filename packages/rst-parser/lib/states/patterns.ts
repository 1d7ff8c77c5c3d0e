/**
 * Line patterns of the rST states, as `^`-anchored regexes over one line.
 *
 * docutils: states.py `Body.patterns`, `Body.pats`, `Body.enum`,
 * `Body.explicit`, `Inliner.simplename`, `RFC2822Body.patterns`,
 * `SubstitutionDef.patterns`, `Text.patterns`, `QuotedLiteralBlock.patterns`,
 * statemachine.py `StateWS.ws_patterns`.
 */

import { registerLineFilter, registerLineStartFilter, registerWholeMatchOnly } from '../statemachine.js'
import { codeAt, codeAtOrNaN, lengthOf } from '../util/strings.js'

/** docutils: Inliner.simplename (`\w` as Python's Unicode word characters). */
export const simplename = '(?:(?!_)[\\p{L}\\p{N}_])+(?:[-._+:](?:(?!_)[\\p{L}\\p{N}_])+)*'

const nonalphanum7bit = '[!-\\/:-@\\[-`{-~]'
const enumPattern = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)'
const alphanumplus = '[a-zA-Z0-9_\\-]'
const optname = `[a-zA-Z0-9]${alphanumplus}*`
const optarg = `(?:[a-zA-Z]${alphanumplus}*|<[^<>]+>)`
const shortopt = `(?:-|\\+)[a-zA-Z0-9](?: ?${optarg})?`
const longopt = `(?:--|\\/)${optname}(?:[ =]${optarg})?`
const option = `(?:${shortopt}|${longopt})`

/** docutils: Body.pats (the pieces other modules need). */
export const pats = { nonalphanum7bit, enum: enumPattern, optname, optarg, shortopt, longopt, option }

export const bodyPatterns: Record<string, RegExp> = {
  bullet: /^[-+*\u2022\u2023\u2043]( +|$)/,
  enumerator: new RegExp(`^((?<parens>\\(${enumPattern}\\))|(?<rparen>${enumPattern}\\))|(?<period>${enumPattern}\\.))( +|$)`),
  field_marker: /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/,
  option_marker: new RegExp(`^${option}(?:, ${option})*(?:  +| ?$)`),
  doctest: /^>>>( +|$)/,
  line_block: /^\|( +|$)/,
  grid_table_top: /^\+-[-+]+-\+ *$/,
  simple_table_top: /^=+( +=+)+ *$/,
  explicit_markup: /^\.\.( +|$)/,
  anonymous: /^__( +|$)/,
  line: new RegExp(`^(${nonalphanum7bit})\\1* *$`),
  text: /^/,
  blank: /^ *$/,
  indent: /^ +/
}

/** docutils: Body.grid_table_top_pat, simple_table_border_pat */
export const gridTableTopPat = /^\+-[-+]+-\+ *$/
export const simpleTableBorderPat = /^=+[ =]*$/

/** docutils: Body.enum */
export const enumFormats = ['parens', 'rparen', 'period'] as const
export type EnumFormat = (typeof enumFormats)[number]
export const enumFormatInfo: Record<EnumFormat, { prefix: string; suffix: string; start: number; end: number }> = {
  parens: { prefix: '(', suffix: ')', start: 1, end: -1 },
  rparen: { prefix: '', suffix: ')', start: 0, end: -1 },
  period: { prefix: '', suffix: '.', start: 0, end: -1 }
}
export const enumSequences = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'] as const
export const enumSequenceRegexps: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/
}

const nonWhitespaceEscapeBefore = '(?<![\\s\\x00])'

/** docutils: Body.explicit.patterns */
export const explicitPatterns = {
  target: new RegExp(
    `^(_|(?!_)(?<quote>\`?)(?![ \`])(?<name>.+?)${nonWhitespaceEscapeBefore}\\k<quote>)(?<!(?<!\\x00):)${nonWhitespaceEscapeBefore}[ ]?:([ ]+|$)`,
    'u'
  ),
  reference: new RegExp(`^((?<simple>${simplename})_|\`(?![ ])(?<phrase>.+?)${nonWhitespaceEscapeBefore}\`_)$`, 'u'),
  substitution: new RegExp(`^((?![ ])(?<name>.+?)${nonWhitespaceEscapeBefore}\\|)([ ]+|$)`, 'u')
}

/** docutils: Body.explicit.constructs patterns */
export const explicitConstructPatterns = {
  footnote: new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${simplename}|\\*)\\]([ ]+|$)`, 'u'),
  citation: new RegExp(`^\\.\\.[ ]+\\[(${simplename})\\]([ ]+|$)`, 'u'),
  hyperlink_target: /^\.\.[ ]+_(?![ ]|$)/,
  substitution_def: /^\.\.[ ]+\|(?![ ]|$)/,
  directive: new RegExp(`^\\.\\.[ ]+(${simplename})[ ]?::([ ]+|$)`, 'u')
}

/** docutils: RFC2822Body.patterns['rfc2822'] */
export const rfc2822Pattern = /^[!-9;-~]+:( +|$)/

/** docutils: SubstitutionDef.patterns */
export const substitutionDefPatterns: Record<string, RegExp> = {
  embedded_directive: new RegExp(`^(${simplename})::( +|$)`, 'u'),
  text: /^/,
  blank: /^ *$/,
  indent: /^ +/
}

/** docutils: Text.patterns */
export const textPatterns: Record<string, RegExp> = {
  underline: bodyPatterns.line,
  text: /^/,
  blank: /^ *$/,
  indent: /^ +/
}

/** docutils: QuotedLiteralBlock.patterns */
export const quotedLiteralBlockPatterns: Record<string, RegExp> = {
  initial_quoted: new RegExp(`^(${nonalphanum7bit})`),
  text: /^/,
  blank: /^ *$/,
  indent: /^ +/
}

/** docutils: Body.attribution_pattern */
export const attributionPattern = /^(---?(?!-)|\u2014) *(?=[^ \n])/

/** docutils: Text.classifier_delimiter */
export const classifierDelimiter = / +: +/

// Line-start filters: which first characters each transition pattern can
// match (a superset), so the state machine skips the others without running
// the regex. `code` is NaN for an empty line.
const isSpaceCode = (code: number): boolean => code === 0x20
const isBlankStart = (code: number): boolean => code !== code /* NaN: empty line */ || code === 0x20
/** `nonalphanum7bit`: ASCII punctuation. */
const isAsciiPunctuation = (code: number): boolean =>
  (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e)
const isAsciiAlphanumeric = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)

for (const patterns of [bodyPatterns, substitutionDefPatterns, textPatterns, quotedLiteralBlockPatterns]) {
  registerLineStartFilter(patterns.blank, isBlankStart)
  registerLineStartFilter(patterns.indent, isSpaceCode)
}
registerLineStartFilter(bodyPatterns.bullet, (code) =>
  code === 0x2d || code === 0x2b || code === 0x2a || code === 0x2022 || code === 0x2023 || code === 0x2043)
// `(`, `#` or the first character of an arabic, alphabetic or roman enumerator.
registerLineStartFilter(bodyPatterns.enumerator, (code) => code === 0x28 || code === 0x23 || isAsciiAlphanumeric(code))
registerLineStartFilter(bodyPatterns.field_marker, (code) => code === 0x3a)
// Short options start with `-` or `+`, long ones with `--` or `/`.
registerLineStartFilter(bodyPatterns.option_marker, (code) => code === 0x2d || code === 0x2b || code === 0x2f)
registerLineStartFilter(bodyPatterns.doctest, (code) => code === 0x3e)
registerLineStartFilter(bodyPatterns.line_block, (code) => code === 0x7c)
registerLineStartFilter(bodyPatterns.grid_table_top, (code) => code === 0x2b)
registerLineStartFilter(bodyPatterns.simple_table_top, (code) => code === 0x3d)
registerLineStartFilter(bodyPatterns.explicit_markup, (code) => code === 0x2e)
registerLineStartFilter(bodyPatterns.anonymous, (code) => code === 0x5f)
registerLineStartFilter(bodyPatterns.line, isAsciiPunctuation)
registerLineStartFilter(rfc2822Pattern, (code) => code >= 0x21 && code <= 0x7e && code !== 0x3a)
registerLineStartFilter(quotedLiteralBlockPatterns.initial_quoted, isAsciiPunctuation)

// Whole-line prechecks (after the start filter). An `rparen`/`period`
// enumerator is ASCII letters/digits or `#`, then `)` or `.`: the character
// after the first run of ASCII alphanumerics must be one of those (the
// `parens` form starts with `(` and is left to the regex).
registerLineFilter(bodyPatterns.enumerator, (line) => {
  const first = codeAt(line, 0)
  if (first === 0x28) return true
  let index = 1
  const length = lengthOf(line)
  if (first !== 0x23) while (index < length && isAsciiAlphanumeric(codeAt(line, index))) index++
  const next = codeAtOrNaN(line, index)
  return next === 0x29 || next === 0x2e
})

// Transitions whose methods read only `match.input`/`match[0]`/`matchEnd`,
// at once (see `registerWholeMatchOnly`; checked for every state's method of
// these names: Body, the SpecializedBody subclasses, Text, Line, Definition,
// QuotedLiteralBlock, SubstitutionDef, RFC2822Body/List). Not: `enumerator`
// (groups), `line_block` (`match[1]`), `embedded_directive` (`match[1]`).
for (const pattern of [
  bodyPatterns.bullet,
  bodyPatterns.field_marker,
  bodyPatterns.option_marker,
  bodyPatterns.doctest,
  bodyPatterns.grid_table_top,
  bodyPatterns.simple_table_top,
  bodyPatterns.explicit_markup,
  bodyPatterns.anonymous,
  bodyPatterns.line,
  bodyPatterns.blank,
  bodyPatterns.indent,
  textPatterns.blank,
  textPatterns.indent,
  substitutionDefPatterns.blank,
  substitutionDefPatterns.indent,
  quotedLiteralBlockPatterns.blank,
  quotedLiteralBlockPatterns.indent
]) {
  registerWholeMatchOnly(pattern)
}
