import type { LedgerEntry } from './entries';
import { DAY_MS, dayKeyStart } from './time';

/** Default number of days the ledger keeps. */
export const DEFAULT_RETENTION_DAYS = 90;

/** When the entry happened: seen, posted or marked handled. */
export function entryTime(entry: LedgerEntry): number {
  switch (entry.kind) {
    case 'seen':
      return entry.seenAt;
    case 'reply':
      return entry.postedAt;
    case 'handled':
      return entry.at;
  }
}

/** Entries older than this instant are removed. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - Math.max(1, Math.floor(retentionDays)) * DAY_MS;
}

/** The entries still inside the retention window. */
export function pruneEntries(entries: readonly LedgerEntry[], cutoff: number): LedgerEntry[] {
  return entries.filter((entry) => entryTime(entry) >= cutoff);
}

export interface PrunePlan {
  /** Whole days that end before the cutoff: removed as a whole, never rewritten. */
  drop: string[];
  /** The day the cutoff falls in: read, filtered and written back. */
  trim: string[];
  keep: string[];
}

/** Sorts day buckets ('YYYY-MM-DD', UTC) by what pruning must do to them: only one is ever rewritten. */
export function planPrune(days: readonly string[], cutoff: number): PrunePlan {
  const plan: PrunePlan = { drop: [], trim: [], keep: [] };
  for (const day of days) {
    const start = dayKeyStart(day);
    if (start + DAY_MS <= cutoff) plan.drop.push(day);
    else if (start < cutoff) plan.trim.push(day);
    else plan.keep.push(day);
  }
  return plan;
}
