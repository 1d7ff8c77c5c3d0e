/**
 * Inline markup parsing.
 *
 * docutils: parsers/rst/states.py `Inliner`. `parse` applies `escape2null`,
 * searches the start-string pattern (`patterns.initial`), dispatches on the
 * matched group and continues after what the handler consumed; unmatched
 * text goes through `implicit_inline` (standalone URIs, email addresses,
 * PEP/RFC references). The regular expressions are replaced by the linear
 * matchers of `scanner.ts`; handlers move indices through one string.
 * Each returned node's source span is recorded (`spans.ts`).
 */
import { appendListAttribute, type DocumentContext } from '../document.js'
import { astext, element, text, unescape, type RstElement, type RstNode } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import { formatPercent, localRoles, role as lookupRole, type RoleFunction, type RoleLanguageModule } from '../roles/index.js'
import { textElement } from '../roles/registry.js'
import type { Settings } from '../settings.js'
import { emptyList, listOf1, listCopy } from '../util/arrays.js'
import { escape2null, fullyNormalizeName, isPySpace, pySplit, pyRstrip, splitEscapedWhitespace, whitespaceNormalizeName } from '../util/strings.js'
import { matchCharCodes } from './punctuation.js'
import {
  EndScanner,
  ImplicitScanner,
  newInitialMatch,
  SimplenameScanner,
  codeAt,
  nextStartCharacter,
  codeBefore,
  isEmail,
  matchUri,
  searchEmbeddedLink,
  searchInitial,
  type EndKind,
  type InitialMatch,
  type ScanOptions
} from './scanner.js'
import { setInlineSpan } from './spans.js'
import { uriSchemes } from './uri-schemes.js'

/** What `Inliner.parse` needs from docutils' `RSTState.memo`. */
export interface Memo {
  document: DocumentContext
  reporter?: Reporter
  /** rST language module (role names); `undefined` when none was found. */
  language: RoleLanguageModule | undefined | null
  [key: string]: unknown
}

/**
 * Return value of the start-string handlers (docutils' 4-tuples). One per
 * `Pass`, refilled by each handler (`set`) and read before the next one.
 */
class HandlerResult {
  /** End of `before` (start of the consumed text). */
  beforeEnd = 0
  inlines: RstNode[] = noInlines
  /**
   * The one node of a handler that makes exactly one (most do): no `[node]`
   * list per inline markup. Set: `inlines` is empty.
   */
  node: RstNode | undefined = undefined
  /** Start of `remaining`. */
  remaining = 0
  /** Start of the consumed text when `before` was trimmed (footnote references; -1: `beforeEnd`). */
  start = -1
  messages: RstElement[] = noMessages
  /** `inline_obj`'s end-string. */
  endstring = ''

  set(
    beforeEnd: number, inlines: RstNode[], remaining: number, messages: RstElement[], start: number, endstring: string
  ): HandlerResult {
    this.beforeEnd = beforeEnd
    this.inlines = inlines
    this.node = undefined
    this.remaining = remaining
    this.messages = messages
    this.start = start
    this.endstring = endstring
    return this
  }

  /** `set` with a one-node result. */
  setNode(
    beforeEnd: number, node: RstNode, remaining: number, messages: RstElement[], start: number, endstring: string
  ): HandlerResult {
    this.set(beforeEnd, noInlines, remaining, messages, start, endstring)
    this.node = node
    return this
  }
}

/**
 * Where `parse` collects a text's nodes: a list kept (with its capacity) from
 * text to text, whose nodes are handed out in an exact-size copy. A fresh
 * list per text grew to 17 slots at its first push and was dropped right
 * after (the paragraph copies it: `el`).
 */
class NodeSink {
  private readonly items: Array<RstNode | undefined> = []
  private count = 0

  add(node: RstNode): void {
    this.items[this.count++] = node
  }

  /** The nodes added since the last `take`, in a list of their own. */
  take(): RstNode[] {
    const items = this.items
    const count = this.count
    const nodes = listCopy(items, 0, count) as RstNode[]
    // (no references kept to this text's nodes)
    for (let index = 0; index < count; index++) items[index] = undefined
    this.count = 0
    return nodes
  }
}

/**
 * One pass of `parse`: the text and its scanners. The `Inliner` keeps one
 * and reuses it for the next text (a nested `parse`, from a role function,
 * gets its own).
 */
