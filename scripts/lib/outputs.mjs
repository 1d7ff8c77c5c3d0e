// Generated outputs written "in place": a file is rewritten only when its content changed, and after a run only the
// files no longer produced are deleted (plus the folders they leave empty). Docusaurus' dev server watches these
// folders, so a re-run never makes a page disappear for a moment ("Cannot find module '@site/docs/…'").
import {existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';

export class OutputTree {
  /** @param {string[]} roots files and folders owned by this tree (everything in them not produced is stale) */
  constructor(roots) {
    this.roots = roots.map((root) => resolve(root));
    /** @type {Set<string>} */
    this.produced = new Set();
    this.changed = 0;
    this.deleted = 0;
  }

  /**
   * Write `data` to `path` unless the file already holds exactly that.
   * @param {string} path
   * @param {string | Uint8Array} data
   * @returns {boolean} whether the file was written
   */
  write(path, data) {
    const absolute = resolve(path);
    this.produced.add(absolute);
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (existsSync(absolute) && lstatSync(absolute).isFile() && readFileSync(absolute).equals(bytes)) return false;
    mkdirSync(dirname(absolute), {recursive: true});
    writeFileSync(absolute, bytes);
    this.changed++;
    return true;
  }

  /** Delete the files under the roots that this run did not produce, then the folders left empty. */
  removeStale() {
    for (const root of this.roots) {
      if (!existsSync(root)) continue;
      if (!lstatSync(root).isDirectory()) {
        if (!this.produced.has(root)) this.#remove(root);
        continue;
      }
      if (this.#sweep(root)) rmdirSync(root);
    }
  }

  /** @param {string} dir @returns {boolean} whether `dir` is now empty */
  #sweep(dir) {
    let empty = true;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (this.#sweep(full)) rmdirSync(full);
        else empty = false;
      } else if (this.produced.has(full)) empty = false;
      else this.#remove(full);
    }
    return empty;
  }

  /** @param {string} path */
  #remove(path) {
    rmSync(path, {force: true});
    this.deleted++;
  }
}
