/**
 * Converter tests. Expected values were produced by docutils 0.22.4
 * (`docutils.parsers.rst.directives.<name>(value)`) with the oracle's Python.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as converters from './converters.js'

const byName: Record<string, converters.Converter> = {
  flag: converters.flag,
  unchanged: converters.unchanged,
  unchanged_required: converters.unchangedRequired,
  path: converters.path,
  uri: converters.uri,
  nonnegative_int: converters.nonnegativeInt,
  percentage: converters.percentage,
  length_or_unitless: converters.lengthOrUnitless,
  length_or_percentage_or_unitless: (value) => converters.lengthOrPercentageOrUnitless(value),
  class_option: converters.classOption,
  unicode_code: (value) => converters.unicodeCode(value!),
  single_char_or_unicode: converters.singleCharOrUnicode,
  single_char_or_whitespace_or_unicode: converters.singleCharOrWhitespaceOrUnicode,
  positive_int: converters.positiveInt,
  positive_int_list: converters.positiveIntList,
  encoding: converters.encoding
}

const cases: Array<[string, string | null, 'ok' | 'err', unknown]> =
[
[
"flag",
null,
"ok",
null
],
[
"flag",
"",
"ok",
null
],
[
"flag",
" ",
"ok",
null
],
[
"flag",
"x",
"err",
"no argument is allowed; \"x\" supplied"
],
[
"unchanged",
null,
"ok",
""
],
[
"unchanged",
"a b",
"ok",
"a b"
],
[
"unchanged_required",
null,
"err",
"argument required but none supplied"
],
[
"unchanged_required",
"a",
"ok",
"a"
],
[
"path",
null,
"err",
"argument required but none supplied"
],
[
"path",
"a/b\n  c.txt",
"ok",
"a/bc.txt"
],
[
"path",
" x ",
"ok",
"x"
],
[
"uri",
null,
"err",
"argument required but none supplied"
],
[
"uri",
"http://a b\\ c",
"ok",
"http://ab c"
],
[
"uri",
"a\nb",
"ok",
"ab"
],
[
"nonnegative_int",
"0",
"ok",
0
],
[
"nonnegative_int",
"12",
"ok",
12
],
[
"nonnegative_int",
"-1",
"err",
"negative value; must be positive or zero"
],
[
"nonnegative_int",
"x",
"err",
"invalid literal for int() with base 10: 'x'"
],
[
"nonnegative_int",
" 7 ",
"ok",
7
],
[
"nonnegative_int",
"1_000",
"ok",
1000
],
[
"nonnegative_int",
null,
"err",
"int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
],
[
"percentage",
"50%",
"ok",
50
],
[
"percentage",
"50 %",
"ok",
50
],
[
"percentage",
"-5",
"err",
"negative value; must be positive or zero"
],
[
"percentage",
"x%",
"err",
"invalid literal for int() with base 10: 'x'"
],
[
"length_or_unitless",
"3",
"ok",
"3"
],
[
"length_or_unitless",
"3px",
"ok",
"3px"
],
[
"length_or_unitless",
"3 pt",
"ok",
"3pt"
],
[
"length_or_unitless",
"-1",
"err",
"not a positive number or measure of one of the following units:\nem, ex, ch, rem, vw, vh, vmin, vmax, cm, mm, Q, in, pt, pc, px"
],
[
"length_or_unitless",
"3%",
"err",
"not a positive number or measure of one of the following units:\nem, ex, ch, rem, vw, vh, vmin, vmax, cm, mm, Q, in, pt, pc, px"
],
[
"length_or_unitless",
"1.5em",
"ok",
"1.5em"
],
[
"length_or_unitless",
"x",
"err",
"\"x\" is no valid measure."
],
[
"length_or_unitless",
"1.2.3",
"err",
"\"1.2.3\" is no valid measure."
],
[
"length_or_unitless",
"2.0pt",
"ok",
"2.0pt"
],
[
"length_or_percentage_or_unitless",
"3",
"ok",
"3"
],
[
"length_or_percentage_or_unitless",
"3%",
"ok",
"3%"
],
[
"length_or_percentage_or_unitless",
"4 px",
"ok",
"4px"
],
[
"length_or_percentage_or_unitless",
"20mc",
"err",
"not a positive number or measure of one of the following units:\nem, ex, ch, rem, vw, vh, vmin, vmax, cm, mm, Q, in, pt, pc, px, %"
],
[
"length_or_percentage_or_unitless",
".5",
"ok",
"0.5"
],
[
"class_option",
null,
"err",
"argument required but none supplied"
],
[
"class_option",
"a B_c",
"ok",
[
"a",
"b-c"
]
],
[
"class_option",
"1",
"err",
"cannot make \"1\" into a class name"
],
[
"class_option",
"x 1",
"err",
"cannot make \"1\" into a class name"
],
[
"unicode_code",
"65",
"ok",
"A"
],
[
"unicode_code",
"0x41",
"ok",
"A"
],
[
"unicode_code",
"U+262E",
"ok",
"☮"
],
[
"unicode_code",
"&#x262E;",
"ok",
"☮"
],
[
"unicode_code",
"abc",
"ok",
"abc"
],
[
"unicode_code",
"U+9999999999999",
"err",
"code too large (Python int too large to convert to C int)"
],
[
"single_char_or_unicode",
"a",
"ok",
"a"
],
[
"single_char_or_unicode",
"ab",
"err",
"'ab' invalid; must be a single character or a Unicode code"
],
[
"single_char_or_unicode",
"0x41",
"ok",
"A"
],
[
"single_char_or_whitespace_or_unicode",
"tab",
"ok",
"\t"
],
[
"single_char_or_whitespace_or_unicode",
"space",
"ok",
" "
],
[
"single_char_or_whitespace_or_unicode",
"x",
"ok",
"x"
],
[
"single_char_or_whitespace_or_unicode",
"xy",
"err",
"'xy' invalid; must be a single character or a Unicode code"
],
[
"positive_int",
"1",
"ok",
1
],
[
"positive_int",
"0",
"err",
"negative or zero value; must be positive"
],
[
"positive_int",
"x",
"err",
"invalid literal for int() with base 10: 'x'"
],
[
"positive_int_list",
"1,2",
"ok",
[
1,
2
]
],
[
"positive_int_list",
"1 2 3",
"ok",
[
1,
2,
3
]
],
[
"positive_int_list",
"1,x",
"err",
"invalid literal for int() with base 10: 'x'"
],
[
"positive_int_list",
"0 0",
"err",
"negative or zero value; must be positive"
],
[
"encoding",
"utf-8",
"ok",
"utf-8"
],
[
"encoding",
"latin-1",
"ok",
"latin-1"
],
[
"encoding",
"nope",
"err",
"unknown encoding: \"nope\""
]
]

for (const [name, value, kind, expected] of cases) {
  test(`${name}(${JSON.stringify(value)}) → ${kind} ${JSON.stringify(expected)}`, () => {
    const convert = byName[name]!
    if (kind === 'ok') {
      assert.deepEqual(convert(value ?? undefined), expected)
    } else {
      assert.throws(() => convert(value ?? undefined), (error: Error) => {
        assert.equal(error.message, expected)
        return true
      })
    }
  })
}

test('choice: docutils messages', () => {
  assert.equal(converters.choice(' Top ', ['top', 'bottom']), 'top')
  assert.throws(() => converters.choice('x', ['top', 'entry', 'none']), {
    message: '"x" unknown; choose from "top", "entry", or "none"'
  })
  assert.throws(() => converters.choice(undefined, ['top', 'entry', 'none']), {
    message: 'must supply an argument; choose from "top", "entry", or "none"'
  })
})
