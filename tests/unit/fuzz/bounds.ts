import { expect } from 'vitest';

/** Fixed seeds keep the suite deterministic in CI; a failure prints the seed and path to replay it. */
export const SEED = 20261123;

/**
 * Runs `fn` and fails when it takes longer than `ms`. The bounds are far below what a runaway regular
 * expression or recursion would take. A busy machine can stall any single call (a garbage collection, another
 * process), so an over-long call is timed again, up to twice, and the fastest run is what is judged: a stall
 * does not repeat, a pathological input does.
 */
export function within<T>(ms: number, fn: () => T): T {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let attempt = 0; attempt < 3 && best >= ms; attempt++) {
    const start = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - start);
  }
  expect(best, `took ${best.toFixed(0)} ms`).toBeLessThan(ms);
  return result as T;
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
