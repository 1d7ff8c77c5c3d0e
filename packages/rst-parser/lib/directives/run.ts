/**
 * Parsing and running directives.
 *
 * docutils: parsers/rst/states.py `Body.directive`, `Body.run_directive`,
 * `Body.parse_directive_block`, `Body.parse_directive_options`,
 * `Body.parse_directive_arguments`, `Body.parse_extension_options`,
 * `Body.unknown_directive`; utils/__init__.py `extract_extension_options`,
 * `extract_options`, `assemble_option_dict`.
 */
import { astext, isText, type RstElement, type RstNode } from '../nodes.js'
import { SystemMessageError } from '../reporter.js'
import type { StringList } from '../statemachine.js'
import { bodyDirectiveHook } from '../states/hooks.js'
import { appendChildren } from '../util/node-info.js'
import { isPyBlank, pySplit } from '../util/strings.js'
import { MarkupError } from '../states/errors.js'
import { maxNestingDepth } from '../states/rst-state.js'
import { Directive, DirectiveError } from './directive.js'
import { PyTypeError, PyValueError, pyRepr, pySplitMax } from './py.js'
import { findDirective } from './registry.js'
import type { DirectiveOptions, DirectiveSpec, DirectiveState, OptionSpec } from './types.js'
import { literalBlock, makeElement } from './util.js'
import { QuietError } from '../util/quiet-error.js'

/** docutils: utils.ExtensionOptionError (and subclasses). */
export class ExtensionOptionError extends QuietError {
  override name = 'ExtensionOptionError'
}

/**
 * Python `KeyError` for an unknown option name. Not an `Error`: it never
 * leaves `parseExtensionOptions`, and a stack trace per unknown option
 * (frequent in Sphinx sources) is wasted work.
 */
class UnknownOptionError {
  readonly message: string
  constructor(readonly optionName: string) {
    this.message = optionName
  }
}

/**
 * docutils: states.Body.directive — look the directive up (localized),
 * append lookup messages to `state.parent`, run it.
 *
 * @param state Calling state (Body or SubstitutionDef).
 * @param typeName Directive name as written.
 * @param matchEnd End of the directive marker match on the current line.
 * @param optionPresets Preset options (`{alt}` from substitution definitions).
 * @returns Nodes and "blank finish".
 */
export function bodyDirective(
  state: DirectiveState,
  typeName: string,
  matchEnd: number,
  optionPresets: DirectiveOptions = {}
): [RstNode[], boolean] {
  // (the lookup's INFO message, if any, is appended to `state.parent`)
  const spec = findDirective(typeName, state.memo.language, state.document, state.parent)
  if (spec) return runDirective(state, spec, matchEnd, typeName, optionPresets)
  return unknownDirective(state, typeName)
}

/**
 * docutils: states.Body.run_directive
 *
 * @param state Calling state.
 * @param spec The directive.
 * @param matchEnd End of the marker match on the current line.
 * @param typeName Directive name as written.
 * @param optionPresets Preset options.
 * @returns Nodes and "blank finish".
 */
export function runDirective(
  state: DirectiveState,
  spec: DirectiveSpec,
  matchEnd: number,
  typeName: string,
  optionPresets: DirectiveOptions
): [RstNode[], boolean] {
  const stateMachine = state.stateMachine
  const lineno = stateMachine.absLineNumber()
  const initialLineOffset = stateMachine.lineOffset
  const { indented, lineOffset, blankFinish } = stateMachine.getFirstKnownIndented(matchEnd, false, true, false)
  const blockLines: string[] = []
  for (let index = initialLineOffset; index <= stateMachine.lineOffset; index++) {
    // `at` reads without copying the (shared) input lines
    const line = stateMachine.inputLines.at(index)
    if (line !== undefined) blockLines.push(line)
  }
  let parsed: [string[], DirectiveOptions, StringList, number]
  try {
    parsed = parseDirectiveBlock(state, indented, lineOffset, spec, optionPresets)
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error
    const message = state.reporter.error(
      `Error in "${typeName}" directive:\n${error.message}.`,
      [literalBlock(blockLines.join('\n'))],
      { line: lineno }
    )
    return [[message], blankFinish]
  }
  const [args, options, content, contentOffset] = parsed
  const instance = new Directive(spec, typeName, args, options, content, lineno, contentOffset, blockLines, state, stateMachine)
  let result: RstNode[]
  try {
    result = instance.run()
  } catch (error) {
    if (error instanceof DirectiveError) {
      const message = state.reporter.systemMessage(error.level, error.msg, [], { line: lineno })
      appendChildren(message, literalBlock(instance.blockText))
      result = [message]
    } else if (error instanceof Error && !(error instanceof SystemMessageError) && error.name !== 'SystemMessageError') {
      // A bug in a directive port must not crash the parser: report it.
      const message = state.reporter.error(
        `Error in "${typeName}" directive:\n${error.message}.`,
        [literalBlock(instance.blockText)],
        { line: lineno, ruleId: 'directive-internal-error' }
      )
      result = [message]
    } else {
      throw error
    }
  }
  return [result, blankFinish || stateMachine.isNextLineBlank()]
}

