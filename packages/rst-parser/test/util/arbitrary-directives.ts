/**
 * fast-check arbitrary for directive blocks: a directive name, arguments
 * (on the directive line or the next one), options, content (with or
 * without a blank line before it), placed at the top level, in a
 * substitution definition, in a list item or in a block quote. The
 * directive tests give their own vocabularies (names, option names, words,
 * content lines).
 */
import fc from 'fast-check'

export interface DirectiveVocabulary {
  /** Directive names (valid, localized or unknown). */
  names: readonly string[]
  /** Option names (valid for some directives, unknown for others). */
  optionNames: readonly string[]
  /** Arguments and option values. */
  word: fc.Arbitrary<string>
  /** Content lines (before indentation). */
  line: fc.Arbitrary<string>
}

/** Where a block is placed. */
const placements = ['substitution', 'list item', 'block quote', 'top level'] as const

/**
 * One directive block (no trailing newline; lines without trailing whitespace).
 *
 * @param vocabulary What the block is made of.
 */
export function directiveBlock(vocabulary: DirectiveVocabulary): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...vocabulary.names),
      fc.array(vocabulary.word, { maxLength: 3 }),
      fc.array(fc.tuple(fc.constantFrom(...vocabulary.optionNames), vocabulary.word), { maxLength: 3 }),
      fc.array(vocabulary.line, { maxLength: 4 }),
      // "top level" twice as often as each other placement
      fc.constantFrom(...placements, 'top level'),
      fc.boolean(),
      fc.boolean()
    )
    .map(([name, args, options, content, placement, blankBeforeContent, argumentsOnNextLine]) => {
      const head = placement === 'substitution' ? `.. |s| ${name}::` : `.. ${name}::`
      const lines = argumentsOnNextLine
        ? [head, ...(args.length > 0 ? ['   ' + args.join(' ')] : [])]
        : [`${head} ${args.join(' ')}`.trimEnd()]
      lines.push(...options.map(([key, value]) => `   :${key}: ${value}`.trimEnd()))
      if (blankBeforeContent) lines.push('')
      lines.push(...content.map((item) => ('   ' + item).trimEnd()))
      const value = lines.join('\n')
      if (placement === 'list item') return '* ' + value.split('\n').join('\n  ')
      if (placement === 'block quote') return '  ' + value.split('\n').join('\n  ')
      return value
    })
}
