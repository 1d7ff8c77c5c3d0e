/**
 * Miscellaneous directives.
 *
 * docutils: parsers/rst/directives/misc.py (Include, Raw, Replace, Unicode,
 * Class, Role, DefaultRole, Title, MetaBody/Meta, Date, TestDirective).
 */
import { DocumentContext } from '../document.js'
import { text, type RstElement, type RstNode } from '../nodes.js'
import { localRoles } from '../roles/registry.js'
import { RSTStateMachine, stateClasses } from '../states/rst-state.js'
import { StringList } from '../statemachine.js'
import { appendChildren, listAttribute, setParent } from '../util/node-info.js'
import { escape2null, expandTabs, isPyBlank, pySplit, pySplitlines, pyStrip, string2lines } from '../util/strings.js'
import { unescape } from '../nodes.js'
import {
  classOption,
  encoding,
  flag,
  int,
  parserName,
  path as pathOption,
  unchanged,
  unchangedRequired,
  unicodeCode,
  uri,
  valueOr
} from './converters.js'
import { codeBlock } from './body.js'
import { Directive } from './directive.js'
import { InputError, OutsideRootError, UnicodeDecodeError, adaptPath, decode, readTextFile, relativePath, urlOpenError } from './file-input.js'
import { pendingNode } from './parts.js'
import { PyValueError, pyRepr } from './py.js'
import { roleDirectives } from './role.js'
import { standardInclude } from './standard-includes.js'
import type { DirectiveSpec } from './types.js'
import {
  assertSubstitutionDefContext,
  classArgument,
  firstChildNotTitularOrMeta,
  literalBlock,
  makeElement,
  optionClasses,
  setSource
} from './util.js'
import { numberLines } from './body.js'
import { QuietError } from '../util/quiet-error.js'

/** Working directory for relative paths (rstmdx `settings.cwd`, else the process's). */
function workingDirectory(directive: Directive): string {
  const cwd = directive.state.document.settings.cwd
  return typeof cwd === 'string' && cwd ? cwd : process.cwd()
}

/** Python list slicing `lines[start:end]` with `None` = undefined. */
function pySlice<T>(items: T[], start: number | null | undefined, end: number | null | undefined): T[] {
  return items.slice(start ?? undefined, end ?? undefined)
}

/** Prefix for standard include files (`.. include:: <isonum.txt>`). */
const standardIncludePrefix = '/usr/share/docutils/include/'

/** Read a file for a directive, turning failures into docutils' messages. */
function readForDirective(directive: Directive, path: string, encodingName: string): string {
  const settings = directive.state.document.settings
  try {
    if (path.startsWith(standardIncludePrefix)) {
      const data = standardInclude(path.slice(standardIncludePrefix.length))
      // the data files are UTF-8 (read with the requested encoding, as docutils does)
      if (data !== undefined) return decode(Buffer.from(data, 'utf8'), encodingName).replace(/\r\n?/g, '\n')
    }
    return readTextFile(path, encodingName, workingDirectory(directive), settings.root)
  } catch (error) {
    if (error instanceof OutsideRootError) {
      throw directive.error(`Problems with "${directive.name}" directive path:\n${error.message}`)
    }
    if (error instanceof InputError) {
      throw directive.severe(`Problems with "${directive.name}" directive path:\n${error.name}: ${error.message}.`)
    }
    if (error instanceof UnicodeDecodeError) {
      throw directive.severe(`Problem with "${directive.name}" directive:\n${error.name}: ${error.message}`)
    }
    throw error
  }
}

type ClipOptions = [number | null, number | null, string, string]

