/**
 * Directives for document parts.
 *
 * docutils: parsers/rst/directives/parts.py
 */
import { astext, text, type NodeData, type RstElement } from '../nodes.js'
import { getLanguage } from '../languages/index.js'
import { appendChildren, setParent, setSourceLine } from '../util/node-info.js'
import { fullyNormalizeName } from '../util/strings.js'
import { choice, classOption, flag, int, nonnegativeInt, unchangedRequired } from './converters.js'
import type { DirectiveSpec } from './types.js'
import { addOptionClasses, assertPseudoSectionParent, firstChildNotTitularOrMeta, makeElement } from './util.js'
import { appendListAttribute } from '../document.js'

/**
 * Create a `pending` node (docutils `nodes.pending(transform, details)`).
 *
 * @param transform `module.Class` of the transform, e.g. `docutils.transforms.parts.Contents`.
 * @param details Details (docutils `pending.details`).
 * @returns The node.
 */
export function pendingNode(transform: string, details: Record<string, unknown> = {}): RstElement {
  const node = makeElement('pending')
  // (`{}` and stores, not a literal, which V8 may pretenure: `data` holds the young details; see `util/arrays.ts`)
  const data: NodeData = {}
  data.transform = transform
  data.details = { ...details }
  node.data = data
  return node
}

/** docutils: parts.Contents */
export const contents: DirectiveSpec = {
  className: 'Contents',
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    depth: nonnegativeInt,
    local: flag,
    backlinks(argument) {
      const value = choice(argument, ['top', 'entry', 'none'])
      return value === 'none' ? null : value
    },
    class: classOption
  },
  hasContent: false,
  run(directive) {
    assertPseudoSectionParent(directive)
    const document = directive.state.document
    const language = getLanguage(document.settings.language_code, document.reporter)
    let title: RstElement | undefined
    let messages: RstElement[] = []
    if (directive.arguments.length > 0) {
      const titleText = directive.arguments[0]!
      const [textNodes, titleMessages] = directive.state.inlineText(titleText, directive.lineno)
      messages = titleMessages
      title = makeElement('title', {}, textNodes)
    } else if (!('local' in directive.options)) {
      title = makeElement('title', {}, [text(language.labels.contents ?? 'Contents')])
    }
    const topic = makeElement('topic', { classes: ['contents'] })
    addOptionClasses(directive, topic)
    const [source, line] = directive.stateMachine.getSourceAndLine()
    setSourceLine(topic, source, line === undefined ? undefined : line - 1)
    if ('local' in directive.options) appendListAttribute(topic, 'classes', 'local')
    let name: string
    if (title) {
      name = astext(title)
      appendChildren(topic, title)
    } else {
      name = language.labels.contents ?? 'Contents'
    }
    name = fullyNormalizeName(name)
    if (!document.hasName(name)) appendListAttribute(topic, 'names', name)
    document.noteImplicitTarget(topic)
    const pending = pendingNode('docutils.transforms.parts.Contents', directive.options)
    document.notePending(pending)
    appendChildren(topic, pending)
    return [topic, ...messages]
  }
}

/** docutils: parts.Sectnum */
export const sectnum: DirectiveSpec = {
  className: 'Sectnum',
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: { depth: int, start: int, prefix: unchangedRequired, suffix: unchangedRequired },
  hasContent: false,
  run(directive) {
    const pending = pendingNode('docutils.transforms.parts.SectNum', directive.options)
    directive.state.document.notePending(pending)
    return [pending]
  }
}

/** docutils: document.get_decoration().get_header()/get_footer() */
function decorationPart(root: RstElement, part: 'header' | 'footer'): RstElement {
  let decoration = root.children.find((child) => child.type === 'decoration') as RstElement | undefined
  if (!decoration) {
    decoration = makeElement('decoration')
    const index = firstChildNotTitularOrMeta(root)
    if (index === -1) appendChildren(root, decoration)
    else {
      root.children.splice(index, 0, decoration)
      setParent(decoration, root)
    }
  }
  const children = decoration.children
  if (part === 'header') {
    if (children.length === 0 || children[0]!.type !== 'header') {
      const header = makeElement('header')
      children.unshift(header)
      setParent(header, decoration)
    }
    return children[0] as RstElement
  }
  if (children.length === 0 || children[children.length - 1]!.type !== 'footer') {
    appendChildren(decoration, makeElement('footer'))
  }
  return children[children.length - 1] as RstElement
}

function decorationDirective(className: string, part: 'header' | 'footer'): DirectiveSpec {
  return {
    className,
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    hasContent: true,
    run(directive) {
      directive.assertHasContent()
      const node = decorationPart(directive.state.document.root, part)
      directive.state.nestedParse(directive.content, directive.contentOffset, node)
      return []
    }
  }
}

/** Canonical name → directive, for the registry. */
export const partsDirectives: Record<string, DirectiveSpec> = {
  contents,
  sectnum,
  header: decorationDirective('Header', 'header'),
  footer: decorationDirective('Footer', 'footer')
}
