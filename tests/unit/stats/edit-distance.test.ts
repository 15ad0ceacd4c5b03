import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDIT_DISTANCE_CAP, levenshtein, normalizedEditDistance } from '../../../lib/stats/edit-distance';

const chars = (s: string): string[] => Array.from(s);

describe('levenshtein', () => {
  it('counts the classic kitten to sitting example as three edits', () => {
    expect(levenshtein(chars('kitten'), chars('sitting'))).toBe(3);
  });

  it('counts insertions, deletions and substitutions one each', () => {
    expect(levenshtein(chars('flaw'), chars('lawn'))).toBe(2);
    expect(levenshtein(chars(''), chars('abc'))).toBe(3);
    expect(levenshtein(chars('abc'), chars(''))).toBe(3);
    expect(levenshtein(chars('abc'), chars('abc'))).toBe(0);
  });

  it('is symmetric and never more than the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const d = levenshtein(chars(a), chars(b));
        expect(levenshtein(chars(b), chars(a))).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(chars(a).length, chars(b).length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(chars(a).length - chars(b).length));
      }),
    );
  });

  it('satisfies the triangle inequality', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (a, b, c) => {
          const ab = levenshtein(chars(a), chars(b));
          const bc = levenshtein(chars(b), chars(c));
          expect(levenshtein(chars(a), chars(c))).toBeLessThanOrEqual(ab + bc);
        },
      ),
    );
  });
});

describe('normalizedEditDistance', () => {
  it('is 0 for a suggestion posted unchanged', () => {
    expect(normalizedEditDistance('Hi Ana, thanks!', 'Hi Ana, thanks!')).toBe(0);
  });

  it('ignores whitespace the site rewrote', () => {
    expect(normalizedEditDistance('Hi Ana,\n\nthanks! ', ' Hi Ana, thanks!')).toBe(0);
  });

  it('divides the edits by the longer text', () => {
    // 'Thanks Ana!' → 'Thanks Bob!' changes 3 of 11 characters.
    expect(normalizedEditDistance('Thanks Ana!', 'Thanks Bob!')).toBeCloseTo(3 / 11, 10);
    // ' pal' inserted before the '!': 4 insertions against 15 characters.
    expect(normalizedEditDistance('Thanks Ana!', 'Thanks Ana pal!')).toBeCloseTo(4 / 15, 10);
  });

  it('is 1 when nothing is shared and 0 for two empty texts', () => {
    expect(normalizedEditDistance('abc', 'xyz')).toBe(1);
    expect(normalizedEditDistance('', '')).toBe(0);
    expect(normalizedEditDistance('', 'hello')).toBe(1);
  });

  it('counts an emoji as one character', () => {
    expect(normalizedEditDistance('Thanks 🎉', 'Thanks 🙏')).toBeCloseTo(1 / 8, 10);
  });

  it('stays between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const d = normalizedEditDistance(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('compares only the first characters of very long texts, quickly', () => {
    const a = 'a'.repeat(50_000);
    const b = `${'b'.repeat(EDIT_DISTANCE_CAP)}${'a'.repeat(48_000)}`;
    const started = performance.now();
    expect(normalizedEditDistance(a, b)).toBe(1);
    expect(normalizedEditDistance(a, `${a}tail`)).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