/**
 * docutils: states.Body.parse_directive_block
 *
 * @param state Calling state (for option parsing).
 * @param indented The directive block (modified).
 * @param lineOffset Offset of its first line.
 * @param spec The directive.
 * @param optionPresets Preset options.
 * @returns Arguments, options, content and content offset.
 */
export function parseDirectiveBlock(
  state: DirectiveState,
  indented: StringList,
  lineOffset: number,
  spec: Pick<DirectiveSpec, 'requiredArguments' | 'optionalArguments' | 'finalArgumentWhitespace' | 'optionSpec' | 'hasContent'>,
  optionPresets: DirectiveOptions
): [string[], DirectiveOptions, StringList, number] {
  const optionSpec = spec.optionSpec
  const hasContent = spec.hasContent
  if (indented.length > 0 && isPyBlank(indented.at(0)!)) {
    indented.trimStart()
    lineOffset += 1
  }
  while (indented.length > 0 && isPyBlank(indented.at(indented.length - 1)!)) indented.trimEnd()
  let argBlock: StringList
  let content: StringList
  let contentOffset: number
  let index = 0
  if (indented.length > 0 && (spec.requiredArguments || spec.optionalArguments || optionSpec)) {
    for (index = 0; index < indented.length; index++) {
      if (isPyBlank(indented.at(index)!)) break
    }
    argBlock = indented.slice(0, index)
    content = indented.slice(index + 1)
    contentOffset = lineOffset + index + 1
  } else {
    content = indented
    contentOffset = lineOffset
    argBlock = indented.slice(0, 0)
  }
  let options: DirectiveOptions
  if (optionSpec) {
    ;[options, argBlock] = parseDirectiveOptions(state, optionPresets, optionSpec, argBlock)
  } else {
    options = {}
  }
  if (argBlock.length > 0 && !(spec.requiredArguments || spec.optionalArguments)) {
    content = argBlock.concat(indented.slice(index))
    contentOffset = lineOffset
    argBlock = indented.slice(0, 0)
  }
  while (content.length > 0 && isPyBlank(content.at(0)!)) {
    content.trimStart()
    contentOffset += 1
  }
  let args: string[] = []
  if (spec.requiredArguments || spec.optionalArguments) args = parseDirectiveArguments(spec, argBlock)
  if (content.length > 0 && !hasContent) throw new MarkupError('no content permitted')
  return [args, options, content, contentOffset]
}

/** docutils: Body.patterns['field_marker'] */
const fieldMarker = /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/

/**
 * docutils: states.Body.parse_directive_options
 */
function parseDirectiveOptions(
  state: DirectiveState,
  optionPresets: DirectiveOptions,
  optionSpec: OptionSpec,
  argBlock: StringList
): [DirectiveOptions, StringList] {
  const options: DirectiveOptions = { ...optionPresets }
  let optBlock: StringList | undefined
  for (let index = 0; index < argBlock.length; index++) {
    if (fieldMarker.test(argBlock.at(index)!)) {
      optBlock = argBlock.slice(index)
      argBlock = argBlock.slice(0, index)
      break
    }
  }
  if (optBlock && optBlock.length > 0) {
    const [success, data] = parseExtensionOptions(state, optionSpec, optBlock)
    if (success) Object.assign(options, data)
    else throw new MarkupError(data as string)
  }
  return [options, argBlock]
}

/**
 * docutils: states.Body.parse_directive_arguments
 */
