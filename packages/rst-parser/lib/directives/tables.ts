/**
 * Directives for table elements: `table`, `csv-table`, `list-table`.
 *
 * docutils: parsers/rst/directives/tables.py (`Table`, `RSTTable`,
 * `CSVTable`, `ListTable`).
 */
import type { RstElement, RstNode } from '../nodes.js'
import { StringList } from '../statemachine.js'
import { CsvError, docutilsDialect, readCsv, type CsvDialect } from '../tables/csv-reader.js'
import type { TableCell, TableData } from '../tables/table-parser.js'
import { appendChildren, setSourceLine } from '../util/node-info.js'
import { pySplitlines } from '../util/strings.js'
import {
  choice,
  classOption,
  encoding,
  flag,
  lengthOrPercentageOrUnitless,
  nonnegativeInt,
  path,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  uri,
  valueOr,
  type Converter
} from './converters.js'
import type { Directive } from './directive.js'
import { InputError, OutsideRootError, UnicodeDecodeError, adaptPath, readTextFile } from './file-input.js'
import { pyStrRepr } from './py.js'
import type { DirectiveSpec, DirectiveState } from './types.js'
import { addOptionClasses, literalBlock, makeElement } from './util.js'
import { QuietError } from '../util/quiet-error.js'
import { appendListAttribute } from '../document.js'

/** docutils: utils.SystemMessagePropagation — carries a ready system message. */
class SystemMessagePropagation extends QuietError {
  readonly systemMessage: RstElement
  constructor(systemMessage: RstElement) {
    super('SystemMessagePropagation')
    this.systemMessage = systemMessage
  }
}

/** `widths` option value: `''` (absent), `'auto'`, `'grid'` or a list. */
type Widths = '' | 'auto' | 'grid' | number[]

/** docutils: tables.align */
const align: Converter<string> = (argument) => choice(argument, ['left', 'center', 'right'])

/** docutils: Table.option_spec */
const tableOptionSpec = {
  class: classOption,
  name: unchanged,
  align,
  width: (argument: string | undefined) => lengthOrPercentageOrUnitless(argument),
  widths: valueOr(['auto', 'grid'], positiveIntList)
}

/** `nodes.literal_block(self.block_text, self.block_text)` */
function blockTextNode(directive: Directive): RstElement {
  return literalBlock(directive.blockText)
}

/** docutils: Table.make_title */
function makeTitle(directive: Directive): [RstElement | undefined, RstElement[]] {
  if (directive.arguments.length === 0) return [undefined, []]
  const titleText = directive.arguments[0]!
  const [textNodes, messages] = directive.state.inlineText(titleText, directive.lineno)
  const title = makeElement('title', {}, textNodes)
  const [source, line] = directive.stateMachine.getSourceAndLine(directive.lineno)
  setSourceLine(title, source, line)
  return [title, messages]
}

/** docutils: Table.check_table_dimensions */
function checkTableDimensions(directive: Directive, rows: ReadonlyArray<readonly unknown[]>, headerRows: number, stubColumns: number): void {
  const fail = (message: string): SystemMessagePropagation =>
    new SystemMessagePropagation(directive.reporter.error(message, [blockTextNode(directive)], { line: directive.lineno }))
  if (rows.length < headerRows) {
    throw fail(
      `${headerRows} header row(s) specified but only ${rows.length} row(s) of data supplied ("${directive.name}" directive).`
    )
  }
  if (rows.length === headerRows && headerRows > 0) {
    throw fail(
      `Insufficient data supplied (${rows.length} row(s)); no data remaining for table body, required by "${directive.name}" directive.`
    )
  }
  for (const row of rows) {
    if (row.length < stubColumns) {
      throw fail(
        `${stubColumns} stub column(s) specified but only ${row.length} columns(s) of data supplied ("${directive.name}" directive).`
      )
    }
    if (row.length === stubColumns && stubColumns > 0) {
      throw fail(
        `Insufficient data supplied (${row.length} columns(s)); no data remaining for table body, required by "${directive.name}" directive.`
      )
    }
  }
}

/** docutils: Table.set_table_width */
function setTableWidth(directive: Directive, tableNode: RstElement): void {
  if ('width' in directive.options) tableNode.attributes.width = directive.options.width as string
}

