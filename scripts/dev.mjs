#!/usr/bin/env node
// `pnpm dev`: convert content/ once, start Docusaurus' dev server, and convert again whenever an RST
// source, a translation, a catalog or an image under content/ changes (Docusaurus then hot-reloads
// the generated MDX it is already watching).
//
//   node scripts/dev.mjs [-- <docusaurus start options>]   (RSTMDX_LOCALES=es to preview one locale)
import {spawn, spawnSync} from 'node:child_process';
import {watch} from 'node:fs';
import {join} from 'node:path';
import {contentDir, repoRoot, siteDir} from './lib/paths.mjs';

const convertScript = join(repoRoot, 'scripts', 'convert.mjs');

function convertOnce() {
  const result = spawnSync(process.execPath, [convertScript, '--quiet'], {stdio: 'inherit'});
  return result.status === 0;
}

if (!convertOnce()) console.error('dev: the first conversion reported errors; starting the server anyway');

// Docusaurus serves one locale in dev; RSTMDX_LOCALES picks it (default: the default locale).
const locale = (process.env.RSTMDX_LOCALES ?? '').split(',')[0];
const server = spawn('npx', ['docusaurus', 'start', ...(locale ? ['--locale', locale] : []), ...process.argv.slice(2).filter((arg) => arg !== '--')], {
  cwd: siteDir,
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));

// Debounced: editors write several files (or the same file twice) per save.
/** @type {NodeJS.Timeout | undefined} */
let timer;
let running = false;
let again = false;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
}
function run() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const child = spawn(process.execPath, [convertScript, '--quiet'], {stdio: 'inherit'});
  child.on('exit', () => {
    running = false;
    if (again) {
      again = false;
      schedule();
    }
  });
}

watch(contentDir, {recursive: true}, (_event, file) => {
  if (file && !/(^|[/\\])\.|~$/.test(file)) schedule();
});
console.log(`dev: watching ${contentDir} for changes`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
