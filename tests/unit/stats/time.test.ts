import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_DAYS,
  entryTime,
  planPrune,
  pruneEntries,
  retentionCutoff,
} from '../../../lib/stats/prune';
import {
  DAY_MS,
  dayKeyStart,
  localDayStart,
  MINUTE_MS,
  median,
  percentile,
  timeToReply,
  utcDayKey,
} from '../../../lib/stats/time';
import type { LedgerEntry } from '../../../lib/storage/ledger';

const at = (iso: string): number => Date.parse(iso);

describe('time to reply', () => {
  it('is the time from the comment to the reply', () => {
    expect(timeToReply(at('2026-11-20T10:00:00Z'), at('2026-11-20T10:45:00Z'))).toBe(45 * MINUTE_MS);
  });

  it('is unknown when the comment time is unknown', () => {
    expect(timeToReply(null, at('2026-11-20T10:45:00Z'))).toBeNull();
  });

  it('never goes negative when the page clock is ahead', () => {
    expect(timeToReply(at('2026-11-20T10:46:00Z'), at('2026-11-20T10:45:00Z'))).toBe(0);
  });
});

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('uses the nearest rank for the 90th percentile', () => {
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 90)).toBeNull();
  });
});

describe('days', () => {
  it('names the UTC day of an instant', () => {
    expect(utcDayKey(at('2026-11-20T23:59:59.999Z'))).toBe('2026-11-20');
    expect(dayKeyStart('2026-11-21')).toBe(at('2026-11-21T00:00:00Z'));
  });

  it('finds the start of the local day for a clock ahead of or behind UTC', () => {
    const instant = at('2026-11-20T23:30:00Z');
    expect(localDayStart(instant, 0)).toBe(at('2026-11-20T00:00:00Z'));
    // In UTC+1 it is already 00:30 on the 21st.
    expect(localDayStart(instant, 60)).toBe(at('2026-11-20T23:00:00Z'));
    // In UTC-5 it is 18:30 on the 20th, a day that began at 05:00 UTC.
    expect(localDayStart(instant, -300)).toBe(at('2026-11-20T05:00:00Z'));
  });
});

describe('pruning', () => {
  const seen = (seenAt: number): LedgerEntry => ({
    kind: 'seen',
    platform: 'x',
    itemId: String(seenAt),
    intent: 'question',
    addressedAt: null,
    seenAt,
  });
  const now = at('2026-11-23T12:00:00Z');

  it('keeps 90 days by default', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(90);
    expect(retentionCutoff(now, 90)).toBe(now - 90 * DAY_MS);
  });

  it('keeps entries at or after the cutoff and removes older ones', () => {
    const cutoff = retentionCutoff(now, 2);
    const entries = [seen(cutoff - 1), seen(cutoff), seen(now)];
    expect(pruneEntries(entries, cutoff).map(entryTime)).toEqual([cutoff, now]);
  });

  it('uses the time an entry happened, whatever its kind', () => {
    const reply: LedgerEntry = {
      kind: 'reply',
      platform: 'x',
      itemId: '1',
      intent: null,
      responseId: null,
      variant: null,
      editDistance: null,
      promoScore: 0,
      promotional: false,
      offerIds: [],
      commentAt: 5,
      postedAt: 9,
      text: 'hi',
    };
    expect(entryTime(reply)).toBe(9);
    expect(entryTime({ kind: 'handled', platform: 'facebook', itemId: '2', intent: null, at: 7 })).toBe(7);
  });

  it('drops whole days before the cutoff and rewrites only the day it falls in', () => {
    const cutoff = at('2026-11-21T12:00:00Z');
    expect(planPrune(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'], cutoff)).toEqual({
      drop: ['2026-11-19', '2026-11-20'],
      trim: ['2026-11-21'],
      keep: ['2026-11-22'],
    });
  });

  it('drops a day that ends exactly at the cutoff without rewriting it', () => {
    expect(planPrune(['2026-11-20', '2026-11-21'], at('2026-11-21T00:00:00Z'))).toEqual({
      drop: ['2026-11-20'],
      trim: [],
      keep: ['2026-11-21'],
    });
  });
});