class Pass {
  value = ''
  to = 0
  lineno = 0
  readonly names = new SimplenameScanner('', 0)
  readonly ends: EndScanner
  /** The current start-string match (`searchInitial` refills it). */
  readonly match: InitialMatch = newInitialMatch()
  /** The current handler result. */
  readonly result = new HandlerResult()
  readonly nodes = new NodeSink()

  constructor(options: ScanOptions) {
    this.ends = new EndScanner('', 0, this.names, options)
  }

  reset(value: string, to: number, lineno: number, options: ScanOptions): void {
    this.value = value
    this.to = to
    this.lineno = lineno
    this.names.reset(value, to)
    this.ends.reset(value, to, options)
  }
}

type ImplicitKind = 'uri' | 'pep' | 'rfc'

/** Raised (returned) by implicit handlers for an invalid match (docutils `MarkupMismatch`). */
const mismatch = Symbol('MarkupMismatch')

/**
 * Shared empty message list of handler results and `parse` results (nearly
 * every text has no message). Frozen: `parse` and its callers only read it
 * (they copy messages into their own lists and nodes).
 */
const noMessages = Object.freeze([]) as unknown as RstElement[]
/** Shared empty node list (quoted start-strings), never modified. */
const noInlines: RstNode[] = []

/** No implicit pattern (before `initCustomizations`): matches nothing. */
const noTriggers = /[^\s\S]/g

/** `implicitTriggerPattern` and `specialsPattern` results by character set (shared by all inliners). */
const triggerPatterns = new Map<string, RegExp>()
const specialsPatterns = new Map<string, RegExp>()

/** docutils: `Inliner.rfc_url` */
const rfcUrl = 'rfc%d.html'

/**
 * docutils: states.Inliner.
 */
export class Inliner {
  /** `parse`'s node lists are new and exact-size (`NodeSink.take`, literals): see `InlinerLike`. */
  readonly freshNodeLists = true
  /** docutils: `Inliner.implicit_dispatch` (pattern names, in order). */
  implicitDispatch: ImplicitKind[] = []
  readonly rfcUrl = rfcUrl
  options: ScanOptions = { characterLevel: false }
  /** Characters one of which every implicit match contains (see `implicitTriggerPattern`). */
  private implicitTriggers: RegExp = noTriggers
  /**
   * A backslash, a start-string character or an implicit trigger (see
   * `specialsPattern`): a text without any is one text node.
   */
  private specials: RegExp = specialsPattern([])
  // `nextTrigger` cache: in `triggerValue`, the first trigger at or after
  // `triggerFrom` is at `triggerNext` (`value.length`: none).
  private triggerValue = ''
  private triggerFrom = -1
  private triggerNext = -1
  /** `localRoles(rolesReporter)` (see `interpreted`). */
  private roles: Map<string, RoleFunction> | undefined
  private rolesReporter: Reporter | undefined
  /** A `Pass` free for the next `parse` (undefined while one runs). */
  private sparePass: Pass | undefined
  document!: DocumentContext
  language: RoleLanguageModule | undefined | null
  reporter!: Reporter
  parent!: RstElement

  /**
   * docutils: Inliner.init_customizations — settings-dependent patterns.
   *
   * @param settings Document settings (`character_level_inline_markup`,
   *   `pep_references`, `rfc_references`).
   */
  initCustomizations(settings: Partial<Settings>): void {
    this.options = { characterLevel: Boolean(settings.character_level_inline_markup) }
    this.implicitDispatch = ['uri']
    if (settings.pep_references) this.implicitDispatch.push('pep')
    if (settings.rfc_references) this.implicitDispatch.push('rfc')
    this.implicitTriggers = implicitTriggerPattern(this.implicitDispatch)
    this.specials = specialsPattern(this.implicitDispatch)
  }

