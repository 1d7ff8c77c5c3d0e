/**
 * docutils: states.py `SpecializedBody` and its subclasses (`BulletList`,
 * `DefinitionList`, `EnumeratedList`, `FieldList`, `OptionList`,
 * `RFC2822Body`, `RFC2822List`, `ExtensionOptions`, `LineBlock`,
 * `Explicit`, `SubstitutionDef`).
 */
import type { RstElement } from '../nodes.js'
import { eofResult, matchEnd, type StringList, transitionResult, type TransitionResult } from '../statemachine.js'
import { appendChild, appendChildren, getParent, listAttribute } from '../util/node-info.js'
import { isPyBlank } from '../util/strings.js'
import { Body, bodyInitialTransitions } from './body.js'
import { MarkupError } from './errors.js'
import { bodyPatterns, rfc2822Pattern, substitutionDefPatterns, type EnumFormat } from './patterns.js'
import { el, textElement, emptyContext } from './rst-state.js'
import type { Context } from './types.js'

type Match = RegExpExecArray

/**
 * docutils: states.SpecializedBody — every Body transition is invalid input
 * (back up one line and end this nested machine).
 */
export class SpecializedBody extends Body {
  override get name(): string {
    return 'SpecializedBody'
  }

  /**
   * docutils: SpecializedBody.invalid_input (`raise EOFError`). Every caller
   * returns its result straight to the run loop, so the non-throwing EOF
   * result has the same effect as the throw.
   */
  invalidInput(): TransitionResult<Context> {
    this.stateMachine.previousLine()
    return eofResult()
  }

