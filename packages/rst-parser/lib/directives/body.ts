/**
 * Directives for additional body elements.
 *
 * docutils: parsers/rst/directives/body.py (and utils/code_analyzer.py,
 * without Pygments: like docutils when Pygments is not installed).
 */
import { text, type RstElement, type RstNode } from '../nodes.js'
import { lineIndents } from '../states/body.js'
import { appendChildren, listAttribute, setSourceLine, getSourceLine } from '../util/node-info.js'
import { pyLstrip, pyStrip } from '../util/strings.js'
import { classOption, unchanged, unchangedRequired } from './converters.js'
import type { Directive } from './directive.js'
import { PyValueError, pyInt } from './py.js'
import type { DirectiveSpec } from './types.js'
import {
  addOptionClasses,
  assertPseudoSectionParent,
  classArgument,
  makeElement,
  normalizeOptions,
  optionClasses,
  setSource
} from './util.js'
import { QuietError } from '../util/quiet-error.js'

const nameAndClass = { class: classOption, name: unchanged }

/** docutils: body.BasePseudoSection.run */
function basePseudoSectionRun(directive: Directive, nodeClass: string): RstNode[] {
  assertPseudoSectionParent(directive)
  directive.assertHasContent()
  const titles: RstElement[] = []
  const messages: RstElement[] = []
  if (directive.arguments.length > 0) {
    const titleText = directive.arguments[0]!
    const [textNodes, titleMessages] = directive.state.inlineText(titleText, directive.lineno)
    titles.push(makeElement('title', {}, textNodes))
    messages.push(...titleMessages)
    if ('subtitle' in directive.options) {
      const subtitle = String(directive.options.subtitle)
      const [subtitleNodes, moreMessages] = directive.state.inlineText(subtitle, directive.lineno)
      titles.push(makeElement('subtitle', {}, subtitleNodes))
      messages.push(...moreMessages)
    }
  }
  const contentText = directive.contentText()
  const node = makeElement(nodeClass, {}, [...titles, ...messages])
  addOptionClasses(directive, node)
  setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
  directive.addName(node)
  if (contentText) directive.state.nestedParse(directive.content, directive.contentOffset, node)
  return [node]
}

/** docutils: body.Topic */
export const topic: DirectiveSpec = {
  className: 'Topic',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: nameAndClass,
  hasContent: true,
  run: (directive) => basePseudoSectionRun(directive, 'topic')
}

/** docutils: body.Sidebar */
export const sidebar: DirectiveSpec = {
  className: 'Sidebar',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { ...nameAndClass, subtitle: unchangedRequired },
  hasContent: true,
  run(directive) {
    if (directive.stateMachine.node.type === 'sidebar') {
      throw directive.error(`The "${directive.name}" directive may not be used within a sidebar element.`)
    }
    if ('subtitle' in directive.options && directive.arguments.length === 0) {
      throw directive.error('The "subtitle" option may not be used without a title.')
    }
    return basePseudoSectionRun(directive, 'sidebar')
  }
}

/** docutils: body.LineBlock (legacy directive). */
export const lineBlock: DirectiveSpec = {
  className: 'LineBlock',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: nameAndClass,
  hasContent: true,
  run(directive) {
    directive.assertHasContent()
    const block = makeElement('line_block', { classes: optionClasses(directive) })
    const [source, line] = directive.stateMachine.getSourceAndLine(directive.lineno)
    setSourceLine(block, source, line)
    directive.addName(block)
    const nodeList: RstNode[] = [block]
    directive.content.lines().forEach((lineText, index) => {
      const [textNodes, messages] = directive.state.inlineText(pyStrip(lineText), directive.lineno + directive.contentOffset)
      const lineNode = makeElement('line', {}, textNodes)
      setSourceLine(lineNode, source, line === undefined ? undefined : line + index)
      if (pyStrip(lineText)) {
        // docutils: `line.indent` (a Python attribute, read by nest_line_block_lines)
        lineIndents.set(lineNode, lineText.length - pyLstrip(lineText).length)
      }
      appendChildren(block, lineNode)
      nodeList.push(...messages)
      directive.contentOffset += 1
    })
    directive.state.nestLineBlockLines(block)
    return nodeList
  }
}

/** docutils: body.ParsedLiteral */
export const parsedLiteral: DirectiveSpec = {
  className: 'ParsedLiteral',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: nameAndClass,
  hasContent: true,
  run(directive) {
    const options = normalizeOptions(directive.options)
    directive.assertHasContent()
    const contentText = directive.contentText()
    const [textNodes, messages] = directive.state.inlineText(contentText, directive.lineno)
    const node = makeElement('literal_block', options, textNodes)
    setSourceLine(node, getSourceLine(node)[0], directive.contentOffset + 1)
    directive.addName(node)
    return [node, ...messages]
  }
}

/** docutils: utils.code_analyzer.LexerError */
export class LexerError extends QuietError {
  override name = 'LexerError'
}

/** A classified token: (classes, value). */
export type Token = [string[], string]

/**
 * docutils: code_analyzer.Lexer without Pygments — no lexical analysis;
 * any language other than '' / 'text' is an error unless tokennames is 'none'.
 *
 * @param code Code text.
 * @param language Language name.
 * @param tokennames `syntax_highlight` setting.
 * @returns The tokens.
 */
export function lex(code: string, language: string, tokennames: string): Token[] {
  if (language === '' || language === 'text' || tokennames === 'none') return [[[], code]]
  throw new LexerError('Cannot analyze code. Pygments package not found.')
}

