import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSuggester, suggest } from '../../../lib/analysis/suggest';
import type { ReplyHistoryEntry } from '../../../lib/analysis/types';
import { loadPlaybook } from '../../../lib/playbook/load';
import { fixturePlaybook } from './helpers';

const playbook = fixturePlaybook();
const author = { name: 'Maria José Alvarez', handle: 'mariaj' };
const values = { agent_initials: 'AB' };

describe('suggest', () => {
  it('puts the response whose intent and words match first', () => {
    const [top] = suggest('@beanthere where is my order? it is two days late', playbook, { author, values });
    expect(top?.responseId).toBe('late-order');
    expect(top?.why.join(' ')).toMatch(/complaint/);
    expect(top?.why.join(' ')).toMatch(/trigger: (late|where is my order)/);
  });

  it('suggests the thank-you for praise', () => {
    const [top] = suggest('I love you guys, best coffee in town!', playbook, { author, values });
    expect(top?.responseId).toBe('thanks');
  });

  it("fills the person's first name, the brand and the sign-off", () => {
    const [top] = suggest('my cup arrived broken', playbook, { author, values });
    expect(top?.responseId).toBe('damaged');
    expect(top?.text).toContain('Maria,');
    expect(top?.text).toContain('^AB');
    expect(top?.missing).toEqual([]);
  });

  it('keeps a suggestion whose variables have no value and reports them as missing', () => {
    const [top] = suggest('my cup arrived broken', playbook, {});
    expect(top?.responseId).toBe('damaged');
    expect(top?.text).toContain('{first_name}');
    expect(top?.missing).toEqual(expect.arrayContaining(['first_name', 'signoff']));
  });

  it('returns at most k suggestions, best first, scored 0..1', () => {
    const list = suggest('still waiting for my order, it is late', playbook, { k: 2, author, values });
    expect(list.length).toBeLessThanOrEqual(2);
    for (const s of list) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(list[0]?.score).toBeGreaterThanOrEqual(list[1]?.score ?? 0);
  });

  it('rotates to a variant that was not used recently', () => {
    const now = Date.UTC(2026, 10, 23);
    const first = suggest('love it, thanks!', playbook, { author, values, now })[0];
    expect(first?.variant).toBe(0);
    const history: ReplyHistoryEntry[] = [
      { text: 'x', at: now - 60_000, responseId: 'thanks', variant: 0 },
      { text: 'y', at: now - 120_000, responseId: 'thanks', variant: 1 },
    ];
    const next = suggest('love it, thanks!', playbook, { author, values, now, history })[0];
    expect(next?.responseId).toBe('thanks');
    expect(next?.variant).toBe(2);
  });

  it('does not offer private-message responses for a public reply', () => {
    const publicIds = suggest('I want a refund, give me my money back', playbook, {
      author,
      values,
      k: 10,
    }).map((s) => s.responseId);
    expect(publicIds).not.toContain('refund-dm');
    const dmIds = suggest('I want a refund, give me my money back', playbook, {
      author,
      values,
      channel: 'dm',
    }).map((s) => s.responseId);
    expect(dmIds).toContain('refund-dm');
  });

  it('respects responses limited to one site', () => {
    const comment = 'when is the tasting event?';
    const onX = suggest(comment, playbook, { platform: 'x', author, values, k: 10 }).map((s) => s.responseId);
    const onFacebook = suggest(comment, playbook, { platform: 'facebook', author, values }).map(
      (s) => s.responseId,
    );
    expect(onX).not.toContain('facebook-only-event');
    expect(onFacebook[0]).toBe('facebook-only-event');
  });

  it("picks a variant that fits X's limit and marks a response that cannot fit", () => {
    const long = 'a'.repeat(300);
    const base = fixturePlaybook();
    const thanks = base.responses.find((r) => r.id === 'thanks');
    if (!thanks) throw new Error('fixture changed');
    thanks.variants = [`Thank you {first_name} ${long}`, 'Thank you, {first_name}!'];
    const fit = createSuggester(base).suggest('love it, thanks!', { author, values, platform: 'x' })[0];
    expect(fit?.variant).toBe(1);
    expect(fit?.fits).toBe(true);
    thanks.variants = [`Thank you {first_name} ${long}`];
    const tooLong = createSuggester(base).suggest('love it, thanks!', {
      author,
      values,
      platform: 'x',
      k: 5,
    });
    const entry = tooLong.find((s) => s.responseId === 'thanks');
    expect(entry?.fits).toBe(false);
    const onFacebook = createSuggester(base).suggest('love it, thanks!', {
      author,
      values,
      platform: 'facebook',
    });
    expect(onFacebook[0]?.fits).toBe(true);
  });

  it('offers responses for the intent even when no words match', () => {
    const list = suggest('🙌🙌 legends', playbook, { author, values, k: 3 });
    expect(list.length).toBeGreaterThan(0);
  });

  it('gives sensible answers with the bundled sample playbook', () => {
    const path = join(process.cwd(), 'assets/playbook.sample.yaml');
    if (!existsSync(path)) return;
    const loaded = loadPlaybook(readFileSync(path, 'utf8'));
    if (!loaded.ok) throw new Error('sample playbook does not load');
    const sample = loaded.playbook;
    const late = suggest('where is my order?? still not here after a week', sample, { author })[0];
    const lateResponse = sample.responses.find((r) => r.id === late?.responseId);
    expect(lateResponse?.intents).toContain('complaint');
    const thanks = suggest('Love this place, best flat white ever!', sample, { author })[0];
    const thanksResponse = sample.responses.find((r) => r.id === thanks?.responseId);
    expect(thanksResponse?.intents).toContain('praise');
  });
});

describe('results crossing extension messaging', () => {
  it('survive a JSON round trip unchanged', () => {
    const list = suggest('my cup arrived broken', playbook, { author, values });
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });
});
