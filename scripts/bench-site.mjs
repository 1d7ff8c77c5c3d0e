#!/usr/bin/env node
// Site build benchmark (root: `pnpm bench:site`): cold and cached builds of the full site (all versions and
// locales), each as conversion (scripts/convert.mjs) + `docusaurus build`, with wall time and peak memory.
//
// Cold = no packages/site/build, .docusaurus or node_modules/.cache (Rspack persistent cache);
// cached = the same build again. Peak memory is the largest resident set size of the whole process tree,
// sampled from /proc every 100 ms (Linux). Results are printed and written to .generated/bench-site.json.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {repoRoot, siteDir} from './lib/paths.mjs';
import {resolveFromSite} from './lib/site-import.mjs';

const {values} = parseArgs({options: {runs: {type: 'string', default: '1'}}});
const cachedRuns = Math.max(1, Number(values.runs) || 1);
const docusaurus = resolveFromSite('@docusaurus/core/bin/docusaurus.mjs');
const convert = join(repoRoot, 'scripts', 'convert.mjs');

/** Children of every process, from /proc. */
function childrenMap() {
  /** @type {Map<number, number[]>} */
  const map = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(parent) ?? [];
      list.push(Number(entry));
      map.set(parent, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  return map;
}

/** Resident set size (bytes) of a process and its descendants. @param {number} pid */
function treeRss(pid) {
  const children = childrenMap();
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = /** @type {number} */ (stack.pop());
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

/**
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{seconds: number, peakBytes: number}>}
 */
function measure(args, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {cwd, stdio: ['ignore', 'ignore', 'inherit']});
    let peakBytes = 0;
    const canSample = existsSync('/proc/self/status');
    const timer = setInterval(() => {
      if (canSample && child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`bench:site: node ${args.join(' ')} exited with ${code}`));
      else resolve({seconds: Number(process.hrtime.bigint() - start) / 1e9, peakBytes});
    });
  });
}

async function buildOnce() {
  const conversion = await measure([convert, '--quiet'], repoRoot);
  const build = await measure([docusaurus, 'build'], siteDir);
  return {
    convertSeconds: round(conversion.seconds),
    buildSeconds: round(build.seconds),
    totalSeconds: round(conversion.seconds + build.seconds),
    peakMemoryMiB: Math.round(Math.max(conversion.peakBytes, build.peakBytes) / 2 ** 20),
  };
}

/** @param {number} value */
function round(value) {
  return Math.round(value * 100) / 100;
}

for (const path of ['build', '.docusaurus', join('node_modules', '.cache')]) {
  rmSync(join(siteDir, path), {recursive: true, force: true});
}
console.log('bench:site: cold build (no build/, .docusaurus/ or Rspack cache)…');
const cold = await buildOnce();
/** @type {Awaited<ReturnType<typeof buildOnce>>[]} */
const cached = [];
for (let run = 0; run < cachedRuns; run++) {
  console.log(`bench:site: cached build ${run + 1}/${cachedRuns}…`);
  cached.push(await buildOnce());
}

const pages = readdirSync(join(siteDir, 'build'), {recursive: true}).filter((file) => String(file).endsWith('.html')).length;
const result = {date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).availableParallelism(), htmlPages: pages, cold, cached};
console.log('');
console.log('| build  | convert (s) | docusaurus (s) | total (s) | peak memory (MiB) |');
console.log('| ------ | ----------- | -------------- | --------- | ----------------- |');
for (const [name, row] of [['cold', cold], ...cached.map((row, index) => [`cached${cachedRuns > 1 ? index + 1 : ''}`, row])]) {
  const r = /** @type {typeof cold} */ (row);
  console.log(`| ${String(name).padEnd(6)} | ${String(r.convertSeconds).padStart(11)} | ${String(r.buildSeconds).padStart(14)} | ${String(r.totalSeconds).padStart(9)} | ${String(r.peakMemoryMiB).padStart(17)} |`);
}
console.log(`\n${pages} HTML pages, ${result.cpus} CPUs, Node ${process.version}`);
mkdirSync(join(repoRoot, '.generated'), {recursive: true});
writeFileSync(join(repoRoot, '.generated', 'bench-site.json'), `${JSON.stringify(result, null, 2)}\n`);
