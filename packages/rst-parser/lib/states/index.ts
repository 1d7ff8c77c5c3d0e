/**
 * docutils: states.py `state_classes` — registers them for nested machines.
 */
import { Body } from './body.js'
import { registerStateClasses, type RSTStateClass } from './rst-state.js'
import {
  BulletList,
  DefinitionList,
  EnumeratedList,
  Explicit,
  ExtensionOptions,
  FieldList,
  LineBlock,
  OptionList,
  RFC2822Body,
  RFC2822List,
  SubstitutionDef
} from './specialized-body.js'
import { Definition, Line, Text } from './text.js'

export const stateClassList: RSTStateClass[] = [
  Body,
  BulletList,
  DefinitionList,
  EnumeratedList,
  FieldList,
  OptionList,
  LineBlock,
  ExtensionOptions,
  Explicit,
  Text,
  Definition,
  Line,
  SubstitutionDef,
  RFC2822Body,
  RFC2822List
]

registerStateClasses(stateClassList)

export { Body } from './body.js'
export * from './specialized-body.js'
export * from './text.js'
export { RSTState, RSTStateMachine, el, textElement, sectionHierarchy, stateClasses } from './rst-state.js'
export type { Context, InlinerLike, Memo } from './types.js'
export { MarkupError, ParserError } from './errors.js'
export { bodyDirectiveHook, type BodyDirective } from './hooks.js'
