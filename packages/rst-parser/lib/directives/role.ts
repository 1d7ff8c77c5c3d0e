/**
 * The `role` and `default-role` directives.
 *
 * docutils: parsers/rst/directives/misc.py `Role`, `DefaultRole`; uses the
 * role registry in `lib/roles/` (per-document local roles).
 */
import type { RstElement, RstNode } from '../nodes.js'
import { customRole, genericCustomRole, localRoles, registerLocalRole, role as lookupRole, unregisterLocalRole } from '../roles/registry.js'
import { classOption } from './converters.js'
import { MarkupError } from '../states/errors.js'
import { PyValueError } from './py.js'
import type { Directive } from './directive.js'
import { parseDirectiveBlock } from './run.js'
import type { DirectiveSpec, OptionSpec } from './types.js'
import { literalBlock } from './util.js'

/** docutils: states.Inliner.simplename */
const simplename = String.raw`(?:(?!_)[\p{L}\p{N}_])+(?:[-._+:](?:(?!_)[\p{L}\p{N}_])+)*`

/** docutils: misc.Role.argument_pattern */
const argumentPattern = new RegExp(String.raw`^(${simplename})\s*(\(\s*(${simplename})\s*\)\s*)?$`, 'u')

/** The error of `misc.Role.run` / `misc.DefaultRole.run` for a role name that does not resolve. */
function unknownRoleError(directive: Directive, roleName: string): RstElement {
  return directive.state.reporter.error(
    `Unknown interpreted text role "${roleName}".`,
    [literalBlock(directive.blockText)],
    { line: directive.lineno }
  )
}

/** docutils: misc.Role */
export const roleDirective: DirectiveSpec = {
  className: 'Role',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(directive) {
    if (directive.contentOffset > directive.lineno || directive.content.length === 0) {
      throw directive.error(`"${directive.name}" directive requires arguments on the first line.`)
    }
    const args = directive.content.at(0)!
    const match = argumentPattern.exec(args)
    if (!match) {
      throw directive.error(`"${directive.name}" directive arguments not valid role names: "${args}".`)
    }
    const newRoleName = match[1]!
    const baseRoleName = match[3]
    let messages: RstNode[] = []
    let baseRole = genericCustomRole
    const document = directive.state.document
    if (baseRoleName) {
      const [found, lookupMessages] = lookupRole(baseRoleName, directive.state.memo.language, directive.lineno, directive.state.reporter)
      messages = lookupMessages
      if (!found) return [...messages, unknownRoleError(directive, baseRoleName)]
      baseRole = found
    }
    let options: Record<string, unknown>
    let content: string[]
    try {
      const [, parsedOptions, parsedContent] = parseDirectiveBlock(
        directive.state,
        directive.content.slice(1),
        directive.contentOffset,
        {
          requiredArguments: 0,
          optionalArguments: 0,
          finalArgumentWhitespace: false,
          optionSpec: (baseRole.options ?? undefined) as OptionSpec | undefined,
          hasContent: Boolean(baseRole.content)
        },
        {}
      )
      options = parsedOptions
      content = parsedContent.lines()
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error
      const message = directive.reporter.error(
        `Error in "${directive.name}" directive:\n${error.message}.`,
        [literalBlock(directive.blockText)],
        { line: directive.lineno }
      )
      return [...messages, message]
    }
    if (!('class' in options)) {
      try {
        options.class = classOption(newRoleName)
      } catch (error) {
        if (!(error instanceof PyValueError)) throw error
        const message = directive.reporter.error(
          `Invalid argument for "${directive.name}" directive:\n${error.message}.`,
          [literalBlock(directive.blockText)],
          { line: directive.lineno }
        )
        return [...messages, message]
      }
    }
    registerLocalRole(newRoleName, customRole(newRoleName, baseRole, options, content), document)
    return messages
  }
}

/** docutils: misc.DefaultRole */
export const defaultRoleDirective: DirectiveSpec = {
  className: 'DefaultRole',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: false,
  hasContent: false,
  run(directive) {
    const document = directive.state.document
    if (directive.arguments.length === 0) {
      unregisterLocalRole('', document)
      return []
    }
    const roleName = directive.arguments[0]!
    const [found, messages] = lookupRole(roleName, directive.state.memo.language, directive.lineno, directive.state.reporter)
    if (!found) return [...messages, unknownRoleError(directive, roleName)]
    localRoles(document).set('', found)
    return messages
  }
}

/** Canonical name → directive, for the registry. */
export const roleDirectives: Record<string, DirectiveSpec> = {
  role: roleDirective,
  'default-role': defaultRoleDirective
}