function parseDirectiveArguments(
  spec: Pick<DirectiveSpec, 'requiredArguments' | 'optionalArguments' | 'finalArgumentWhitespace'>,
  argBlock: StringList
): string[] {
  const required = spec.requiredArguments
  const optional = spec.optionalArguments
  const argText = argBlock.lines().join('\n')
  let args = pySplit(argText)
  if (args.length < required) {
    throw new MarkupError(`${required} argument(s) required, ${args.length} supplied`)
  } else if (args.length > required + optional) {
    if (spec.finalArgumentWhitespace) {
      args = pySplitMax(argText, required + optional - 1)
    } else {
      throw new MarkupError(`maximum ${required + optional} argument(s) allowed, ${args.length} supplied`)
    }
  }
  return args
}

/**
 * docutils: states.Body.parse_extension_options
 *
 * @param state Calling state (runs the `ExtensionOptions` state).
 * @param optionSpec Option name → converter.
 * @param datalines The option lines.
 * @returns `[true, options]` or `[false, error text]`.
 */
export function parseExtensionOptions(
  state: DirectiveState,
  optionSpec: OptionSpec,
  datalines: StringList
): [true, DirectiveOptions] | [false, string] {
  const fast = plainExtensionOptions(state, datalines)
  let optionList: Array<[string, string | undefined]> | undefined
  let blankFinish: boolean
  let node: RstElement | undefined
  if (fast !== undefined) {
    optionList = fast
    blankFinish = plainBlankFinish
  } else {
    node = makeElement('field_list')
    const [newlineOffset, finish] = state.nestedListParse(datalines, 0, node, 'ExtensionOptions', true)
    if (newlineOffset !== datalines.length) return [false, 'invalid option block']
    blankFinish = finish
  }
  let options: DirectiveOptions
  try {
    options = optionList !== undefined ? assembleOptionDict(optionList, optionSpec) : extractExtensionOptions(node!, optionSpec)
  } catch (error) {
    if (error instanceof UnknownOptionError) return [false, `unknown option: "${error.optionName}"`]
    if (error instanceof PyValueError || error instanceof PyTypeError) return [false, `invalid option value: ${error.message}`]
    if (error instanceof ExtensionOptionError) return [false, `invalid option data: ${error.message}`]
    throw error
  }
  if (blankFinish) return [true, options]
  return [false, 'option data incompletely parsed']
}

/** A field name the inliner turns into one plain text node, without side effects (no PEP/RFC references). */
const plainOptionName = /^[A-Za-z0-9-]+$/

/** Tests switch the `plainExtensionOptions` fast path off to compare it with the state machine. */
export const extensionOptionsFastPath = { enabled: true }

/** `plainExtensionOptions`' second result: the `blank_finish` of the last field. */
let plainBlankFinish = true

/**
 * The `ExtensionOptions` nested parse (docutils `parse_extension_options`)
 * without a state machine, for the usual option block: every field starts
 * with a field marker at column 0 whose name is plain (letters, digits,
 * hyphens), and every body is at most one paragraph of raw text. Then the
 * field list it would build is fully known: its `extract_options` result is
 * returned directly. The only side effect of the nested parse that outlives
 * it — the document's current source/line, left by the machine's last line
 * change (one past the end) — is reproduced. Anything else returns
 * `undefined` before any side effect, and the machine runs as before.
 *
 * @param state Calling state.
 * @param datalines The option lines.
 * @returns `[name, data]` pairs (lower-case names) and `plainBlankFinish`, or undefined.
 */