/**
 * docutils: code_analyzer.NumberLines — a `ln` token at the start of every line.
 *
 * @param tokens Tokens.
 * @param startline First line number.
 * @param endline Last line number (sets the width).
 * @returns The tokens with line numbers.
 */
export function numberLines(tokens: Token[], startline: number, endline: number): Token[] {
  const width = String(endline).length
  const format = (lineno: number): string => String(lineno).padStart(width, ' ') + ' '
  let lineno = startline
  const result: Token[] = [[['ln'], format(lineno)]]
  for (const [ttype, value] of tokens) {
    const lines = value.split('\n')
    for (const line of lines.slice(0, -1)) {
      result.push([ttype, line + '\n'])
      lineno += 1
      result.push([['ln'], format(lineno)])
    }
    result.push([ttype, lines[lines.length - 1]!])
  }
  return result
}

/** docutils: body.CodeBlock */
export const codeBlock: DirectiveSpec = {
  className: 'CodeBlock',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: false,
  optionSpec: { ...nameAndClass, 'number-lines': unchanged },
  hasContent: true,
  run(directive) {
    directive.assertHasContent()
    const language = directive.arguments.length > 0 ? directive.arguments[0]! : ''
    const options = normalizeOptions(directive.options)
    const classes = ['code']
    if (language) classes.push(language)
    if ('classes' in options) classes.push(...(options.classes as string[]))
    const code = directive.contentText()
    const settings = directive.state.document.settings
    let tokens: Token[]
    try {
      tokens = lex(code, language, settings.syntax_highlight)
    } catch (error) {
      if (!(error instanceof LexerError)) throw error
      if (settings.report_level > 2) tokens = lex(code, language, 'none')
      else throw directive.warning(error.message)
    }
    if ('number-lines' in options) {
      let startline: number
      try {
        // Python `int(x or 1)`: `x` is a string, or an int when run by `include :code:`
        const value = options['number-lines'] as string | number | null
        startline = typeof value === 'number' ? value || 1 : pyInt(value || '1')
      } catch (error) {
        if (error instanceof PyValueError) throw directive.error(':number-lines: with non-integer start value')
        throw error
      }
      const endline = startline + directive.content.length
      tokens = numberLines(tokens, startline, endline)
    }
    const node = makeElement('literal_block', { classes })
    directive.addName(node)
    if ('source' in options) node.attributes.source = options.source
    for (const [tokenClasses, value] of tokens) {
      if (tokenClasses.length > 0) appendChildren(node, makeElement('inline', { classes: tokenClasses }, [text(value)]))
      else appendChildren(node, text(value))
    }
    return [node]
  }
}

/** docutils: body.MathBlock */
export const mathBlock: DirectiveSpec = {
  className: 'MathBlock',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: nameAndClass,
  hasContent: true,
  run(directive) {
    const options = normalizeOptions(directive.options)
    directive.assertHasContent()
    const blocks = directive.contentText().split('\n\n')
    const result: RstNode[] = []
    for (const block of blocks) {
      if (!block) continue
      const node = makeElement('math_block', options, [text(block)])
      setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
      directive.addName(node)
      result.push(node)
    }
    return result
  }
}

/** docutils: body.Rubric */
export const rubric: DirectiveSpec = {
  className: 'Rubric',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: nameAndClass,
  hasContent: false,
  run(directive) {
    const options = normalizeOptions(directive.options)
    const rubricText = directive.arguments[0]!
    const [textNodes, messages] = directive.state.inlineText(rubricText, directive.lineno)
    const node = makeElement('rubric', options, textNodes)
    directive.addName(node)
    return [node, ...messages]
  }
}

/** docutils: body.BlockQuote and its subclasses. */
function blockQuoteDirective(className: string, classes: string[]): DirectiveSpec {
  return {
    className,
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    hasContent: true,
    run(directive) {
      directive.assertHasContent()
      const elements = directive.state.blockQuote(directive.content, directive.contentOffset)
      for (const node of elements) {
        if (node.type === 'block_quote') listAttribute(node as RstElement, 'classes').push(...classes)
      }
      return elements
    }
  }
}

/** docutils: body.Compound */
export const compound: DirectiveSpec = {
  className: 'Compound',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: nameAndClass,
  hasContent: true,
  run(directive) {
    directive.assertHasContent()
    const node = makeElement('compound')
    addOptionClasses(directive, node)
    setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
    directive.addName(node)
    directive.state.nestedParse(directive.content, directive.contentOffset, node)
    return [node]
  }
}

/** docutils: body.Container */
export const container: DirectiveSpec = {
  className: 'Container',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { name: unchanged },
  hasContent: true,
  run(directive) {
    directive.assertHasContent()
    const classes = directive.arguments.length > 0 ? classArgument(directive) : []
    const node = makeElement('container')
    listAttribute(node, 'classes').push(...classes)
    setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
    directive.addName(node)
    directive.state.nestedParse(directive.content, directive.contentOffset, node)
    return [node]
  }
}

/** Canonical name → directive, for the registry. */
export const bodyDirectives: Record<string, DirectiveSpec> = {
  topic,
  sidebar,
  'line-block': lineBlock,
  'parsed-literal': parsedLiteral,
  code: codeBlock,
  math: mathBlock,
  rubric,
  epigraph: blockQuoteDirective('Epigraph', ['epigraph']),
  highlights: blockQuoteDirective('Highlights', ['highlights']),
  'pull-quote': blockQuoteDirective('PullQuote', ['pull-quote']),
  compound,
  container
}
