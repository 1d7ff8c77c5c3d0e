/**
 * Admonition directives.
 *
 * docutils: parsers/rst/directives/admonitions.py
 */
import { makeId } from '../util/make-id.js'
import { appendChildren } from '../util/node-info.js'
import { classOption, unchanged } from './converters.js'
import type { Directive } from './directive.js'
import type { DirectiveSpec } from './types.js'
import { makeElement, normalizeOptions, setSource } from './util.js'
import { appendListAttribute } from '../document.js'

/**
 * docutils: admonitions.BaseAdmonition
 *
 * @param nodeClass docutils node class (`note`, `admonition`, …).
 * @param className docutils directive class name.
 * @returns The directive spec.
 */
function baseAdmonition(nodeClass: string, className: string): DirectiveSpec {
  const generic = nodeClass === 'admonition'
  return {
    className,
    requiredArguments: generic ? 1 : 0,
    optionalArguments: 0,
    finalArgumentWhitespace: true,
    optionSpec: { class: classOption, name: unchanged },
    hasContent: true,
    run(directive: Directive) {
      const options = normalizeOptions(directive.options)
      directive.assertHasContent()
      const node = makeElement(nodeClass, options)
      directive.addName(node)
      setSource(node, directive.stateMachine.getSourceAndLine(directive.lineno))
      if (generic) {
        const titleText = directive.arguments[0]!
        const [textNodes, messages] = directive.state.inlineText(titleText, directive.lineno)
        const title = makeElement('title', {}, textNodes)
        setSource(title, directive.stateMachine.getSourceAndLine(directive.lineno))
        appendChildren(node, title, ...messages)
        if (!('classes' in options)) appendListAttribute(node, 'classes', 'admonition-' + makeId(titleText))
      }
      directive.state.nestedParse(directive.content, directive.contentOffset, node)
      return [node]
    }
  }
}

/** Canonical name → directive, for the registry. */
export const admonitionDirectives: Record<string, DirectiveSpec> = {
  attention: baseAdmonition('attention', 'Attention'),
  caution: baseAdmonition('caution', 'Caution'),
  danger: baseAdmonition('danger', 'Danger'),
  error: baseAdmonition('error', 'Error'),
  important: baseAdmonition('important', 'Important'),
  note: baseAdmonition('note', 'Note'),
  tip: baseAdmonition('tip', 'Tip'),
  hint: baseAdmonition('hint', 'Hint'),
  warning: baseAdmonition('warning', 'Warning'),
  admonition: baseAdmonition('admonition', 'Admonition')
}
