// Load @rstmdx/rst-parser (its built dist, resolved from packages/site). RSTMDX_PARSER_MODULE=<path> loads
// another build of the same API instead (for trying a work-in-progress parser).
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {importFromSite} from './site-import.mjs';

/** @returns {Promise<any>} */
export async function loadParser() {
  if (process.env.RSTMDX_PARSER_MODULE) {
    return import(pathToFileURL(resolve(process.env.RSTMDX_PARSER_MODULE)).href);
  }
  try {
    return await importFromSite('@rstmdx/rst-parser');
  } catch (error) {
    console.error(
      'cannot load @rstmdx/rst-parser: build it first (npx -y pnpm@12.21.0 --filter @rstmdx/rst-parser build)',
    );
    throw error;
  }
}
