// The scripts run from the repository root, but their dependencies (the parser, gettext-parser,
// playwright-core…) are dependencies of packages/site: resolve them from there.
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {siteDir} from './paths.mjs';

const siteRequire = createRequire(join(siteDir, 'package.json'));

/**
 * Import a package the way packages/site would.
 * @param {string} name
 * @returns {Promise<any>}
 */
export async function importFromSite(name) {
  return import(pathToFileURL(siteRequire.resolve(name)).href);
}

/**
 * Path of a package's file, resolved from packages/site (e.g. a bin script).
 * @param {string} request
 */
export function resolveFromSite(request) {
  return siteRequire.resolve(request);
}