  override indent(): TransitionResult<Context> {
    return this.invalidInput()
  }
  override bullet(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override enumerator(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override fieldMarker(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override optionMarker(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override doctest(): TransitionResult<Context> {
    return this.invalidInput()
  }
  override lineBlock(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override gridTableTop(): TransitionResult<Context> {
    return this.invalidInput()
  }
  override simpleTableTop(): TransitionResult<Context> {
    return this.invalidInput()
  }
  override explicitMarkup(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override anonymous(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
  override line(): TransitionResult<Context> {
    return this.invalidInput()
  }
  override text(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.invalidInput()
  }
}

/** docutils: states.BulletList — second and subsequent bullet_list list_items. */
export class BulletList extends SpecializedBody {
  override get name(): string {
    return 'BulletList'
  }

  override bullet(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    if (match.input[0] !== this.parent.attributes.bullet) return this.invalidInput()
    const [listitem, blankFinish] = this.listItem(matchEnd(match))
    this.addOneToParent(listitem)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }
}

/** docutils: states.DefinitionList — second and subsequent definition_list_items. */
export class DefinitionList extends SpecializedBody {
  override get name(): string {
    return 'DefinitionList'
  }

  override text(match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    return transitionResult([match.input], 'Definition')
  }
}

/** docutils: states.EnumeratedList — second and subsequent enumerated_list list_items. */
export class EnumeratedList extends SpecializedBody {
  override get name(): string {
    return 'EnumeratedList'
  }
  lastordinal = 0
  format: EnumFormat = 'period'
  auto = false

  override resetForReuse(): boolean {
    if (!super.resetForReuse()) return false
    this.lastordinal = 0
    this.format = 'period'
    this.auto = false
    return true
  }

  override enumerator(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [format, sequence, , ordinal] = this.parseEnumerator(match, String(this.parent.attributes.enumtype))
    if (
      format !== this.format ||
      (sequence !== '#' && (sequence !== this.parent.attributes.enumtype || this.auto || ordinal !== this.lastordinal + 1)) ||
      !this.isEnumeratedListItem(ordinal, sequence, format)
    ) {
      return this.invalidInput()
    }
    if (sequence === '#') this.auto = true
    const [listitem, blankFinish] = this.listItem(matchEnd(match))
    this.addOneToParent(listitem)
    this.blankFinish = blankFinish
    this.lastordinal = ordinal!
    return transitionResult(emptyContext, nextState)
  }
}

/** docutils: states.FieldList — second and subsequent fields. */
export class FieldList extends SpecializedBody {
  override get name(): string {
    return 'FieldList'
  }

  override fieldMarker(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [field, blankFinish] = this.field(match)
    this.addOneToParent(field)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }
}

/** docutils: states.OptionList — second and subsequent option_list_items. */
export class OptionList extends SpecializedBody {
  override get name(): string {
    return 'OptionList'
  }

  override optionMarker(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    let item: RstElement
    let blankFinish: boolean
    try {
      ;[item, blankFinish] = this.optionListItem(match)
    } catch (error) {
      if (error instanceof MarkupError) return this.invalidInput()
      throw error
    }
    this.addOneToParent(item)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }
}

const rfc2822Patterns: Record<string, RegExp> = { ...bodyPatterns, rfc2822: rfc2822Pattern }
const rfc2822InitialTransitions: ReadonlyArray<readonly [string, string]> = (() => {
  const list: Array<readonly [string, string]> = bodyInitialTransitions.map((name) => [name, 'Body'] as const)
  list.splice(list.length - 1, 0, ['rfc2822', 'Body'])
  return list
})()

/** docutils: states.RFC2822Body — RFC2822 headers as field lists. */
export class RFC2822Body extends Body {
  override get name(): string {
    return 'RFC2822Body'
  }

  override getPatterns(): Record<string, RegExp> {
    return rfc2822Patterns
  }

  override getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return rfc2822InitialTransitions
  }

  /** docutils: RFC2822Body.rfc2822 */
  rfc2822(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const fieldlist = el('field_list', { classes: ['rfc2822'] })
    this.addOneToParent(fieldlist)
    const [field, blankFinishField] = this.rfc2822Field(match)
    appendChild(fieldlist, field)
    const blankFinish = this.parseListRest(fieldlist, 'RFC2822List', blankFinishField)
    if (!blankFinish) this.addOneToParent(this.unindentWarning('RFC2822-style field list'))
    return transitionResult(emptyContext, nextState)
  }
}

/** docutils: states.RFC2822List — second and subsequent RFC2822-style fields. */
export class RFC2822List extends SpecializedBody {
  override get name(): string {
    return 'RFC2822List'
  }

  override getPatterns(): Record<string, RegExp> {
    return rfc2822Patterns
  }

  override getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return rfc2822InitialTransitions
  }

  rfc2822(match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    const [field, blankFinish] = this.rfc2822Field(match)
    this.addOneToParent(field)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, 'RFC2822List')
  }

  override blank(): TransitionResult<Context> {
    return this.invalidInput()
  }
}

/** docutils: states.ExtensionOptions — directive options as a field list. */
export class ExtensionOptions extends FieldList {
  override get name(): string {
    return 'ExtensionOptions'
  }

  /** docutils: ExtensionOptions.parse_field_body — paragraphs of raw text only. */
  override parseFieldBody(indented: StringList, _offset: number, node: RstElement): void {
    let lines: string[] = []
    for (const line of [...indented.data, '']) {
      if (!isPyBlank(line)) lines.push(line)
      else if (lines.length > 0) {
        const value = lines.join('\n')
        appendChild(node, textElement('paragraph', value))
        lines = []
      }
    }
  }
}

/** docutils: states.LineBlock — second and subsequent lines of a line_block. */
export class LineBlock extends SpecializedBody {
  override get name(): string {
    return 'LineBlock'
  }

  override blank(): TransitionResult<Context> {
    return this.invalidInput()
  }

  override lineBlock(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber()
    const [line, messages, blankFinish] = this.lineBlockLine(match, lineno)
    this.addOneToParent(line)
    const grandparent = getParent(this.parent)
    if (grandparent) appendChildren(grandparent, ...messages)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }
}

/** docutils: states.Explicit — second and subsequent explicit markup constructs. */
export class Explicit extends SpecializedBody {
  override get name(): string {
    return 'Explicit'
  }

  override explicitMarkup(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodelist, blankFinish] = this.explicitConstruct(match)
    this.addAllToParent(nodelist)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }

  override anonymous(match: Match, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodelist, blankFinish] = this.anonymousTarget(match)
    this.addAllToParent(nodelist)
    this.blankFinish = blankFinish
    return transitionResult(emptyContext, nextState)
  }

  override blank(): TransitionResult<Context> {
    return this.invalidInput()
  }
}

/** docutils: states.SubstitutionDef — the contents of a substitution_definition. */
export class SubstitutionDef extends Body {
  override get name(): string {
    return 'SubstitutionDef'
  }

  override getPatterns(): Record<string, RegExp> {
    return substitutionDefPatterns
  }

  override getInitialTransitions(): ReadonlyArray<string | readonly [string, string]> {
    return ['embedded_directive', 'text']
  }

  /** docutils: SubstitutionDef.embedded_directive */
  embeddedDirective(match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    const names = listAttribute(this.parent, 'names')
    const [nodelist, blankFinish] = this.directive(match, { alt: names[0] })
    this.addAllToParent(nodelist)
    if (!this.stateMachine.atEof()) this.blankFinish = blankFinish
    return eofResult()
  }

  override text(_match: Match, _context: Context, _nextState: string): TransitionResult<Context> {
    if (!this.stateMachine.atEof()) this.blankFinish = this.stateMachine.isNextLineBlank()
    return eofResult()
  }
}
