/**
 * Which thank-you variant to offer next. The same words posted twice in a row look automated (and X treats
 * repeated identical replies as spam), so the lane moves past the variant used last. The panel's own memory
 * wins over the history from the background: it knows about an insertion the background may not have
 * recorded yet.
 */
export function pickVariant(
  count: number,
  lastFromHistory: number | null,
  lastHere: number | undefined,
): number {
  if (count <= 1) return 0;
  const last = lastHere ?? lastFromHistory;
  if (last === null || last < 0 || last >= count) return 0;
  return (last + 1) % count;
}

/** The variant after `current`, for "another wording". */
export function nextVariant(count: number, current: number): number {
  return count <= 1 ? 0 : (current + 1) % count;
}
