/**
 * Worker for `test/pathological.test.ts`: parses `workerData.text` and posts
 * back the root's type, the node count and a deterministic measure of the
 * work done — the number of calls to the string and regex primitives the
 * parser's scanners use, plus calls to the parser's own classes' methods.
 * A loop that rescans its input shows as more calls, so comparing inputs of
 * size n and 2n finds super-linear behaviour without timing anything.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { DocumentContext } from '../../lib/document.js'
import { EndScanner, ImplicitScanner, SimplenameScanner } from '../../lib/inline/scanner.js'
import { Inliner } from '../../lib/inline/inliner.js'
import type { RstNode } from '../../lib/nodes.js'
import { parse } from '../../lib/parse.js'
import { Reporter } from '../../lib/reporter.js'
import { StateMachine, StringList } from '../../lib/statemachine.js'
import { stateClassList } from '../../lib/states/index.js'

let work = 0

type Method = (this: unknown, ...args: unknown[]) => unknown

/** Count every call of `prototype[name]` (a plain method) as one unit of work. */
function count(prototype: object, name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)
  if (!descriptor || typeof descriptor.value !== 'function' || name === 'constructor') return
  const original = descriptor.value as Method
  Object.defineProperty(prototype, name, {
    ...descriptor,
    value: function (this: unknown, ...args: unknown[]) {
      work++
      return original.apply(this, args)
    }
  })
}

function countAll(prototype: object): void {
  for (const name of Object.getOwnPropertyNames(prototype)) count(prototype, name)
}

// Primitives (character-level work).
for (const name of ['charCodeAt', 'codePointAt', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'slice', 'includes']) {
  count(String.prototype, name)
}
count(RegExp.prototype, 'exec')
count(RegExp.prototype, 'test')
// The parser's own classes (line- and node-level work).
const classes = [StateMachine, StringList, Inliner, EndScanner, ImplicitScanner, SimplenameScanner, DocumentContext, Reporter, ...stateClassList]
const seen = new Set<object>()
for (const Class of classes) {
  // Own prototype and its parser base classes (Body → RSTState → State).
  for (let prototype = Class.prototype as object; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    if (seen.has(prototype)) continue
    seen.add(prototype)
    countAll(prototype)
  }
}

const { text } = workerData as { text: string }
work = 0
const tree = parse(text, { settings: { warning_stream: '' } })
const measured = work

let nodes = 0
const visit = (node: RstNode): void => {
  nodes++
  if (node.type !== 'text' && 'children' in node) for (const child of node.children) visit(child)
}
visit(tree)
parentPort!.postMessage({ type: tree.type, nodes, work: measured })
