// Well-known folders of the repository, shared by the scripts.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const contentDir = join(repoRoot, 'content');
export const siteDir = join(repoRoot, 'packages', 'site');
export const buildDir = join(siteDir, 'build');

/** Locales of the site; the first one is the default (source) language. */
export const locales = ['en', 'es', 'ja'];
export const defaultLocale = 'en';