  /**
   * docutils: Inliner.parse — inline nodes and system messages for `text`.
   *
   * @param source Text (one paragraph, lines joined with `\n`).
   * @param lineno Absolute line number of the text's first line.
   * @param memo The state machine memo (`document`, `language`).
   * @param parent Element the nodes go into (for messages and ids).
   * @returns `[nodes, messages]`.
   */
  parse(source: string, lineno: number, memo: Memo, parent: RstElement): [RstNode[], RstElement[]] {
    this.document = memo.document
    this.language = memo.language
    this.reporter = this.document.reporter
    this.parent = parent
    const specials = this.specials
    specials.lastIndex = 0
    if (!specials.test(source)) {
      // No escape, start-string or implicit pattern can match (a third of
      // the texts): the whole text is one text node.
      if (source.length === 0) return [emptyList<RstNode>(), noMessages]
      const node = text(source)
      setInlineSpan(node, 0, source.length)
      return [listOf1<RstNode>(node), noMessages]
    }
    // Nothing before `first` is special (`escape2null` keeps offsets and start characters).
    const first = specials.lastIndex - 1
    const value = source.indexOf('\\', first) === -1 ? source : escape2null(source)
    const to = value.length
    const firstStart = nextStartCharacter(value, first)
    if (firstStart === -1) {
      // No start-string can match (most texts): only implicit markup, and
      // usually not even that (an escape, a colon): then `implicitInline`
      // makes one text node, which `take` hands out in an exact-size list.
      if (to === 0) return [emptyList<RstNode>(), noMessages]
      // (the pass is taken while in use, as below: a throw cannot leave nodes in a spare sink)
      const implicitPass = this.sparePass ?? new Pass(this.options)
      this.sparePass = undefined
      this.implicitInline(value, 0, to, implicitPass.nodes)
      this.sparePass = implicitPass
      return [implicitPass.nodes.take(), noMessages]
    }
    // Made on the first message (nearly no text has one).
    let messages = noMessages
    const options = this.options
    const pass = this.sparePass ?? new Pass(options)
    this.sparePass = undefined
    pass.reset(value, to, lineno, options)
    const processed = pass.nodes
    const names = pass.names
    let remaining = 0
    let unprocessedStart = 0
    while (remaining < to) {
      const match = searchInitial(value, remaining, to, names, options, pass.match, firstStart)
      if (!match) break
      const result = this.dispatch(pass, match, remaining)
      const resultMessages = result.messages
      if (resultMessages.length > 0) {
        if (messages === noMessages) messages = []
        for (let index = 0; index < resultMessages.length; index++) messages.push(resultMessages[index]!)
      }
      const one = result.node
      const inlines = result.inlines
      if (one !== undefined || inlines.length > 0) {
        this.implicitInline(value, unprocessedStart, result.beforeEnd, processed)
        const start = result.start === -1 ? result.beforeEnd : result.start
        if (one !== undefined) {
          setInlineSpan(one, start, result.remaining)
          processed.add(one)
        }
        for (let index = 0; index < inlines.length; index++) {
          const node = inlines[index]!
          setInlineSpan(node, start, result.remaining)
          processed.add(node)
        }
        unprocessedStart = result.remaining
      }
      remaining = result.remaining
    }
    if (unprocessedStart < to) this.implicitInline(value, unprocessedStart, to, processed)
    this.sparePass = pass
    return [processed.take(), messages]
  }

  private dispatch(pass: Pass, match: InitialMatch, from: number): HandlerResult {
    switch (match.token) {
      case '*':
        return this.inlineObj(pass, match, from, 'emphasis', 'emphasis')
      case '**':
        return this.inlineObj(pass, match, from, 'strong', 'strong')
      case '`':
        return this.interpretedOrPhraseRef(pass, match, from)
      case '``':
        return this.inlineObj(pass, match, from, 'literal', 'literal', true)
      case '_`':
        return this.inlineInternalTarget(pass, match, from)
      case ']_':
        return this.footnoteReference(pass, match, from)
      case '|':
        return this.substitutionReference(pass, match, from)
      case '_':
        return this.reference(pass, match, false)
      default:
        return this.reference(pass, match, true)
    }
  }

  /** docutils: Inliner.quoted_start */
  private quotedStart(pass: Pass, match: InitialMatch, from: number): boolean {
    const { value, to } = pass
    const start = match.start
    if (start === from) return false
    if (match.end >= to) return true
    return matchCharCodes(codeBefore(value, start, 0), codeAt(value, match.end, to))
  }

