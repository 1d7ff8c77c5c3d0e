// gettext support for RST pages, modelled on Sphinx's gettext builder and its Locale transform:
// one message per translatable text element (title, paragraph — including those in list items, admonitions,
// block quotes —, term, rubric, caption), the msgid being the element's RST source with line breaks
// turned into spaces (Sphinx: `node.rawsource.replace('\n', ' ').strip()`).
//
// Translation happens on the source: every element whose msgid has a translation has its source lines
// replaced by the translated RST (titles get their adornment lengthened to fit), and the result is converted
// like any other page. Untranslated and fuzzy entries keep the source text.
import {readFileSync} from 'node:fs';
import {importFromSite} from './site-import.mjs';

/** @typedef {{type: string, attributes?: Record<string, unknown>, children?: RstNode[], position?: {start: {line: number, column: number}, end: {line: number, column: number}}}} RstNode */
/** @typedef {{msgid: string, kind: string, startLine: number, endLine: number, startColumn: number}} Message */
/** @typedef {{entries: Map<string, string>, translated: number, total: number}} Catalog */

const translatable = new Set(['title', 'paragraph', 'term', 'rubric', 'caption']);
// Element types whose content is never translated (code, raw markup, comments, substitution definitions…).
const skipped = new Set([
  'literal_block',
  'doctest_block',
  'raw',
  'comment',
  'substitution_definition',
  'system_message',
  'target',
  'math_block',
]);

/**
 * Translatable messages of an RST document, in document order.
 * @param {string} text RST source
 * @param {{parse: (text: string, options?: object) => RstNode}} parser the @rstmdx/rst-parser module
 * @param {string} source file name (for the parser's diagnostics)
 * @returns {Message[]}
 */
export function extractMessages(text, parser, source) {
  const lines = text.split(/\r?\n/);
  const tree = parser.parse(text, {source, settings: {report_level: 5, halt_level: 5}});
  /** @type {Message[]} */
  const messages = [];
  /** @param {RstNode} node */
  const visit = (node) => {
    if (skipped.has(node.type)) return;
    if (translatable.has(node.type) && node.position) {
      const message = node.type === 'title' ? titleMessage(node, lines) : blockMessage(node, lines);
      if (message && message.msgid) messages.push(message);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return messages;
}

/**
 * @param {RstNode} node
 * @param {string[]} lines
 * @returns {Message | undefined}
 */
function blockMessage(node, lines) {
  const {start, end} = /** @type {NonNullable<RstNode['position']>} */ (node.position);
  // Be lenient with positions: an element may start inside its own inline markup (``literal`` → column of the
  // text), so back up over markup start characters; a term is one line; a paragraph runs to the next blank line
  // or a line indented less than its continuation lines.
  let column = start.column;
  const first = lines[start.line - 1] ?? '';
  while (column > 1 && '`*|_:['.includes(first[column - 2])) column--;
  let endLine = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  if (node.type === 'term') endLine = start.line;
  else {
    const indent = /^\s*/.exec(first)?.[0].length ?? 0;
    const continuation = Math.max(indent, column - 1);
    let line = start.line;
    while (line < lines.length) {
      const next = lines[line] ?? '';
      if (!next.trim() || (/^\s*/.exec(next)?.[0].length ?? 0) < Math.min(continuation, indent || continuation)) break;
      line++;
    }
    endLine = Math.max(endLine, line);
  }
  const parts = [];
  for (let line = start.line; line <= endLine; line++) {
    const value = lines[line - 1] ?? '';
    parts.push(line === start.line ? value.slice(column - 1) : value);
  }
  const msgid = normalize(parts.join('\n'));
  return {msgid, kind: node.type, startLine: start.line, endLine, startColumn: column};
}

/**
 * A section title: the text line(s) between optional over/underlines.
 * @param {RstNode} node
 * @param {string[]} lines
 * @returns {Message | undefined}
 */
function titleMessage(node, lines) {
  const {start, end} = /** @type {NonNullable<RstNode['position']>} */ (node.position);
  let first = start.line;
  let last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  while (first <= last && isAdornment(lines[first - 1] ?? '')) first++;
  while (last >= first && isAdornment(lines[last - 1] ?? '')) last--;
  if (first > last) return undefined;
  const msgid = normalize(lines.slice(first - 1, last).join('\n'));
  const indent = /^\s*/.exec(lines[first - 1] ?? '')?.[0].length ?? 0;
  return {msgid, kind: 'title', startLine: first, endLine: last, startColumn: indent + 1};
}

/** @param {string} line */
function isAdornment(line) {
  const trimmed = line.trimEnd();
  return trimmed.length >= 2 && /^([!-/:-@[-`{-~])\1*$/.test(trimmed);
}

/** @param {string} value */
function normalize(value) {
  return value
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .trim();
}

/**
 * Display width as docutils counts it (utils.column_width): East Asian wide and fullwidth characters count 2.
 * @param {string} text
 */
export function columnWidth(text) {
  let width = 0;
  for (const char of text) {
    const code = /** @type {number} */ (char.codePointAt(0));
    if (/\p{Mn}/u.test(char)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0x303e) ||
      (code >= 0x3041 && code <= 0x33ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xa000 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Read a .po file: translated, non-fuzzy entries only.
 * @param {string} path
 * @returns {Promise<Catalog>}
 */
export async function loadCatalog(path) {
  const {po} = await importFromSite('gettext-parser');
  const data = po.parse(readFileSync(path));
  /** @type {Map<string, string>} */
  const entries = new Map();
  let total = 0;
  for (const context of Object.values(data.translations)) {
    for (const entry of Object.values(/** @type {Record<string, any>} */ (context))) {
      if (!entry.msgid) continue;
      total++;
      const fuzzy = /\bfuzzy\b/.test(entry.comments?.flag ?? '');
      const msgstr = entry.msgstr?.[0] ?? '';
      if (!fuzzy && msgstr.trim()) entries.set(entry.msgid, msgstr);
    }
  }
  return {entries, translated: entries.size, total};
}

/**
 * Apply a catalog to an RST source.
 * @param {string} text
 * @param {Catalog} catalog
 * @param {{parse: (text: string, options?: object) => RstNode}} parser
 * @param {string} source
 */
export function translateRst(text, catalog, parser, source) {
  const lines = text.split(/\r?\n/);
  const messages = extractMessages(text, parser, source);
  // Bottom-up, so earlier line numbers stay valid.
  for (const message of [...messages].sort((a, b) => b.startLine - a.startLine)) {
    const translation = catalog.entries.get(message.msgid);
    if (translation === undefined) continue;
    const firstLine = lines[message.startLine - 1] ?? '';
    const prefix = firstLine.slice(0, message.startColumn - 1);
    const replacement = `${prefix}${translation.replace(/\s*\n\s*/g, ' ').trim()}`;
    lines.splice(message.startLine - 1, message.endLine - message.startLine + 1, replacement);
    if (message.kind === 'title') fitAdornments(lines, message.startLine, replacement);
  }
  return lines.join('\n');
}

/**
 * Lengthen the underline (and overline) of a translated title so docutils does not warn.
 * @param {string[]} lines
 * @param {number} titleLine 1-based line of the (now single-line) title text
 * @param {string} title
 */
function fitAdornments(lines, titleLine, title) {
  const width = columnWidth(title.trimEnd());
  for (const index of [titleLine, titleLine - 2]) {
    const line = lines[index];
    if (line === undefined || !isAdornment(line)) continue;
    const trimmed = line.trimEnd();
    if (columnWidth(trimmed) < width) lines[index] = trimmed[0].repeat(width);
  }
}
