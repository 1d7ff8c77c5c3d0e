/**
 * Directives for references and targets.
 *
 * docutils: parsers/rst/directives/references.py
 */
import { classOption } from './converters.js'
import { pendingNode } from './parts.js'
import type { DirectiveSpec } from './types.js'

/** docutils: references.TargetNotes */
export const targetNotes: DirectiveSpec = {
  className: 'TargetNotes',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: { class: classOption },
  hasContent: false,
  run(directive) {
    const pending = pendingNode('docutils.transforms.references.TargetNotes')
    directive.addName(pending)
    Object.assign(pending.data!.details!, directive.options)
    directive.state.document.notePending(pending)
    return [pending]
  }
}

/** Canonical name → directive, for the registry. */
export const referencesDirectives: Record<string, DirectiveSpec> = { 'target-notes': targetNotes }