  /** docutils: Inliner.inline_obj */
  private inlineObj(
    pass: Pass, match: InitialMatch, from: number, endKind: EndKind, nodeType: string, restoreBackslashes = false
  ): HandlerResult {
    const { value } = pass
    const matchstart = match.groupStart
    const matchend = match.groupEnd
    if (this.quotedStart(pass, match, from)) {
      return pass.result.set(matchend, noInlines, matchend, noMessages, -1, '')
    }
    const endmatch = pass.ends.search(endKind, matchend)
    if (endmatch && endmatch.start > matchend) {
      let content = value.slice(matchend, endmatch.start)
      if (restoreBackslashes) content = unescape(content, true)
      const textend = endmatch.groupEnd
      const node = textElement(nodeType, content)
      // Only `substitution_reference` reads the end-string.
      const endstring = endKind === 'substitution_ref' ? value.slice(endmatch.start, endmatch.groupEnd) : ''
      return pass.result.setNode(matchstart, node, textend, noMessages, -1, endstring)
    }
    const message = this.reporter.warning(`Inline ${nodeType} start-string without end-string.`, [], { line: pass.lineno })
    const raw = unescape(value.slice(matchstart, matchend), true)
    const problematic = this.problematic(raw, raw, message)
    return pass.result.setNode(matchstart, problematic, matchend, [message], -1, '')
  }

  /**
   * docutils: Inliner.problematic — a `problematic` node pointing to `message`
   * (which gets a back-reference).
   *
   * @param content Text of the node.
   * @param _rawsource Raw source (not kept).
   * @param message System message.
   * @returns The `problematic` element.
   */
  problematic(content: string, _rawsource: string, message: RstElement): RstElement {
    const msgid = this.document.setId(message, this.parent)
    // Attributes set on the fresh `{}` (`textElement` would copy a literal).
    const problematic = textElement('problematic', content)
    problematic.attributes.refid = msgid
    const prbid = this.document.setId(problematic)
    appendListAttribute(message, 'backrefs', prbid)
    return problematic
  }

  /** docutils: Inliner.interpreted_or_phrase_ref */
  private interpretedOrPhraseRef(pass: Pass, match: InitialMatch, from: number): HandlerResult {
    const { value, lineno } = pass
    const matchstart = match.groupStart
    const matchend = match.groupEnd
    const rolestart = match.roleStart
    let roleName = ''
    let hasRole = false
    let position = ''
    if (match.roleEnd > match.roleStart) {
      roleName = value.slice(match.roleStart + 1, match.roleEnd - 1)
      hasRole = true
      position = 'prefix'
    } else if (this.quotedStart(pass, match, from)) {
      return pass.result.set(matchend, noInlines, matchend, noMessages, -1, '')
    }
    const endmatch = pass.ends.search('interpreted_or_phrase_ref', matchend)
    if (endmatch && endmatch.start > matchend) {
      const textend = endmatch.end
      if (endmatch.roleStart !== -1) {
        if (hasRole) {
          const message = this.reporter.warning(
            'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
            [],
            { line: lineno }
          )
          const raw = unescape(value.slice(rolestart, textend), true)
          const problematic = this.problematic(raw, raw, message)
          return pass.result.setNode(rolestart, problematic, textend, [message], -1, '')
        }
        roleName = value.slice(endmatch.suffixStart, endmatch.suffixEnd).slice(1, -1)
        hasRole = true
        position = 'suffix'
      }
      const escaped = value.slice(matchend, endmatch.start)
      // `rawsource` (`unescape(string[matchstart:textend], True)`) ends with
      // `_` exactly when the text does (a restored escape is a backslash).
      if (value.charCodeAt(textend - 1) === 0x5f /* _ */) {
        if (hasRole) {
          const message = this.reporter.warning(
            `Mismatch: both interpreted text role ${position} and reference suffix.`,
            [],
            { line: lineno }
          )
          const raw = unescape(value.slice(rolestart, textend), true)
          const problematic = this.problematic(raw, raw, message)
          return pass.result.setNode(rolestart, problematic, textend, [message], -1, '')
        }
        // `rawsource.endswith('__')`: the null escape before a final `_` would be restored as `\`.
        const anonymous = textend - 2 >= matchstart && value.charCodeAt(textend - 2) === 0x5f
        const nodes = this.phraseReference(anonymous, escaped)
        return Array.isArray(nodes)
          ? pass.result.set(matchstart, nodes, textend, noMessages, -1, '')
          : pass.result.setNode(matchstart, nodes, textend, noMessages, -1, '')
      }
      const rawsource = unescape(value.slice(rolestart, textend), true)
      const roleResult = this.interpreted(rawsource, escaped, roleName, lineno) // no destructuring: hot
      return pass.result.set(rolestart, roleResult[0], textend, roleResult[1], -1, '')
    }
    const message = this.reporter.warning(
      'Inline interpreted text or phrase reference start-string without end-string.',
      [],
      { line: lineno }
    )
    const raw = unescape(value.slice(matchstart, matchend), true)
    const problematic = this.problematic(raw, raw, message)
    return pass.result.setNode(matchstart, problematic, matchend, [message], -1, '')
  }

