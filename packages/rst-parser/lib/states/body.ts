/**
 * docutils: states.py `Body` — generic body elements.
 */
import { emptyList, listOf2 } from '../util/arrays.js'
import { inlineTypes, isText, text, type RstElement, type RstNode } from '../nodes.js'
import {
  State,
  StringList,
  TransitionCorrection,
  UnexpectedIndentationError,
  eofResult,
  eofSignal,
  matchEnd,
  matchLine,
  transitionResult,
  type LineInfo,
  type TransitionResult
} from '../statemachine.js'
import { GridTableParser } from '../tables/grid-table-parser.js'
import { SimpleTableParser } from '../tables/simple-table-parser.js'
import { TableMarkupError, type TableData, type TableRow } from '../tables/table-parser.js'
import { stripCombiningChars } from '../util/column-width.js'
import { appendChild, appendChildren, getParent, setParent, setSourceLine } from '../util/node-info.js'
import { codeAt, codeAtOrNaN, escape2null, fullyNormalizeName, isJsSpace, isPyBlank, isPySpace, lengthOf, pyRstrip, pySplit, pyStrip, sliceOf, splitEscapedWhitespace, whitespaceNormalizeName } from '../util/strings.js'
import { unescape } from '../nodes.js'
import { bodyDirectiveHook } from './hooks.js'
import { MarkupError, ParserError } from './errors.js'
import {
  attributionPattern,
  bodyPatterns,
  enumFormatInfo,
  enumFormats,
  enumSequenceRegexps,
  enumSequences,
  explicitConstructPatterns,
  explicitPatterns,
  gridTableTopPat,
  simpleTableBorderPat,
  type EnumFormat
} from './patterns.js'
import { romanFromString, romanToUppercase } from './roman.js'
import { RSTState, compactChildren, el, textElement, emptyContext } from './rst-state.js'
import { Text } from './text.js'
import type { Context } from './types.js'
import { appendListAttribute } from '../document.js'

/** docutils: TableParser.double_width_pad_char */
const doubleWidthPadChar = '\x00'

/** Python slice `value[start:]` with a possibly negative start. */
function pySliceFrom(value: string, start: number): string {
  if (start < 0) start = Math.max(0, value.length + start)
  return value.slice(start)
}

type Match = RegExpExecArray

/** Result of parsing an enumerator: format, sequence, text, ordinal. */
export type EnumeratorInfo = [format: EnumFormat, sequence: string, text: string, ordinal: number | undefined]

/**
 * docutils: states.Body — generic classifier of the first line of a block.
 */
export class Body extends RSTState {
  // State names are prototype getters, not instance fields: each subclass
  // level would otherwise redefine the field on every new state instance.
  get name(): string {
    return 'Body'
  }

  getPatterns(): Record<string, RegExp> {
    return bodyPatterns
  }

  getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return bodyInitialTransitions
  }

  // --- StateWS defaults ------------------------------------------------------

  /** docutils: StateWS.blank */
  blank(match: Match, context: Context, nextState: string): TransitionResult<Context> {
    return this.nop(match, context, nextState)
  }

  /** docutils: Body.indent — block quote. */
  indent(_match: Match, context: Context, nextState: string): TransitionResult<Context> {
    const indented = this.stateMachine.indentedLines()
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const elements = this.blockQuote(indented, lineOffset)
    this.addAllToParent(elements)
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Block quote'))
    return transitionResult(context, nextState)
  }

  /** docutils: Body.block_quote */
  blockQuote(indented: StringList, lineOffset: number): RstNode[] {
    const elements: RstNode[] = []
    let rest: StringList | undefined = indented
    while (rest && rest.length > 0) {
      const blockquote = el('block_quote')
      this.setSourceLineAt(blockquote, lineOffset + 1)
      const [blockquoteLines, attributionLines, attributionOffset, remaining, newLineOffset] = this.splitAttribution(rest, lineOffset)
      this.nestedParse(blockquoteLines, lineOffset, blockquote)
      elements.push(blockquote)
      if (attributionLines) {
        const [attribution, messages] = this.parseAttribution(attributionLines, lineOffset + (attributionOffset ?? 0))
        appendChild(blockquote, attribution)
        elements.push(...messages)
      }
      rest = remaining
      lineOffset = newLineOffset ?? lineOffset
      while (rest && rest.length > 0 && !rest.data[0]) {
        rest = rest.slice(1)
        lineOffset++
      }
    }
    return elements
  }

  /** docutils: Body.split_attribution */
  splitAttribution(
    indented: StringList,
    lineOffset: number
  ): [StringList, StringList | undefined, number | undefined, StringList | undefined, number | undefined] {
    let blank: number | undefined
    let nonblankSeen = false
    for (let i = 0; i < indented.length; i++) {
      const line = pyRstrip(indented.data[i])
      if (line) {
        if (nonblankSeen && blank === i - 1) {
          const match = matchLine(attributionPattern, line)
          if (match) {
            const [attributionEnd, indent] = this.checkAttribution(indented, i)
            if (attributionEnd) {
              const aLines = indented.slice(i, attributionEnd)
              aLines.trimLeft(matchEnd(match), 0, 1)
              aLines.trimLeft(indent, 1)
              return [indented.slice(0, i), aLines, i, indented.slice(attributionEnd), lineOffset + attributionEnd]
            }
          }
        }
        nonblankSeen = true
      } else {
        blank = i
      }
    }
    return [indented, undefined, undefined, undefined, undefined]
  }

  /** docutils: Body.check_attribution */
  checkAttribution(indented: StringList, attributionStart: number): [number | undefined, number] {
    let indent: number | undefined
    let i = attributionStart + 1
    let broke = false
    for (i = attributionStart + 1; i < indented.length; i++) {
      const line = pyRstrip(indented.data[i])
      if (!line) {
        broke = true
        break
      }
      const lineIndent = line.length - line.trimStart().length
      if (indent === undefined) indent = lineIndent
      else if (lineIndent !== indent) return [undefined, 0]
    }
    if (!broke) {
      // Python: `for … else: i += 1` (i is the last loop value, or attributionStart + 1 if the loop did not run).
      i = indented.length > attributionStart + 1 ? indented.length : attributionStart + 2
    }
    return [i, indent ?? 0]
  }

  /** docutils: Body.parse_attribution */
  parseAttribution(indented: StringList, lineOffset: number): [RstElement, RstElement[]] {
    const value = pyRstrip(indented.lines().join('\n'))
    const lineno = 1 + lineOffset
    const [textnodes, messages] = this.inlineText(value, lineno)
    const node = this.inlineElement('attribution', textnodes)
    this.setSourceLineAt(node, lineno)
    return [node, messages]
  }

  /** docutils: Body.bullet */
  bullet(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const ul = el('bullet_list')
    this.setSourceLineAt(ul)
    this.addOneToParent(ul)
    ul.attributes.bullet = match.input[0]
    const [item, blankFinishItem] = this.listItem(matchEnd(match))
    appendChild(ul, item)
    const blankFinish = this.parseListRest(ul, 'BulletList', blankFinishItem)
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Bullet list'))
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.list_item */
  listItem(indent: number): [RstElement, boolean] {
    const source = this.stateMachine.sourceAt()
    const line = this.stateMachine.sourceLineAt()
    const machine = this.stateMachine
    const indented = lengthOf(machine.line!) > indent
      ? machine.knownIndentedLines(indent) // `line[indent:]` is not empty
      : machine.firstKnownIndentedLines(indent)
    const lineOffset = machine.indentedOffset
    const blankFinish = machine.indentedBlankFinish
    const listitem = el('list_item')
    setSourceLine(listitem, source, line)
    if (indented.length > 0) this.nestedParse(indented, lineOffset, listitem)
    return [listitem, blankFinish]
  }

  /** docutils: Body.enumerator */
  enumerator(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [format, sequence, value, ordinal] = this.parseEnumerator(match)
    if (!this.isEnumeratedListItem(ordinal, sequence, format)) throw new TransitionCorrection('text')
    const enumlist = el('enumerated_list')
    this.setSourceLineAt(enumlist)
    this.addOneToParent(enumlist)
    enumlist.attributes.enumtype = sequence === '#' ? 'arabic' : sequence
    enumlist.attributes.prefix = enumFormatInfo[format].prefix
    enumlist.attributes.suffix = enumFormatInfo[format].suffix
    if (ordinal !== 1) {
      enumlist.attributes.start = ordinal
      const message = this.reporter.info(`Enumerated list start value not ordinal-1: "${value}" (ordinal ${String(ordinal)})`, [], {
        base_node: enumlist
      })
      this.addOneToParent(message)
    }
    const [listitem, blankFinishItem] = this.listItem(matchEnd(match))
    appendChild(enumlist, listitem)
    const blankFinish = this.parseListRest(enumlist, 'EnumeratedList', blankFinishItem, undefined, { lastordinal: ordinal, format, auto: sequence === '#' })
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Enumerated list'))
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.parse_enumerator */
  parseEnumerator(match: Match, expectedSequence?: string): EnumeratorInfo {
    const groups = match.groups ?? {}
    let format: EnumFormat | undefined
    for (const each of enumFormats) {
      if (groups[each]) {
        format = each
        break
      }
    }
    if (!format) throw new ParserError('enumerator format not matched')
    const info = enumFormatInfo[format]
    const whole = groups[format]!
    const value = whole.slice(info.start, whole.length + info.end)
    let sequence = ''
    if (value === '#') sequence = '#'
    else if (expectedSequence) {
      const regexp = enumSequenceRegexps[expectedSequence]
      if (!regexp) throw new ParserError(`unknown enumerator sequence: ${sequence}`)
      if (regexp.test(value)) sequence = expectedSequence
    } else if (value === 'i') sequence = 'lowerroman'
    else if (value === 'I') sequence = 'upperroman'
    if (!sequence) {
      for (const each of enumSequences) {
        if (enumSequenceRegexps[each].test(value)) {
          sequence = each
          break
        }
      }
      if (!sequence) throw new ParserError('enumerator sequence not matched')
    }
    let ordinal: number | undefined
    if (sequence === '#') ordinal = 1
    else if (sequence === 'arabic') ordinal = Number.parseInt(value, 10)
    else if (sequence === 'loweralpha') ordinal = value.charCodeAt(0) - 0x60
    else if (sequence === 'upperalpha') ordinal = value.charCodeAt(0) - 0x40
    else ordinal = romanFromString(value)
    return [format, sequence, value, ordinal]
  }

  /** docutils: Body.is_enumerated_list_item */
  isEnumeratedListItem(ordinal: number | undefined, sequence: string, format: EnumFormat): boolean {
    if (ordinal === undefined) return false
    let nextLine: string
    try {
      nextLine = this.stateMachine.nextLine()
    } catch (error) {
      if (error !== eofSignal) throw error
      this.stateMachine.previousLine()
      return true
    }
    this.stateMachine.previousLine()
    if (isPyBlank(nextLine.slice(0, 1))) return true
    const result = this.makeEnumerator(ordinal + 1, sequence, format)
    if (result) {
      const [nextEnumerator, autoEnumerator] = result
      if (nextLine.startsWith(nextEnumerator) || nextLine.startsWith(autoEnumerator)) return true
    }
    return false
  }

  /** docutils: Body.make_enumerator */
  makeEnumerator(ordinal: number, sequence: string, format: EnumFormat): [string, string] | undefined {
    let enumerator: string
    if (sequence === '#') enumerator = '#'
    else if (sequence === 'arabic') enumerator = String(ordinal)
    else {
      if (sequence.endsWith('alpha')) {
        if (ordinal > 26) return undefined
        enumerator = String.fromCharCode(ordinal + 0x60)
      } else if (sequence.endsWith('roman')) {
        const roman = romanToUppercase(ordinal)
        if (roman === undefined) return undefined
        enumerator = roman
      } else throw new ParserError(`unknown enumerator sequence: "${sequence}"`)
      if (sequence.startsWith('lower')) enumerator = enumerator.toLowerCase()
      else if (sequence.startsWith('upper')) enumerator = enumerator.toUpperCase()
      else throw new ParserError(`unknown enumerator sequence: "${sequence}"`)
    }
    const info = enumFormatInfo[format]
    return [info.prefix + enumerator + info.suffix + ' ', info.prefix + '#' + info.suffix + ' ']
  }

  /** docutils: Body.field_marker */
  fieldMarker(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const fieldList = el('field_list')
    this.addOneToParent(fieldList)
    const [field, blankFinishField] = this.field(match)
    appendChild(fieldList, field)
    const blankFinish = this.parseListRest(fieldList, 'FieldList', blankFinishField)
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Field list'))
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.field */
  field(match: Match): [RstElement, boolean] {
    const name = this.parseFieldMarker(match)
    const source = this.stateMachine.sourceAt()
    const line = this.stateMachine.sourceLineAt()
    const lineno = this.stateMachine.absLineNumber()
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match))
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const fieldNode = el('field')
    setSourceLine(fieldNode, source, line)
    const [nameNodes, nameMessages] = this.inlineText(name, lineno)
    const fieldName = this.inlineElement('field_name', nameNodes)
    const fieldBody = el('field_body', undefined, nameMessages)
    // (both children in one exact-size array: appending them to `[]` makes a 17-slot store the tree keeps)
    setParent(fieldName, fieldNode)
    setParent(fieldBody, fieldNode)
    fieldNode.children = listOf2<RstNode>(fieldName, fieldBody)
    if (indented.length > 0) this.parseFieldBody(indented, lineOffset, fieldBody)
    return [fieldNode, blankFinish]
  }

  /** docutils: Body.parse_field_marker */
  parseFieldMarker(match: Match): string {
    // `match.group()[1:]`, then up to its last colon (the marker's closing one)
    const marker = match[0]
    return marker.slice(1, marker.lastIndexOf(':'))
  }

  /** docutils: Body.parse_field_body */
  parseFieldBody(indented: StringList, offset: number, node: RstElement): void {
    this.nestedParse(indented, offset, node)
  }

  /** docutils: Body.option_marker */
  optionMarker(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const end = matchEnd(match) // (read first: `match` may be a shared object that nested parses refill)
    const optionlist = el('option_list')
    this.setSourceLineAt(optionlist)
    let listitem: RstElement
    let blankFinishItem: boolean
    try {
      ;[listitem, blankFinishItem] = this.optionListItem(match)
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error
      const message = this.reporter.error(`Invalid option list marker: ${error.message}`)
      this.addOneToParent(message)
      const indented = this.stateMachine.firstKnownIndentedLines(end)
      const lineOffset = this.stateMachine.indentedOffset
      const blankFinish = this.stateMachine.indentedBlankFinish
      const elements = this.blockQuote(indented, lineOffset)
      this.addAllToParent(elements)
      if (!blankFinish) this.addOneToParent(this.unindentWarning('Option list'))
      return transitionResult(emptyContext, nextState)
    }
    this.addOneToParent(optionlist)
    appendChild(optionlist, listitem)
    const blankFinish = this.parseListRest(optionlist, 'OptionList', blankFinishItem)
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Option list'))
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.option_list_item */
  optionListItem(match: Match): [RstElement, boolean] {
    const offset = this.stateMachine.absLineOffset()
    const options = this.parseOptionMarker(match)
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match))
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    if (indented.length === 0) {
      this.gotoLine(offset)
      throw new TransitionCorrection('text')
    }
    const optionGroup = el('option_group', undefined, options)
    const description = el('description')
    const item = el('option_list_item', undefined, [optionGroup, description])
    this.nestedParse(indented, lineOffset, description)
    return [item, blankFinish]
  }

  /** docutils: Body.parse_option_marker */
  parseOptionMarker(match: Match): RstElement[] {
    const optlist: RstElement[] = []
    const optionstrings = splitOptionStrings(pyRstrip(match[0]))
    for (const optionstring of optionstrings) {
      let tokens = pySplit(optionstring)
      let delimiter = ' '
      const eq = tokens[0].indexOf('=')
      if (eq !== -1) {
        tokens = [tokens[0].slice(0, eq), tokens[0].slice(eq + 1), ...tokens.slice(1)]
        delimiter = '='
      } else if (tokens[0].length > 2 && ((tokens[0].startsWith('-') && !tokens[0].startsWith('--')) || tokens[0].startsWith('+'))) {
        tokens = [tokens[0].slice(0, 2), tokens[0].slice(2), ...tokens.slice(1)]
        delimiter = ''
      }
      if (tokens.length > 1 && tokens[1].startsWith('<') && tokens[tokens.length - 1].endsWith('>')) {
        tokens = [tokens[0], tokens.slice(1).join(' ')]
      }
      if (tokens.length > 0 && tokens.length <= 2) {
        const optionNode = el('option')
        appendChild(optionNode, textElement('option_string', tokens[0]))
        if (tokens.length > 1) appendChild(optionNode, textElement('option_argument', tokens[1], { delimiter }))
        optlist.push(optionNode)
      } else {
        throw new MarkupError(`wrong number of option tokens (=${tokens.length}), should be 1 or 2: "${optionstring}"`)
      }
    }
    return optlist
  }

  /** docutils: Body.doctest */
  doctest(_match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const line = this.document.currentLine
    const data = this.stateMachine.getTextBlock().lines().join('\n')
    const node = textElement('doctest_block', data, { 'xml:space': 'preserve' })
    setSourceLine(node, undefined, line)
    this.addOneToParent(node)
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.line_block */
  lineBlock(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const block = el('line_block')
    this.addOneToParent(block)
    const lineno = this.stateMachine.absLineNumber()
    this.setSourceLineAt(block, lineno)
    const [line, messages, blankFinishLine] = this.lineBlockLine(match, lineno)
    let blankFinish = blankFinishLine
    appendChild(block, line)
    this.addAllToParent(messages)
    if (!blankFinish) {
      blankFinish = this.parseListRest(block, 'LineBlock', false)
    }
    if (!blankFinish) this.addOneToParent(this.reporter.warning('Line block ends without a blank line.', [], { line: lineno + 1 }))
    if (block.children.length > 0) {
      const first = block.children[0] as RstElement
      if (lineIndents.get(first) === undefined) lineIndents.set(first, 0)
      this.nestLineBlockLines(block)
    }
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.line_block_line */
  lineBlockLine(match: Match, lineno: number): [RstElement, RstElement[], boolean] {
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match), true)
    const blankFinish = this.stateMachine.indentedBlankFinish
    const value = indented.lines().join('\n')
    const [textNodes, messages] = this.inlineText(value, lineno)
    const line = this.inlineElement('line', textNodes)
    this.setSourceLineAt(line, lineno)
    if (pyRstrip(match.input) !== '|') lineIndents.set(line, (match[1] ?? '').length - 1)
    return [line, messages, blankFinish]
  }

  /** docutils: Body.nest_line_block_lines */
  nestLineBlockLines(block: RstElement): void {
    for (let index = 1; index < block.children.length; index++) {
      const item = block.children[index] as RstElement
      if (lineIndents.get(item) === undefined) lineIndents.set(item, lineIndents.get(block.children[index - 1] as RstElement))
    }
    this.nestLineBlockSegment(block)
  }

  /** docutils: Body.nest_line_block_segment */
  nestLineBlockSegment(block: RstElement): void {
    const indents = block.children.map((item) => lineIndents.get(item as RstElement) ?? 0)
    const least = Math.min(...indents)
    const newItems: RstNode[] = []
    let newBlock = el('line_block')
    for (const child of block.children) {
      const item = child as RstElement
      if ((lineIndents.get(item) ?? 0) > least) {
        appendChild(newBlock, item)
      } else {
        if (newBlock.children.length > 0) {
          this.nestLineBlockSegment(newBlock)
          newItems.push(newBlock)
          newBlock = el('line_block')
        }
        newItems.push(item)
      }
    }
    if (newBlock.children.length > 0) {
      this.nestLineBlockSegment(newBlock)
      newItems.push(newBlock)
    }
    block.children = emptyList<RstNode>()
    appendChildren(block, ...newItems)
  }

  /** docutils: Body.grid_table_top */
  gridTableTop(_match: Match, context: Context, nextState: string): TransitionResult<Context> {
    return this.tableTop(context, nextState, () => this.isolateGridTable(), 'grid')
  }

  /** docutils: Body.simple_table_top */
  simpleTableTop(_match: Match, context: Context, nextState: string): TransitionResult<Context> {
    return this.tableTop(context, nextState, () => this.isolateSimpleTable(), 'simple')
  }

  /** docutils: Body.table_top */
  tableTop(
    _context: Context,
    nextState: string,
    isolate: () => [StringList | undefined, RstElement[], boolean],
    kind: 'grid' | 'simple'
  ): TransitionResult<Context> {
    const [nodelist, blankFinish] = this.table(isolate, kind)
    this.addAllToParent(nodelist)
    if (!blankFinish) {
      this.addOneToParent(this.reporter.warning('Blank line required after table.', [], { line: this.stateMachine.absLineNumber() + 1 }))
    }
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.table */
  table(isolate: () => [StringList | undefined, RstElement[], boolean], kind: 'grid' | 'simple'): [RstNode[], boolean] {
    const [block, messages, blankFinish] = isolate()
    let nodelist: RstNode[]
    if (block && block.length > 0) {
      try {
        const parser = kind === 'grid' ? new GridTableParser() : new SimpleTableParser()
        const tabledata = parser.parse(block.data)
        const tableline = this.stateMachine.absLineNumber() - block.length + 1
        const table = this.buildTable(tabledata, tableline, 0, undefined, block)
        nodelist = [table, ...messages]
      } catch (error) {
        if (!(error instanceof TableMarkupError)) throw error
        nodelist = [...this.malformedTable(block, error.message, error.offset), ...messages]
      }
    } else {
      nodelist = messages
    }
    return [nodelist, blankFinish]
  }

  /** docutils: Body.isolate_grid_table */
  isolateGridTable(): [StringList | undefined, RstElement[], boolean] {
    const messages: RstElement[] = []
    let blankFinish = true
    let block: StringList
    try {
      block = this.stateMachine.getTextBlock(true)
    } catch (error) {
      if (!(error instanceof UnexpectedIndentationError)) throw error
      block = error.block
      messages.push(this.reporter.error('Unexpected indentation.', [], { source: error.source, line: error.line }))
      blankFinish = false
    }
    block.disconnect()
    block.padDoubleWidth(doubleWidthPadChar)
    const width = codePointLength(pyStrip(block.data[0]))
    let i = -1
    let broke = false
    for (i = 0; i < block.length; i++) {
      block.data[i] = pyStrip(block.data[i])
      const first = block.data[i][0]
      if (first !== '+' && first !== '|') {
        blankFinish = false
        this.stateMachine.previousLine(block.length - i)
        block.deleteRange(i)
        broke = true
        break
      }
    }
    if (!broke) i = block.length - 1
    if (!matchLine(gridTableTopPat, block.data[block.length - 1] ?? '')) {
      let found = false
      for (let j = block.length - 2; j > 1; j--) {
        i = j
        if (matchLine(gridTableTopPat, block.data[j])) {
          this.stateMachine.previousLine(block.length - j + 1)
          block.deleteRange(j + 1)
          blankFinish = false
          found = true
          break
        }
      }
      if (!found) {
        const detail = 'Bottom border missing or corrupt.'
        messages.push(...this.malformedTable(block, detail, i))
        return [undefined, messages, blankFinish]
      }
    }
    for (let k = 0; k < block.length; k++) {
      const line = block.data[k]
      const last = line[line.length - 1]
      if (columnCount(line) !== width || (last !== '+' && last !== '|')) {
        const detail = 'Right border not aligned or missing.'
        messages.push(...this.malformedTable(block, detail, k))
        return [undefined, messages, blankFinish]
      }
    }
    return [block, messages, blankFinish]
  }

  /** docutils: Body.isolate_simple_table */
  isolateSimpleTable(): [StringList | undefined, RstElement[], boolean] {
    const start = this.stateMachine.lineOffset
    const lines = this.stateMachine.inputLines
    const limit = lines.length - 1
    const toplen = pyStrip(lines.at(start)!).length
    let found = 0
    let foundAt = -1
    let i = start + 1
    let end = -1
    while (i <= limit) {
      const line = lines.at(i)!
      if (matchLine(simpleTableBorderPat, line)) {
        if (pyStrip(line).length !== toplen) {
          this.stateMachine.nextLine(i - start)
          const messages = this.malformedTable(lines.slice(start, i + 1), 'Bottom border or header rule does not match top border.', i - start)
          return [undefined, messages, i === limit || isPyBlank(lines.at(i + 1) ?? "")]
        }
        found++
        foundAt = i
        if (found === 2 || i === limit || isPyBlank(lines.at(i + 1) ?? "")) {
          end = i
          break
        }
      }
      i++
    }
    if (end === -1) {
      let details = 'No bottom table border found'
      let block: StringList
      if (found) {
        details += ' or no blank line after table bottom'
        this.stateMachine.nextLine(foundAt - start)
        block = lines.slice(start, foundAt + 1)
      } else {
        this.stateMachine.nextLine(i - start - 1)
        block = lines.slice(start)
      }
      const messages = this.malformedTable(block, details + '.')
      return [undefined, messages, !found]
    }
    this.stateMachine.nextLine(end - start)
    const block = lines.slice(start, end + 1)
    block.padDoubleWidth(doubleWidthPadChar)
    return [block, [], end === limit || isPyBlank(lines.at(end + 1) ?? "")]
  }

  /** docutils: Body.malformed_table */
  malformedTable(block: StringList, detail = '', offset = 0): RstElement[] {
    block.replace(doubleWidthPadChar, '')
    const data = block.data.join('\n')
    let message = 'Malformed table.'
    const startline = this.stateMachine.absLineNumber() - block.length + 1
    if (detail) message += '\n' + detail
    const error = this.reporter.error(message, [textElement('literal_block', data, { 'xml:space': 'preserve' })], { line: startline + offset })
    return [error]
  }

  /**
   * docutils: Body.build_table.
   *
   * @param tabledata `[colwidths, headrows, bodyrows]` from a table parser.
   * @param tableline Absolute line number of the table's first line.
   * @param stubColumns Number of stub columns.
   * @param widths `'auto'`, `'grid'`, a list, or undefined.
   * @param items (source, offset) of the table's lines, for cell line numbers.
   * @returns The `table` node.
   */
  buildTable(tabledata: TableData, tableline: number, stubColumns = 0, widths?: unknown, items?: LineInfo[] | StringList): RstElement {
    const [colwidths, headrows, bodyrows] = tabledata
    const table = el('table')
    if (widths === 'auto') appendListAttribute(table, 'classes', 'colwidths-auto')
    else if (widths) appendListAttribute(table, 'classes', 'colwidths-given')
    const tgroup = el('tgroup', { cols: colwidths.length })
    appendChild(table, tgroup)
    for (const colwidth of colwidths) {
      const colspec = el('colspec', { colwidth })
      if (stubColumns) {
        colspec.attributes.stub = true
        stubColumns--
      }
      appendChild(tgroup, colspec)
    }
    if (headrows.length > 0) {
      const thead = el('thead')
      appendChild(tgroup, thead)
      for (const row of headrows) appendChildren(thead, this.buildTableRow(row, tableline, items))
    }
    const tbody = el('tbody')
    appendChild(tgroup, tbody)
    for (const row of bodyrows) appendChildren(tbody, this.buildTableRow(row, tableline, items))
    // The table is complete: short children arrays filled by pushes get their exact size (see `compactChildren`).
    compactChildren(table)
    compactChildren(tgroup)
    const groupChildren = tgroup.children
    for (let index = 0; index < groupChildren.length; index++) {
      const child = groupChildren[index] as RstElement
      if (child.type === 'thead' || child.type === 'tbody') {
        compactChildren(child)
        const rows = child.children
        for (let k = 0; k < rows.length; k++) compactChildren(rows[k] as RstElement)
      }
    }
    return table
  }

  /** docutils: Body.build_table_row */
  buildTableRow(rowdata: TableRow, tableline: number, items?: LineInfo[] | StringList): RstElement {
    const row = el('row')
    for (const cell of rowdata) {
      if (cell === null || cell === undefined) continue
      const [morerows, morecols, offset, cellLines] = cell
      let attributes: Record<string, number> | undefined // (none: `el` makes the empty object itself)
      if (morerows) (attributes ??= {}).morerows = morerows
      if (morecols) (attributes ??= {}).morecols = morecols
      const entry = el('entry', attributes)
      appendChild(row, entry)
      const lines = cellLines instanceof StringList ? cellLines.data : cellLines
      if (hasText(lines)) {
        let cellblock: StringList
        if (cellLines instanceof StringList) cellblock = cellLines
        else {
          if (items instanceof StringList) cellblock = cellBlockOf(lines, items, offset)
          else {
            const cellItems = items ? lines.map((_, k): LineInfo => items[offset + k] ?? [undefined, offset + k]) : undefined
            cellblock = new StringList(lines, items?.[0]?.[0], cellItems)
          }
        }
        this.nestedParse(cellblock, tableline + offset, entry)
      }
    }
    return row
  }

  // --- explicit markup -------------------------------------------------------

  /** docutils: Body.footnote */
  footnote(match: Match): [RstNode[], boolean] {
    const source = this.stateMachine.sourceAt()
    const srcline = this.stateMachine.sourceLineAt()
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match))
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const label = match[1]
    let name = fullyNormalizeName(label)
    const footnote = el('footnote')
    setSourceLine(footnote, source, srcline)
    if (name[0] === '#') {
      name = name.slice(1)
      footnote.attributes.auto = 1
      if (name) appendListAttribute(footnote, 'names', name)
      this.document.noteAutofootnote(footnote)
    } else if (name === '*') {
      name = ''
      footnote.attributes.auto = '*'
      this.document.noteSymbolFootnote(footnote)
    } else {
      appendChild(footnote, textElement('label', label))
      appendListAttribute(footnote, 'names', name)
      this.document.noteFootnote(footnote)
    }
    if (name) this.document.noteExplicitTarget(footnote, footnote)
    else this.document.setId(footnote, footnote)
    if (indented.length > 0) this.nestedParse(indented, lineOffset, footnote)
    else appendChildren(footnote, this.reporter.warning('Footnote content expected.'))
    return [[footnote], blankFinish]
  }

  /** docutils: Body.citation */
  citation(match: Match): [RstNode[], boolean] {
    const source = this.stateMachine.sourceAt()
    const srcline = this.stateMachine.sourceLineAt()
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match))
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const label = match[1]
    const name = fullyNormalizeName(label)
    const citation = el('citation')
    setSourceLine(citation, source, srcline)
    appendChild(citation, textElement('label', label))
    appendListAttribute(citation, 'names', name)
    this.document.noteCitation(citation)
    this.document.noteExplicitTarget(citation, citation)
    if (indented.length > 0) this.nestedParse(indented, lineOffset, citation)
    else appendChildren(citation, this.reporter.warning('Citation content expected.'))
    return [[citation], blankFinish]
  }

  /** docutils: Body.hyperlink_target */
  hyperlinkTarget(match: Match): [RstNode[], boolean] {
    const pattern = explicitPatterns.target
    const lineno = this.stateMachine.absLineNumber()
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match), true, false)
    const blankFinish = this.stateMachine.indentedBlankFinish
    // docutils builds `blocktext` here, but `parse_target` never reads it: not built.
    const block = escapedLines(indented)
    let escaped = block[0]
    let blockindex = 0
    let end: number
    let name: string
    while (true) {
      // (no match object for the usual target: see `simpleTargetEnd`)
      end = simpleTargetEnd(escaped)
      if (end >= 0) {
        name = escaped.charCodeAt(0) === 0x5f ? '' : escaped.slice(0, simpleTargetNameEnd)
        break
      }
      if (end === -2) {
        const targetmatch = matchLine(pattern, escaped)
        if (targetmatch) {
          end = matchEnd(targetmatch)
          name = targetmatch.groups?.name ?? ''
          break
        }
      }
      blockindex++
      if (blockindex >= block.length) throw new MarkupError('malformed hyperlink target.')
      escaped += block[blockindex]
    }
    block.splice(0, blockindex)
    block[0] = pyStrip(pySliceFrom(block[0] + ' ', end - escaped.length - 1))
    const target = this.makeTarget(block, '', lineno, name)
    return [[target], blankFinish]
  }

  /** docutils: Body.make_target */
  makeTarget(block: string[], blockText: string, lineno: number, targetName: string): RstNode {
    const [targetType, data] = this.parseTarget(block, blockText, lineno)
    if (targetType === 'refname') {
      const target = el('target', { refname: fullyNormalizeName(data as string) })
      this.addTarget(targetName, '', target, lineno)
      this.document.noteIndirectTarget(target)
      return target
    }
    if (targetType === 'refuri') {
      const target = el('target')
      this.addTarget(targetName, data as string, target, lineno)
      return target
    }
    return data as RstElement
  }

  /** docutils: Body.parse_target */
  parseTarget(block: readonly string[], _blockText: string, _lineno: number): ['refname' | 'refuri' | 'malformed', string | RstElement] {
    if (block.length > 0 && pyStrip(block[block.length - 1]).slice(-1) === '_') {
      const reference = block.map((line) => pyStrip(line)).join(' ')
      const refname = this.isReference(reference)
      if (refname) return ['refname', refname]
    }
    const joined = block.join(' ')
    // Nearly always one line without escapes or whitespace: the URI as it is.
    if (joined.indexOf('\x00') === -1 && !hasPySpace(joined)) return ['refuri', joined]
    const refParts = splitEscapedWhitespace(joined)
    const reference = refParts.map((part) => pySplit(unescape(part)).join('')).join(' ')
    return ['refuri', reference]
  }

  /** docutils: Body.is_reference */
  isReference(reference: string): string | undefined {
    const match = matchLine(explicitPatterns.reference, whitespaceNormalizeName(reference))
    if (!match) return undefined
    return unescape(match.groups?.simple || match.groups?.phrase || '')
  }

  /** docutils: Body.add_target */
  addTarget(targetname: string, refuri: string, target: RstElement, lineno: number): void {
    setSourceLine(target, undefined, lineno)
    if (targetname) {
      const name = fullyNormalizeName(unescape(targetname))
      appendListAttribute(target, 'names', name)
      if (refuri) {
        const uri = this.adjustUri(refuri)
        if (uri) target.attributes.refuri = uri
        else throw new ParserError(`problem with URI: '${refuri}'`)
      }
      this.document.noteExplicitTarget(target, this.parent)
    } else {
      if (refuri) target.attributes.refuri = refuri
      target.attributes.anonymous = true
      this.document.noteAnonymousTarget(target)
    }
  }

  /** docutils: Inliner.adjust_uri (delegated to the inliner when it has it). */
  adjustUri(uri: string): string {
    const inliner = this.inliner as unknown as { adjustUri?: (uri: string) => string }
    if (typeof inliner.adjustUri === 'function') return inliner.adjustUri(uri)
    return uri
  }

  /** docutils: Body.substitution_def */
  substitutionDef(match: Match): [RstNode[], boolean] {
    const pattern = explicitPatterns.substitution
    const source = this.stateMachine.sourceAt()
    const srcline = this.stateMachine.sourceLineAt()
    const first = this.stateMachine.getFirstKnownIndented(matchEnd(match), false, false)
    const block = first.indented
    let offset = first.lineOffset
    let blankFinish = first.blankFinish
    const blocktext = match.input.slice(0, matchEnd(match)) + block.data.join('\n')
    block.disconnect()
    let escaped = escape2null(pyRstrip(block.data[0]))
    let blockindex = 0
    let subdefmatch: RegExpExecArray | null
    while (true) {
      subdefmatch = matchLine(pattern, escaped)
      if (subdefmatch) break
      blockindex++
      if (blockindex >= block.length) throw new MarkupError('malformed substitution definition.')
      escaped = escaped + ' ' + escape2null(pyStrip(block.data[blockindex]))
    }
    block.deleteRange(0, blockindex)
    const start = matchEnd(subdefmatch) - escaped.length - 1
    const padded = pyStrip(block.data[0]) + ' '
    const startIndex = start < 0 ? Math.max(0, padded.length + start) : start
    block.data[0] = padded.slice(startIndex, padded.length - 1)
    if (!block.data[0]) {
      block.deleteRange(0, 1)
      offset++
    }
    while (block.length > 0 && isPyBlank(block.data[block.length - 1])) block.pop()
    const subname = subdefmatch.groups?.name ?? ''
    const substitutionNode = el('substitution_definition')
    setSourceLine(substitutionNode, source, srcline)
    if (block.length === 0) {
      const message = this.reporter.warning(
        `Substitution definition "${subname}" missing contents.`,
        [textElement('literal_block', blocktext, { 'xml:space': 'preserve' })],
        { source, line: srcline }
      )
      return [[message], blankFinish]
    }
    block.data[0] = pyStrip(block.data[0])
    appendListAttribute(substitutionNode, 'names', whitespaceNormalizeName(subname))
    ;[, blankFinish] = this.nestedListParse(block, offset, substitutionNode, 'SubstitutionDef', blankFinish)
    let i = 0
    for (const node of substitutionNode.children.slice()) {
      if (!(inlineTypes.has(node.type) || isText(node))) {
        this.addOneToParent(substitutionNode.children[i])
        substitutionNode.children.splice(i, 1)
      } else {
        i++
      }
    }
    for (const node of descendants(substitutionNode)) {
      if (node.type === 'problematic') {
        const message = this.reporter.error(
          'Problematic content in substitution definition',
          [el('literal_block', { 'xml:space': 'preserve' }, [text(blocktext)])],
          { source, line: srcline }
        )
        appendChildren(message, el('block_quote', undefined, [el('paragraph', undefined, substitutionNode.children.slice())]))
        return [[message], blankFinish]
      }
      const illegal = disallowedInsideSubstitutionDefinitions(node)
      if (illegal) {
        const message = this.reporter.error(
          `${illegal} are not supported in a substitution definition.`,
          [el('literal_block', { 'xml:space': 'preserve' }, [text(blocktext)])],
          { source, line: srcline }
        )
        return [[message], blankFinish]
      }
    }
    if (substitutionNode.children.length === 0) {
      const message = this.reporter.warning(
        `Substitution definition "${subname}" empty or invalid.`,
        [textElement('literal_block', blocktext, { 'xml:space': 'preserve' })],
        { source, line: srcline }
      )
      return [[message], blankFinish]
    }
    this.document.noteSubstitutionDef(substitutionNode, subname, this.parent)
    return [[substitutionNode], blankFinish]
  }

  /**
   * docutils: Body.directive.
   *
   * @param match Match of the directive construct (`.. name::`).
   * @param optionPresets Preset options (e.g. `alt` for substitutions).
   * @returns `[nodes, blankFinish]`.
   */
  directive(match: Match, optionPresets: Record<string, unknown> = {}): [RstNode[], boolean] {
    const typeName = match[1]
    const hook = bodyDirectiveHook.current
    if (hook) return hook(this, typeName, matchEnd(match), optionPresets)
    const languageName = this.memo.language ? `docutils.parsers.rst.languages.${this.memo.language.name}` : 'None'
    const messageText = [`No directive entry for "${typeName}" in module "${languageName}".`, `Trying "${typeName}" as canonical directive name.`]
    this.addOneToParent(this.reporter.info(messageText.join('\n'), [], { line: this.document.currentLine }))
    return this.unknownDirective(typeName)
  }

  /** docutils: Body.unknown_directive */
  unknownDirective(typeName: string): [RstNode[], boolean] {
    const lineno = this.stateMachine.absLineNumber()
    const indented = this.stateMachine.firstKnownIndentedLines(0, false, false)
    const blankFinish = this.stateMachine.indentedBlankFinish
    const value = indented.lines().join('\n')
    const error = this.reporter.error(`Unknown directive type "${typeName}".`, [textElement('literal_block', value, { 'xml:space': 'preserve' })], {
      line: lineno
    })
    return [[error], blankFinish]
  }

  /** docutils: Body.comment */
  comment(match: Match): [RstNode[], boolean] {
    return this.commentAt(match.input, matchEnd(match))
  }

  /** `comment(match)` from the match's line and end. */
  commentAt(input: string, end: number): [RstNode[], boolean] {
    if (this.stateMachine.isNextLineBlank()) {
      const firstCommentLine = sliceOf(input, end)
      if (isPyBlank(firstCommentLine)) return [[el('comment', { 'xml:space': 'preserve' })], true]
      if (firstCommentLine.startsWith('end of inclusion from "')) {
        this.document.includeLog.pop()
        return [[], true]
      }
    }
    const indented = this.stateMachine.firstKnownIndentedLines(end)
    const blankFinish = this.stateMachine.indentedBlankFinish
    // `at`/`lines` read the (shared) lines without first making a private copy.
    while (indented.length > 0 && isPyBlank(indented.at(indented.length - 1)!)) indented.trimEnd()
    const value = indented.lines().join('\n')
    return [[textElement('comment', value, { 'xml:space': 'preserve' })], blankFinish]
  }

  /** docutils: Body.explicit_markup */
  explicitMarkup(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodelist, blankFinish] = this.explicitConstruct(match)
    this.addAllToParent(nodelist)
    this.explicitList(blankFinish)
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.explicit_construct */
  explicitConstruct(match: Match): [RstNode[], boolean] {
    const line = match.input
    const end = matchEnd(match)
    // The constructs' patterns all start with `..` and spaces; the next
    // character decides which one can match (`[`: footnote or citation, `_`:
    // target, `|`: substitution definition, else a directive), so only
    // those are tried, in docutils' order.
    let start = 2
    while (codeAtOrNaN(line, start) === 0x20) start++
    const code = codeAtOrNaN(line, start)
    const first = code === 0x5b ? 0 : code === 0x5f ? 2 : code === 0x7c ? 3 : 4
    const last = code === 0x5b ? 1 : first
    let error: RstElement | undefined
    for (let index = first; index <= last; index++) {
      const [method, pattern] = explicitConstructs[index]
      const expmatch = matchLine(pattern, line)
      if (expmatch) {
        try {
          return method.call(this, expmatch)
        } catch (thrown) {
          if (!(thrown instanceof MarkupError)) throw thrown
          const lineno = this.stateMachine.absLineNumber()
          error = this.reporter.warning(thrown.message, [], { line: lineno })
          break
        }
      }
    }
    // (`line`/`end` were read first: `match` may be a shared object refilled by nested parses.)
    const [nodelist, blankFinish] = this.commentAt(line, end)
    if (error !== undefined) nodelist.push(error)
    return [nodelist, blankFinish]
  }

  /** docutils: Body.explicit_list */
  explicitList(blankFinish: boolean): void {
    const finish = this.parseListRest(this.parent, 'Explicit', blankFinish)
    if (!finish) this.addOneToParent(this.unindentWarning('Explicit markup'))
  }

  /** docutils: Body.anonymous */
  anonymous(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodelist, blankFinish] = this.anonymousTarget(match)
    this.addAllToParent(nodelist)
    this.explicitList(blankFinish)
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.anonymous_target */
  anonymousTarget(match: Match): [RstNode[], boolean] {
    const lineno = this.stateMachine.absLineNumber()
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match), true)
    const blankFinish = this.stateMachine.indentedBlankFinish
    // (`blocktext` is never read by `parse_target`: not built)
    const block = escapedLines(indented)
    const target = this.makeTarget(block, '', lineno, '')
    return [[target], blankFinish]
  }

  /** docutils: Body.line — section title overline or transition marker. */
  line(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    if (this.stateMachine.matchTitles) return transitionResult([match.input], 'Line')
    if (pyStrip(match.input) === '::') throw new TransitionCorrection('text')
    if (pyStrip(match.input).length < 4) {
      const message = this.reporter.info(
        "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.",
        [],
        { line: this.stateMachine.absLineNumber() }
      )
      this.addOneToParent(message)
      throw new TransitionCorrection('text')
    }
    const blocktext = this.stateMachine.line!
    const message = this.reporter.error('Unexpected section title or transition.', [textElement('literal_block', blocktext, { 'xml:space': 'preserve' })], {
      line: this.stateMachine.absLineNumber()
    })
    this.addOneToParent(message)
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Body.text — a paragraph, title, or definition list. */
  text(match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    // docutils returns `[match.string], 'Text'`: the run loop switches to the
    // Text state, reads the next line and checks it there. Where that line
    // can only be Text's `blank` or `text` (or the end of the input), this
    // does the same here, without the round trip through the run loop (a
    // line check and two state switches per paragraph).
    const machine = this.stateMachine
    const kind = textLineKind(machine.inputLines.at(machine.lineOffset + 1))
    if (kind !== TextLineKind.Other && this.eof === stateEof) {
      const textState = machine.stateByName('Text')
      if (textState instanceof Text && textState.constructor === Text && !textState.hasOwnTransitions) {
        const state: Text = textState
        if (!machine.advance()) {
          // The run loop would call Text.eof (`blank` for the non-empty context), then
          // stop (this state's `eof` is State's no-op).
          state.blankAfter(match.input)
          return eofResult()
        }
        machine.transitionLineOffset = machine.lineOffset // as `checkLine` does
        if (kind === TextLineKind.Blank) return state.blankAfter(match.input)
        return state.textAfter(match.input, 'Body') // Text's `text` transition goes to Body
      }
    }
    return transitionResult([match.input], 'Text')
  }

  // --- RFC2822Body helpers (shared) -----------------------------------------

  /** docutils: RFC2822Body.rfc2822_field */
  rfc2822Field(match: Match): [RstElement, boolean] {
    const name = match.input.slice(0, match.input.indexOf(':'))
    const indented = this.stateMachine.firstKnownIndentedLines(matchEnd(match), true)
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const fieldnode = el('field')
    appendChild(fieldnode, textElement('field_name', name))
    const fieldbody = el('field_body')
    appendChild(fieldnode, fieldbody)
    if (indented.length > 0) this.nestedParse(indented, lineOffset, fieldbody)
    return [fieldnode, blankFinish]
  }
}

