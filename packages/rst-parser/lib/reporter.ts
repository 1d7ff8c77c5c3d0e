/**
 * docutils: utils/__init__.py `Reporter`, `SystemMessage`,
 * nodes.py `system_message`.
 */
import { astext, element, elementOwning, text, type Attributes, type RstElement, type RstNode } from './nodes.js'
import { emptyList, listOf1 } from './util/arrays.js'
import { getSourceLine, setParent, setSourceLine } from './util/node-info.js'

/** docutils: utils.SystemMessage — thrown when a message reaches `halt_level`. */
export class SystemMessageError extends Error {
  readonly level: number
  readonly systemMessage: RstElement
  constructor(systemMessage: RstElement, level: number) {
    super(systemMessageAstext(systemMessage))
    this.name = 'SystemMessageError'
    this.level = level
    this.systemMessage = systemMessage
  }
}

/** Extra attributes for a system message (docutils `**kwargs`). */
export interface MessageAttributes {
  line?: number
  source?: string
  /** Node whose source/line to use (docutils `base_node`). */
  base_node?: RstNode
  /** Machine-readable id, stored in `node.data.ruleId`. */
  ruleId?: string
  backrefs?: string[]
  [key: string]: unknown
}

export type WarningStream = string | false | null | undefined | ((text: string) => void)

export const levels = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'SEVERE'] as const

/** docutils: `system_message.astext()`. */
export function systemMessageAstext(node: RstElement): string {
  const line = node.attributes.line ?? ''
  const body = node.children.map(astext).join('\n\n')
  return `${String(node.attributes.source)}:${String(line)}: (${String(node.attributes.type)}/${String(node.attributes.level)}) ${body}`
}

/**
 * docutils: utils.Reporter — creates `system_message` nodes, reports them
 * to the warning stream and observers, throws at `halt_level`.
 */
export class Reporter {
  static readonly DEBUG_LEVEL = 0
  static readonly INFO_LEVEL = 1
  static readonly WARNING_LEVEL = 2
  static readonly ERROR_LEVEL = 3
  static readonly SEVERE_LEVEL = 4

  source: string
  reportLevel: number
  haltLevel: number
  debugFlag: boolean
  stream: WarningStream
  observers: Array<(message: RstElement) => void> = emptyList()
  maxLevel = -1
  /** Patched in by the state machine (docutils `RSTState.runtime_init`). */
  getSourceAndLine?: (line?: number) => [string | undefined, number | undefined]

  /**
   * @param source Source path or description.
   * @param reportLevel Level at or above which messages go to `stream`.
   * @param haltLevel Level at or above which `SystemMessageError` is thrown.
   * @param stream Warning stream: a callback, or falsy for none.
   * @param debug Produce debug messages?
   */
  constructor(source: string, reportLevel: number, haltLevel: number, stream?: WarningStream, debug = false) {
    this.source = source
    this.reportLevel = reportLevel
    this.haltLevel = haltLevel
    this.stream = stream
    this.debugFlag = debug
  }

  attachObserver(observer: (message: RstElement) => void): void {
    this.observers.push(observer)
  }

  detachObserver(observer: (message: RstElement) => void): void {
    const index = this.observers.indexOf(observer)
    if (index !== -1) this.observers.splice(index, 1)
  }

  notifyObservers(message: RstElement): void {
    const observers = this.observers
    for (let index = 0; index < observers.length; index++) observers[index](message)
  }

