/**
 * Directives for figures and simple images.
 *
 * docutils: parsers/rst/directives/images.py. docutils reads the image size
 * for `:figwidth: image` only when PIL is installed; like the reference
 * (no PIL), we leave the figure width unset in that case.
 */
import type { RstElement, RstNode } from '../nodes.js'
import { appendChildren, listAttribute, getSourceLine, setSourceLine } from '../util/node-info.js'
import { escape2null, fullyNormalizeName, pySplitlines, whitespaceNormalizeName } from '../util/strings.js'
import {
  choice,
  classOption,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  percentage,
  unchanged,
  unchangedRequired,
  uri,
  type Converter
} from './converters.js'
import { isSubstitutionDef, type Directive } from './directive.js'
import type { DirectiveSpec, OptionSpec } from './types.js'
import { literalBlock, makeElement, normalizeOptions, setSource } from './util.js'
import { appendListAttribute } from '../document.js'

const alignHValues = ['left', 'center', 'right'] as const
const alignVValues = ['top', 'middle', 'bottom'] as const
const alignValues = [...alignVValues, ...alignHValues] as const
const loadingValues = ['embed', 'link', 'lazy'] as const

const imageOptionSpec: OptionSpec = {
  alt: unchanged,
  height: lengthOrUnitless,
  width: (argument) => lengthOrPercentageOrUnitless(argument),
  scale: percentage,
  align: (argument) => choice(argument, alignValues),
  target: unchangedRequired,
  loading: (argument) => choice(argument, loadingValues),
  class: classOption,
  name: unchanged
}

/** docutils: images.Image.run */
function imageRun(directive: Directive): RstNode[] {
  if ('align' in directive.options) {
    const align = String(directive.options.align)
    if (isSubstitutionDef(directive.state)) {
      if (!(alignVValues as readonly string[]).includes(align)) {
        throw directive.error(
          `Error in "${directive.name}" directive: "${align}" is not a valid value for the "align" option within a substitution definition.  Valid values for "align" are: "${alignVValues.join('", "')}".`
        )
      }
    } else if (!(alignHValues as readonly string[]).includes(align)) {
      throw directive.error(
        `Error in "${directive.name}" directive: "${align}" is not a valid value for the "align" option.  Valid values for "align" are: "${alignHValues.join('", "')}".`
      )
    }
  }
  const messages: RstNode[] = []
  const reference = uri(directive.arguments[0])
  directive.options.uri = reference
  let referenceNode: RstElement | undefined
  if ('target' in directive.options) {
    const block = pySplitlines(escape2null(String(directive.options.target)))
    const [targetType, data] = directive.state.parseTarget(block, directive.blockText, directive.lineno)
    if (targetType === 'refuri') {
      referenceNode = makeElement('reference', { refuri: data as string })
    } else if (targetType === 'refname') {
      referenceNode = makeElement('reference', {
        refname: fullyNormalizeName(data as string),
        name: whitespaceNormalizeName(data as string)
      })
      referenceNode.data = { indirectReferenceName: data as string }
      directive.state.document.noteRefname(referenceNode)
    } else {
      messages.push(data as RstElement)
    }
    delete directive.options.target
  }
  const options = normalizeOptions(directive.options)
  const imageNode = makeElement('image', options)
  setSource(imageNode, directive.stateMachine.getSourceAndLine(directive.lineno))
  directive.addName(imageNode)
  if (referenceNode) {
    appendChildren(referenceNode, imageNode)
    return [...messages, referenceNode]
  }
  return [...messages, imageNode]
}

/** docutils: images.Image */
export const image: DirectiveSpec = {
  className: 'Image',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: imageOptionSpec,
  hasContent: false,
  run: imageRun
}

const figwidthValue: Converter<string> = (argument) => {
  if (argument !== undefined && argument.toLowerCase() === 'image') return 'image'
  return lengthOrPercentageOrUnitless(argument, 'px')
}

/** docutils: images.Figure */
export const figure: DirectiveSpec = {
  className: 'Figure',
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: {
    ...imageOptionSpec,
    figwidth: figwidthValue,
    figclass: classOption,
    figname: unchanged,
    align: (argument) => choice(argument, alignHValues)
  },
  hasContent: true,
  run(directive) {
    const figwidth = pop(directive.options, 'figwidth') as string | undefined
    const figclasses = pop(directive.options, 'figclass') as string[] | undefined
    const figname = pop(directive.options, 'figname') as string | undefined
    const align = pop(directive.options, 'align') as string | undefined
    const result = imageRun(directive)
    if (result.length !== 1) {
      // Python: `(image_node,) = Image.run(self)` fails (ValueError) when a
      // malformed target adds a message; keep the message and the image.
      return result
    }
    const imageNode = result[0] as RstElement
    if (imageNode.type === 'system_message') return [imageNode]
    const figureNode = makeElement('figure', {}, [imageNode])
    setSource(figureNode, directive.stateMachine.getSourceAndLine(directive.lineno))
    if (figwidth === 'image') {
      // docutils reads the image width with PIL; without PIL nothing is set.
    } else if (figwidth !== undefined) {
      figureNode.attributes.width = figwidth
    }
    if (figclasses && figclasses.length > 0) listAttribute(figureNode, 'classes').push(...figclasses)
    if (figname) {
      appendListAttribute(figureNode, 'names', fullyNormalizeName(figname))
      directive.state.document.noteExplicitTarget(figureNode, figureNode)
    }
    if (align) figureNode.attributes.align = align
    if (directive.content.length > 0) {
      // optional caption (single paragraph or empty comment) + optional legend
      const node = makeElement('Element')
      directive.state.nestedParse(directive.content, directive.contentOffset, node)
      let index = 0
      for (; index < node.children.length; index++) {
        const child = node.children[index]!
        if (child.type === 'target' || child.type === 'pending') {
          appendChildren(figureNode, child)
          continue
        }
        if (child.type === 'paragraph') {
          const caption = makeElement('caption', {}, (child as RstElement).children)
          const [source, line] = getSourceLine(child)
          setSourceLine(caption, source, line)
          if (child.position) caption.position = child.position
          appendChildren(figureNode, caption)
          break
        }
        if (child.type === 'comment' && (child as RstElement).children.length === 0) break
        const error = directive.reporter.error(
          'Figure caption must be a paragraph or empty comment.',
          [literalBlock(directive.blockText)],
          { line: directive.lineno }
        )
        return [figureNode, error]
      }
      if (node.children.length > index + 1) {
        appendChildren(figureNode, makeElement('legend', {}, node.children.slice(index + 1)))
      }
    }
    return [figureNode]
  }
}

function pop(record: Record<string, unknown>, key: string): unknown {
  const value = record[key]
  delete record[key]
  return value
}

/** Canonical name → directive, for the registry. */
export const imageDirectives: Record<string, DirectiveSpec> = { image, figure }