/** `line.indent` of `line` nodes (docutils keeps it as a Python attribute). */
export const lineIndents = new WeakMap<RstElement, number | undefined>()

/** docutils: Body.initial_transitions */
export const bodyInitialTransitions: readonly string[] = [
  'bullet',
  'enumerator',
  'field_marker',
  'option_marker',
  'doctest',
  'line_block',
  'grid_table_top',
  'simple_table_top',
  'explicit_markup',
  'anonymous',
  'line',
  'text'
]

/** docutils: Body.explicit.constructs */
const explicitConstructs: Array<[(this: Body, match: Match) => [RstNode[], boolean], RegExp]> = [
  [Body.prototype.footnote, explicitConstructPatterns.footnote],
  [Body.prototype.citation, explicitConstructPatterns.citation],
  [Body.prototype.hyperlinkTarget, explicitConstructPatterns.hyperlink_target],
  [Body.prototype.substitutionDef, explicitConstructPatterns.substitution_def],
  [
    function (this: Body, match: Match) {
      return this.directive(match)
    },
    explicitConstructPatterns.directive
  ]
]

/**
 * `StringList(lines, items[0][0], [items[offset + k] ?? (None, offset + k) …])`
 * with the table block's items read in place (no tuples).
 */
function cellBlockOf(lines: readonly string[], block: StringList, offset: number): StringList {
  const length = block.length
  if (lines.length === 0) return new StringList(lines, length > 0 ? block.infoSource(0) : undefined)
  // Usually the cell's lines are consecutive lines of one source: implicit items, the lines shared (not copied).
  if (offset + lines.length <= length) {
    const source = block.infoSource(offset)
    const first = block.infoOffset(offset)
    let consecutive = first !== undefined
    for (let k = 1; consecutive && k < lines.length; k++) {
      consecutive = block.infoSource(offset + k) === source && block.infoOffset(offset + k) === first! + k
    }
    if (consecutive) return StringList.sharingFrom(lines, source, first!)
  }
  const sources = new Array<string | undefined>(lines.length)
  const offsets = new Array<number | undefined>(lines.length)
  for (let k = 0; k < lines.length; k++) {
    const index = offset + k
    if (index < length) {
      sources[k] = block.infoSource(index)
      offsets[k] = block.infoOffset(index)
    } else {
      sources[k] = undefined
      offsets[k] = index
    }
  }
  return StringList.fromParallel(lines, sources, offsets)
}

