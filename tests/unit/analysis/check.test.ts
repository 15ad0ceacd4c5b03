import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/analysis/check';
import type { CheckRule, ReplyHistoryEntry } from '../../../lib/analysis/types';
import { fixturePlaybook, spanText } from './helpers';

const playbook = fixturePlaybook();
const NOW = Date.UTC(2026, 10, 23, 12);

function issuesOf(draft: string, extra: Partial<Parameters<typeof check>[1]> = {}) {
  return check(draft, { playbook, now: NOW, ...extra });
}
function rulesOf(draft: string, extra: Partial<Parameters<typeof check>[1]> = {}): CheckRule[] {
  return issuesOf(draft, extra).map((i) => i.rule);
}

describe('check', () => {
  it('passes a friendly, well-formed reply', () => {
    expect(
      issuesOf("Hi Sam, so sorry about the wait. Could you DM us your order number? We'll chase it. ^AB"),
    ).toEqual([]);
  });

  it("flags the playbook's banned phrases wherever they appear, in any case", () => {
    const draft = 'Per our policy we cannot do that. Unfortunately it is closed.';
    const banned = issuesOf(draft).filter((i) => i.rule === 'banned-phrase');
    expect(banned.map((i) => spanText(draft, i))).toEqual(['Per our policy', 'Unfortunately']);
    expect(banned.every((i) => i.severity === 'error')).toBe(true);
  });

  it('asks for private details by DM instead of in public', () => {
    const draft = 'Hi Sam, could you reply here with your order number and email address?';
    const found = issuesOf(draft).filter((i) => i.rule === 'private-detail-request');
    expect(found.map((i) => spanText(draft, i))).toEqual(['order number', 'email address']);
    expect(found[0]?.message).toMatch(/DM/);
    expect(rulesOf('Could you DM us your order number?')).not.toContain('private-detail-request');
  });

  it('stops personal details from being posted publicly', () => {
    expect(rulesOf('We sent it to jane.doe@example.com yesterday')).toContain('private-detail-shared');
    expect(rulesOf('Call Sam back on +44 20 7946 0958 please')).toContain('private-detail-shared');
    expect(rulesOf('Your order #4829173 is on its way')).toContain('private-detail-shared');
    expect(rulesOf('We open at 7am and close at 7pm')).not.toContain('private-detail-shared');
  });

  it('blocks offers above the largest approved percentage', () => {
    const draft = "We're sorry! Here's 25% off your next order.";
    const issue = issuesOf(draft, { replyTo: { text: 'my order is late and nobody answers' } }).find(
      (i) => i.rule === 'offer-too-high',
    );
    expect(issue?.severity).toBe('error');
    expect(spanText(draft, issue ?? { start: 0, end: 0 })).toBe('25%');
  });

  it('warns when an offer is made for a kind of comment it is not meant for', () => {
    const draft = 'Thanks so much! Here is 10% off your next coffee.';
    expect(rulesOf(draft, { replyTo: { text: 'I love your coffee, best in town!' } })).toContain(
      'offer-wrong-intent',
    );
    expect(rulesOf(draft, { replyTo: { text: 'My order arrived broken and late' } })).not.toContain(
      'offer-wrong-intent',
    );
  });

  it('flags any offer when the playbook has none', () => {
    const bare = { ...playbook, offers: [] };
    expect(rulesOf('Sorry! Here is a discount voucher for next time.', { playbook: bare })).toContain(
      'offer-unknown',
    );
  });

  it('does not take "100% sure" for an offer', () => {
    expect(rulesOf("I'm 100% sure it will arrive today")).toEqual([]);
  });

  it('warns about defensive and dismissive wording', () => {
    for (const draft of [
      'Please calm down, we are looking into it.',
      'As I said, the shop is closed on Sundays.',
      'You should have read the instructions first.',
      "That's not our fault, the courier lost it.",
    ]) {
      expect(rulesOf(draft)).toContain('tone');
    }
  });

  it('warns about shouting but not about acronyms', () => {
    expect(rulesOf('WE ARE VERY SORRY ABOUT THIS')).toContain('shouting');
    expect(rulesOf('Please DM us your FAQ question, we reply ASAP in the UK')).not.toContain('shouting');
  });

  it('measures length as X does and points at the part over the limit', () => {
    const fits = `Hi Sam, ${'a'.repeat(200)} https://example.com/${'x'.repeat(200)}`;
    expect(rulesOf(fits, { platform: 'x' })).not.toContain('length');
    const draft = `${'word '.repeat(60)}end`;
    const issue = issuesOf(draft, { platform: 'x' }).find((i) => i.rule === 'length');
    expect(issue?.start).toBe(280);
    expect(issue?.end).toBe(draft.length);
    expect(rulesOf(draft, { platform: 'facebook' })).not.toContain('length');
  });

  it('counts emoji and CJK text double on X', () => {
    expect(rulesOf('注'.repeat(150), { platform: 'x' })).toContain('length');
    expect(rulesOf('注'.repeat(150), { platform: 'facebook' })).not.toContain('length');
  });

  it('reports long drafts as over the limit without parsing all of them', () => {
    const draft = 'Sorry about the wait. '.repeat(100);
    const issue = issuesOf(draft, { platform: 'x' }).find((i) => i.rule === 'length');
    expect(issue?.start).toBeGreaterThan(270);
    expect(issue?.start).toBeLessThanOrEqual(281);
  });

  it('warns about a reply nearly identical to one sent recently, but not an old one', () => {
    const sent = 'Thanks so much for the kind words, Leo! We will pass them on to the team.';
    const recent: ReplyHistoryEntry[] = [{ text: sent, at: NOW - 3_600_000 }];
    const old: ReplyHistoryEntry[] = [{ text: sent, at: NOW - 30 * 24 * 3_600_000 }];
    const draft = 'Thanks so much for the kind words, Mia! We will pass them on to the team.';
    expect(rulesOf(draft, { history: recent })).toContain('duplicate');
    expect(rulesOf(draft, { history: old })).not.toContain('duplicate');
    expect(rulesOf('Sorry to hear that, could you DM us the details?', { history: recent })).not.toContain(
      'duplicate',
    );
  });

  it('flags variables left unfilled, known or not', () => {
    const draft = 'Hi {first_name}, thanks! {agent_nickname}';
    const found = issuesOf(draft).filter((i) => i.rule === 'unfilled-variable');
    expect(found.map((i) => spanText(draft, i))).toEqual(['{first_name}', '{agent_nickname}']);
  });

  it('returns issues in the order they appear', () => {
    const issues = issuesOf('Calm down. Per our policy, send your email address here, {first_name}.');
    const starts = issues.map((i) => i.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