/** docutils: misc.Include */
export const include: DirectiveSpec = {
  className: 'Include',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: {
    literal: flag,
    code: unchanged,
    encoding,
    parser: parserName,
    'tab-width': int,
    'start-line': int,
    'end-line': int,
    'start-after': unchangedRequired,
    'end-before': unchangedRequired,
    'number-lines': valueOr([undefined], int),
    class: classOption,
    name: unchanged
  },
  hasContent: false,
  run(directive) {
    const settings = directive.state.document.settings
    if (!settings.file_insertion_enabled) throw directive.warning(`"${directive.name}" directive disabled.`)
    const options = directive.options
    const tabWidth = (options['tab-width'] as number | undefined) ?? settings.tab_width
    const clipOptions: ClipOptions = [
      (options['start-line'] as number | undefined) ?? null,
      (options['end-line'] as number | undefined) ?? null,
      (options['start-after'] as string | undefined) ?? '',
      (options['end-before'] as string | undefined) ?? ''
    ]
    let path = pathOption(directive.arguments[0])
    let rootPrefix: string
    const cwd = workingDirectory(directive)
    if (path.startsWith('<') && path.endsWith('>')) {
      path = '/' + path.slice(1, -1)
      rootPrefix = standardIncludePrefix
      path = standardIncludePrefix + path.slice(1)
    } else {
      rootPrefix = settings.root_prefix
      path = adaptPath(path, directive.state.document.currentSource, rootPrefix, cwd)
    }
    options.source = path
    const inputstring = includeReadFile(directive, path, clipOptions)
    if ('literal' in options) return asLiteralBlock(directive, inputstring, tabWidth)
    if ('code' in options) return asCodeBlock(directive, inputstring, tabWidth)
    if ('parser' in options && options.parser) return customParse(directive, inputstring, options.parser as string)
    insertIntoInputLines(directive, inputstring, tabWidth, clipOptions)
    return []
  }
}

/** docutils: Include.read_file — read and clip. */
function includeReadFile(directive: Directive, path: string, clipOptions: ClipOptions): string {
  const settings = directive.state.document.settings
  const encodingName = (directive.options.encoding as string | undefined) ?? settings.input_encoding
  let value = readForDirective(directive, path, encodingName)
  const [startline, endline, starttext, endtext] = clipOptions
  if (startline || endline !== null) {
    const lines = pySplitlines(value)
    value = pySlice(lines, startline, endline).join('\n')
  }
  if (starttext) {
    const afterIndex = value.indexOf(starttext)
    if (afterIndex < 0) {
      throw directive.severe(`Problem with "start-after" option of "${directive.name}" directive:\nText not found.`)
    }
    value = value.slice(afterIndex + starttext.length)
  }
  if (endtext) {
    const beforeIndex = value.indexOf(endtext)
    if (beforeIndex < 0) {
      throw directive.severe(`Problem with "end-before" option of "${directive.name}" directive:\nText not found.`)
    }
    value = value.slice(0, beforeIndex)
  }
  return value
}

/** Python `str.expandtabs` on a multi-line string (the column restarts after `\n` and `\r`). */
function expandTabsMultiline(value: string, tabWidth: number): string {
  return value.replace(/[^\n\r]+/g, (line) => expandTabs(line, tabWidth))
}

/** docutils: Include.as_literal_block */
function asLiteralBlock(directive: Directive, value: string, tabWidth: number): RstNode[] {
  const source = directive.options.source as string
  if (tabWidth >= 0) value = expandTabsMultiline(value, tabWidth)
  const node = makeElement('literal_block', {
    source,
    classes: optionClasses(directive)
  })
  setSource(node, [source, ((directive.options['start-line'] as number | undefined) ?? 0) + 1])
  directive.addName(node)
  if ('number-lines' in directive.options) {
    const firstline = (directive.options['number-lines'] as number | null) || 1
    value = value.endsWith('\n') ? value.slice(0, -1) : value
    const lastline = firstline + pySplitlines(value).length
    for (const [classes, tokenValue] of numberLines([[[], value]], firstline, lastline)) {
      if (classes.length > 0) appendChildren(node, makeElement('inline', { classes }, [text(tokenValue)]))
      else appendChildren(node, text(tokenValue))
    }
  } else {
    appendChildren(node, text(value))
  }
  return [node]
}

