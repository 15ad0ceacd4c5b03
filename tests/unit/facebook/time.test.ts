import { describe, expect, it } from 'vitest';
import { EN, ES } from '../../../lib/sites/facebook/labels';
import { parseClock, parseRelativeTime } from '../../../lib/sites/facebook/time';
import { DAY, HOUR, MINUTE, NOW } from './load';

const now = NOW.getTime();
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('English times', () => {
  it.each([
    ['Just now', now],
    ['just now', now],
    ['5m', now - 5 * MINUTE],
    ['2h', now - 2 * HOUR],
    ['3d', now - 3 * DAY],
    ['1w', now - 7 * DAY],
    ['52w', now - 364 * DAY],
    ['1y', now - 365 * DAY],
    ['2 h', now - 2 * HOUR],
    ['2\u00a0h', now - 2 * HOUR],
    ['12 mins', now - 12 * MINUTE],
    ['2 hours ago', now - 2 * HOUR],
    ['an hour ago', now - HOUR],
    ['a week ago', now - 7 * DAY],
    ['about 3 minutes ago', now - 3 * MINUTE],
  ])('reads %s', (text, expected) => {
    expect(parseRelativeTime(text, NOW, EN)).toBe(expected);
  });

  it('reads "Yesterday" as the start of the day before', () => {
    expect(parseRelativeTime('Yesterday', NOW, EN)).toBe(local(2026, 11, 22));
  });

  it('reads "Yesterday at 3:15 PM"', () => {
    expect(parseRelativeTime('Yesterday at 3:15 PM', NOW, EN)).toBe(local(2026, 11, 22, 15, 15));
    expect(parseRelativeTime('Yesterday at 12:05 AM', NOW, EN)).toBe(local(2026, 11, 22, 0, 5));
  });

  it('reads a date without a year as the most recent one', () => {
    expect(parseRelativeTime('March 3', NOW, EN)).toBe(local(2026, 3, 3));
    expect(parseRelativeTime('December 24', NOW, EN)).toBe(local(2025, 12, 24));
  });

  it('reads a date with a clock time', () => {
    expect(parseRelativeTime('March 3 at 10:02 AM', NOW, EN)).toBe(local(2026, 3, 3, 10, 2));
    expect(parseRelativeTime('Mar 3 at 10:02 PM', NOW, EN)).toBe(local(2026, 3, 3, 22, 2));
  });

  it('reads a date with a year', () => {
    expect(parseRelativeTime('March 3, 2024', NOW, EN)).toBe(local(2024, 3, 3));
    expect(parseRelativeTime('March 3, 2024 at 9:30 AM', NOW, EN)).toBe(local(2024, 3, 3, 9, 30));
  });

  it.each([
    '',
    'Reply',
    'Like',
    '5 apples',
    'Februar 3',
    'February 31',
    'March 3 at 25:00',
    '99999999h',
    'ago',
  ])('returns null for %j', (text) => {
    expect(parseRelativeTime(text, NOW, EN)).toBeNull();
  });

  it('rejects a date that lies ahead of now', () => {
    expect(parseRelativeTime('March 3, 2030', NOW, EN)).toBeNull();
    expect(parseRelativeTime('November 23 at 11:30 PM', NOW, EN)).toBeNull();
    expect(parseRelativeTime('November 23 at 12:30 PM', NOW, EN)).toBe(local(2026, 11, 23, 12, 30));
  });

  it('returns null for an invalid "now"', () => {
    expect(parseRelativeTime('2h', new Date(Number.NaN), EN)).toBeNull();
  });
});

describe('Spanish times', () => {
  it.each([
    ['Ahora', now],
    ['justo ahora', now],
    ['5 min', now - 5 * MINUTE],
    ['2 h', now - 2 * HOUR],
    ['3 d', now - 3 * DAY],
    ['1 sem', now - 7 * DAY],
    ['hace 2 horas', now - 2 * HOUR],
    ['hace una semana', now - 7 * DAY],
    ['Ayer', local(2026, 11, 22)],
    ['Ayer a las 15:15', local(2026, 11, 22, 15, 15)],
    ['3 de marzo', local(2026, 3, 3)],
    ['3 de marzo a las 10:02', local(2026, 3, 3, 10, 2)],
    ['3 de marzo de 2024', local(2024, 3, 3)],
  ])('reads %s', (text, expected) => {
    expect(parseRelativeTime(text, NOW, ES)).toBe(expected);
  });

  it('does not read English words with the Spanish table', () => {
    expect(parseRelativeTime('Yesterday', NOW, ES)).toBeNull();
    expect(parseRelativeTime('March 3', NOW, ES)).toBeNull();
  });
});

describe('clock times', () => {
  it.each([
    ['3:15 PM', 15 * 60 + 15],
    ['12:00 PM', 12 * 60],
    ['12:30 AM', 30],
    ['10:02 am', 10 * 60 + 2],
    ['3 PM', 15 * 60],
    ['15:15', 15 * 60 + 15],
  ])('reads %s', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['13:00 PM', '24:00', '9', '10:75', 'noon'])('rejects %s', (text) => {
    expect(parseClock(text)).toBeNull();
  });
});