  /**
   * docutils: Inliner.phrase_ref — a phrase reference, with an embedded URI
   * or alias (`<target_>`) when present.
   *
   * @param rawsource Raw source of the reference.
   * @param escaped Null-escaped text between the backquotes.
   * @returns `[nodes, messages]`.
   */
  phraseRef(rawsource: string, escaped: string): [RstNode[], RstElement[]] {
    const nodes = this.phraseReference(rawsource.endsWith('__'), escaped)
    return [Array.isArray(nodes) ? nodes : [nodes], []]
  }

  /**
   * `phraseRef` given whether `rawsource` ends with `__` (anonymous): the
   * reference, or the reference and its target (no list for one node).
   */
  private phraseReference(anonymous: boolean, escaped: string): RstElement | [RstElement, RstElement] {
    const match = searchEmbeddedLink(escaped)
    let content: string
    let unescaped: string
    let target: RstElement | undefined
    let aliastype: 'name' | 'uri' = 'uri'
    let alias = ''
    if (match) {
      content = escaped.slice(0, match.start)
      unescaped = unescape(content)
      const aliastext = escaped.slice(match.aliasStart, match.aliasEnd)
      const rawaliastext = unescape(aliastext, true)
      const underscoreEscaped = rawaliastext.endsWith('\\_')
      if (aliastext.endsWith('_') && !(underscoreEscaped || matchUri(aliastext, this.options))) {
        aliastype = 'name'
        alias = fullyNormalizeName(unescape(aliastext.slice(0, -1)))
        target = element('target')
        target.attributes.refname = alias
      } else {
        aliastype = 'uri'
        // Remove unescaped whitespace.
        if (aliastext.indexOf('\x00') === -1) {
          alias = removeWhitespace(aliastext) // `split_escaped_whitespace` gives `[aliastext]`
        } else {
          const aliasParts = splitEscapedWhitespace(aliastext)
          alias = aliasParts.length === 1 ? removeWhitespace(aliasParts[0]!) : aliasParts.map(removeWhitespace).join(' ')
        }
        alias = this.adjustUri(unescape(alias))
        if (alias.endsWith('\\_')) alias = alias.slice(0, -2) + '_'
        target = element('target')
        target.attributes.refuri = alias
        this.document.referenced.add(target)
      }
      if (!content) {
        content = alias
        unescaped = unescape(content)
      }
    } else {
      content = escaped
      unescaped = unescape(content)
    }

    // `fully_normalize_name` is `whitespace_normalize_name` lowercased
    // (lowercasing neither makes nor removes whitespace): one scan less.
    const name = whitespaceNormalizeName(unescaped)
    const refname = name.toLowerCase()
    const reference = textElement('reference', content)
    reference.attributes.name = name

    if (anonymous) {
      if (target && aliastype === 'name') {
        reference.attributes.refname = alias
        this.document.noteRefname(reference)
      } else if (target && aliastype === 'uri') {
        reference.attributes.refuri = alias
      } else {
        reference.attributes.anonymous = true
      }
    } else if (target) {
      // (exact-size arrays: pushing onto `[]`/`[x]` makes a 17/19-slot store)
      appendListAttribute(target, 'names', refname)
      if (aliastype === 'name') {
        reference.attributes.refname = alias
        this.document.noteIndirectTarget(target)
        this.document.noteRefname(reference)
      } else {
        reference.attributes.refuri = alias
      }
      this.document.noteImplicitTarget(target, this.parent)
      return [reference, target] // no messages
    } else {
      reference.attributes.refname = refname
      this.document.noteRefname(reference)
    }
    return reference
  }

  /**
   * docutils: Inliner.adjust_uri — prefix email addresses with `mailto:`.
   *
   * @param uri URI or email address.
   * @returns The URI.
   */
  adjustUri(uri: string): string {
    // An email address contains `@`; most URIs do not.
    return uri.indexOf('@') !== -1 && isEmail(uri) ? 'mailto:' + uri : uri
  }

