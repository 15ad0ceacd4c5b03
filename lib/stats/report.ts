import type { Intent } from '../playbook/schema';
import type { SiteId } from '../sites/model';
import type { LedgerEntry, ReplyEntry, SeenEntry } from './entries';
import { entryTime } from './prune';
import { DAY_MS, HOUR_MS, localDayStart, MINUTE_MS, median, percentile, timeToReply } from './time';

/**
 * The reports staff and managers read: does the team answer people, how fast, how often it thanks them, and
 * whether its replies give or only sell. Everything here is computed from ledger entries alone, and the
 * result is plain JSON so it can cross the messaging boundary and be exported as is.
 */

export const PERIODS = ['today', '7d', '30d', '90d'] as const;
export type Period = (typeof PERIODS)[number];

const PERIOD_DAYS: Record<Period, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90 };

/**
 * The range a period covers: from the start of the local day `days - 1` days ago up to now. `offsetMinutes`
 * is the local clock's distance ahead of UTC (`-new Date().getTimezoneOffset()` in a browser).
 */
export function periodRange(period: Period, now: Date, offsetMinutes = 0): { from: Date; to: Date } {
  const today = localDayStart(now.getTime(), offsetMinutes);
  return { from: new Date(today - (PERIOD_DAYS[period] - 1) * DAY_MS), to: now };
}

/** Time-to-reply bands for the distribution chart, by upper bound (exclusive). */
export const REPLY_TIME_BANDS = [
  { id: 'under15m', below: 15 * MINUTE_MS },
  { id: 'under1h', below: HOUR_MS },
  { id: 'under4h', below: 4 * HOUR_MS },
  { id: 'under24h', below: DAY_MS },
  { id: 'over24h', below: Number.POSITIVE_INFINITY },
] as const;
export type ReplyTimeBand = (typeof REPLY_TIME_BANDS)[number]['id'];

/**
 * A reply thanks the person when it answers praise (the thank-you flow) or its text says thanks. Matching the
 * stem "thank" covers "thanks", "thank you" and "thankful".
 */
const THANKS = /\b(?:thank|thx|appreciate|grateful)/i;

export function isThankYou(reply: Pick<ReplyEntry, 'intent' | 'text'>): boolean {
  return reply.intent === 'praise' || THANKS.test(reply.text);
}

export interface ResponseUse {
  responseId: string;
  uses: number;
  /** Mean edit distance over the uses that had a suggestion to compare with; null when none had. */
  meanEditDistance: number | null;
}

export interface RewrittenResponse {
  responseId: string;
  /** Uses with a measured edit distance. */
  uses: number;
  meanEditDistance: number;
  /** Uses edited at least as much as the threshold. */
  heavyEdits: number;
}

export interface OfferSituation {
  intent: Intent | null;
  /** The playbook response used, which names the problem more precisely than the intent; null if none. */
  responseId: string | null;
  replies: number;
  /** Replies that included at least one offer. */
  withOffer: number;
  offers: { offerId: string; count: number }[];
  /** Every reply in this situation gave exactly the same offers (none counts as a different answer). */
  consistent: boolean;
}

export interface SeriesPoint {
  /** Start of the hour or local day, epoch ms. */
  start: number;
  /** Relevant items seen. */
  seen: number;
  replies: number;
}

export interface PlatformTotals {
  relevantSeen: number;
  answered: number;
  replies: number;
}

export interface Report {
  from: number;
  to: number;
  generatedAt: number;
  totals: {
    /** Distinct items seen, spam included. */
    seen: number;
    /** Distinct items seen that deserve an answer (everything but spam). */
    relevantSeen: number;
    /** Relevant items seen in the period that got a reply before its end. */
    answered: number;
    replies: number;
    handled: number;
    thankYous: number;
    promotional: number;
  };
  /** answered / relevantSeen; null when nothing relevant was seen. */
  responseRate: number | null;
  timeToReply: {
    /** Replies whose comment time is known. */
    count: number;
    medianMs: number | null;
    p90Ms: number | null;
    bands: { band: ReplyTimeBand; count: number }[];
  };
  /** thankYous / replies; null without replies. */
  thankYouShare: number | null;
  /** Share of posted replies that were promotion-heavy; null without replies. */
  promotionalShare: number | null;
  topResponses: ResponseUse[];
  rewrittenResponses: RewrittenResponse[];
  offersBySituation: OfferSituation[];
  byPlatform: Record<SiteId, PlatformTotals>;
  series: { unit: 'hour' | 'day'; points: SeriesPoint[] };
}

