/**
 * docutils: utils/_roman_numerals.py `RomanNumeral` (from_string, to_uppercase).
 */

/** Parse a well-formed Roman numeral (all upper- or all lowercase); undefined if invalid. */
export function romanFromString(value: string): number | undefined {
  if (!value) return undefined
  let chars: string
  if (/^[\x00-\x7f]*$/.test(value) && value === value.toUpperCase() && value !== value.toLowerCase()) chars = value
  else if (/^[\x00-\x7f]*$/.test(value) && value === value.toLowerCase() && value !== value.toUpperCase()) chars = value.toUpperCase()
  else return undefined
  if (!/^[IVXLCDM]+$/.test(chars)) return undefined
  let result = 0
  let index = 0
  const at = (n: number): string => chars.slice(index, index + n)
  for (let i = 0; i < 4 && at(1) === 'M'; i++) {
    result += 1000
    index++
  }
  if (index === chars.length) return result
  const group = (nine: string, four: string, five: string, one: string, v9: number, v4: number, v5: number, v1: number): void => {
    if (at(2) === nine) {
      result += v9
      index += 2
    } else if (at(2) === four) {
      result += v4
      index += 2
    } else {
      if (at(1) === five) {
        result += v5
        index++
      }
      for (let i = 0; i < 3 && at(1) === one; i++) {
        result += v1
        index++
      }
    }
  }
  group('CM', 'CD', 'D', 'C', 900, 400, 500, 100)
  if (index === chars.length) return result
  group('XC', 'XL', 'L', 'X', 90, 40, 50, 10)
  if (index === chars.length) return result
  group('IX', 'IV', 'V', 'I', 9, 4, 5, 1)
  if (index === chars.length) return result
  return undefined
}

const prefixes: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
]

/** RomanNumeral(n).to_uppercase(); undefined outside 1…4999 (docutils raises). */
export function romanToUppercase(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 4999) return undefined
  let out = ''
  for (const [value, name] of prefixes) {
    while (n >= value) {
      n -= value
      out += name
    }
  }
  return out
}