/** docutils: Table.widths */
function getWidths(directive: Directive): Widths {
  return (directive.options.widths as Widths | undefined) ?? ''
}

/** docutils: Table.get_column_widths */
function getColumnWidths(directive: Directive, nCols: number): number[] {
  const widths = getWidths(directive)
  if (Array.isArray(widths)) {
    if (widths.length !== nCols) {
      throw new SystemMessagePropagation(
        directive.reporter.error(
          `"${directive.name}" widths do not match the number of columns in table (${nCols}).`,
          [blockTextNode(directive)],
          { line: directive.lineno }
        )
      )
    }
    return widths
  }
  if (nCols) return new Array<number>(nCols).fill(Math.floor(100 / nCols))
  throw new SystemMessagePropagation(
    directive.reporter.error('No table data detected in CSV file.', [blockTextNode(directive)], { line: directive.lineno })
  )
}

/** docutils: Table.extend_short_rows_with_empty_cells */
function extendShortRowsWithEmptyCells(columns: number, parts: ReadonlyArray<TableCell[][]>): void {
  for (const part of parts) {
    for (const row of part) {
      while (row.length < columns) row.push([0, 0, 0, []])
    }
  }
}

/** `table_node.insert(0, title)` */
function insertTitle(tableNode: RstElement, title: RstElement | undefined): void {
  if (!title) return
  appendChildren(tableNode, title)
  tableNode.children.pop()
  tableNode.children.unshift(title)
}

/** docutils: `nodes.Element()` — an anonymous container for a nested parse. */
function anonymousContainer(): RstElement {
  return makeElement('Element')
}

/** docutils: tables.RSTTable — a formal table using rST table syntax. */
export const table: DirectiveSpec = {
  className: 'RSTTable',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: tableOptionSpec,
  hasContent: true,
  run(directive) {
    if (directive.content.length === 0) {
      const warning = directive.reporter.warning(
        `Content block expected for the "${directive.name}" directive; none found.`,
        [blockTextNode(directive)],
        { line: directive.lineno }
      )
      return [warning]
    }
    const [title, messages] = makeTitle(directive)
    const node = anonymousContainer()
    directive.state.nestedParse(directive.content, directive.contentOffset, node)
    if (node.children.length !== 1 || node.children[0]!.type !== 'table') {
      const error = directive.reporter.error(
        `Error parsing content block for the "${directive.name}" directive: exactly one table expected.`,
        [blockTextNode(directive)],
        { line: directive.lineno }
      )
      return [error]
    }
    const tableNode = node.children[0] as RstElement
    addOptionClasses(directive, tableNode)
    setTableWidth(directive, tableNode)
    if ('align' in directive.options) tableNode.attributes.align = directive.options.align as string
    const widths = getWidths(directive)
    if (Array.isArray(widths)) {
      const tgroup = tableNode.children[0] as RstElement
      let colWidths: number[]
      try {
        colWidths = getColumnWidths(directive, Number(tgroup.attributes.cols))
      } catch (error) {
        if (error instanceof SystemMessagePropagation) return [error.systemMessage]
        throw error
      }
      const colspecs = tgroup.children.filter((child): child is RstElement => child.type === 'colspec')
      colspecs.forEach((colspec, index) => {
        if (index < colWidths.length) colspec.attributes.colwidth = colWidths[index]
      })
    }
    if (widths === 'auto') appendListAttribute(tableNode, 'classes', 'colwidths-auto')
    else if (widths) appendListAttribute(tableNode, 'classes', 'colwidths-given')
    directive.addName(tableNode)
    insertTitle(tableNode, title)
    return [tableNode, ...messages]
  }
}

/** docutils: CSVTable.option_spec */
const csvOptionSpec = {
  'header-rows': nonnegativeInt,
  'stub-columns': nonnegativeInt,
  header: unchanged,
  width: (argument: string | undefined) => lengthOrPercentageOrUnitless(argument),
  widths: valueOr(['auto'], positiveIntList),
  file: path,
  url: uri,
  encoding,
  class: classOption,
  name: unchanged,
  align,
  // field delimiter char
  delim: singleCharOrWhitespaceOrUnicode,
  // treat whitespace after delimiter as significant
  keepspace: flag,
  // text field quote/unquote char
  quote: singleCharOrUnicode,
  // char used to escape delim & quote as-needed
  escape: singleCharOrUnicode
}

