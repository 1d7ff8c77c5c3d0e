/**
 * @rstmdx/rst-parser — public API (re-exports only).
 */
export { parse } from './lib/parse.js'
export { toPseudoXml } from './lib/pformat.js'
export { toMdast } from './lib/to-mdast/index.js'
export { handlers as defaultHandlers } from './lib/to-mdast/handle/index.js'
export { toMdx } from './lib/to-mdx.js'
export { rstToMdx, decodeRst } from './lib/convert.js'
export { repairMojibake } from './lib/mojibake.js'
export { rstParse, rstToMdast } from './lib/plugins.js'
export type { RstToMdxOptions, DecodedRst } from './lib/convert.js'
export type { ToMdastOptions, ImageOptions, Handler, State } from './lib/to-mdast/types.js'
export type { RstParseOptions } from './lib/plugins.js'
export type { MojibakeRepair } from './lib/mojibake.js'
export type { RstNode, RstElement, RstText, RstDocument } from './lib/nodes.js'
export type { Settings } from './lib/settings.js'
