/** Time arithmetic shared by the ledger and the reports. Everything is epoch milliseconds. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The UTC calendar day of an instant, 'YYYY-MM-DD'. The ledger buckets storage by UTC day so that a bucket's
 * name never depends on where (or in which season) the browser happens to be.
 */
export function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the UTC day named by `utcDayKey`. */
export function dayKeyStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/**
 * Start of the local day containing `ms` for a clock `offsetMinutes` ahead of UTC (UTC+1 is 60). The offset
 * is a parameter so reports are the same under Node, happy-dom and any browser time zone.
 */
export function localDayStart(ms: number, offsetMinutes: number): number {
  const shifted = ms + offsetMinutes * MINUTE_MS;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - offsetMinutes * MINUTE_MS;
}

/** Milliseconds from the comment to the reply; a reply cannot come before its comment, so clock skew is 0. */
export function timeToReply(commentAt: number | null, postedAt: number): number | null {
  if (commentAt === null || !Number.isFinite(commentAt)) return null;
  return Math.max(0, postedAt - commentAt);
}

/** Median of the values: the middle one, or the mean of the two middle ones. Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Nearest-rank percentile: the smallest value that at least `p` percent of the values are less than or equal
 * to. It is always a value that occurred, which keeps "90% of replies within 3 h" literally true.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}
