import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LIMITS, type LoadResult, loadPlaybook, type Problem } from '../../../lib/playbook/load';
import { ODD_TEXT, SEED, within } from './bounds';

const SAMPLE = readFileSync('assets/playbook.sample.yaml', 'utf8');
const SAMPLE_LINES = SAMPLE.split('\n');
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
/** Loading is linear work; even a 2 MB file must come back well inside this. */
const BOUND_MS = 2000;

function expectProblem(p: Problem): void {
  expect(typeof p.path).toBe('string');
  expect(typeof p.message).toBe('string');
  expect(p.message.length).toBeGreaterThan(0);
  expect(['error', 'warning']).toContain(p.severity);
  expect(typeof p.rule).toBe('string');
  for (const n of [p.line, p.col]) {
    if (n !== undefined) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(1);
    }
  }
}

function expectWellFormed(res: LoadResult): void {
  for (const w of res.warnings) {
    expectProblem(w);
    expect(w.severity).toBe('warning');
  }
  if (res.ok) {
    expect(typeof res.playbook).toBe('object');
    expect(['yaml', 'json']).toContain(res.format);
  } else {
    expect(res.errors.length).toBeGreaterThan(0);
    for (const e of res.errors) {
      expectProblem(e);
      expect(e.severity).toBe('error');
    }
  }
  // Nothing in any file may reach the shared prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

function load(text: string): LoadResult {
  const res = within(BOUND_MS, () => loadPlaybook(text));
  expectWellFormed(res);
  return res;
}

/** Edits a manager might make by accident, or a corrupted download might contain. */
const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(':', '- ', '"', "'", '&a ', '*a', '!!binary ', '{', '[', '#', '\t', ...ODD_TEXT),
    ),
  }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

type LineEdit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(lines: readonly string[], edits: readonly LineEdit[]): string {
  const out = [...lines];
  for (const edit of edits) {
    if (out.length === 0) break;
    const at = edit.at % out.length;
    const line = out[at] ?? '';
    switch (edit.kind) {
      case 'delete':
        out.splice(at, 1);
        break;
      case 'duplicate':
        out.splice(at, 0, line);
        break;
      case 'swap': {
        const other = edit.other % out.length;
        out[at] = out[other] ?? '';
        out[other] = line;
        break;
      }
      case 'insert': {
        const col = edit.col % (line.length + 1);
        out[at] = line.slice(0, col) + edit.text + line.slice(col);
        break;
      }
      case 'indent':
        out[at] =
          edit.by >= 0 ? ' '.repeat(edit.by) + line : line.replace(new RegExp(`^ {0,${-edit.by}}`), '');
        break;
    }
  }
  return out.join('\n');
}

