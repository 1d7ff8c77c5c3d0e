/**
 * Errors without stack traces, for errors that are always caught inside the
 * parser and read only for their message (docutils uses exceptions for
 * control flow: `DirectiveError`, `MarkupError`, converter `ValueError`s, …).
 * Capturing the stack — deep here, under nested parses — was measured at
 * several µs per error.
 */

/** Whether `Error.stackTraceLimit` can be set (not with frozen intrinsics). */
const settable = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable === true

/**
 * Run `fn` with `Error.stackTraceLimit` at 0: errors created meanwhile
 * (including Node's own, e.g. a failed `readFileSync`) capture no stack.
 *
 * @param fn Function to run.
 * @returns Its result.
 */
export function withoutStackTrace<T>(fn: () => T): T {
  if (!settable) return fn()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return fn()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** An `Error` that captures no stack trace. */
export class QuietError extends Error {
  /** @param message Error message. */
  constructor(message?: string) {
    const limit = Error.stackTraceLimit
    if (settable) Error.stackTraceLimit = 0
    super(message)
    if (settable) Error.stackTraceLimit = limit
  }
}