function plainExtensionOptions(state: DirectiveState, datalines: StringList): Array<[string, string | undefined]> | undefined {
  const length = datalines.length
  if (length === 0 || (state.memo.nestingDepth ?? 0) >= maxNestingDepth || !extensionOptionsFastPath.enabled) return undefined
  const settings = state.document.settings
  if (settings.pep_references || settings.rfc_references) return undefined
  const list: Array<[string, string | undefined]> = []
  let blankFinish = true
  for (let index = 0; index < length; ) {
    // Body transitions before `field_marker` (blank, indent, bullet,
    // enumerator) cannot match a line starting with ':'.
    const match = fieldMarker.exec(datalines.at(index)!)
    if (match === null) return undefined
    const marker = match[0]
    const name = marker.slice(1, marker.lastIndexOf(':'))
    if (!plainOptionName.test(name)) return undefined
    // docutils: Body.field → get_first_known_indented(match.end())
    const [block, , finish] = datalines.getIndented(index, false, true, undefined, marker.length)
    index += block.length
    blankFinish = finish
    // docutils: ExtensionOptions.parse_field_body — paragraphs of non-blank lines
    let data: string | undefined
    let first = -1
    let end = -1
    for (let k = 0; k < block.length; k++) {
      if (isPyBlank(block.at(k)!)) continue
      if (first === -1) first = k
      else if (end !== k) return undefined // a second paragraph: extract_options reports it
      end = k + 1
    }
    if (first !== -1) {
      data = first + 1 === end ? block.at(first)! : block.slice(first, end).lines().join('\n')
      if (data.indexOf('\x00') !== -1) return undefined // (`astext` would unescape)
    }
    list.push([name.toLowerCase(), data])
  }
  // The machine's last line change: one past the end (ViewList.info → last source, no offset).
  state.document.noteSource(datalines.infoSource(length), datalines.infoOffset(length))
  plainBlankFinish = blankFinish
  return list
}

/**
 * docutils: utils.extract_extension_options (extract_options + assemble_option_dict).
 *
 * @param fieldList Parsed option field list.
 * @param optionSpec Option name → converter.
 * @returns Converted options.
 */
export function extractExtensionOptions(fieldList: RstElement, optionSpec: OptionSpec): DirectiveOptions {
  return assembleOptionDict(extractOptions(fieldList), optionSpec)
}

/** docutils: utils.extract_options */
export function extractOptions(fieldList: RstElement): Array<[string, string | undefined]> {
  const optionList: Array<[string, string | undefined]> = []
  for (const field of fieldList.children) {
    if (isText(field)) continue
    const fieldName = field.children[0]!
    if (pySplit(astext(fieldName)).length !== 1) {
      throw new ExtensionOptionError('extension option field name may not contain multiple words')
    }
    const name = astext(fieldName).toLowerCase()
    const body = field.children[1] as RstElement
    let data: string | undefined
    if (!body || body.children.length === 0) {
      data = undefined
    } else if (
      body.children.length > 1 ||
      body.children[0]!.type !== 'paragraph' ||
      (body.children[0] as RstElement).children.length !== 1 ||
      !isText((body.children[0] as RstElement).children[0]!)
    ) {
      throw new ExtensionOptionError(`extension option field body may contain\na single paragraph only (option "${name}")`)
    } else {
      data = astext((body.children[0] as RstElement).children[0]!)
    }
    optionList.push([name, data])
  }
  return optionList
}

/** docutils: utils.assemble_option_dict */
export function assembleOptionDict(
  optionList: Array<[string, string | undefined]>,
  optionSpec: OptionSpec
): DirectiveOptions {
  const options: DirectiveOptions = {}
  for (let index = 0; index < optionList.length; index++) {
    const name = optionList[index]![0]
    const value = optionList[index]![1]
    if (!Object.hasOwn(optionSpec, name)) throw new UnknownOptionError(name)
    const convertor = optionSpec[name]
    if (!convertor) throw new UnknownOptionError(name)
    if (Object.hasOwn(options, name)) throw new ExtensionOptionError(`duplicate option "${name}"`)
    try {
      options[name] = convertor(value)
    } catch (error) {
      const wrapped = `(option: "${name}"; value: ${pyRepr(value ?? null)})\n${(error as Error).message}`
      if (error instanceof PyTypeError) throw new PyTypeError(wrapped)
      if (error instanceof PyValueError) throw new PyValueError(wrapped)
      throw error
    }
  }
  return options
}

/**
 * docutils: states.Body.unknown_directive
 *
 * @param state Calling state.
 * @param typeName Directive name as written.
 * @returns The error and "blank finish".
 */
export function unknownDirective(state: DirectiveState, typeName: string): [RstNode[], boolean] {
  const stateMachine = state.stateMachine
  const lineno = stateMachine.absLineNumber()
  const { indented, blankFinish } = stateMachine.getFirstKnownIndented(0, false, false)
  const text = indented.lines().join('\n')
  const error = state.reporter.error(`Unknown directive type "${typeName}".`, [literalBlock(text)], { line: lineno })
  return [[error], blankFinish]
}

// Plug the directive machinery into the core's `Body.directive`.
bodyDirectiveHook.current = bodyDirective