export interface ReportOptions {
  from: Date | number;
  /** Exclusive. */
  to: Date | number;
  now: Date | number;
  /** Local clock's distance ahead of UTC, for the daily chart's day boundaries. */
  offsetMinutes?: number;
  /** How many most-used responses to list. */
  top?: number;
  /** Mean edit distance from which a response counts as heavily rewritten. */
  rewriteThreshold?: number;
  /** Uses a response needs before its rewrites say anything about it. */
  minRewriteUses?: number;
}

export const DEFAULT_TOP = 5;
export const DEFAULT_REWRITE_THRESHOLD = 0.4;
export const DEFAULT_MIN_REWRITE_USES = 2;

const ms = (value: Date | number): number => (typeof value === 'number' ? value : value.getTime());
const identity = (platform: string, itemId: string): string => `${platform}\u0000${itemId}`;
const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function buildSeries(
  from: number,
  to: number,
  offsetMinutes: number,
  seen: readonly SeenEntry[],
  replies: readonly ReplyEntry[],
): Report['series'] {
  // One local day or less reads better by the hour; anything longer by the day.
  const unit = to - from <= DAY_MS ? 'hour' : 'day';
  const step = unit === 'hour' ? HOUR_MS : DAY_MS;
  // Hours are aligned on the local clock too: some zones are a half or quarter hour off UTC.
  const local = from + offsetMinutes * MINUTE_MS;
  const first =
    unit === 'hour' ? from - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS) : localDayStart(from, offsetMinutes);
  const points: SeriesPoint[] = [];
  for (let start = first; start < to; start += step) points.push({ start, seen: 0, replies: 0 });
  const slot = (at: number): SeriesPoint | undefined => points[Math.floor((at - first) / step)];
  for (const entry of seen) {
    const point = slot(entry.seenAt);
    if (point) point.seen++;
  }
  for (const entry of replies) {
    const point = slot(entry.postedAt);
    if (point) point.replies++;
  }
  return { unit, points };
}

