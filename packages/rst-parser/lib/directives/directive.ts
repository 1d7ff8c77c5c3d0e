/**
 * docutils: parsers/rst/__init__.py `Directive` (instance half) and
 * `DirectiveError`.
 */
import type { DocumentContext } from '../document.js'
import type { RstElement } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import { fullyNormalizeName } from '../util/strings.js'
import type {
  DirectiveOptions,
  DirectiveSpec,
  DirectiveState,
  DirectiveStateMachine,
  StringListLike
} from './types.js'
import { QuietError } from '../util/quiet-error.js'
import { appendListAttribute } from '../document.js'

/** docutils: parsers.rst.DirectiveError — one message at `level`. */
export class DirectiveError extends QuietError {
  readonly level: number
  readonly msg: string
  constructor(level: number, message: string) {
    super(message)
    this.name = 'DirectiveError'
    this.level = level
    this.msg = message
  }
}

export { MarkupError } from '../states/errors.js'

/**
 * One directive call: docutils `Directive.__init__` instance variables plus
 * the convenience methods.
 */
export class Directive {
  // `declare`d, set in the constructor: no ES2022 field definitions
  // (`Object.defineProperty` per field) for every directive run.
  declare readonly spec: DirectiveSpec
  declare readonly name: string
  declare arguments: string[]
  declare options: DirectiveOptions
  declare content: StringListLike
  declare lineno: number
  declare contentOffset: number
  /** The block text, or its lines until first read (see `blockText`). */
  declare private blockSource: string | readonly string[]
  declare state: DirectiveState
  declare stateMachine: DirectiveStateMachine
  declare reporter: Reporter

  /**
   * @param spec The directive spec (class attributes + run).
   * @param name Directive name as used in the source.
   * @param args Positional arguments.
   * @param options Converted options.
   * @param content Content lines.
   * @param lineno Absolute line number of the first line.
   * @param contentOffset Line offset of the first content line.
   * @param blockText The whole directive text (or its lines: joined on first read).
   * @param state Calling state.
   * @param stateMachine Its state machine.
   */
  constructor(
    spec: DirectiveSpec,
    name: string,
    args: string[],
    options: DirectiveOptions,
    content: StringListLike,
    lineno: number,
    contentOffset: number,
    blockText: string | readonly string[],
    state: DirectiveState,
    stateMachine: DirectiveStateMachine
  ) {
    this.spec = spec
    this.name = name
    this.arguments = args
    this.options = options
    this.content = content
    this.lineno = lineno
    this.contentOffset = contentOffset
    this.blockSource = blockText
    this.state = state
    this.stateMachine = stateMachine
    this.reporter = state.reporter
  }

  /**
   * docutils `self.block_text`: only error paths read it, so `runDirective`
   * passes the lines and they are joined here, once, when needed.
   */
  get blockText(): string {
    const source = this.blockSource
    if (typeof source === 'string') return source
    const text = source.join('\n')
    this.blockSource = text
    return text
  }

  set blockText(value: string) {
    this.blockSource = value
  }

  get document(): DocumentContext {
    return this.state.document
  }

  /** docutils: Directive.run */
  run(): ReturnType<DirectiveSpec['run']> {
    return this.spec.run(this)
  }

  /** docutils: Directive.directive_error */
  directiveError(level: number, message: string): DirectiveError {
    return new DirectiveError(level, message)
  }

  debug(message: string): DirectiveError {
    return this.directiveError(0, message)
  }

  info(message: string): DirectiveError {
    return this.directiveError(1, message)
  }

  warning(message: string): DirectiveError {
    return this.directiveError(2, message)
  }

  error(message: string): DirectiveError {
    return this.directiveError(3, message)
  }

  severe(message: string): DirectiveError {
    return this.directiveError(4, message)
  }

  /** docutils: Directive.assert_has_content */
  assertHasContent(): void {
    if (this.content.length === 0) {
      throw this.error(`Content block expected for the "${this.name}" directive; none found.`)
    }
  }

  /** docutils: Directive.add_name — `:name:` → `names` + explicit target. */
  addName(node: RstElement): void {
    if ('name' in this.options) {
      const name = fullyNormalizeName(String(this.options.name))
      delete this.options.name
      delete node.attributes.name
      appendListAttribute(node, 'names', name)
      this.state.document.noteExplicitTarget(node, node)
    }
  }

  /** Content lines joined with newlines (`'\n'.join(self.content)`). */
  contentText(): string {
    return this.content.lines().join('\n')
  }
}

/** Is the calling state docutils' `SubstitutionDef`? */
export function isSubstitutionDef(state: DirectiveState): boolean {
  const named = state as unknown as { name?: unknown; constructor?: { name?: string } }
  if (typeof named.name === 'string') return named.name === 'SubstitutionDef'
  return named.constructor?.name === 'SubstitutionDef'
}