/** docutils: Include.as_code_block — run the `code` directive on the text. */
function asCodeBlock(directive: Directive, value: string, tabWidth: number): RstNode[] {
  if (tabWidth >= 0) value = expandTabsMultiline(value, tabWidth)
  const language = directive.options.code as string
  delete directive.options.code
  const content = new StringList([value.endsWith('\n') ? value.slice(0, -1) : value], directive.options.source as string)
  const codeDirective = new Directive(
    codeBlock,
    directive.name,
    [language],
    directive.options,
    content,
    directive.lineno,
    directive.contentOffset,
    directive.blockText,
    directive.state,
    directive.stateMachine
  )
  return codeDirective.run()
}

/**
 * docutils: Include.custom_parse — parse into a new document (sharing ids,
 * names and the include log) and return its children. Of docutils' parsers
 * only `rst` and `null` exist here; the parser transforms (`Validate`,
 * `SmartQuotes`) do nothing with the default settings.
 */
function customParse(directive: Directive, value: string, parser: string): RstNode[] {
  if (parser === 'null') return []
  if (parser !== 'rst') {
    // To do: port docutils' `docutils_xml` parser (not needed for rST sources).
    throw directive.error(`Problem with "${directive.name}" directive:\nThe "${parser}" parser is not supported by rstmdx.`)
  }
  const outer = directive.state.document
  const source = directive.options.source as string
  const document = new DocumentContext(source, { ...outer.settings })
  document.ids = outer.ids
  document.nameids = outer.nameids
  document.nametypes = outer.nametypes
  document.includeLog = outer.includeLog
  document.reporter.attachObserver((message) => document.noteParseMessage(message))
  // docutils' roles are process-wide: the nested parse sees the outer
  // document's roles, its new roles stay, and its end drops the default role.
  const outerRoles = localRoles(outer)
  const innerRoles = localRoles(document)
  for (const [name, roleFn] of outerRoles) innerRoles.set(name, roleFn)
  const settings = document.settings
  const inputLines = string2lines(value, settings.tab_width, true)
  const tooLong = inputLines.findIndex((line) => line.length > settings.line_length_limit)
  if (tooLong === -1) {
    const machine = new RSTStateMachine(stateClasses(), 'Body', false)
    machine.run(inputLines, document, 0, true, directive.state.memo.inliner)
  } else {
    appendChildren(document.root, document.reporter.error(`Line ${tooLong + 1} exceeds the line-length-limit.`))
  }
  outerRoles.clear()
  for (const [name, roleFn] of innerRoles) if (name !== '') outerRoles.set(name, roleFn)
  outer.parseMessages.push(...document.parseMessages)
  return document.root.children
}

/** docutils: Include.insert_into_input_lines */
function insertIntoInputLines(directive: Directive, value: string, tabWidth: number, clipOptions: ClipOptions): void {
  const settings = directive.state.document.settings
  const source = directive.options.source as string
  const textlines = string2lines(value, tabWidth, true)
  for (let index = 0; index < textlines.length; index++) {
    if (textlines[index]!.length > settings.line_length_limit) {
      const lineNo = index + 1 + ((directive.options['start-line'] as number | undefined) ?? 0)
      throw directive.warning(`"${source}": line ${lineNo} exceeds the line-length-limit.`)
    }
  }
  const document = directive.state.document
  const includeLog = document.includeLog
  if (includeLog.length === 0) {
    const currentSource = relativePath(document.currentSource ?? '', workingDirectory(directive))
    includeLog.push([currentSource, clipKey([null, null, '', ''])])
  }
  const key = clipKey(clipOptions)
  if (includeLog.some(([logged, options]) => logged === source && options === key)) {
    const sourceChain = [...includeLog].reverse().map(([logged]) => logged)
    const inclusionChain = [source, ...sourceChain].join('\n> ')
    throw directive.warning(`circular inclusion in "${directive.name}" directive:\n${inclusionChain}`)
  }
  includeLog.push([source, key])
  textlines.push('', `.. end of inclusion from "${source}"`)
  directive.stateMachine.insertInput(textlines, source)
}

function clipKey(clipOptions: ClipOptions): string {
  return JSON.stringify(clipOptions)
}

