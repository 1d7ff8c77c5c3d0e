/**
 * Lists that live through a parse (children, list attributes, per-parse
 * records), allocated without an allocation site so that V8 never
 * pretenures them.
 *
 * Why: an array or object literal has an allocation site, and V8 moves a
 * site whose objects survive scavenges to the old generation
 * ("pretenuring"). For a parse that is a trap: the tree dies with its parse
 * (and with the conversion of each document), but an old object of a
 * finished parse that points at a young node is a root for every scavenge
 * until the next full GC. Nodes point at their parents, so one such object
 * kept the whole dead tree alive, and the scavenges copied and promoted it;
 * every store of a young value into an old object also takes the slow path
 * of the write barrier. With the tree, its lists and the per-parse records
 * (memo, pending entries, id counters, observers) allocated young, the data
 * surviving a scavenge fell from 4.3 to 1.6 MB and a docutils-docs pass from
 * ≈ 98 to ≈ 79 ms (sphinx-docs ≈ 103 → 63 ms); `--no-allocation-site-pretenuring`
 * gives the same, which shows nothing pretenured is left that matters.
 * Keep it so: no literal (`[x]`, `{a: x}`) for anything that holds a node
 * and lives through a parse; use these helpers, a class, or `{}` + stores.
 */

/** Scratch lists copied by `slice` (a builtin that allocates young and exact-size). */
const scratch1: unknown[] = [undefined]
const scratch2: unknown[] = [undefined, undefined]

/** An exact-size copy of `list[start, end)` (`slice`: no allocation site). */
export function listCopy<T>(list: readonly T[], start = 0, end = list.length): T[] {
  return list.slice(start, end)
}

/** `[]` for a list the tree keeps. */
export function emptyList<T>(): T[] {
  return new Array<T>()
}

/** `[item]` for a list the tree keeps. */
export function listOf1<T>(item: T): T[] {
  scratch1[0] = item
  const list = scratch1.slice() as T[]
  scratch1[0] = undefined
  return list
}

/** `[first, second]` for a list the tree keeps. */
export function listOf2<T>(first: T, second: T): T[] {
  scratch2[0] = first
  scratch2[1] = second
  const list = scratch2.slice() as T[]
  scratch2[0] = undefined
  scratch2[1] = undefined
  return list
}
