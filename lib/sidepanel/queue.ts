import type { Intent } from '../playbook/schema';
import type { ItemAnalysis, PanelTabState, QueueEntry } from './types';

/** Pure queue logic: which items wait, in which order, under which filter, and how old they are. */

export const FILTERS = ['needs-reply', 'complaints', 'praise', 'all'] as const;
export type QueueFilter = (typeof FILTERS)[number];

const INTENT_RANK: Record<Intent, number> = {
  complaint: 0,
  question: 1,
  request: 1,
  other: 2,
  praise: 3,
  spam: 4,
};

/** Complaints first (they are public), then questions and requests, then the rest, praise, spam last. */
export function priorityOf(analysis: ItemAnalysis): number {
  return analysis.complaint ? 0 : INTENT_RANK[analysis.intent];
}

/** Join the snapshot's items with their analyses; an item without an analysis is not waiting for the brand. */
export function queueEntries(state: PanelTabState | null): QueueEntry[] {
  if (!state?.snapshot) return [];
  const out: QueueEntry[] = [];
  for (const item of state.snapshot.items) {
    const analysis = state.analyses[item.id];
    if (!analysis || item.answered || item.isBrand) continue;
    out.push({ item, analysis });
  }
  return out;
}

/** Older first within a priority: the person who waited longest gets the answer first. Unknown times last. */
export function sortQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => {
    const p = priorityOf(a.analysis) - priorityOf(b.analysis);
    if (p !== 0) return p;
    const ta = a.item.time ?? Number.POSITIVE_INFINITY;
    const tb = b.item.time ?? Number.POSITIVE_INFINITY;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
  });
}

export function isPraise(analysis: ItemAnalysis): boolean {
  return !analysis.complaint && analysis.intent === 'praise';
}

export function matchesFilter(entry: QueueEntry, filter: QueueFilter): boolean {
  const a = entry.analysis;
  switch (filter) {
    case 'all':
      return true;
    case 'complaints':
      return a.complaint || a.intent === 'complaint';
    case 'praise':
      return isPraise(a);
    case 'needs-reply':
      // Praise has its own thank-you lane and spam deserves no answer.
      return !isPraise(a) && a.intent !== 'spam';
  }
}

export function filterQueue(entries: readonly QueueEntry[], filter: QueueFilter): QueueEntry[] {
  return entries.filter((e) => matchesFilter(e, filter));
}

export function countByFilter(entries: readonly QueueEntry[]): Record<QueueFilter, number> {
  const counts: Record<QueueFilter, number> = { 'needs-reply': 0, complaints: 0, praise: 0, all: 0 };
  for (const e of entries) {
    for (const f of FILTERS) if (matchesFilter(e, f)) counts[f] += 1;
  }
  return counts;
}

/** Praise and positive mentions that a warm thank-you would answer, oldest first. */
export function thankYouEntries(entries: readonly QueueEntry[]): QueueEntry[] {
  return sortQueue(
    entries.filter(
      (e) =>
        isPraise(e.analysis) ||
        (e.analysis.sentiment.label === 'positive' &&
          !e.analysis.complaint &&
          (e.analysis.intent === 'other' || e.analysis.intent === 'praise')),
    ),
  );
}

export type AgeUnit = 'now' | 'minutes' | 'hours' | 'days' | 'weeks';
export interface Age {
  unit: AgeUnit;
  value: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** How long someone has waited, in the largest whole unit; null when the page gave no time. */
export function ageOf(time: number | null, now: Date): Age | null {
  if (time === null) return null;
  const ms = Math.max(0, now.getTime() - time);
  if (ms < MINUTE) return { unit: 'now', value: 0 };
  if (ms < HOUR) return { unit: 'minutes', value: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: 'hours', value: Math.floor(ms / HOUR) };
  if (ms < WEEK) return { unit: 'days', value: Math.floor(ms / DAY) };
  return { unit: 'weeks', value: Math.floor(ms / WEEK) };
}

const SENTIMENT_SIGNALS = new Set(['negative', 'positive', 'negation', 'intensifier', 'emoji', 'emoticon']);

/** The reasons behind the intent chip, or behind the sentiment chip. */
export function reasonsFor(analysis: ItemAnalysis, chip: 'intent' | 'sentiment'): string[] {
  const wanted = analysis.reasons.filter((r) => SENTIMENT_SIGNALS.has(r.signal) === (chip === 'sentiment'));
  return wanted.map((r) => r.text);
}

/** The first few distinct reasons, quoted, for a chip's explanation: "'still waiting', 'never again'". */
export function quoteReasons(reasons: readonly string[], max = 2): string {
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const r of reasons) {
    const key = r.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    picked.push(`‘${r.trim()}’`);
    if (picked.length === max) break;
  }
  return picked.join(', ');
}

const SUPPORTED_HOSTS = ['x.com', 'twitter.com', 'facebook.com'];

/** Is the tab on a site the coach reads? Subdomains count (www., web., mobile.). */
export function isSupportedUrl(url: string | null): boolean {
  if (!url) return false;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return false;
    host = parsed.hostname;
  } catch {
    return false;
  }
  return SUPPORTED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