/** docutils: misc.Raw */
export const raw: DirectiveSpec = {
  className: 'Raw',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: { file: pathOption, url: uri, encoding, class: classOption },
  hasContent: true,
  run(directive) {
    const settings = directive.state.document.settings
    const options = directive.options
    if (!settings.raw_enabled || (!settings.file_insertion_enabled && ('file' in options || 'url' in options))) {
      throw directive.warning(`"${directive.name}" directive disabled.`)
    }
    const attributes: Record<string, string | string[]> = { format: pySplit(directive.arguments[0]!.toLowerCase()).join(' ') }
    const encodingName = (options.encoding as string | undefined) ?? settings.input_encoding
    let value: string
    if (directive.content.length > 0) {
      if ('file' in options || 'url' in options) {
        throw directive.error(`"${directive.name}" directive may not both specify an external file and have content.`)
      }
      value = directive.contentText()
    } else if ('file' in options) {
      if ('url' in options) {
        throw directive.error(`The "file" and "url" options may not be simultaneously specified for the "${directive.name}" directive.`)
      }
      const path = adaptPath(
        options.file as string,
        directive.state.document.currentSource,
        settings.root_prefix,
        workingDirectory(directive)
      )
      value = readForDirective(directive, path, encodingName)
      attributes.source = path
    } else if ('url' in options) {
      // rstmdx does not fetch URLs while parsing: report what docutils
      // reports when the host cannot be reached.
      const [errorClass, message] = urlOpenError(String(options.url))
      throw directive.severe(`Problems with "${directive.name}" directive URL "${String(options.url)}":\n${errorClass}: ${message}.`)
    } else {
      directive.assertHasContent()
      value = ''
    }
    // (`{...attributes, classes}` without the spread: a spread followed by
    // another property takes a slow path in V8, ~0.5 µs)
    attributes.classes = (options.class as string[] | undefined) ?? []
    const node = makeElement('raw', attributes, [text(value)])
    setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
    return [node]
  }
}

/** docutils: misc.Replace */
export const replace: DirectiveSpec = {
  className: 'Replace',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(directive) {
    assertSubstitutionDefContext(directive)
    directive.assertHasContent()
    const element = makeElement('Element')
    directive.state.nestedParse(directive.content, directive.contentOffset, element)
    let node: RstElement | undefined
    const messages: RstNode[] = []
    for (const child of element.children) {
      if (!node && child.type === 'paragraph') {
        node = child as RstElement
      } else if (child.type === 'system_message') {
        ;(child as RstElement).attributes.backrefs = []
        messages.push(child)
      } else {
        return [
          directive.reporter.error(
            `Error in "${directive.name}" directive: may contain a single paragraph only.`,
            [],
            { line: directive.lineno }
          )
        ]
      }
    }
    if (node) return [...messages, ...node.children]
    return messages
  }
}

/** docutils: misc.Unicode */
export const unicode: DirectiveSpec = {
  className: 'Unicode',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: { trim: flag, ltrim: flag, rtrim: flag },
  hasContent: false,
  run(directive) {
    assertSubstitutionDefContext(directive)
    const substitutionDefinition = directive.stateMachine.node
    if ('trim' in directive.options) {
      substitutionDefinition.attributes.ltrim = 1
      substitutionDefinition.attributes.rtrim = 1
    }
    if ('ltrim' in directive.options) substitutionDefinition.attributes.ltrim = 1
    if ('rtrim' in directive.options) substitutionDefinition.attributes.rtrim = 1
    // docutils: comment_pattern = re.compile(r'( |\n|^)\.\. ')
    const argument = directive.arguments[0]!
    const commentMatch = /(?: |\n|^)\.\. /.exec(argument)
    const codes = pySplit(commentMatch ? argument.slice(0, commentMatch.index) : argument)
    const result: RstNode[] = []
    for (const code of codes) {
      let decoded: string
      try {
        decoded = unicodeCode(code)
      } catch (error) {
        if (error instanceof PyValueError) {
          throw directive.error(`Invalid character code: ${code}\nValueError: ${error.message}`)
        }
        throw error
      }
      result.push(text(decoded))
    }
    return result
  }
}