  /**
   * docutils: Inliner.interpreted — run the role function.
   *
   * @param rawsource Raw source.
   * @param content Null-escaped text.
   * @param roleName Role name ('' for the default role).
   * @param lineno Line number.
   * @returns `[nodes, messages]`.
   */
  interpreted(rawsource: string, content: string, roleName: string, lineno: number): [RstNode[], RstElement[]] {
    // Roles used before are local roles of the document: no lookup messages.
    // The document's local role map (`localRoles`) is kept while the reporter
    // stays the same (the map of a reporter is never replaced).
    if (this.rolesReporter !== this.reporter) {
      this.rolesReporter = this.reporter
      this.roles = localRoles(this.reporter)
    }
    const local = this.roles!.get(roleName.toLowerCase())
    if (local) return local(roleName, rawsource, content, lineno, this)
    const [roleFn, messages] = lookupRole(roleName, this.language, lineno, this.reporter)
    if (roleFn) {
      const result = roleFn(roleName, rawsource, content, lineno, this)
      if (messages.length === 0) return result
      return [result[0], [...messages, ...result[1]]]
    }
    const message = this.reporter.error(`Unknown interpreted text role "${roleName}".`, [], { line: lineno })
    const problematic = this.problematic(rawsource, rawsource, message)
    messages.push(message) // `role` returns a fresh list
    return [[problematic], messages]
  }

  /** docutils: Inliner.inline_internal_target */
  private inlineInternalTarget(pass: Pass, match: InitialMatch, from: number): HandlerResult {
    const result = this.inlineObj(pass, match, from, 'target', 'target')
    const target = result.node // (`inlineObj` makes one node or none)
    if (target && target.type === 'target') {
      const node = target as RstElement
      const name = fullyNormalizeName(astext(node))
      appendListAttribute(node, 'names', name)
      this.document.noteExplicitTarget(node, this.parent)
    }
    return result
  }

  /** docutils: Inliner.substitution_reference */
  private substitutionReference(pass: Pass, match: InitialMatch, from: number): HandlerResult {
    const result = this.inlineObj(pass, match, from, 'substitution_ref', 'substitution_reference')
    if (result.node !== undefined) { // (`inlineObj` makes one node or none)
      const subref = result.node as RstElement
      if (subref.type === 'substitution_reference') {
        const subrefText = astext(subref)
        this.document.noteSubstitutionRef(subref, subrefText)
        const endstring = result.endstring
        if (endstring.endsWith('_')) {
          const reference = element('reference')
          if (endstring.endsWith('__')) {
            reference.attributes.anonymous = true
          } else {
            reference.attributes.refname = fullyNormalizeName(subrefText)
            this.document.noteRefname(reference)
          }
          reference.children.push(subref)
          result.node = reference
        }
      }
    }
    return result
  }

  /** docutils: Inliner.footnote_reference (footnote and citation references). */
  private footnoteReference(pass: Pass, match: InitialMatch, from: number): HandlerResult {
    const { value } = pass
    const label = value.slice(match.labelStart, match.labelEnd)
    let refname = fullyNormalizeName(label)
    let beforeEnd = match.wholeStart
    const remaining = match.wholeEnd
    let refnode: RstElement
    if (match.citation) {
      refnode = element('citation_reference', undefined, listOf1(text(label)))
      refnode.attributes.refname = refname
      this.document.noteCitationRef(refnode)
    } else {
      refnode = element('footnote_reference')
      if (refname.startsWith('#')) {
        refname = refname.slice(1)
        refnode.attributes.auto = 1
        this.document.noteAutofootnoteRef(refnode)
      } else if (refname === '*') {
        refname = ''
        refnode.attributes.auto = '*'
        this.document.noteSymbolFootnoteRef(refnode)
      } else {
        refnode.children.push(text(label))
      }
      if (refname) {
        refnode.attributes.refname = refname
        this.document.noteFootnoteRef(refnode)
      }
      if (getTrimFootnoteRefSpace(this.document.settings)) {
        // `before.rstrip()`: `before` starts where this search started.
        beforeEnd = from + pyRstrip(value.slice(from, beforeEnd)).length
      }
    }
    return pass.result.setNode(beforeEnd, refnode, remaining, noMessages, match.wholeStart, '')
  }