/** The calling Body state's `build_table` (docutils: states.py `Body.build_table`). */
interface BuildTableState {
  buildTable(tabledata: TableData, tableline: number, stubColumns?: number, widths?: Widths | null): RstElement
}

/** docutils: CSVTable.parse_csv_data_into_rows */
function parseCsvDataIntoRows(csvData: readonly string[], dialect: CsvDialect, source: string | undefined): [TableCell[][], number] {
  const rows: TableCell[][] = []
  let maxCols = 0
  for (const row of readCsv(
    csvData.map((line) => line + '\n'),
    dialect
  )) {
    // docutils: a StringList(cell.splitlines(), source=source) per cell; its
    // items are (source, 0…n), which is what system messages in cells report.
    rows.push(row.map((cell): TableCell => [0, 0, 0, new StringList(pySplitlines(cell), source)]))
    maxCols = Math.max(maxCols, row.length)
  }
  return [rows, maxCols]
}

/** urllib.request.urlopen errors without network access (rstmdx never fetches). */
function urlErrorText(url: string): string {
  let fullUrl = url.trim()
  if (fullUrl.startsWith('<') && fullUrl.endsWith('>')) fullUrl = fullUrl.slice(1, -1).trim()
  if (fullUrl.startsWith('URL:')) fullUrl = fullUrl.slice(4).trim()
  const match = /^([^/:]+):/.exec(fullUrl)
  if (!match) return `unknown url type: ${pyStrRepr(fullUrl)}`
  const scheme = match[1]!.toLowerCase()
  if (!['http', 'https', 'ftp', 'file', 'data'].includes(scheme)) return `<urlopen error unknown url type: ${scheme}>`
  return '<urlopen error [Errno -2] Name or service not known>'
}

/** docutils: CSVTable.get_csv_data */
function getCsvData(directive: Directive): [string[], string | undefined] {
  const settings = directive.state.document.settings
  const encodingName = (directive.options.encoding as string | undefined) ?? settings.input_encoding
  const fail = (level: 'error' | 'severe' | 'warning', message: string): SystemMessagePropagation =>
    new SystemMessagePropagation(directive.reporter[level](message, [blockTextNode(directive)], { line: directive.lineno }))
  if (directive.content.length > 0) {
    // CSV data is from directive content.
    if ('file' in directive.options || 'url' in directive.options) {
      throw fail('error', `"${directive.name}" directive may not both specify an external file and have content.`)
    }
    const source = directive.content.items[0]?.[0]
    return [directive.content.data.slice(), source]
  }
  if ('file' in directive.options) {
    // CSV data is from an external file.
    if ('url' in directive.options) {
      throw fail(
        'error',
        `The "file" and "url" options may not be simultaneously specified for the "${directive.name}" directive.`
      )
    }
    const cwd = typeof settings.cwd === 'string' && settings.cwd ? settings.cwd : process.cwd()
    const source = adaptPath(String(directive.options.file), directive.state.document.currentSource, settings.root_prefix, cwd)
    let text: string
    try {
      text = readTextFile(source, encodingName || 'utf-8', cwd, settings.root)
    } catch (error) {
      if (error instanceof InputError || error instanceof OutsideRootError) {
        throw fail('severe', `Problems with "${directive.name}" directive path:\n${error.message}.`)
      }
      // docutils does not catch decoding errors (its parse aborts); we report them.
      if (error instanceof UnicodeDecodeError) {
        throw fail('severe', `Problems with "${directive.name}" directive path:\n${error.name}: ${error.message}.`)
      }
      throw error
    }
    return [pySplitlines(text), source]
  }
  if ('url' in directive.options) {
    const url = String(directive.options.url)
    throw fail('severe', `Problems with "${directive.name}" directive URL "${url}":\n${urlErrorText(url)}.`)
  }
  throw fail('warning', `The "${directive.name}" directive requires content; none supplied.`)
}

