/** docutils: states.MarkupError — bad markup found while parsing a construct. */
export class MarkupError extends Error {
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
