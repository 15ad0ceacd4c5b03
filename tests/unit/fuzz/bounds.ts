import { expect } from 'vitest';

/** Fixed seeds keep the suite deterministic in CI; a failure prints the seed and path to replay it. */
export const SEED = 20261123;

/**
 * Runs `fn` and fails when it takes longer than `ms`. The bounds are generous (the machine running the suite
 * may be busy) but far below what a runaway regular expression or recursion would take.
 */
export function within<T>(ms: number, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const took = performance.now() - start;
  expect(took, `took ${took.toFixed(0)} ms`).toBeLessThan(ms);
  return result;
}

/** Text from every corner of Unicode: emoji, right-to-left scripts, combining marks and lone surrogates. */
export const ODD_TEXT = [
  '😀',
  '👩🏽‍💻',
  '🇪🇸',
  '\u0645\u0631\u062d\u0628\u0627',
  '\u05e9\u05dc\u05d5\u05dd',
  '\u202e',
  '\u200f',
  'e\u0301\u0301\u0301',
  '\u0300',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u0000',
  '\u00a0',
  '\u2028',
  '\r\n',
  '\t',
  'ǅ',
  'İ',
  'ß',
  '\uFFFD',
] as const;
