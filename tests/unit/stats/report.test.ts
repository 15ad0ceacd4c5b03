import { describe, expect, it } from 'vitest';
import { computeReport, isThankYou, periodRange, type Report } from '../../../lib/stats/report';
import { HOUR_MS, MINUTE_MS } from '../../../lib/stats/time';
import { at, LEDGER, WEEK } from './known-ledger';

describe('the report on a known week', () => {
  const report: Report = computeReport(LEDGER, WEEK);

  it('counts items seen, relevant items, answers, replies and handled items', () => {
    expect(report.totals).toEqual({
      seen: 8,
      relevantSeen: 7,
      answered: 5,
      replies: 8,
      handled: 2,
      thankYous: 4,
      promotional: 3,
    });
  });

  it('computes the response rate over relevant items seen, spam left out', () => {
    expect(report.responseRate).toBeCloseTo(5 / 7, 10);
  });

  it('computes median and p90 time to reply, falling back to the seen comment time', () => {
    // Waits in minutes: 5, 30, 40, 90, 120, 2880 (r4 and r6 have no comment time).
    expect(report.timeToReply.count).toBe(6);
    expect(report.timeToReply.medianMs).toBe(65 * MINUTE_MS);
    expect(report.timeToReply.p90Ms).toBe(48 * HOUR_MS);
    expect(report.timeToReply.bands).toEqual([
      { band: 'under15m', count: 1 },
      { band: 'under1h', count: 2 },
      { band: 'under4h', count: 2 },
      { band: 'under24h', count: 0 },
      { band: 'over24h', count: 1 },
    ]);
  });

  it('counts thank-yous and the share of promotion-heavy replies', () => {
    expect(report.thankYouShare).toBe(0.5);
    expect(report.promotionalShare).toBe(0.375);
  });

  it('lists the most used responses with their mean edit distance', () => {
    expect(report.topResponses.map((r) => [r.responseId, r.uses])).toEqual([
      ['late-order', 3],
      ['faq-hours', 2],
      ['refund-howto', 1],
      ['thanks-praise', 1],
    ]);
    expect(report.topResponses[0]?.meanEditDistance).toBeCloseTo(0.8 / 3, 10);
    expect(report.topResponses[1]?.meanEditDistance).toBeCloseTo(0.7, 10);
    expect(report.topResponses[3]?.meanEditDistance).toBe(0);
  });

  it('flags the responses staff rewrite heavily', () => {
    expect(report.rewrittenResponses).toHaveLength(1);
    expect(report.rewrittenResponses[0]?.responseId).toBe('faq-hours');
    expect(report.rewrittenResponses[0]?.uses).toBe(2);
    expect(report.rewrittenResponses[0]?.heavyEdits).toBe(2);
    expect(report.rewrittenResponses[0]?.meanEditDistance).toBeCloseTo(0.7, 10);
  });

  it('shows offers per situation and whether the same problem got the same offer', () => {
    expect(report.offersBySituation).toEqual([
      {
        intent: 'complaint',
        responseId: 'late-order',
        replies: 3,
        withOffer: 2,
        offers: [{ offerId: 'sorry-10', count: 2 }],
        consistent: false,
      },
      {
        intent: null,
        responseId: null,
        replies: 1,
        withOffer: 1,
        offers: [{ offerId: 'free-shipping', count: 1 }],
        consistent: true,
      },
      {
        intent: 'request',
        responseId: 'refund-howto',
        replies: 1,
        withOffer: 1,
        offers: [{ offerId: 'sorry-10', count: 1 }],
        consistent: true,
      },
    ]);
  });

  it('splits the totals by platform', () => {
    expect(report.byPlatform).toEqual({
      x: { relevantSeen: 5, answered: 4, replies: 7 },
      facebook: { relevantSeen: 2, answered: 1, replies: 1 },
    });
  });

  it('charts relevant items seen and replies per day', () => {
    expect(report.series.unit).toBe('day');
    expect(report.series.points).toEqual([
      { start: at('17T00:00'), seen: 0, replies: 1 },
      { start: at('18T00:00'), seen: 0, replies: 0 },
      { start: at('19T00:00'), seen: 0, replies: 0 },
      { start: at('20T00:00'), seen: 2, replies: 3 },
      { start: at('21T00:00'), seen: 2, replies: 2 },
      { start: at('22T00:00'), seen: 1, replies: 1 },
      { start: at('23T00:00'), seen: 2, replies: 1 },
    ]);
  });

  it('says when and for which range it was made, and survives a JSON round trip', () => {
    expect([report.from, report.to, report.generatedAt]).toEqual([
      at('17T00:00'),
      at('24T00:00'),
      at('23T18:00'),
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('lists only as many top responses as asked and honours the rewrite settings', () => {
    const tuned = computeReport(LEDGER, { ...WEEK, top: 1, rewriteThreshold: 0.25, minRewriteUses: 3 });
    expect(tuned.topResponses.map((r) => r.responseId)).toEqual(['late-order']);
    // late-order: mean 0.267 over 3 uses ≥ 0.25; one of its edits (0.5) is heavy. faq-hours has only 2 uses.
    expect(tuned.rewrittenResponses.map((r) => [r.responseId, r.heavyEdits])).toEqual([['late-order', 1]]);
  });
});

describe('edge cases', () => {
  it('reports nothing, not zero percent, for an empty ledger', () => {
    const report = computeReport([], WEEK);
    expect(report.responseRate).toBeNull();
    expect(report.thankYouShare).toBeNull();
    expect(report.promotionalShare).toBeNull();
    expect(report.timeToReply).toMatchObject({ count: 0, medianMs: null, p90Ms: null });
    expect(report.series.points).toHaveLength(7);
  });

  it('charts a single day by the hour', () => {
    const report = computeReport(LEDGER, { from: at('20T00:00'), to: at('20T14:00'), now: at('20T14:00') });
    expect(report.series.unit).toBe('hour');
    expect(report.series.points).toHaveLength(14);
    expect(report.series.points[10]).toEqual({ start: at('20T10:00'), seen: 1, replies: 1 });
    expect(report.series.points[11]).toEqual({ start: at('20T11:00'), seen: 1, replies: 1 });
    expect(report.series.points[13]).toEqual({ start: at('20T13:00'), seen: 0, replies: 1 });
  });

  it('draws day boundaries on the local clock', () => {
    // In UTC+10 local days begin at 14:00 UTC: r2, posted 20T13:00 UTC (23:00 local on the 20th), belongs to
    // the local day that began at 19T14:00 UTC.
    const report = computeReport(LEDGER, {
      from: at('19T14:00'),
      to: at('21T14:00'),
      now: at('21T14:00'),
      offsetMinutes: 600,
    });
    expect(report.series.points.map((p) => p.start)).toEqual([at('19T14:00'), at('20T14:00')]);
    // 19T14:00–20T14:00 holds r1, r8 and r2; 20T14:00–21T14:00 holds r3 and r4.
    expect(report.series.points.map((p) => p.replies)).toEqual([3, 2]);
  });
});

describe('periods', () => {
  const now = new Date('2026-11-23T18:00:00Z');

  it('starts "today" at local midnight', () => {
    expect(periodRange('today', now)).toEqual({ from: new Date('2026-11-23T00:00:00Z'), to: now });
    expect(periodRange('today', now, 600).from).toEqual(new Date('2026-11-23T14:00:00Z'));
  });

  it('covers whole local days for 7, 30 and 90 days, today included', () => {
    expect(periodRange('7d', now).from).toEqual(new Date('2026-11-17T00:00:00Z'));
    expect(periodRange('30d', now).from).toEqual(new Date('2026-10-25T00:00:00Z'));
    expect(periodRange('90d', now).from).toEqual(new Date('2026-08-26T00:00:00Z'));
  });
});

describe('thank-yous', () => {
  it('counts replies to praise and replies that say thanks', () => {
    expect(isThankYou({ intent: 'praise', text: 'Glad you liked it!' })).toBe(true);
    expect(isThankYou({ intent: 'complaint', text: 'Thank you for your patience.' })).toBe(true);
    expect(isThankYou({ intent: null, text: 'We really appreciate it' })).toBe(true);
    expect(isThankYou({ intent: 'question', text: 'We open at 8.' })).toBe(false);
    expect(isThankYou({ intent: 'question', text: 'Methankful is not a word' })).toBe(false);
  });
});