function offerSituations(replies: readonly ReplyEntry[]): OfferSituation[] {
  const groups = new Map<string, { intent: Intent | null; responseId: string | null; list: ReplyEntry[] }>();
  for (const reply of replies) {
    const key = `${reply.intent ?? ''}\u0000${reply.responseId ?? ''}`;
    const group = groups.get(key) ?? { intent: reply.intent, responseId: reply.responseId, list: [] };
    group.list.push(reply);
    groups.set(key, group);
  }
  const situations: OfferSituation[] = [];
  for (const { intent, responseId, list } of groups.values()) {
    const counts = new Map<string, number>();
    for (const reply of list) {
      for (const offerId of new Set(reply.offerIds)) counts.set(offerId, (counts.get(offerId) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    const signatures = new Set(list.map((reply) => [...new Set(reply.offerIds)].sort().join('\u0000')));
    situations.push({
      intent,
      responseId,
      replies: list.length,
      withOffer: list.filter((reply) => reply.offerIds.length > 0).length,
      offers: [...counts]
        .map(([offerId, count]) => ({ offerId, count }))
        .sort((a, b) => b.count - a.count || a.offerId.localeCompare(b.offerId)),
      consistent: signatures.size === 1,
    });
  }
  return situations.sort(
    (a, b) =>
      b.replies - a.replies ||
      (a.intent ?? '').localeCompare(b.intent ?? '') ||
      (a.responseId ?? '').localeCompare(b.responseId ?? ''),
  );
}

function responseUses(
  replies: readonly ReplyEntry[],
  top: number,
  threshold: number,
  minUses: number,
): Pick<Report, 'topResponses' | 'rewrittenResponses'> {
  const byResponse = new Map<string, { uses: number; distances: number[] }>();
  for (const reply of replies) {
    if (reply.responseId === null) continue;
    const stat = byResponse.get(reply.responseId) ?? { uses: 0, distances: [] };
    stat.uses++;
    if (reply.editDistance !== null) stat.distances.push(reply.editDistance);
    byResponse.set(reply.responseId, stat);
  }
  const topResponses = [...byResponse]
    .map(([responseId, stat]) => ({ responseId, uses: stat.uses, meanEditDistance: mean(stat.distances) }))
    .sort((a, b) => b.uses - a.uses || a.responseId.localeCompare(b.responseId))
    .slice(0, top);
  const rewrittenResponses: RewrittenResponse[] = [];
  for (const [responseId, stat] of byResponse) {
    const average = mean(stat.distances);
    if (average === null || stat.distances.length < minUses || average < threshold) continue;
    rewrittenResponses.push({
      responseId,
      uses: stat.distances.length,
      meanEditDistance: average,
      heavyEdits: stat.distances.filter((d) => d >= threshold).length,
    });
  }
  rewrittenResponses.sort(
    (a, b) => b.meanEditDistance - a.meanEditDistance || a.responseId.localeCompare(b.responseId),
  );
  return { topResponses, rewrittenResponses };
}

/**
 * Every metric for the entries in [from, to). Seen items outside the range still supply a reply's comment
 * time when the reply itself did not record one.
 */
export function computeReport(entries: readonly LedgerEntry[], options: ReportOptions): Report {
  const from = ms(options.from);
  const to = ms(options.to);
  const inRange = (entry: LedgerEntry): boolean => {
    const at = entryTime(entry);
    return at >= from && at < to;
  };

  const commentTimes = new Map<string, number>();
  const seenById = new Map<string, SeenEntry>();
  const repliedBefore = new Map<string, number>();
  const replies: ReplyEntry[] = [];
  const handled = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'seen') {
      const key = identity(entry.platform, entry.itemId);
      if (entry.addressedAt !== null && !commentTimes.has(key)) commentTimes.set(key, entry.addressedAt);
      if (inRange(entry) && !seenById.has(key)) seenById.set(key, entry);
    } else if (entry.kind === 'reply') {
      if (entry.postedAt < to && entry.itemId !== null) {
        const key = identity(entry.platform, entry.itemId);
        repliedBefore.set(key, (repliedBefore.get(key) ?? 0) + 1);
      }
      if (inRange(entry)) replies.push(entry);
    } else if (inRange(entry)) {
      handled.add(identity(entry.platform, entry.itemId));
    }
  }

  const seen = [...seenById.values()];
  const relevant = seen.filter((entry) => entry.intent !== 'spam');
  const isAnswered = (entry: SeenEntry): boolean => repliedBefore.has(identity(entry.platform, entry.itemId));
  const answered = relevant.filter(isAnswered);

  const waits: number[] = [];
  for (const reply of replies) {
    const known =
      reply.itemId === null ? undefined : commentTimes.get(identity(reply.platform, reply.itemId));
    const wait = timeToReply(reply.commentAt ?? known ?? null, reply.postedAt);
    if (wait !== null) waits.push(wait);
  }
  const bands = REPLY_TIME_BANDS.map((band, index) => {
    const above = index === 0 ? 0 : (REPLY_TIME_BANDS[index - 1]?.below ?? 0);
    return { band: band.id, count: waits.filter((w) => w >= above && w < band.below).length };
  });

  const thankYous = replies.filter(isThankYou).length;
  const promotional = replies.filter((reply) => reply.promotional).length;

  const platformTotals = (platform: SiteId): PlatformTotals => {
    const mine = relevant.filter((entry) => entry.platform === platform);
    return {
      relevantSeen: mine.length,
      answered: mine.filter(isAnswered).length,
      replies: replies.filter((reply) => reply.platform === platform).length,
    };
  };

  return {
    from,
    to,
    generatedAt: ms(options.now),
    totals: {
      seen: seen.length,
      relevantSeen: relevant.length,
      answered: answered.length,
      replies: replies.length,
      handled: handled.size,
      thankYous,
      promotional,
    },
    responseRate: share(answered.length, relevant.length),
    timeToReply: {
      count: waits.length,
      medianMs: median(waits),
      p90Ms: percentile(waits, 90),
      bands,
    },
    thankYouShare: share(thankYous, replies.length),
    promotionalShare: share(promotional, replies.length),
    ...responseUses(
      replies,
      options.top ?? DEFAULT_TOP,
      options.rewriteThreshold ?? DEFAULT_REWRITE_THRESHOLD,
      options.minRewriteUses ?? DEFAULT_MIN_REWRITE_USES,
    ),
    offersBySituation: offerSituations(replies),
    byPlatform: { x: platformTotals('x'), facebook: platformTotals('facebook') },
    series: buildSeries(from, to, options.offsetMinutes ?? 0, relevant, replies),
  };
}
