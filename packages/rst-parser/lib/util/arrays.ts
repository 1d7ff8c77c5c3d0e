/**
 * Array helpers for lists the tree keeps (children).
 */

/**
 * An exact-size copy of `list[start, end)`. Short lists (nearly all children
 * lists) are built by array literals, not `slice`: a literal has an
 * allocation site, so V8 can pretenure it (allocate it in the old generation)
 * once it sees that these lists survive — and children lists live as long as
 * the tree. A `slice` copy is always allocated young and then copied by every
 * scavenge that happens during the rest of the parse (twice when promoted).
 * The literals' sites are this function's: keep it for lists the tree keeps,
 * so their survival ratio stays high.
 */
export function treeListCopy<T>(list: readonly T[], start = 0, end = list.length): T[] {
  switch (end - start) {
    case 0:
      return []
    case 1:
      return [list[start]!]
    case 2:
      return [list[start]!, list[start + 1]!]
    case 3:
      return [list[start]!, list[start + 1]!, list[start + 2]!]
    case 4:
      return [list[start]!, list[start + 1]!, list[start + 2]!, list[start + 3]!]
    default:
      return list.slice(start, end)
  }
}
