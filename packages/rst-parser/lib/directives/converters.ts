/**
 * Directive option conversion functions.
 *
 * docutils: parsers/rst/directives/__init__.py (conversion functions for
 * `Directive.option_spec`). Each converter takes the option argument (a
 * string, or `undefined` for Python `None`) and returns the converted value or
 * throws a `PyValueError`/`PyTypeError` whose message is docutils' text.
 */
import { unescape } from '../nodes.js'
import { makeId } from '../util/make-id.js'
import { escape2null, pySplit, pySplitlines, pyStrip, splitEscapedWhitespace } from '../util/strings.js'
import { PyFloat, PyTypeError, PyValueError, pyFloatRepr, pyInt, pyStrRepr } from './py.js'

/** A conversion function (`undefined` argument = Python `None`). */
export type Converter<T = unknown> = (argument: string | undefined) => T

/** docutils: directives.flag */
export const flag: Converter<null> = (argument) => {
  if (argument && pyStrip(argument)) {
    throw new PyValueError(`no argument is allowed; "${argument}" supplied`)
  }
  return null
}

/** docutils: directives.unchanged_required */
export const unchangedRequired: Converter<string> = (argument) => {
  if (argument === undefined) throw new PyValueError('argument required but none supplied')
  return argument
}

/** docutils: directives.unchanged */
export const unchanged: Converter<string> = (argument) => (argument === undefined ? '' : argument)

/** docutils: directives.path — the path argument unwrapped (newlines removed). */
export const path: Converter<string> = (argument) => {
  if (argument === undefined) throw new PyValueError('argument required but none supplied')
  return pySplitlines(argument)
    .map((line) => pyStrip(line))
    .join('')
}

/** docutils: directives.uri — URI with unescaped whitespace removed. */
export const uri: Converter<string> = (argument) => {
  if (argument === undefined) throw new PyValueError('argument required but none supplied')
  const parts = splitEscapedWhitespace(escape2null(argument))
  return parts.map((part) => pySplit(unescape(part)).join('')).join(' ')
}

/** docutils: directives.nonnegative_int */
export const nonnegativeInt: Converter<number> = (argument) => {
  const value = pyInt(argument)
  if (value < 0) throw new PyValueError('negative value; must be positive or zero')
  return value
}

/** docutils: directives.percentage — integer with optional percent sign. */
export const percentage: Converter<number> = (argument) => {
  let value = argument
  if (value !== undefined) value = value.replace(/[ %]+$/, '')
  return nonnegativeInt(value)
}

/** docutils: directives.CSS3_LENGTH_UNITS */
export const css3LengthUnits: readonly string[] = [
  'em', 'ex', 'ch', 'rem', 'vw', 'vh', 'vmin', 'vmax', 'cm', 'mm', 'Q', 'in', 'pt', 'pc', 'px'
]

/**
 * docutils: nodes.parse_measure — `(-?[0-9.]+) *([a-zA-Zµ]*|%?)`.
 *
 * @param measure
 *   Text to parse.
 * @returns
 *   Value (number, or `PyFloat` when Python would make a float) and unit.
 */
export function parseMeasure(measure: string): [number | PyFloat, string] {
  const match = /^(-?[0-9.]+) *([a-zA-Zµ]*|%?)$/.exec(measure)
  if (match) {
    const number = match[1]!
    if (/^-?[0-9]+$/.test(number)) return [Number.parseInt(number, 10), match[2]!]
    // Python float(): digits with at most one dot, at least one digit
    if (/^-?(?:[0-9]+\.[0-9]*|\.[0-9]+)$/.test(number)) return [new PyFloat(Number.parseFloat(number)), match[2]!]
  }
  throw new PyValueError(`"${measure}" is no valid measure.`)
}

/**
 * docutils: directives.get_measure — positive value with one of `units`.
 *
 * @param argument
 *   Option argument.
 * @param units
 *   Allowed units ('' = unitless).
 * @returns
 *   Normalised `<value><unit>`.
 */
export function getMeasure(argument: string | undefined, units: readonly string[]): string {
  if (argument === undefined) {
    // Python: re.fullmatch(pattern, None) raises TypeError
    throw new PyTypeError("expected string or bytes-like object, got 'NoneType'")
  }
  const [value, unit] = parseMeasure(argument)
  const number = value instanceof PyFloat ? value.value : value
  if (number < 0 || !units.includes(unit)) {
    throw new PyValueError(
      'not a positive number or measure of one of the following units:\n' + units.filter(Boolean).join(', ')
    )
  }
  return `${value instanceof PyFloat ? pyFloatRepr(value.value) : String(value)}${unit}`
}

