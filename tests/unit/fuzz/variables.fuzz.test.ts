import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VARIABLES, type VariableName } from '../../../lib/playbook/schema';
import { fillVariables, findVariables, type VariableValues } from '../../../lib/playbook/variables';
import { ODD_TEXT, SEED, within } from './bounds';

const known = fc.constantFrom(...VARIABLES);
/** Plain text around the variables; the literal word "undefined" is kept out so its absence can be checked. */
const prose = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...ODD_TEXT, ' ', '{', '}', '{{', '}}', '{ name }', '{Name}'),
  )
  .filter((s) => !s.includes('undefined'));
const piece = fc.oneof(
  prose,
  known.map((n) => `{${n}}`),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/).map((n) => `{${n}}`),
);
const template = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
const value = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t',
    'Maria',
    'Maria José',
    '^{agent_initials}',
    '{signoff}',
    '{first_name}',
    '😀',
  ),
  prose,
);
const values: fc.Arbitrary<VariableValues> = fc.dictionary(known, value, { maxKeys: VARIABLES.length });

/**
 * What a variable expands to, undefined when it cannot be filled. The sign-off may name other variables; those
 * it lacks are reported as missing too, so the agent sees what to fill in.
 */
function expectedValue(name: VariableName, vals: VariableValues, missing: Set<string>): string | undefined {
  let v = vals[name];
  if (name === 'signoff' && v?.includes('{')) {
    const inner = fillVariables(v.replace(/\{signoff\}/g, ''), vals);
    for (const m of inner.missing) missing.add(m);
    v = inner.missing.length > 0 ? undefined : inner.text;
  }
  return v === undefined || v.trim() === '' ? undefined : v;
}

describe('filling variables in any template', () => {
  it('finds each {variable} at offsets that spell it in the text', () => {
    fc.assert(
      fc.property(template, (text) => {
        let previous = 0;
        for (const use of findVariables(text)) {
          expect(text.slice(use.start, use.end)).toBe(`{${use.name}}`);
          expect(use.start).toBeGreaterThanOrEqual(previous);
          expect(use.known).toBe((VARIABLES as readonly string[]).includes(use.name));
          previous = use.end;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('replaces every known variable that has a value and leaves the others as {name}', () => {
    fc.assert(
      fc.property(template, values, (text, vals) => {
        const filled = within(50, () => fillVariables(text, vals));
        const uses = findVariables(text);
        expect(filled.spans.map((s) => s.name)).toEqual(uses.map((u) => u.name));
        const missing = new Set<string>();
        const unknown = new Set<string>();
        let end = 0;
        filled.spans.forEach((span, i) => {
          const use = uses[i];
          if (!use) throw new Error('a span without a variable');
          expect(span.start).toBeGreaterThanOrEqual(end);
          expect(span.end).toBeGreaterThanOrEqual(span.start);
          expect(span.end).toBeLessThanOrEqual(filled.text.length);
          end = span.end;
          const shown = filled.text.slice(span.start, span.end);
          if (!use.known) {
            unknown.add(use.name);
            expect(span.filled).toBe(false);
            expect(shown).toBe(`{${use.name}}`);
            return;
          }
          const expected = expectedValue(use.name as VariableName, vals, missing);
          if (expected === undefined) {
            missing.add(use.name);
            expect(span.filled).toBe(false);
            expect(shown).toBe(`{${use.name}}`);
          } else {
            expect(span.filled).toBe(true);
            expect(shown).toBe(expected);
          }
        });
        expect(new Set(filled.missing)).toEqual(missing);
        expect(filled.missing.length).toBe(missing.size);
        expect(new Set(filled.unknown)).toEqual(unknown);
        expect(filled.unknown.length).toBe(unknown.size);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never writes "undefined" into a reply', () => {
    fc.assert(
      fc.property(template, values, (text, vals) => {
        expect(fillVariables(text, vals).text).not.toContain('undefined');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('keeps the text between variables exactly as written', () => {
    fc.assert(
      fc.property(template, values, (text, vals) => {
        const filled = fillVariables(text, vals);
        const uses = findVariables(text);
        let from = 0;
        let outFrom = 0;
        filled.spans.forEach((span, i) => {
          const use = uses[i];
          if (!use) return;
          expect(filled.text.slice(outFrom, span.start)).toBe(text.slice(from, use.start));
          from = use.end;
          outFrom = span.end;
        });
        expect(filled.text.slice(outFrom)).toBe(text.slice(from));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('returns text without variables unchanged, and filling it again changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{')),
        values,
        (text, vals) => {
          const once = fillVariables(text, vals);
          expect(once).toEqual({ text, missing: [], unknown: [], spans: [] });
          expect(fillVariables(once.text, vals).text).toBe(text);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('fills long templates full of braces quickly', () => {
    fc.assert(
      fc.property(piece, fc.integer({ min: 1, max: 5000 }), values, (p, times, vals) => {
        const text = p.repeat(times);
        const filled = within(200, () => fillVariables(text, vals));
        expect(filled.spans.length).toBe(findVariables(text).length);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
