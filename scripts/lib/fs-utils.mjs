// Small file-system helpers for the scripts (Node 20: no fs.glob).
import {existsSync, readdirSync} from 'node:fs';
import {join, relative, sep} from 'node:path';

/**
 * Files under `dir` (recursively) whose name ends with `extension`, as sorted POSIX paths relative to `dir`.
 * Folders starting with `.` are skipped.
 * @param {string} dir
 * @param {string} extension
 * @returns {string[]}
 */
export function listFiles(dir, extension) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const result = [];
  /** @param {string} current */
  const walk = (current) => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(extension)) result.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return result.sort();
}

/**
 * Compare version names numerically segment by segment (`1.10` > `1.9`), newest first.
 * @param {string} a
 * @param {string} b
 */
export function compareVersionsDescending(a, b) {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    if (x !== y) {
      if (Number.isInteger(nx) && Number.isInteger(ny) && x !== '' && y !== '') return ny - nx;
      return y < x ? -1 : 1;
    }
  }
  return 0;
}