  /**
   * docutils: Reporter.system_message.
   *
   * @param level 0 (debug) … 4 (severe).
   * @param message Text of the message (or an Error).
   * @param children Extra children (e.g. a `literal_block`).
   * @param attributes `line`, `base_node`, `ruleId`, other attributes.
   * @returns The `system_message` element.
   */
  systemMessage(level: number, message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement {
    const messageText = message instanceof Error ? message.message : message
    const attrs: Attributes = {}
    let ruleId: string | undefined
    let baseNode: RstNode | undefined
    let hasBaseNode = false
    let hasSource = false
    let hasLine = false
    if (attributes !== undefined) {
      // `for…in` over the (plain, literal) attributes: no entries array per
      // message; which keys were seen is tracked here, not probed with `in`.
      for (const key in attributes) {
        const value = attributes[key]
        if (key === 'base_node') hasBaseNode = true // `'base_node' in attributes`, even when undefined
        if (value === undefined) continue
        if (key === 'ruleId') ruleId = value as string
        else if (key === 'base_node') baseNode = value as RstNode
        // (named stores for the usual keys: a keyed store into the fresh
        // object was measured hot; same keys, same order)
        else if (key === 'line') {
          hasLine = true
          attrs.line = value as Attributes[string]
        } else if (key === 'backrefs') attrs.backrefs = value as Attributes[string]
        else {
          if (key === 'source') hasSource = true
          attrs[key] = value as Attributes[string]
        }
      }
    }
    if (hasBaseNode) {
      const [source, line] = getSourceLine(baseNode)
      if (source !== undefined && !hasSource) {
        attrs.source = source
        hasSource = true
      }
      if (line !== undefined && !hasLine) attrs.line = line
    }
    if (!hasSource) {
      if (this.getSourceAndLine) {
        const [source, line] = this.getSourceAndLine(attrs.line as number | undefined)
        if (source !== undefined && source !== null) {
          attrs.source = source
          hasSource = true
        }
        if (line !== undefined && line !== null) attrs.line = line
      }
      if (!hasSource) attrs.source = this.source
    }
    // `attrs` is ours: add `level` and `type` in place (same key order as
    // `{...attrs, level, type}`) and let the element take it (`elementOwning`:
    // `element()` would copy the attributes once more).
    attrs.level = level
    attrs.type = levels[level]
    // (`element('paragraph', {}, [text])`: the text gets no parent record, as before)
    const paragraph: RstElement | undefined = messageText
      ? element('paragraph', undefined, listOf1<RstNode>(text(messageText)))
      : undefined
    // (an exact one-element list: pushing onto `[]` makes a 17-slot store the tree keeps)
    const children_: RstNode[] = paragraph === undefined ? emptyList<RstNode>() : listOf1<RstNode>(paragraph)
    const node: RstElement = elementOwning('system_message', attrs, children_)
    if (paragraph !== undefined) setParent(paragraph, node)
    if (children !== undefined) {
      for (let index = 0; index < children.length; index++) {
        const child = children[index]
        children_.push(child)
        setParent(child, node)
      }
    }
    setSourceLine(node, attrs.source as string | undefined, attrs.line as number | undefined)
    if (ruleId) node.data = { ruleId }
    if (this.stream && (level >= this.reportLevel || (this.debugFlag && level === 0) || level >= this.haltLevel)) {
      const line = systemMessageAstext(node) + '\n'
      if (typeof this.stream === 'function') this.stream(line)
      else if (typeof process !== 'undefined') process.stderr.write(line)
    }
    if (level >= this.haltLevel) throw new SystemMessageError(node, level)
    if (level > 0 || this.debugFlag) this.notifyObservers(node)
    if (level > this.maxLevel) this.maxLevel = level
    return node
  }

  /** docutils: Reporter.debug — only when debugging; otherwise returns undefined. */
  debug(message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement | undefined {
    if (this.debugFlag) return this.systemMessage(0, message, children, attributes)
    return undefined
  }

  info(message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement {
    return this.systemMessage(1, message, children, attributes)
  }

  warning(message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement {
    return this.systemMessage(2, message, children, attributes)
  }

  error(message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement {
    return this.systemMessage(3, message, children, attributes)
  }

  severe(message: string | Error, children?: RstNode[], attributes?: MessageAttributes): RstElement {
    return this.systemMessage(4, message, children, attributes)
  }
}