  /** docutils: Inliner.reference and Inliner.anonymous_reference */
  private reference(pass: Pass, match: InitialMatch, anonymous: boolean): HandlerResult {
    const referencename = pass.value.slice(match.refnameStart, match.refnameEnd)
    // A simplename holds no whitespace: `whitespace_normalize_name` keeps it,
    // `fully_normalize_name` only lowercases it.
    const node = element('reference', undefined, listOf1(text(referencename)))
    node.attributes.name = referencename
    if (anonymous) {
      node.attributes.anonymous = true
    } else {
      node.attributes.refname = referencename.toLowerCase()
      this.document.noteRefname(node)
    }
    return pass.result.setNode(match.wholeStart, node, match.wholeEnd, noMessages, -1, '')
  }

  /**
   * docutils: Inliner.implicit_inline — standalone URIs, email addresses and
   * (when enabled) PEP/RFC references in `value[from:to]`, appended to `out`.
   */
  private implicitInline(value: string, from: number, to: number, out: NodeSink): void {
    if (from >= to) return
    const firstTrigger = this.nextTrigger(value, from)
    if (firstTrigger >= to) {
      // No pattern can match (nearly every text): the whole range is text.
      const node = text(value.slice(from, to))
      setInlineSpan(node, from, to)
      out.add(node)
      return
    }
    // Patterns that found nothing in [failedFrom, to): only the new start
    // position (where `^` now matches) needs checking again. One slot per
    // entry of `implicitDispatch` (at most three; -1: not searched yet).
    const dispatch = this.implicitDispatch
    let failedFrom0 = -1
    let failedFrom1 = -1
    let failedFrom2 = -1
    // One scanner for the whole range: its caches depend on `value` and `to` only.
    const scanner = new ImplicitScanner(value, from, to, this.options)
    // With URIs only, the triggers are `searchUri`'s `:`/`@`: the first is known.
    const knownUri = dispatch.length === 1 ? firstTrigger : -1
    while (from < to) {
      scanner.from = from
      let found = false
      for (let kindIndex = 0; kindIndex < dispatch.length; kindIndex++) {
        const kind = dispatch[kindIndex]
        const failed = kindIndex === 0 ? failedFrom0 : kindIndex === 1 ? failedFrom1 : failedFrom2
        let match: { start: number; end: number } | undefined
        if (failed !== -1 && failed <= from) {
          match = kind === 'uri' ? scanner.uriAt(from) : kind === 'pep' ? scanner.pepAt(from) : scanner.rfcAt(from)
        } else {
          match = kind === 'uri' ? scanner.searchUri(from, knownUri) : kind === 'pep' ? scanner.searchPep() : scanner.searchRfc()
          if (!match) {
            if (kindIndex === 0) failedFrom0 = from
            else if (kindIndex === 1) failedFrom1 = from
            else failedFrom2 = from
          }
        }
        if (!match) continue
        const nodes =
          kind === 'uri'
            ? this.standaloneUri(value, match as ReturnType<ImplicitScanner['searchUri']> & object)
            : kind === 'pep'
              ? this.pepReference(value, match as ReturnType<ImplicitScanner['searchPep']> & object)
              : this.rfcReference(value, match as ReturnType<ImplicitScanner['searchRfc']> & object)
        if (nodes === mismatch) continue
        if (match.start > from) this.implicitInline(value, from, match.start, out)
        for (const node of nodes) {
          setInlineSpan(node, match.start, match.end)
          out.add(node)
        }
        from = match.end
        found = true
        break
      }
      if (!found) {
        const node = text(value.slice(from, to))
        setInlineSpan(node, from, to)
        out.add(node)
        return
      }
    }
  }

  /**
   * Position of the first implicit trigger character at or after `from`
   * (`value.length`: none). Callers go forward through a text, so one
   * search answers all the ranges up to that character.
   */
  private nextTrigger(value: string, from: number): number {
    if (this.triggerValue === value && this.triggerFrom !== -1 && this.triggerFrom <= from && from <= this.triggerNext) {
      return this.triggerNext
    }
    const pattern = this.implicitTriggers
    pattern.lastIndex = from
    const next = pattern.test(value) ? pattern.lastIndex - 1 : value.length
    this.triggerValue = value
    this.triggerFrom = from
    this.triggerNext = next
    return next
  }