describe('loading any text as a playbook', () => {
  it('loads the sample playbook, which the mutations below start from', () => {
    expect(load(SAMPLE).ok).toBe(true);
  });

  it('returns well-formed problems instead of throwing, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 200 })),
        (text) => {
          const res = load(text);
          if (text.trim() === '') expect(res.ok).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('rejects any JSON or YAML value that is not a playbook with located problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, asYaml) => {
        const text = asYaml ? stringify(value) : JSON.stringify(value);
        const res = load(text);
        // A random value is never a complete playbook: it needs schema, name, version, brand and responses.
        expect(res.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('survives lines of the sample deleted, duplicated, swapped, re-indented or sprinkled with characters', () => {
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 12 }), (edits) => {
        load(applyEdits(SAMPLE_LINES, edits));
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 30_000);

  it('survives the sample re-serialised as JSON with random fields replaced', () => {
    const sample = loadPlaybook(SAMPLE);
    if (!sample.ok) throw new Error('the sample playbook must load');
    const fields = Object.keys(sample.playbook);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), (field, value) => {
        const copy: Record<string, unknown> = { ...sample.playbook, [field]: value };
        load(JSON.stringify(copy, null, 2));
      }),
      { seed: SEED, numRuns: 80 },
    );
  }, 30_000);

  it('refuses prototype keys at any depth and never pollutes Object.prototype', () => {
    const plainKey = fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((k) => !(FORBIDDEN as readonly string[]).includes(k));
    fc.assert(
      fc.property(
        fc.constantFrom(...FORBIDDEN),
        fc.array(plainKey, { maxLength: 5 }),
        fc.dictionary(plainKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.nat(),
        fc.boolean(),
        (bad, parents, siblings, at, asYaml) => {
          const entries = Object.entries(siblings).map(
            ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
          );
          entries.splice(at % (entries.length + 1), 0, `${JSON.stringify(bad)}:{"polluted":true}`);
          let text = `{${entries.join(',')}}`;
          for (const key of parents) text = `{${JSON.stringify(key)}:${text}}`;
          if (asYaml) text = stringify(JSON.parse(text));
          const res = load(text);
          expect(res.ok).toBe(false);
          if (!res.ok) {
            const refusal = res.errors.find((e) => e.rule === 'forbidden-key');
            expect(refusal?.message).toContain(bad);
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('refuses prototype keys hidden in the sample playbook', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORBIDDEN), fc.nat(), (bad, at) => {
        // Only top-level lines keep the inserted key at a valid indentation.
        const tops = SAMPLE_LINES.flatMap((line, i) => (/^[a-z]+:/.test(line) ? [i] : []));
        const line = tops[at % tops.length] ?? 0;
        const lines = [...SAMPLE_LINES];
        lines.splice(line, 0, `${bad}:`, '  polluted: true');
        const res = load(lines.join('\n'));
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.errors.map((e) => e.rule)).toContain('forbidden-key');
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});

describe('pathological playbooks', () => {
  const nesting = fc.integer({ min: 1, max: 10_000 });

  it('answers deeply nested flow collections quickly', () => {
    fc.assert(
      fc.property(nesting, fc.constantFrom('[]', '{}', 'a'), (depth, kind) => {
        const text =
          kind === '[]'
            ? '['.repeat(depth) + ']'.repeat(depth)
            : kind === '{}'
              ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
              : `responses: ${'['.repeat(depth)}x${']'.repeat(depth)}`;
        const res = load(text);
        expect(res.ok).toBe(false);
        if (!res.ok && depth > LIMITS.depth + 1) expect(res.errors.map((e) => e.rule)).toContain('too-deep');
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('answers deeply nested block collections quickly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.boolean(), (depth, seq) => {
        const text = seq
          ? `${'- '.repeat(depth)}x`
          : Array.from({ length: Math.min(depth, 600) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
        load(text);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('refuses alias bombs without expanding them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), (levels, fanout) => {
        const lines = ['a0: &a0 [x]'];
        for (let i = 1; i <= levels; i++) {
          lines.push(`a${i}: &a${i} [${Array.from({ length: fanout }, () => `*a${i - 1}`).join(', ')}]`);
        }
        const res = load(lines.join('\n'));
        expect(res.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('answers long strings up to and past the 2 MB limit quickly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_100_000 }),
        fc.constantFrom('a', 'é', '😀', ' ', '"', '\\'),
        fc.constantFrom('name', 'bare', 'comment'),
        (length, char, where) => {
          const filler = char.repeat(Math.ceil(length / char.length));
          const text =
            where === 'name'
              ? SAMPLE.replace(/^name: .*$/m, `name: ${JSON.stringify(filler)}`)
              : where === 'comment'
                ? `${SAMPLE}\n# ${filler}`
                : filler;
          const res = load(text);
          if (new TextEncoder().encode(text).length > LIMITS.bytes) {
            expect(res.ok).toBe(false);
            if (!res.ok) expect(res.errors.map((e) => e.rule)).toEqual(['too-large']);
          }
        },
      ),
      { seed: SEED, numRuns: 20 },
    );
  }, 30_000);
});
