/** docutils: states.MarkupError — bad markup found while parsing a construct. */
export class MarkupError extends Error {
  constructor(message: string) {
    // Control flow, always caught (directive arguments/options, explicit
    // constructs): no stack trace is captured (that was most of its cost).
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(message)
    Error.stackTraceLimit = limit
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
