import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, promo } from '../../../lib/analysis';
import { loadPlaybook } from '../../../lib/playbook/load';
import { INTENTS, type Playbook } from '../../../lib/playbook/schema';
import { ODD_TEXT, SEED, within } from './bounds';

function samplePlaybook(): Playbook {
  const res = loadPlaybook(readFileSync('assets/playbook.sample.yaml', 'utf8'));
  if (!res.ok) throw new Error('the sample playbook must load');
  return res.playbook;
}
const PLAYBOOK = samplePlaybook();
const NOW = Date.UTC(2026, 10, 23, 12);

/** Words that trip the rules, mixed with text from every corner of Unicode. */
const piece = fc.oneof(
  fc.constantFrom(
    'Buy now!',
    'Shop today',
    'Order yours',
    '$9.99',
    '€5',
    '50% off',
    'use code SAVE20',
    'https://acme.example/deal',
    'acme.co/x',
    '#deal',
    '#coffee',
    '!!!',
    '!',
    'we',
    'our',
    'We',
    'you',
    'Hi Maria,',
    '?',
    'calm down',
    'per our policy',
    'your order number',
    'DM us your email address',
    'HELLO THERE FRIEND',
    '{first_name}',
    '{frist_name}',
    '^{agent_initials}',
    'free refund',
    '10% discount',
    ' ',
    '\n',
  ),
  fc.constantFrom(...ODD_TEXT),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
);
const draft = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' '));
/** 20,000 characters made by repeating a short mix. */
const longDraft = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => {
  const unit = parts.join(' ') || 'a';
  return unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
});

function expectSpans(text: string, spans: readonly { start: number; end: number; text?: string }[]): void {
  for (const span of spans) {
    expect(Number.isInteger(span.start)).toBe(true);
    expect(Number.isInteger(span.end)).toBe(true);
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    if (span.text !== undefined) expect(text.slice(span.start, span.end)).toBe(span.text);
  }
}

function expectPromo(text: string, threshold?: number, bound = 50): void {
  const policy = threshold === undefined ? PLAYBOOK : { voice: { promoThreshold: threshold } };
  const res = within(bound, () => promo(text, policy));
  expect(Number.isFinite(res.score)).toBe(true);
  expect(res.score).toBeGreaterThanOrEqual(0);
  expect(res.score).toBeLessThanOrEqual(1);
  expect(res.promotional).toBe(res.score > res.threshold);
  for (const reason of res.reasons) {
    expect(reason.weight).toBeGreaterThanOrEqual(0);
    expect(reason.tip.length).toBeGreaterThan(0);
  }
  expectSpans(text, res.reasons);
  if (text.trim() === '') expect(res.score).toBe(0);
}

const history = fc.array(
  fc.record({
    text: draft,
    at: fc.integer({ min: NOW - 30 * 86_400_000, max: NOW }),
    responseId: fc.option(fc.constantFrom(...PLAYBOOK.responses.map((r) => r.id)), { nil: undefined }),
  }),
  { maxLength: 8 },
);
const options = fc.record({
  platform: fc.constantFrom('x' as const, 'facebook' as const),
  history,
  replyTo: fc.option(
    fc.record({ text: draft, intent: fc.option(fc.constantFrom(...INTENTS), { nil: undefined }) }),
    {
      nil: undefined,
    },
  ),
});

describe('scoring any draft for promotional tone', () => {
  it('gives a score between 0 and 1 with reasons that point into the draft', () => {
    fc.assert(
      fc.property(
        draft,
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (text, t) => expectPromo(text, t),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('scores 20,000 characters of any script quickly', () => {
    fc.assert(
      fc.property(longDraft, (text) => expectPromo(text, undefined, 100)),
      { seed: SEED, numRuns: 40 },
    );
  }, 30_000);
});

describe('checking any draft against the playbook', () => {
  it('reports issues with a message and a span inside the draft', () => {
    fc.assert(
      fc.property(draft, options, (text, opts) => {
        const issues = within(100, () => check(text, { playbook: PLAYBOOK, now: NOW, ...opts }));
        for (const issue of issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          expect(['error', 'warning', 'info']).toContain(issue.severity);
        }
        expectSpans(text, issues);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('checks 20,000 characters of any script quickly', () => {
    fc.assert(
      fc.property(longDraft, fc.constantFrom('x' as const, 'facebook' as const), (text, platform) => {
        const issues = within(300, () => check(text, { playbook: PLAYBOOK, platform, now: NOW }));
        expectSpans(text, issues);
        // Far beyond both platforms' limits.
        expect(issues.map((i) => i.rule)).toContain('length');
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});