/** docutils: misc.Class */
export const classDirective: DirectiveSpec = {
  className: 'Class',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  hasContent: true,
  run(directive) {
    const classValue = classArgument(directive)
    const nodeList: RstNode[] = []
    if (directive.content.length > 0) {
      const container = makeElement('Element')
      directive.state.nestedParse(directive.content, directive.contentOffset, container)
      for (const node of container.children) {
        if (node.type !== 'text') listAttribute(node as RstElement, 'classes').push(...classValue)
      }
      nodeList.push(...container.children)
    } else {
      const pending = pendingNode('docutils.transforms.misc.ClassAttribute', { class: classValue, directive: directive.name })
      directive.state.document.notePending(pending)
      nodeList.push(pending)
    }
    return nodeList
  }
}

/** docutils: misc.Title */
export const title: DirectiveSpec = {
  className: 'Title',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  hasContent: false,
  run(directive) {
    directive.state.document.root.attributes.title = directive.arguments[0]
    return []
  }
}

/** docutils: Body.patterns['field_marker'] */
const fieldMarker = /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/

/** docutils: utils.NameValueError */
class NameValueError extends QuietError {}

/** docutils: utils.extract_name_value */
export function extractNameValue(line: string): Array<[string, string]> {
  const attlist: Array<[string, string]> = []
  while (line) {
    const equalsIndex = line.indexOf('=')
    if (equalsIndex === -1) throw new NameValueError('missing "="')
    const attname = pyStrip(line.slice(0, equalsIndex))
    if (equalsIndex === 0 || !attname) throw new NameValueError('missing attribute name before "="')
    line = line.slice(equalsIndex + 1).replace(/^[\s\x1c-\x1f\x85]+/, '')
    if (!line) throw new NameValueError(`missing value after "${attname}="`)
    let data: string
    if (line[0] === "'" || line[0] === '"') {
      const endquoteIndex = line.indexOf(line[0], 1)
      if (endquoteIndex === -1) throw new NameValueError(`attribute "${attname}" missing end quote (${line[0]})`)
      if (line.length > endquoteIndex + 1 && pyStrip(line[endquoteIndex + 1]!)) {
        throw new NameValueError(`attribute "${attname}" end quote (${line[0]}) not followed by whitespace`)
      }
      data = line.slice(1, endquoteIndex)
      line = line.slice(endquoteIndex + 1).replace(/^[\s\x1c-\x1f\x85]+/, '')
    } else {
      const spaceIndex = line.indexOf(' ')
      if (spaceIndex === -1) {
        data = line
        line = ''
      } else {
        data = line.slice(0, spaceIndex)
        line = line.slice(spaceIndex + 1).replace(/^[\s\x1c-\x1f\x85]+/, '')
      }
    }
    attlist.push([attname.toLowerCase(), data])
  }
  return attlist
}

/**
 * docutils: misc.MetaBody (a SpecializedBody run by `nested_list_parse`):
 * ported as a loop over the content lines — blank lines are skipped, each
 * field marker becomes a `meta` node (or a message), anything else ends the
 * parse.
 *
 * @returns Number of lines consumed.
 */
function parseMetaBody(directive: Directive, content: StringList, parent: RstElement): number {
  let index = 0
  while (index < content.length) {
    const line = content.at(index)!
    if (isPyBlank(line)) {
      index++
      continue
    }
    const match = fieldMarker.exec(line)
    if (line.startsWith(' ') || !match) return index
    // docutils: MetaBody.parsemeta
    let name = match[0].slice(1)
    name = name.slice(0, name.lastIndexOf(':'))
    name = unescape(escape2null(name))
    const [block] = content.getIndented(index, false, true, undefined, match[0].length)
    const lastIndex = index + block.length - 1
    while (block.length > 0 && isPyBlank(block.at(0)!)) block.trimStart()
    const currentLine = content.at(lastIndex)!
    // docutils passes no line: the reporter takes the current line of the
    // top-level state machine (its `get_source_and_line` is set once).
    index = lastIndex + 1
    if (block.length === 0) {
      appendChildren(
        parent,
        directive.reporter.info(`No content for meta tag "${name}".`, [literalBlock(currentLine)])
      )
      continue
    }
    const node = makeElement('meta')
    node.attributes.content = unescape(escape2null(block.lines().join(' ')))
    const tokens = pySplit(name)
    try {
      const [[attname, value]] = extractNameValue(tokens[0]!) as [[string, string]]
      node.attributes[attname.toLowerCase()] = value
    } catch (error) {
      if (!(error instanceof NameValueError)) throw error
      node.attributes.name = tokens[0]
    }
    let failed = false
    for (const token of tokens.slice(1)) {
      try {
        const [[attname, value]] = extractNameValue(token) as [[string, string]]
        node.attributes[attname.toLowerCase()] = value
      } catch (error) {
        if (!(error instanceof NameValueError)) throw error
        appendChildren(
          parent,
          directive.reporter.error(`Error parsing meta tag attribute "${token}": ${error.message}.`, [literalBlock(currentLine)])
        )
        failed = true
        break
      }
    }
    if (!failed) appendChildren(parent, node)
  }
  return index
}