const stateEof = State.prototype.eof

/** What the Text state does with the line after a paragraph's first line. */
const TextLineKind = {
  /** End of the input: `eof`. */
  End: 0,
  /** Empty or spaces only: the `blank` transition. */
  Blank: 1,
  /** The `text` transition. */
  Text: 2,
  /** `indent` or `underline` (or not known here): left to the run loop. */
  Other: 3
} as const
type TextLineKind = (typeof TextLineKind)[keyof typeof TextLineKind]

/**
 * Which of Text's transitions (`blank`, `indent`, `underline`, `text`, in
 * that order, with their line-start filters) takes `line`, as far as
 * `Body.text` handles it: a line starting with ASCII punctuation (a possible
 * underline) or with a space but not blank (indent) is `Other`.
 */
function textLineKind(line: string | undefined): TextLineKind {
  if (line === undefined) return TextLineKind.End
  const length = lengthOf(line)
  if (length === 0) return TextLineKind.Blank
  const code = codeAt(line, 0)
  if (code === 0x20) {
    for (let index = 1; index < length; index++) if (codeAt(line, index) !== 0x20) return TextLineKind.Other
    return TextLineKind.Blank // `^ *$`
  }
  if ((code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e)) {
    return TextLineKind.Other
  }
  return TextLineKind.Text
}