  /** docutils: Inliner.standalone_uri */
  private standaloneUri(
    value: string, match: { start: number; end: number; schemeStart: number; schemeEnd: number; email: boolean }
  ): RstNode[] | typeof mismatch {
    if (match.email || uriSchemes.has(value.slice(match.schemeStart, match.schemeEnd).toLowerCase())) {
      const addscheme = match.email ? 'mailto:' : ''
      const content = value.slice(match.start, match.end)
      const refuri = addscheme + unescape(content)
      const node = element('reference', undefined, listOf1(text(content)))
      node.attributes.refuri = refuri
      return [node]
    }
    return mismatch
  }

  /** docutils: Inliner.pep_reference */
  private pepReference(value: string, match: { start: number; end: number; numberStart: number; numberEnd: number }): RstNode[] | typeof mismatch {
    const content = value.slice(match.start, match.end)
    if (!content.startsWith('pep-') && !content.startsWith('PEP')) return mismatch
    const pepnum = digitValue(unescape(value.slice(match.numberStart, match.numberEnd)))
    const settings = this.document.settings
    const ref = settings.pep_base_url + formatPercent(settings.pep_file_url_template, pepnum)
    return [element('reference', { refuri: ref }, listOf1(text(content)))]
  }

  /** docutils: Inliner.rfc_reference */
  private rfcReference(value: string, match: { start: number; end: number; numberStart: number; numberEnd: number }): RstNode[] | typeof mismatch {
    const content = value.slice(match.start, match.end)
    if (!content.startsWith('RFC')) return mismatch
    const rfcnum = digitValue(unescape(value.slice(match.numberStart, match.numberEnd)))
    const ref = this.document.settings.rfc_base_url + formatPercent(this.rfcUrl, rfcnum)
    return [element('reference', { refuri: ref }, listOf1(text(content)))]
  }
}

/**
 * A global pattern matching the ASCII characters one of which every match
 * of the implicit patterns contains: `:` (absolute URI) or `@` (email
 * address) for `uri`, `p`/`P` for `pep` (`pep-…`, `PEP …`), `R` for `rfc`
 * (`RFC…`). A range without any of them needs no pattern search.
 */
function implicitTriggerPattern(dispatch: readonly ImplicitKind[]): RegExp {
  let characters = ''
  for (const kind of dispatch) characters += kind === 'uri' ? ':@' : kind === 'pep' ? 'pP' : 'R'
  if (!characters) return noTriggers
  // Shared between inliners: every use sets `lastIndex` first.
  let pattern = triggerPatterns.get(characters)
  if (pattern === undefined) {
    pattern = new RegExp(`[${characters}]`, 'g')
    triggerPatterns.set(characters, pattern)
  }
  return pattern
}

/**
 * A global pattern (shared: every use sets `lastIndex` first) matching the
 * characters one of which a text needs for `parse` to do more than return it
 * as one text node: a backslash (`escape2null`), a start-string character
 * (`nextStartCharacter`) or an implicit trigger (`implicitTriggerPattern`).
 */
function specialsPattern(dispatch: readonly ImplicitKind[]): RegExp {
  let characters = '\\\\*`_|'
  for (const kind of dispatch) characters += kind === 'uri' ? ':@' : kind === 'pep' ? 'pP' : 'R'
  let pattern = specialsPatterns.get(characters)
  if (pattern === undefined) {
    pattern = new RegExp(`[${characters}]`, 'g')
    specialsPatterns.set(characters, pattern)
  }
  return pattern
}

/** `''.join(value.split())` (Python): `value` without whitespace. */
function removeWhitespace(value: string): string {
  const length = value.length
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index)
    if (code > 0x20 && code < 0x85) continue // printable ASCII: never whitespace
    if (isPySpace(code)) return pySplit(value).join('')
  }
  return value
}

/** Python `int()` of a string of decimal digits (any script). */
function digitValue(digits: string): number {
  let result = 0
  for (const character of digits) {
    const code = character.codePointAt(0)!
    let digit: number
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30
    else {
      let zero = code
      while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero--
      digit = (code - zero) % 10
    }
    result = result * 10 + digit
  }
  return result
}

/**
 * docutils: utils.get_trim_footnote_ref_space.
 *
 * @param settings Settings.
 * @returns Whether to trim the space before footnote references.
 */
export function getTrimFootnoteRefSpace(settings: Partial<Settings>): boolean {
  const value = settings.trim_footnote_reference_space
  if (value === null || value === undefined) return settings.footnote_references === 'superscript'
  return Boolean(value)
}
