import { QuietError } from '../util/quiet-error.js'

/**
 * docutils: states.MarkupError — bad markup found while parsing a construct.
 * Control flow, always caught (directive arguments/options, explicit
 * constructs): a `QuietError`, no stack trace is captured (that was most of its cost).
 */
export class MarkupError extends QuietError {
  constructor(message: string) {
    super(message)
    this.name = 'MarkupError'
  }
}

/** docutils: states.ParserError / ApplicationError — internal problems. */
export class ParserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParserError'
  }
}