/** `len(text)` in Python (code points; a lone surrogate counts as one, like `[...text]`). */
function codePointLength(text: string): number {
  const units = lengthOf(text)
  let length = units
  for (let index = 0; index < units - 1; index++) {
    const code = codeAt(text, index)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = codeAt(text, index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--
        index++
      }
    }
  }
  return length
}

/** `len(strip_combining_chars(line))`: below U+0300 there is nothing to strip and no surrogate. */
function columnCount(line: string): number {
  const length = lengthOf(line)
  for (let index = 0; index < length; index++) {
    if (codeAt(line, index) >= 0x300) return codePointLength(stripCombiningChars(line))
  }
  return length
}

/** Whether `text` holds a character Python's `str.split()` splits at. */
function hasPySpace(text: string): boolean {
  const length = lengthOf(text)
  for (let index = 0; index < length; index++) if (isPySpace(codeAt(text, index))) return true
  return false
}

/** `''.join(lines)` is not empty. */
function hasText(lines: readonly string[]): boolean {
  for (let index = 0; index < lines.length; index++) if (lines[index]) return true
  return false
}

/** `[escape2null(line) for line in lines]`, read without copying the list first. */
function escapedLines(lines: StringList): string[] {
  const result: string[] = []
  for (let index = 0; index < lines.length; index++) result.push(escape2null(lines.at(index)!))
  return result
}