/** docutils: CSVTable.process_header_option */
function processHeaderOption(directive: Directive): [TableCell[][], number] {
  const machine = directive.stateMachine as unknown as { getSource?: (lineOffset: number) => string | undefined }
  const source = machine.getSource ? machine.getSource(directive.lineno - 1) : directive.state.document.currentSource
  if (!('header' in directive.options)) return [[], 0]
  return parseCsvDataIntoRows(String(directive.options.header).split('\n'), docutilsDialect(directive.options), source)
}

/** docutils: tables.CSVTable — a table from CSV data. */
export const csvTable: DirectiveSpec = {
  className: 'CSVTable',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: csvOptionSpec,
  hasContent: true,
  run(directive) {
    let title: RstElement | undefined
    let messages: RstElement[]
    let colWidths: number[]
    let tableHead: TableCell[][]
    let tableBody: TableCell[][]
    const stubColumns = (directive.options['stub-columns'] as number | undefined) ?? 0
    try {
      if (
        !directive.state.document.settings.file_insertion_enabled &&
        ('file' in directive.options || 'url' in directive.options)
      ) {
        const warning = directive.reporter.warning(
          `File and URL access deactivated; ignoring "${directive.name}" directive.`,
          [blockTextNode(directive)],
          { line: directive.lineno }
        )
        return [warning]
      }
      ;[title, messages] = makeTitle(directive)
      const [csvData, source] = getCsvData(directive)
      let maxHeaderCols: number
      ;[tableHead, maxHeaderCols] = processHeaderOption(directive)
      const [rows, dataCols] = parseCsvDataIntoRows(csvData, docutilsDialect(directive.options), source)
      const maxCols = Math.max(dataCols, maxHeaderCols)
      const headerRows = (directive.options['header-rows'] as number | undefined) ?? 0
      checkTableDimensions(directive, rows, headerRows, stubColumns)
      tableHead.push(...rows.slice(0, headerRows))
      tableBody = rows.slice(headerRows)
      colWidths = getColumnWidths(directive, maxCols)
      extendShortRowsWithEmptyCells(maxCols, [tableHead, tableBody])
    } catch (error) {
      if (error instanceof SystemMessagePropagation) return [error.systemMessage]
      if (error instanceof CsvError) {
        const message = directive.reporter.error(
          `Error with CSV data in "${directive.name}" directive:\n${error.message}`,
          [blockTextNode(directive)],
          { line: directive.lineno }
        )
        return [message]
      }
      throw error
    }
    const tabledata: TableData = [colWidths, tableHead, tableBody]
    const widths = getWidths(directive)
    // docutils: `self.state.build_table(...)` — the core's Body state provides it.
    const state = directive.state as DirectiveState & BuildTableState
    const tableNode = state.buildTable(tabledata, directive.contentOffset, stubColumns, widths)
    addOptionClasses(directive, tableNode)
    if ('align' in directive.options) tableNode.attributes.align = directive.options.align as string
    setTableWidth(directive, tableNode)
    directive.addName(tableNode)
    insertTitle(tableNode, title)
    return [tableNode, ...messages]
  }
}

/** docutils: ListTable.check_list_content */
function checkListContent(directive: Directive, node: RstElement): [number, number[]] {
  const fail = (message: string): SystemMessagePropagation =>
    new SystemMessagePropagation(directive.reporter.error(message, [blockTextNode(directive)], { line: directive.lineno }))
  if (node.children.length !== 1 || node.children[0]!.type !== 'bullet_list') {
    throw fail(`Error parsing content block for the "${directive.name}" directive: exactly one bullet list expected.`)
  }
  const listNode = node.children[0] as RstElement
  let numCols = 0
  // Check for a uniform two-level bullet list.
  listNode.children.forEach((child, itemIndex) => {
    const item = child as RstElement
    if (item.children.length !== 1 || item.children[0]!.type !== 'bullet_list') {
      throw fail(
        `Error parsing content block for the "${directive.name}" directive: two-level bullet list expected, but row ${itemIndex + 1} does not contain a second-level bullet list.`
      )
    }
    const rowLength = (item.children[0] as RstElement).children.length
    if (itemIndex) {
      if (rowLength !== numCols) {
        throw fail(
          `Error parsing content block for the "${directive.name}" directive: uniform two-level bullet list expected, but row ${itemIndex + 1} does not contain the same number of items as row 1 (${rowLength} vs ${numCols}).`
        )
      }
    } else {
      numCols = rowLength
    }
  })
  const colWidths = getColumnWidths(directive, numCols)
  return [numCols, colWidths]
}

