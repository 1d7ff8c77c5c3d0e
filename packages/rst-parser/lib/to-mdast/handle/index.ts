/**
 * Handlers by docutils node name (compare `break: hardBreak` in
 * mdast-util-to-markdown `lib/handle/index.js`).
 */
import type { Handler } from '../types.js'
import { admonition } from './admonition.js'
import { attribution, blockQuote, compound, container, decoration, sidebar, topic } from './container.js'
import { caption, figure, image } from './image.js'
import {
  abbreviation, acronym, emphasis, generated, inline, literal, math, mathBlock, paragraph, problematic, strong,
  subscript, superscript, titleReference
} from './inline.js'
import { bulletList, definitionList, enumeratedList, fieldList, lineBlock, listItem, optionList } from './list.js'
import { doctestBlock, literalBlock } from './literal-block.js'
import { meta, pending } from './meta.js'
import { raw } from './raw.js'
import {
  comment, footnote, footnoteReference, label, reference, substitutionDefinition, substitutionReference, target
} from './reference.js'
import { rubric, section, title, transition } from './section.js'
import { systemMessage } from './system-message.js'
import { table } from './table.js'

export const handlers: Readonly<Record<string, Handler>> = {
  abbreviation,
  acronym,
  admonition,
  attention: admonition,
  attribution,
  block_quote: blockQuote,
  bullet_list: bulletList,
  caption,
  caution: admonition,
  citation: footnote,
  citation_reference: footnoteReference,
  comment,
  compound,
  container,
  danger: admonition,
  decoration,
  definition_list: definitionList,
  doctest_block: doctestBlock,
  emphasis,
  enumerated_list: enumeratedList,
  error: admonition,
  field_list: fieldList,
  docinfo: fieldList,
  figure,
  footer: decoration,
  footnote,
  footnote_reference: footnoteReference,
  generated,
  header: decoration,
  hint: admonition,
  image,
  important: admonition,
  inline,
  label,
  line_block: lineBlock,
  list_item: listItem,
  literal,
  literal_block: literalBlock,
  math,
  math_block: mathBlock,
  meta,
  note: admonition,
  option_list: optionList,
  paragraph,
  pending,
  problematic,
  raw,
  reference,
  rubric,
  section,
  seealso: admonition,
  sidebar,
  strong,
  subscript,
  substitution_definition: substitutionDefinition,
  substitution_reference: substitutionReference,
  subtitle: rubric,
  superscript,
  system_message: systemMessage,
  table,
  target,
  tip: admonition,
  title,
  title_reference: titleReference,
  topic,
  transition,
  warning: admonition
}
