/**
 * docutils: states.py `Text`, `SpecializedText`, `Definition`, `Line`,
 * `QuotedLiteralBlock`.
 */
import { emptyList } from '../util/arrays.js'
import { isText, text as textNode, type RstElement, type RstNode } from '../nodes.js'
import {
  StateCorrection,
  TransitionCorrection,
  eofResult,
  eofSignal,
  matchLine,
  transitionResult,
  type TransitionResult
} from '../statemachine.js'
import { columnWidth } from '../util/column-width.js'
import { appendChildren, setSourceLine } from '../util/node-info.js'
import { isPyBlank, pyRstrip, pyStrip } from '../util/strings.js'
import { unescape } from '../nodes.js'
import { classifierDelimiter, quotedLiteralBlockPatterns, textPatterns } from './patterns.js'
import { RSTState, compactChildren, el, textElement, emptyContext } from './rst-state.js'
import type { Context } from './types.js'

type Match = RegExpExecArray

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/**
 * docutils: states.Text — classifier of the second line of a text block:
 * paragraph, definition list item, or section title.
 */
export class Text extends RSTState {
  get name(): string {
    return 'Text'
  }

  getPatterns(): Record<string, RegExp> {
    return textPatterns
  }

  getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return [
      ['underline', 'Body'],
      ['text', 'Body']
    ]
  }

  /** docutils: Text.blank — end of paragraph. */
  blank(_match: Match | null, context: Context, _nextState: string | null): TransitionResult<Context> {
    return this.blankAfter(context)
  }

  /** `blank` with the context's lines, or its one line as a string (`Body.text`). */
  blankAfter(context: readonly string[] | string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber() - 1
    const literalnext = typeof context === 'string' ? this.addParagraphText(context, lineno) : this.addParagraph(context, lineno)
    if (literalnext) this.addAllToParent(this.literalBlock())
    return transitionResult(emptyContext, 'Body')
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) this.blank(null, context, null)
    return []
  }

  /** docutils: Text.indent — definition list item. */
  indent(_match: Match, context: Context, _nextState: string): TransitionResult<Context> {
    const dl = el('definition_list')
    const lineno = this.stateMachine.absLineNumber() - 1
    this.setSourceLineAt(dl, lineno)
    const [dlItem, blankFinishItem] = this.definitionListItem(context)
    appendChildren(dl, dlItem)
    this.addOneToParent(dl)
    const blankFinish = this.parseListRest(dl, 'DefinitionList', blankFinishItem, 'Definition')
    if (!blankFinish) this.addOneToParent(this.unindentWarning('Definition list'))
    return transitionResult(emptyContext, 'Body')
  }

  /** docutils: Text.underline — section title. */
  underline(match: Match, context: Context, nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber()
    const title = pyRstrip(context[0])
    const underline = pyRstrip(match.input)
    const source = title + '\n' + underline
    const messages: RstNode[] = []
    if (columnWidth(title) > underline.length) {
      if (underline.length < 4) {
        if (this.stateMachine.matchTitles) {
          const message = this.reporter.info(
            "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.",
            [],
            { line: lineno }
          )
          this.addOneToParent(message)
        }
        throw new TransitionCorrection('text')
      }
      const blocktext = context[0] + '\n' + this.stateMachine.line!
      messages.push(this.reporter.warning('Title underline too short.', [literal(blocktext)], { line: lineno }))
    }
    if (!this.stateMachine.matchTitles) {
      const blocktext = context[0] + '\n' + this.stateMachine.line!
      const src = this.stateMachine.sourceAt()
      const srcline = this.stateMachine.sourceLineAt()
      const message = this.reporter.error('Unexpected section title.', [literal(blocktext)], { source: src, line: srcline })
      this.addToParent(...messages, message)
      return transitionResult(emptyContext, nextState)
    }
    const style = underline[0]
    if (context.length !== 0) context.length = 0 // (never the shared frozen `emptyContext`)
    this.section(title, source, style, lineno - 1, messages)
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Text.text — paragraph. */
  text(_match: Match, context: Context, nextState: string): TransitionResult<Context> {
    return this.textAfter(context, nextState)
  }

  /** `text` with the context's lines, or its one line as a string (`Body.text`). */
  textAfter(context: readonly string[] | string, nextState: string): TransitionResult<Context> {
    const startline = this.stateMachine.absLineNumber() - 1
    let message: RstElement | undefined
    // docutils: `block = self.state_machine.get_text_block(flush_left=True)`
    // (catching UnexpectedIndentationError), then `lines = context + list(block)`:
    // the lines are read into one fresh array, without a StringList view.
    const machine = this.stateMachine
    const joined = machine.textBlockAfterJoined(context)
    const indented = machine.textBlockIndented
    if (indented !== -1) {
      const inputLines = machine.inputLines
      message = this.reporter.error('Unexpected indentation.', [], {
        source: inputLines.infoSource(indented),
        line: (inputLines.infoOffset(indented) ?? 0) + 1
      })
    }
    const literalnext = this.addParagraphText(joined, startline)
    if (message) this.addOneToParent(message)
    if (literalnext) {
      try {
        this.stateMachine.nextLine()
      } catch (error) {
        if (error !== eofSignal) throw error
      }
      this.addAllToParent(this.literalBlock())
    }
    return transitionResult(emptyContext, nextState)
  }

  /** docutils: Text.literal_block */
  literalBlock(): RstNode[] {
    const indented = this.stateMachine.indentedLines()
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    while (indented.length > 0 && isPyBlank(indented.at(indented.length - 1)!)) indented.trimEnd()
    if (indented.length === 0) return this.quotedLiteralBlock()
    const data = indented.lines().join('\n')
    const literalBlock = literal(data)
    this.setSourceLineAt(literalBlock, lineOffset + 1)
    const nodelist: RstNode[] = [literalBlock]
    if (!blankFinish) nodelist.push(this.unindentWarning('Literal block'))
    return nodelist
  }

  /** docutils: Text.quoted_literal_block */
  quotedLiteralBlock(): RstNode[] {
    const absLineOffset = this.stateMachine.absLineOffset()
    const offset = this.stateMachine.lineOffset
    const parentNode = el('Element')
    const newAbsOffset = this.nestedParse(this.stateMachine.inputLines.slice(offset), absLineOffset, parentNode, false, {
      stateClasses: [QuotedLiteralBlock],
      initialState: 'QuotedLiteralBlock'
    })
    this.gotoLine(newAbsOffset)
    return parentNode.children
  }

  /** docutils: Text.definition_list_item */
  definitionListItem(termline: Context): [RstElement, boolean] {
    const ddLineno = this.stateMachine.absLineNumber()
    const dtLineno = ddLineno - 1
    const indented = this.stateMachine.indentedLines()
    const lineOffset = this.stateMachine.indentedOffset
    const blankFinish = this.stateMachine.indentedBlankFinish
    const dlItem = el('definition_list_item')
    this.setSourceLineAt(dlItem, dtLineno)
    const [dtNodes, messages] = this.term(termline, dtLineno)
    appendChildren(dlItem, ...dtNodes)
    const dd = el('definition', undefined, messages)
    this.setSourceLineAt(dd, ddLineno)
    appendChildren(dlItem, dd)
    if (termline[0].slice(-2) === '::') {
      appendChildren(
        dd,
        this.reporter.info('Blank line missing before literal block (after the "::")? Interpreted as a definition list item.', [], { line: ddLineno })
      )
    }
    this.nestedParse(indented, lineOffset, dd)
    compactChildren(dlItem)
    return [dlItem, blankFinish]
  }

  /** docutils: Text.term — term and classifiers. */
  term(lines: Context, lineno: number): [RstNode[], RstElement[]] {
    const [textNodes, messages] = this.inlineText(lines[0], lineno)
    const dt = el('term')
    this.setSourceLineAt(dt, lineno)
    const nodeList: RstElement[] = [dt]
    for (const node of textNodes) {
      if (isText(node)) {
        const parts = node.value.split(classifierDelimiter)
        if (parts.length === 1) {
          appendChildren(nodeList[nodeList.length - 1], node)
        } else {
          const first = pyRstrip(parts[0])
          appendChildren(nodeList[nodeList.length - 1], textNode(first))
          for (const part of parts.slice(1)) nodeList.push(textElement('classifier', part, {}))
        }
      } else {
        appendChildren(nodeList[nodeList.length - 1], node)
      }
    }
    void unescape
    return [nodeList, messages]
  }
}