/** docutils: ListTable.build_table_from_list */
function buildTableFromList(
  directive: Directive,
  tableData: RstNode[][][],
  colWidths: ReadonlyArray<number | null>,
  headerRows: number,
  stubColumns: number
): RstElement {
  const tableNode = makeElement('table')
  const widths = getWidths(directive)
  if (widths === 'auto') appendListAttribute(tableNode, 'classes', 'colwidths-auto')
  else if (widths) appendListAttribute(tableNode, 'classes', 'colwidths-given')
  const tgroup = makeElement('tgroup', { cols: colWidths.length })
  appendChildren(tableNode, tgroup)
  for (const colWidth of colWidths) {
    const colspec = makeElement('colspec')
    if (colWidth !== null) colspec.attributes.colwidth = colWidth
    if (stubColumns) {
      colspec.attributes.stub = 1
      stubColumns -= 1
    }
    appendChildren(tgroup, colspec)
  }
  const rows: RstElement[] = []
  for (const row of tableData) {
    const rowNode = makeElement('row')
    for (const cell of row) {
      const entry = makeElement('entry')
      appendChildren(entry, ...cell)
      appendChildren(rowNode, entry)
    }
    rows.push(rowNode)
  }
  if (headerRows) {
    const thead = makeElement('thead')
    appendChildren(thead, ...rows.slice(0, headerRows))
    appendChildren(tgroup, thead)
  }
  const tbody = makeElement('tbody')
  appendChildren(tbody, ...rows.slice(headerRows))
  appendChildren(tgroup, tbody)
  return tableNode
}

/** docutils: tables.ListTable — a table from a uniform two-level bullet list. */
export const listTable: DirectiveSpec = {
  className: 'ListTable',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    'header-rows': nonnegativeInt,
    'stub-columns': nonnegativeInt,
    width: (argument: string | undefined) => lengthOrPercentageOrUnitless(argument),
    widths: valueOr(['auto'], positiveIntList),
    class: classOption,
    name: unchanged,
    align
  },
  hasContent: true,
  run(directive) {
    if (directive.content.length === 0) {
      const error = directive.reporter.error(
        `The "${directive.name}" directive is empty; content required.`,
        [blockTextNode(directive)],
        { line: directive.lineno }
      )
      return [error]
    }
    const [title, messages] = makeTitle(directive)
    const node = anonymousContainer()
    directive.state.nestedParse(directive.content, directive.contentOffset, node)
    let colWidths: number[]
    let tableData: RstNode[][][]
    const headerRows = (directive.options['header-rows'] as number | undefined) ?? 0
    const stubColumns = (directive.options['stub-columns'] as number | undefined) ?? 0
    try {
      ;[, colWidths] = checkListContent(directive, node)
      const listNode = node.children[0] as RstElement
      tableData = listNode.children.map((rowList) =>
        ((rowList as RstElement).children[0] as RstElement).children.map((item) => [...(item as RstElement).children])
      )
      checkTableDimensions(directive, tableData, headerRows, stubColumns)
    } catch (error) {
      if (error instanceof SystemMessagePropagation) return [error.systemMessage]
      throw error
    }
    const tableNode = buildTableFromList(directive, tableData, colWidths, headerRows, stubColumns)
    if ('align' in directive.options) tableNode.attributes.align = directive.options.align as string
    addOptionClasses(directive, tableNode)
    setTableWidth(directive, tableNode)
    directive.addName(tableNode)
    insertTitle(tableNode, title)
    return [tableNode, ...messages]
  }
}

/** docutils: `_directive_registry` entries of the table directives (canonical names). */
export const tableDirectives: Record<string, DirectiveSpec> = {
  table,
  'csv-table': csvTable,
  'list-table': listTable
}

