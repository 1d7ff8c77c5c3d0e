/**
 * Path containment for `settings.root` / `--root`: includes, raw files,
 * images and CLI inputs may not leave the docs root.
 */
import path from 'node:path'

/**
 * Whether `file` (absolute) lies inside `directory` (absolute).
 * `..foo` is a name inside; only a `..` segment leaves the directory.
 */
export function isInsideDirectory(directory: string, file: string): boolean {
  const relative = path.relative(directory, file)
  return !(relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative))
}