/** docutils: states.SpecializedText — only the first text block, then end. */
export class SpecializedText extends Text {
  override get name(): string {
    return 'SpecializedText'
  }

  override eof(_context: Context): unknown[] {
    return []
  }

  invalidInput(): TransitionResult<Context> {
    return eofResult() // docutils: raise EOFError
  }

  override blank(_match: Match | null, _context: Context, _nextState: string | null): TransitionResult<Context> {
    return this.invalidInput()
  }
  override indent(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override underline(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override text(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
}

/** docutils: states.Definition — second line of potential definition_list_item. */
export class Definition extends SpecializedText {
  override get name(): string {
    return 'Definition'
  }

  override eof(_context: Context): unknown[] {
    this.stateMachine.previousLine(2)
    return []
  }

  override indent(_match: Match, context: Context, _nextState: string): TransitionResult<Context> {
    const [dlItem, blankFinish] = this.definitionListItem(context)
    this.addOneToParent(dlItem)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, 'DefinitionList')
  }
}

/** docutils: states.Line — second line of over- & underlined section title or transition marker. */
export class Line extends SpecializedText {
  override get name(): string {
    return 'Line'
  }

  override eof(context: Context): unknown[] {
    const marker = pyStrip(context[0])
    if (marker.length < 4) this.stateCorrection(context)
    const source = this.stateMachine.sourceAt()
    const srcline = this.stateMachine.sourceLineAt()
    const transition = el('transition')
    setSourceLine(transition, source, (srcline ?? 1) - 1)
    this.addOneToParent(transition)
    return []
  }

  override blank(_match: Match | null, context: Context, _nextState: string | null): TransitionResult<Context> {
    const source = this.stateMachine.sourceAt()
    const srcline = this.stateMachine.sourceLineAt()
    const marker = pyStrip(context[0])
    if (marker.length < 4) this.stateCorrection(context)
    const transition = el('transition')
    setSourceLine(transition, source, (srcline ?? 1) - 1)
    this.addOneToParent(transition)
    return transitionResult(emptyContext, 'Body')
  }

  override text(match: Match, context: Context, _nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber() - 1
    let overline = context[0]
    let title = match.input
    let underline = ''
    try {
      underline = this.stateMachine.nextLine()
    } catch (error) {
      if (error !== eofSignal) throw error
      const blocktext = overline + '\n' + title
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2)
      else {
        this.addOneToParent(this.reporter.error('Incomplete section title.', [literal(blocktext)], { line: lineno }))
        return transitionResult(emptyContext, 'Body')
      }
    }
    const source = `${overline}\n${title}\n${underline}`
    overline = pyRstrip(overline)
    underline = pyRstrip(underline)
    if (!matchLine(this.transitions.get('underline')!.pattern, underline)) {
      const blocktext = overline + '\n' + title + '\n' + underline
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2)
      else {
        this.addOneToParent(this.reporter.error('Missing matching underline for section title overline.', [literal(source)], { line: lineno }))
        return transitionResult(emptyContext, 'Body')
      }
    } else if (overline !== underline) {
      const blocktext = overline + '\n' + title + '\n' + underline
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2)
      else {
        this.addOneToParent(this.reporter.error('Title overline & underline mismatch.', [literal(source)], { line: lineno }))
        return transitionResult(emptyContext, 'Body')
      }
    }
    title = pyRstrip(title)
    const messages: RstNode[] = []
    if (columnWidth(title) > overline.length) {
      const blocktext = overline + '\n' + title + '\n' + underline
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2)
      else messages.push(this.reporter.warning('Title overline too short.', [literal(source)], { line: lineno }))
    }
    const style = overline[0] + underline[0]
    this.section(title.replace(/^[ \t\n\r\f\v]+/, ''), source, style, lineno + 1, messages)
    return transitionResult(emptyContext, 'Body')
  }

  override indent(match: Match, context: Context, nextState: string): TransitionResult<Context> {
    return this.text(match, context, nextState)
  }

  override underline(_match: Match, context: Context, _nextState: string): TransitionResult<Context> {
    const overline = context[0]
    const blocktext = overline + '\n' + this.stateMachine.line!
    const lineno = this.stateMachine.absLineNumber() - 1
    if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 1)
    this.addOneToParent(this.reporter.error('Invalid section title or transition marker.', [literal(blocktext)], { line: lineno }))
    return transitionResult(emptyContext, 'Body')
  }

  /** docutils: Line.short_overline */
  shortOverline(context: Context, _blocktext: string, lineno: number, lines = 1): never {
    const message = this.reporter.info(
      "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
      [],
      { line: lineno }
    )
    this.addOneToParent(message)
    return this.stateCorrection(context, lines)
  }

  /** docutils: Line.state_correction */
  stateCorrection(context: Context, lines = 1): never {
    this.stateMachine.previousLine(lines)
    if (context.length !== 0) context.length = 0 // (never the shared frozen `emptyContext`)
    throw new StateCorrection('Body', 'text')
  }
}

