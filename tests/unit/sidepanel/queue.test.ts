import { describe, expect, it } from 'vitest';
import {
  ageOf,
  countByFilter,
  filterQueue,
  isSupportedUrl,
  queueEntries,
  quoteReasons,
  reasonsFor,
  sortQueue,
  thankYouEntries,
} from '~/lib/sidepanel/queue';
import { fillAgent, missingVariables, segment } from '~/lib/sidepanel/text';
import { nextVariant, pickVariant } from '~/lib/sidepanel/thanks';
import { analysis, item, minutesAgo, NOW, tabState } from '../../components/sidepanel/fakeApi';

const ids = (entries: { item: { id: string } }[]) => entries.map((e) => e.item.id);

describe('the queue order', () => {
  const state = tabState([
    [item('praise-old', { time: minutesAgo(300) }), analysis('praise')],
    [item('question-new', { time: minutesAgo(5) }), analysis('question')],
    [item('complaint-new', { time: minutesAgo(2) }), analysis('complaint')],
    [item('request-old', { time: minutesAgo(90) }), analysis('request')],
    [item('complaint-old', { time: minutesAgo(60) }), analysis('complaint')],
    [item('no-time', { time: null }), analysis('question')],
  ]);

  it('puts complaints first, then questions and requests, then praise, older first within each', () => {
    expect(ids(sortQueue(queueEntries(state)))).toEqual([
      'complaint-old',
      'complaint-new',
      'request-old',
      'question-new',
      'no-time',
      'praise-old',
    ]);
  });

  it('treats a complaint judgement as a complaint whatever the intent', () => {
    const s = tabState([
      [item('q', { time: minutesAgo(100) }), analysis('question')],
      [item('c', { time: minutesAgo(1) }), analysis('question', { complaint: true })],
    ]);
    expect(ids(sortQueue(queueEntries(s)))).toEqual(['c', 'q']);
  });

  it('leaves out answered items, the brand’s own posts and items without an analysis', () => {
    const s = tabState([
      [item('answered', { answered: true, answeredBy: 'thread' }), analysis('question')],
      [item('ours', { isBrand: true }), analysis('other')],
      [item('waiting'), analysis('question')],
    ]);
    s.snapshot?.items.push(item('not-addressed'));
    expect(ids(queueEntries(s))).toEqual(['waiting']);
  });
});

describe('the queue filters', () => {
  const entries = queueEntries(
    tabState([
      [item('c'), analysis('complaint')],
      [item('q'), analysis('question')],
      [item('p'), analysis('praise')],
      [item('s'), analysis('spam')],
    ]),
  );

  it('counts each filter', () => {
    expect(countByFilter(entries)).toEqual({ 'needs-reply': 2, complaints: 1, praise: 1, all: 4 });
  });

  it('keeps praise and spam out of "needs reply"', () => {
    expect(ids(filterQueue(entries, 'needs-reply'))).toEqual(['c', 'q']);
  });

  it('offers praise and positive mentions for a thank-you, but not positive questions', () => {
    const mixed = queueEntries(
      tabState([
        [item('p'), analysis('praise')],
        [item('kind'), analysis('other', { sentiment: { label: 'positive', score: 0.5 } })],
        [item('q'), analysis('question', { sentiment: { label: 'positive', score: 0.5 } })],
      ]),
    );
    expect(ids(thankYouEntries(mixed))).toEqual(['kind', 'p']);
  });
});

describe('ages', () => {
  it('uses the largest whole unit', () => {
    expect(ageOf(NOW.getTime() - 30_000, NOW)).toEqual({ unit: 'now', value: 0 });
    expect(ageOf(minutesAgo(59), NOW)).toEqual({ unit: 'minutes', value: 59 });
    expect(ageOf(minutesAgo(61), NOW)).toEqual({ unit: 'hours', value: 1 });
    expect(ageOf(minutesAgo(60 * 24 * 3), NOW)).toEqual({ unit: 'days', value: 3 });
    expect(ageOf(minutesAgo(60 * 24 * 15), NOW)).toEqual({ unit: 'weeks', value: 2 });
  });

  it('has no age without a time, and none below zero for clocks that disagree', () => {
    expect(ageOf(null, NOW)).toBeNull();
    expect(ageOf(NOW.getTime() + 60_000, NOW)).toEqual({ unit: 'now', value: 0 });
  });
});

describe('chip explanations', () => {
  it('quotes distinct reasons, at most two', () => {
    expect(quoteReasons(['still waiting', 'Still waiting', 'never again', 'refund'])).toBe(
      '‘still waiting’, ‘never again’',
    );
  });

  it('splits sentiment words from intent evidence', () => {
    const a = analysis('complaint', {
      reasons: [
        { signal: 'complaint', text: 'still waiting' },
        { signal: 'negative', text: 'awful' },
      ],
    });
    expect(reasonsFor(a, 'intent')).toEqual(['still waiting']);
    expect(reasonsFor(a, 'sentiment')).toEqual(['awful']);
  });
});

describe('supported pages', () => {
  it('knows X and Facebook, on https only', () => {
    expect(isSupportedUrl('https://x.com/acme/status/1')).toBe(true);
    expect(isSupportedUrl('https://www.facebook.com/acme')).toBe(true);
    expect(isSupportedUrl('https://twitter.com/acme')).toBe(true);
    expect(isSupportedUrl('http://x.com/')).toBe(false);
    expect(isSupportedUrl('https://notx.com/')).toBe(false);
    expect(isSupportedUrl('chrome://newtab/')).toBe(false);
    expect(isSupportedUrl(null)).toBe(false);
  });
});

describe('suggestion text', () => {
  it('fills the agent’s name and initials and leaves every other variable in place', () => {
    expect(
      fillAgent('Hi {first_name}, {agent_name} here ^{agent_initials}', { name: 'Sam', initials: 'SR' }),
    ).toBe('Hi {first_name}, Sam here ^SR');
    expect(fillAgent('^{agent_initials}', { name: 'Sam' })).toBe('^{agent_initials}');
  });

  it('lists what is still missing once per name', () => {
    expect(missingVariables('{first_name} and {first_name} from {brand}')).toEqual(['first_name', 'brand']);
  });

  it('cuts text into marked and plain parts, ignoring ranges past the end', () => {
    expect(
      segment('Hi {x} there', [
        { start: 3, end: 6 },
        { start: 10, end: 99 },
      ]),
    ).toEqual([
      { text: 'Hi ', mark: null },
      { text: '{x}', mark: 0 },
      { text: ' the', mark: null },
      { text: 're', mark: 1 },
    ]);
  });
});

describe('thank-you rotation', () => {
  it('moves past the variant used last, preferring this panel’s own memory', () => {
    expect(pickVariant(3, null, undefined)).toBe(0);
    expect(pickVariant(3, 0, undefined)).toBe(1);
    expect(pickVariant(3, 2, undefined)).toBe(0);
    expect(pickVariant(3, 0, 1)).toBe(2);
    expect(pickVariant(1, 0, 0)).toBe(0);
    expect(pickVariant(2, 7, undefined)).toBe(0);
    expect(nextVariant(3, 2)).toBe(0);
  });
});
