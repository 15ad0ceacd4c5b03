import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN, ES, type FacebookLabels } from '../../../lib/sites/facebook/labels';
import { parseRelativeTime } from '../../../lib/sites/facebook/time';
import { ODD_TEXT, SEED, within } from './bounds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

const labels = fc.constantFrom<FacebookLabels>(EN, ES);
/** Any moment between 1990 and 2100, plus the odd invalid date. */
const now = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: false });

/** Words the parser looks for, so random phrases often come close to a real time. */
const word = fc.oneof(
  fc.constantFrom(
    ...Object.keys(EN.units),
    ...Object.keys(ES.units),
    ...EN.months.flat(),
    ...ES.months.flat(),
    ...EN.one,
    ...ES.one,
    ...EN.justNow,
    ...ES.justNow,
    'ago',
    'about',
    'hace',
    'yesterday',
    'ayer',
    'at',
    'a las',
    'de',
    'AM',
    'p.m.',
    ',',
    '.',
    ':',
    '00',
    '12:05',
    '3:15 PM',
    '23:59',
    '24:00',
    '2024',
    '0',
    '31',
    '29',
    '9999999999999999999999',
  ),
  fc.integer({ min: 0, max: 20_000 }).map(String),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(...ODD_TEXT),
);
const phrase = fc
  .array(word, { maxLength: 6 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '', '\u00a0', '  '), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + (gaps[i] ?? '')).join('')),
  );

function expectTimeOrNull(text: string, at: Date, table: FacebookLabels): void {
  const result = within(50, () => parseRelativeTime(text, at, table));
  if (result === null) return;
  expect(Number.isFinite(result)).toBe(true);
  // Facebook never shows a time ahead of now; an hour of clock skew is the most the parser allows.
  expect(result).toBeLessThanOrEqual(at.getTime() + HOUR);
}

describe('reading Facebook times from any text', () => {
  it('gives null or a finite time no later than an hour from now for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 120 })),
        now,
        labels,
        (t, at, l) => expectTimeOrNull(t, at, l),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives null or a finite time no later than an hour from now for phrases of time words', () => {
    fc.assert(
      fc.property(phrase, now, labels, (t, at, l) => expectTimeOrNull(t, at, l)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('answers long and repetitive text quickly', () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 1, max: 20_000 }), now, labels, (w, times, at, l) => {
        expectTimeOrNull(`${w} `.repeat(times), at, l);
        expectTimeOrNull(`1 ${'a'.repeat(times)} ago`, at, l);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('reads "{n}m", "{n}h", "{n}d" and "{n}w" as exactly n units before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('m', 'h', 'd', 'w'),
        fc.constantFrom('', ' ', '\u00a0', '\u202f'),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (n, unit, gap, at) => {
          const ms = UNIT[unit] ?? Number.NaN;
          expect(parseRelativeTime(`${n}${gap}${unit}`, at, EN)).toBe(at.getTime() - n * ms);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('reads "n hours ago" in English and "hace n horas" in Spanish as n units before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10_000 }),
        fc.constantFrom(
          ['minutes', 'minutos', MINUTE] as const,
          ['hours', 'horas', HOUR] as const,
          ['days', 'días', DAY] as const,
          ['weeks', 'semanas', 7 * DAY] as const,
        ),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (n, [en, es, ms], at) => {
          expect(parseRelativeTime(`${n} ${en} ago`, at, EN)).toBe(at.getTime() - n * ms);
          expect(parseRelativeTime(`hace ${n} ${es}`, at, ES)).toBe(at.getTime() - n * ms);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('does not read counts beyond what the page would show', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_001, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('m', 'h', 'd', 'w'),
        (n, unit) => {
          expect(parseRelativeTime(`${n}${unit}`, new Date(), EN)).toBeNull();
        },
      ),
      { seed: SEED, numRuns: 50 },
    );
  });
});
