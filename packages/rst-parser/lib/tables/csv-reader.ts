/**
 * A CSV reader compatible with CPython 3.11's `csv.reader` (`Modules/_csv.c`
 * `parse_process_char`, `Reader_iternext`), for the dialects docutils' `csv-table`
 * directive configures (`QUOTE_MINIMAL`, `strict = True` by default).
 *
 * docutils: parsers/rst/directives/tables.py `CSVTable.DocutilsDialect`,
 * `CSVTable.parse_csv_data_into_rows`.
 */
import { QuietError } from '../util/quiet-error.js'

/** docutils' CSV dialect settings (Python `csv.Dialect` attributes). */
export interface CsvDialect {
  delimiter: string
  /** `null`: Python `None`. */
  quotechar: string | null
  doublequote: boolean
  skipinitialspace: boolean
  strict: boolean
  /** `null`: Python `None`. */
  escapechar: string | null
}

/** Python's `csv.Error`, with CPython's message. */
export class CsvError extends QuietError {
  constructor(message: string) {
    super(message)
    this.name = 'CsvError'
  }
}

/** `csv.field_size_limit()` default. */
const fieldSizeLimit = 128 * 1024

const enum State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl
}

/** The end-of-line pseudo character `_csv.c` feeds after each input line. */
const EOL = -2

/**
 * docutils: tables.CSVTable.DocutilsDialect — dialect from directive options.
 *
 * @param options Converted `csv-table` options (`delim`, `keepspace`, `quote`, `escape`).
 * @returns The dialect.
 */
export function docutilsDialect(options: {
  delim?: unknown
  keepspace?: unknown
  quote?: unknown
  escape?: unknown
}): CsvDialect {
  const dialect: CsvDialect = {
    delimiter: ',',
    quotechar: '"',
    doublequote: true,
    skipinitialspace: true,
    strict: true,
    escapechar: null
  }
  if ('delim' in options) dialect.delimiter = String(options.delim)
  if ('keepspace' in options) dialect.skipinitialspace = false
  if ('quote' in options) dialect.quotechar = String(options.quote)
  if ('escape' in options) {
    dialect.doublequote = false
    dialect.escapechar = String(options.escape)
  }
  validateDialect(dialect)
  return dialect
}

/**
 * CPython 3.11 `_csv.Dialect` validation (via `csv.Dialect._validate`,
 * which turns `TypeError` into `csv.Error`).
 */
function validateDialect(dialect: CsvDialect): void {
  if ([...dialect.delimiter].length !== 1) throw new CsvError('"delimiter" must be a 1-character string')
  if (dialect.quotechar !== null && [...dialect.quotechar].length !== 1) {
    throw new CsvError('"quotechar" must be a 1-character string')
  }
  if (dialect.escapechar !== null && [...dialect.escapechar].length !== 1) {
    throw new CsvError('"escapechar" must be a 1-character string')
  }
}

/**
 * Python `csv.reader(lines, dialect)`, read to the end: each input string is
 * one "line" as the iterator yields it (docutils passes `line + '\n'`).
 *
 * @param lines Input lines (with their line terminators).
 * @param dialect The dialect.
 * @returns The records (lists of fields).
 * @throws {CsvError} On malformed data, with CPython's message.
 */
export function readCsv(lines: Iterable<string>, dialect: CsvDialect): string[][] {
  const delimiter = dialect.delimiter.codePointAt(0)!
  const quotechar = dialect.quotechar === null ? -1 : dialect.quotechar.codePointAt(0)!
  const escapechar = dialect.escapechar === null ? -1 : dialect.escapechar.codePointAt(0)!
  const records: string[][] = []
  let fields: string[] = []
  let field: string[] = []
  let state = State.StartRecord

  const saveField = (): void => {
    fields.push(field.join(''))
    field = []
  }
  const addChar = (c: number): void => {
    if (field.length >= fieldSizeLimit) throw new CsvError(`field larger than field limit (${fieldSizeLimit})`)
    field.push(String.fromCodePoint(c))
  }
  const isNewline = (c: number): boolean => c === 0x0a || c === 0x0d

  // CPython: _csv.c parse_process_char
  const processChar = (input: number): void => {
    let c = input
    if (state === State.StartRecord) {
      if (c === EOL) return // empty line - return []
      if (isNewline(c)) {
        state = State.EatCrnl
        return
      }
      // normal character - handle as START_FIELD
      state = State.StartField
    }
    switch (state) {
      case State.StartField:
        if (isNewline(c) || c === EOL) {
          saveField() // save empty field - return [fields]
          state = c === EOL ? State.StartRecord : State.EatCrnl
        } else if (c === quotechar) {
          state = State.InQuotedField
        } else if (c === escapechar) {
          state = State.EscapedChar
        } else if (c === 0x20 && dialect.skipinitialspace) {
          // ignore spaces at start of field
        } else if (c === delimiter) {
          saveField()
        } else {
          addChar(c)
          state = State.InField
        }
        break
      case State.EscapedChar:
        if (isNewline(c)) {
          addChar(c)
          state = State.AfterEscapedCrnl
          break
        }
        if (c === EOL) c = 0x0a
        addChar(c)
        state = State.InField
        break
      case State.AfterEscapedCrnl:
      case State.InField:
        if (state === State.AfterEscapedCrnl && c === EOL) break
        if (isNewline(c) || c === EOL) {
          saveField()
          state = c === EOL ? State.StartRecord : State.EatCrnl
        } else if (c === escapechar) {
          state = State.EscapedChar
        } else if (c === delimiter) {
          saveField()
          state = State.StartField
        } else {
          addChar(c)
          state = State.InField
        }
        break
      case State.InQuotedField:
        if (c === EOL) {
          // nothing
        } else if (c === escapechar) {
          state = State.EscapeInQuotedField
        } else if (c === quotechar) {
          state = dialect.doublequote ? State.QuoteInQuotedField : State.InField
        } else {
          addChar(c)
        }
        break
      case State.EscapeInQuotedField:
        if (c === EOL) c = 0x0a
        addChar(c)
        state = State.InQuotedField
        break
      case State.QuoteInQuotedField:
        if (c === quotechar) {
          addChar(c) // save "" as "
          state = State.InQuotedField
        } else if (c === delimiter) {
          saveField()
          state = State.StartField
        } else if (isNewline(c) || c === EOL) {
          saveField()
          state = c === EOL ? State.StartRecord : State.EatCrnl
        } else if (!dialect.strict) {
          addChar(c)
          state = State.InField
        } else {
          throw new CsvError(`'${dialect.delimiter}' expected after '${dialect.quotechar}'`)
        }
        break
      case State.EatCrnl:
        if (isNewline(c)) {
          // nothing
        } else if (c === EOL) {
          state = State.StartRecord
        } else {
          throw new CsvError(
            "new-line character seen in unquoted field - do you need to open the file with newline=''?"
          )
        }
        break
    }
  }

  // CPython: _csv.c Reader_iternext, repeated until the input ends.
  const iterator = lines[Symbol.iterator]()
  while (true) {
    fields = []
    field = []
    state = State.StartRecord
    let ended = false
    do {
      const next = iterator.next()
      if (next.done) {
        if (field.length !== 0 || (state as State) === State.InQuotedField) {
          if (dialect.strict) throw new CsvError('unexpected end of data')
          saveField()
          break
        }
        ended = true
        break
      }
      for (const ch of next.value) processChar(ch.codePointAt(0)!)
      processChar(EOL)
    } while (state !== State.StartRecord)
    if (ended) return records
    records.push(fields)
  }
}