/** docutils: directives.length_or_unitless */
export const lengthOrUnitless: Converter<string> = (argument) => getMeasure(argument, [...css3LengthUnits, ''])

/**
 * docutils: directives.length_or_percentage_or_unitless
 *
 * @param argument
 *   Option argument.
 * @param defaultUnit
 *   Unit appended when there is none.
 * @returns
 *   Normalised measure.
 */
export function lengthOrPercentageOrUnitless(argument: string | undefined, defaultUnit = ''): string {
  try {
    return getMeasure(argument, [...css3LengthUnits, '%'])
  } catch (error) {
    try {
      return getMeasure(argument, ['']) + defaultUnit
    } catch {
      throw error
    }
  }
}

/** docutils: directives.class_option — list of ID-compatible class names. */
export const classOption: Converter<string[]> = (argument) => {
  if (argument === undefined) throw new PyValueError('argument required but none supplied')
  const classNames: string[] = []
  for (const name of pySplit(argument)) {
    const className = makeId(name)
    if (!className) throw new PyValueError(`cannot make "${name}" into a class name`)
    classNames.push(className)
  }
  return classNames
}

const unicodePattern = /^(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|^&#x([0-9a-f]+);$/i

/** docutils: directives.unicode_code — Unicode character code → character. */
export function unicodeCode(code: string): string {
  if (/^\p{Nd}+$/u.test(code)) return chrChecked(pyInt(code))
  const match = unicodePattern.exec(code)
  if (match) return chrChecked(Number.parseInt(match[1] ?? match[2]!, 16), match[1] ?? match[2]!)
  return code
}

/** Python `chr()` with its errors (`OverflowError` → docutils' "code too large"). */
function chrChecked(value: number, hex?: string): string {
  const big = hex === undefined ? value : Number.parseInt(hex, 16)
  if (!Number.isSafeInteger(big) || big > 0x7fffffff) {
    throw new PyValueError('code too large (Python int too large to convert to C int)')
  }
  if (big > 0x10ffff) throw new PyValueError('chr() arg not in range(0x110000)')
  return String.fromCodePoint(big)
}

/** docutils: directives.single_char_or_unicode */
export const singleCharOrUnicode: Converter<string> = (argument) => {
  const char = unicodeCode(argument ?? '')
  if ([...char].length > 1) throw new PyValueError(`${pyStrRepr(char)} invalid; must be a single character or a Unicode code`)
  return char
}

/** docutils: directives.single_char_or_whitespace_or_unicode */
export const singleCharOrWhitespaceOrUnicode: Converter<string> = (argument) => {
  if (argument === 'tab') return '\t'
  if (argument === 'space') return ' '
  return singleCharOrUnicode(argument)
}

/** docutils: directives.positive_int */
export const positiveInt: Converter<number> = (argument) => {
  const value = pyInt(argument)
  if (value < 1) throw new PyValueError('negative or zero value; must be positive')
  return value
}

/** docutils: directives.positive_int_list */
export const positiveIntList: Converter<number[]> = (argument) => {
  if (argument === undefined) throw new PyTypeError("argument of type 'NoneType' is not iterable")
  const entries = argument.includes(',') ? argument.split(',') : pySplit(argument)
  return entries.map((entry) => positiveInt(entry))
}

/** Encodings Python's `codecs.lookup` knows (normalised: lower case, `_`/space → `-`). */
const knownEncodings = new Set([
  'utf-8', 'utf8', 'u8', 'utf', 'utf-8-sig', 'utf8-sig', 'utf-16', 'utf16', 'utf-16-le', 'utf-16le', 'utf-16-be',
  'utf-16be', 'utf-32', 'utf32', 'utf-32-le', 'utf-32le', 'utf-32-be', 'utf-32be', 'ascii', 'us-ascii', 'latin-1',
  'latin1', 'latin', 'l1', 'iso-8859-1', 'iso8859-1', 'iso-8859-15', 'iso8859-15', 'cp1252', 'windows-1252',
  'cp1250', 'windows-1250', 'cp1251', 'windows-1251', 'iso-8859-2', 'iso8859-2', 'latin2', 'l2', 'koi8-r',
  'koi8-u', 'cp437', 'cp850', 'mac-roman', 'macroman', 'shift-jis', 'shift_jis', 'sjis', 'euc-jp', 'gb2312',
  'gbk', 'gb18030', 'big5', 'euc-kr', 'iso-2022-jp', 'utf-7', 'utf7'
])

/** Whether the WHATWG decoder knows the label (covers most of Python's codecs). */
function textDecoderKnows(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

/** docutils: directives.encoding — verify the encoding by lookup. */
export const encoding: Converter<string> = (argument) => {
  if (argument === undefined) throw new PyTypeError('lookup() argument must be str, not None')
  const normalized = argument.toLowerCase().replaceAll('_', '-').replaceAll(' ', '-')
  if (!knownEncodings.has(normalized) && !textDecoderKnows(normalized)) {
    throw new PyValueError(`unknown encoding: "${argument}"`)
  }
  return argument!
}

/**
 * docutils: directives.choice
 *
 * @param argument
 *   Option argument.
 * @param values
 *   Allowed (lower case) values.
 * @returns
 *   The normalised value.
 */
export function choice<T extends string>(argument: string | undefined, values: readonly T[]): T {
  if (argument === undefined) {
    throw new PyValueError(`must supply an argument; choose from ${formatValues(values)}`)
  }
  const value = pyStrip(argument.toLowerCase())
  if ((values as readonly string[]).includes(value)) return value as T
  throw new PyValueError(`"${argument}" unknown; choose from ${formatValues(values)}`)
}

/** docutils: directives.format_values */
export function formatValues(values: readonly string[]): string {
  return `${values.slice(0, -1).map((value) => `"${value}"`).join(', ')}, or "${values[values.length - 1]}"`
}

/**
 * docutils: directives.value_or — any of `values` (as-is) or `other(argument)`.
 *
 * `undefined` in `values` stands for Python `None`.
 */
export function valueOr<T>(values: ReadonlyArray<string | undefined>, other: Converter<T>): Converter<T | string | null> {
  return (argument) => {
    if (values.includes(argument)) return argument === undefined ? null : argument
    return other(argument)
  }
}

/** docutils: parsers.PARSER_ALIASES (module names). */
const parserAliases: Record<string, string> = {
  null: 'docutils.parsers.null',
  rst: 'docutils.parsers.rst',
  restructuredtext: 'docutils.parsers.rst',
  rest: 'docutils.parsers.rst',
  restx: 'docutils.parsers.rst',
  rtxt: 'docutils.parsers.rst',
  docutils_xml: 'docutils.parsers.docutils_xml',
  xml: 'docutils.parsers.docutils_xml',
  recommonmark: 'docutils.parsers.recommonmark_wrapper',
  myst: 'myst_parser.docutils_',
  commonmark: 'docutils.parsers.commonmark_wrapper',
  markdown: 'docutils.parsers.commonmark_wrapper'
}

/**
 * docutils: directives.parser_name (via parsers.get_parser_class). Returns
 * the parser's short name: `rst`, `null` or `xml`; the Markdown parsers are
 * not installed (as in the reference setup), so they fail like there.
 */
export const parserName: Converter<string | null> = (argument) => {
  if (!argument) return null
  const module = parserAliases[argument.toLowerCase()] ?? argument.toLowerCase()
  switch (module) {
    case 'docutils.parsers.rst':
      return 'rst'
    case 'docutils.parsers.null':
      return 'null'
    case 'docutils.parsers.docutils_xml':
      return 'xml'
    case 'docutils.parsers.commonmark_wrapper':
      throw new PyValueError(
        `Parser "${argument}" not found. Parsing "CommonMark" requires one of the packages\n('pycmark', 'myst', 'recommonmark') available at https://pypi.org`
      )
    case 'docutils.parsers.recommonmark_wrapper':
      throw new PyValueError(
        `Parser "${argument}" not found. Parsing "recommonmark" Markdown flavour requires the\n  package https://pypi.org/project/recommonmark.`
      )
    default: {
      if (module.startsWith('.')) {
        // importlib: a relative import without a package (a TypeError, not wrapped by docutils)
        throw new PyTypeError(`the 'package' argument is required to perform a relative import for '${module}'`)
      }
      // Python: ImportError for the first missing package of the dotted name
      const missing = module.startsWith('docutils.parsers.') ? module : module.split('.')[0]!
      throw new PyValueError(`Parser "${argument}" not found. No module named '${missing}'`)
    }
  }
}

/** Python `int` as an option converter. */
export const int: Converter<number> = (argument) => pyInt(argument)

