/**
 * Late-bound entry points from other parts of the parser (directives),
 * so the states compile and run before those parts exist.
 */
import type { RstNode } from '../nodes.js'
import type { Body } from './body.js'

/** docutils: Body.directive body — `(state, typeName, matchEnd, optionPresets) → [nodes, blankFinish]`. */
export type BodyDirective = (state: Body, typeName: string, matchEnd: number, optionPresets: Record<string, unknown>) => [RstNode[], boolean]

export const bodyDirectiveHook: { current: BodyDirective | undefined } = { current: undefined }