/** docutils: misc.Meta */
export const meta: DirectiveSpec = {
  className: 'Meta',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(directive) {
    directive.assertHasContent()
    const node = makeElement('Element')
    const consumed = parseMetaBody(directive, directive.content, node)
    if (consumed !== directive.content.length) {
      appendChildren(
        node,
        directive.reporter.error('Invalid meta directive.', [literalBlock(directive.blockText)], { line: directive.lineno })
      )
    }
    const root = directive.state.document.root
    let index = firstChildNotTitularOrMeta(root)
    if (index === -1) index = 0
    root.children.splice(index, 0, ...node.children)
    for (const child of node.children) setParent(child, root)
    return []
  }
}

/** Python `time.strftime` for the common directives (local time). */
export function strftime(format: string, date = new Date()): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0')
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  const start = new Date(date.getFullYear(), 0, 1)
  const dayOfYear = Math.floor((date.getTime() - start.getTime()) / 86_400_000) + 1
  return format.replace(/%([a-zA-Z%])/g, (all, code: string) => {
    switch (code) {
      case 'Y': return String(date.getFullYear())
      case 'y': return pad(date.getFullYear() % 100)
      case 'm': return pad(date.getMonth() + 1)
      case 'd': return pad(date.getDate())
      case 'H': return pad(date.getHours())
      case 'I': return pad(((date.getHours() + 11) % 12) + 1)
      case 'M': return pad(date.getMinutes())
      case 'S': return pad(date.getSeconds())
      case 'p': return date.getHours() < 12 ? 'AM' : 'PM'
      case 'A': return days[date.getDay()]!
      case 'a': return days[date.getDay()]!.slice(0, 3)
      case 'B': return months[date.getMonth()]!
      case 'b': return months[date.getMonth()]!.slice(0, 3)
      case 'j': return pad(dayOfYear, 3)
      case 'w': return String(date.getDay())
      case '%': return '%'
      default: return all
    }
  })
}

/** docutils: misc.Date */
export const dateDirective: DirectiveSpec = {
  className: 'Date',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(directive) {
    assertSubstitutionDefContext(directive)
    const format = directive.contentText() || '%Y-%m-%d'
    return [text(strftime(format))]
  }
}

/** docutils: misc.TestDirective */
export const testDirective: DirectiveSpec = {
  className: 'TestDirective',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { option: unchangedRequired },
  hasContent: true,
  run(directive) {
    const head = `Directive processed. Type="${directive.name}", arguments=${pyRepr(directive.arguments)}, options=${pyRepr(directive.options)}, content:`
    let info: RstElement
    if (directive.content.length > 0) {
      const value = directive.contentText()
      info = directive.reporter.info(head, [literalBlock(value)], { line: directive.lineno })
    } else {
      info = directive.reporter.info(`${head} None`, [], { line: directive.lineno })
    }
    return [info]
  }
}

/** Canonical name → directive, for the registry. */
export const miscDirectives: Record<string, DirectiveSpec> = {
  meta,
  raw,
  include,
  replace,
  unicode,
  class: classDirective,
  ...roleDirectives,
  title,
  date: dateDirective,
  'restructuredtext-test-directive': testDirective
}