/** Where the name ends in the last match of `simpleTargetEnd`. */
let simpleTargetNameEnd = 0

/** `simpleTargetNameEnd` (tests). */
export function lastSimpleTargetNameEnd(): number {
  return simpleTargetNameEnd
}

/**
 * `explicitPatterns.target` matched by hand for a text without backquotes,
 * null escapes and line terminators (nearly every target: \`.. _name: uri\`):
 * the match's end (name end in `simpleTargetNameEnd`), -1 when the pattern
 * does not match, -2 when the text is not that simple (use the pattern).
 * The pattern there: \`_\` or the shortest name not starting with a space or
 * \`_\`, whose last character is neither whitespace nor \`:\`, followed by an
 * optional space, \`:\`, and spaces or the end.
 */
export function simpleTargetEnd(text: string): number {
  const length = lengthOf(text)
  for (let index = 0; index < length; index++) {
    const code = codeAt(text, index)
    if (code === 0x60 || code === 0 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return -2
  }
  if (length === 0 || codeAt(text, 0) === 0x20) return -1
  // `_` alone is the first alternative; a name cannot start with `_`.
  const last = codeAt(text, 0) === 0x5f ? 1 : length - 1
  for (let k = 1; k <= last && k < length; k++) {
    const before = codeAt(text, k - 1)
    if (isJsSpace(before) || before === 0x3a) continue
    let colon = k
    if (codeAt(text, colon) === 0x20) colon++
    if (colon >= length || codeAt(text, colon) !== 0x3a) continue
    let end = colon + 1
    if (end < length && codeAt(text, end) !== 0x20) continue
    while (end < length && codeAt(text, end) === 0x20) end++
    simpleTargetNameEnd = k
    return end
  }
  return -1
}

/** `re.split(r', (?![^<]*>)', value)` */
function splitOptionStrings(value: string): string[] {
  const result: string[] = []
  let start = 0
  let index = value.indexOf(', ')
  while (index !== -1) {
    // (?![^<]*>): not followed by a run of non-'<' characters ending in '>'.
    let k = index + 2
    while (k < value.length && value[k] !== '<' && value[k] !== '>') k++
    const insideBrackets = k < value.length && value[k] === '>'
    if (!insideBrackets) {
      result.push(value.slice(start, index))
      start = index + 2
    }
    index = value.indexOf(', ', index + 2)
  }
  result.push(value.slice(start))
  return result
}

/** All descendant elements, document order (docutils `findall(Element, include_self=False)`). */
function descendants(node: RstElement): RstElement[] {
  const result: RstElement[] = []
  const visit = (parent: RstElement): void => {
    for (const child of parent.children) {
      if (isText(child)) continue
      result.push(child as RstElement)
      visit(child as RstElement)
    }
  }
  visit(node)
  return result
}

/** docutils: Body.disallowed_inside_substitution_definitions */
function disallowedInsideSubstitutionDefinitions(node: RstElement): string {
  if (node.type === 'reference' && node.attributes.anonymous) return 'Anonymous references'
  if (node.type === 'footnote_reference' && node.attributes.auto) return 'References to auto-numbered and auto-symbol footnotes'
  const names = node.attributes.names
  const ids = node.attributes.ids
  if ((Array.isArray(names) && names.length > 0) || (Array.isArray(ids) && ids.length > 0)) return 'Targets (names and identifiers)'
  return ''
}

export { getParent }
