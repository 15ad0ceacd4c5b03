/**
 * How much staff changed a suggestion before posting it, as a number from 0 (posted as suggested) to 1
 * (nothing in common). It feeds the "responses that staff rewrite heavily" hint for the playbook owner.
 */

/** Longer texts are compared on their first this-many characters: a huge paste must not stall the worker. */
export const EDIT_DISTANCE_CAP = 2000;

/**
 * Whitespace is collapsed and trimmed first: sites rewrite line breaks and trailing spaces on their own, and
 * that is not an edit the person made.
 */
function units(text: string, cap: number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > cap ? chars.slice(0, cap) : chars;
}

/**
 * Levenshtein distance over code points (an emoji counts as one character). Two rows of the table are kept,
 * and the common prefix and suffix are skipped first because a lightly edited suggestion is mostly shared.
 */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return m;
  if (m === 0) return n;

  let prev = new Array<number>(m + 1);
  let curr = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    const ca = a[start + i - 1];
    for (let j = 1; j <= m; j++) {
      const cost = ca === b[start + j - 1] ? 0 : 1;
      const del = (prev[j] ?? 0) + 1;
      const ins = (curr[j - 1] ?? 0) + 1;
      const sub = (prev[j - 1] ?? 0) + cost;
      curr[j] = Math.min(del, ins, sub);
    }
    const swap = prev;
    prev = curr;
    curr = swap;
  }
  return prev[m] ?? 0;
}

/**
 * Edit distance divided by the longer text's length, so 0.25 means a quarter of the reply was changed
 * whatever its length. Two empty texts are identical (0).
 */
export function normalizedEditDistance(suggestion: string, posted: string, cap = EDIT_DISTANCE_CAP): number {
  const a = units(suggestion, cap);
  const b = units(posted, cap);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  return levenshtein(a, b) / longest;
}