/**
 * docutils: states.QuotedLiteralBlock — nested parse handler for quoted
 * (unindented) literal blocks.
 */
export class QuotedLiteralBlock extends RSTState {
  get name(): string {
    return 'QuotedLiteralBlock'
  }
  messages: RstElement[] = emptyList()
  initialLineno: number | undefined

  getPatterns(): Record<string, RegExp> {
    return quotedLiteralBlockPatterns
  }

  getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return ['initial_quoted', 'text']
  }

  blank(_match: Match, context: Context, nextState: string): TransitionResult<Context> {
    if (context.length > 0) return eofResult() // docutils: raise EOFError
    return transitionResult(context, nextState)
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) {
      const source = this.stateMachine.sourceAt(this.initialLineno)
      const line = this.stateMachine.sourceLineAt(this.initialLineno)
      const value = context.join('\n')
      const literalBlock = literal(value)
      setSourceLine(literalBlock, source, line)
      this.addOneToParent(literalBlock)
    } else {
      this.addOneToParent(this.reporter.warning('Literal block expected; none found.', [], { line: this.stateMachine.absLineNumber() }))
      this.stateMachine.previousLine()
    }
    this.addToParent(...this.messages)
    return []
  }

  indent(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    this.messages.push(this.reporter.error('Unexpected indentation.', [], { line: this.stateMachine.absLineNumber() }))
    this.stateMachine.previousLine()
    return eofResult() // docutils: raise EOFError
  }

  initialQuoted(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    this.removeTransition('initial_quoted')
    const quote = match.input[0]
    const pattern = new RegExp('^' + escapeRegExp(quote))
    this.addTransition('quoted', { pattern, method: (m, c, n) => this.quoted(m, c, n), nextState: this.name })
    this.initialLineno = this.stateMachine.absLineNumber()
    return transitionResult([match.input], nextState)
  }

  quoted(match: Match, context: Context, nextState: string): TransitionResult<Context> {
    context.push(match.input)
    return transitionResult(context, nextState)
  }

  text(_match: Match, context: Context, _nextState: string): TransitionResult<Context> {
    if (context.length > 0) {
      this.messages.push(this.reporter.error('Inconsistent literal block quoting.', [], { line: this.stateMachine.absLineNumber() }))
      this.stateMachine.previousLine()
    }
    return eofResult() // docutils: raise EOFError
  }
}

/** A `literal_block` with docutils' `xml:space` attribute. */
function literal(value: string): RstElement {
  return textElement('literal_block', value, { 'xml:space': 'preserve' })
}
