import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, classify } from '~/lib/analysis';
import { loadPlaybook } from '~/lib/playbook/load';

const sample = loadPlaybook(readFileSync('assets/playbook.sample.yaml', 'utf8'));
if (!sample.ok) throw new Error('the sample playbook must load');

function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

describe('pathological input found by fuzzing', () => {
  it('classifies a long run of @ or # signs without backtracking for ever', () => {
    expect(timed(() => classify('@'.repeat(5000)))).toBeLessThan(500);
    expect(timed(() => classify(`${'#'.repeat(5000)} who`))).toBeLessThan(500);
  });

  it('checks one very long word in linear time', () => {
    for (const ch of ['a', 'A', '1', '.']) {
      expect(
        timed(() => check(ch.repeat(20_000), { playbook: sample.playbook, platform: 'x', history: [] })),
      ).toBeLessThan(300);
    }
  });

  it('names a missing required field instead of printing "undefined"', () => {
    const res = loadPlaybook('name: x\nversion: "1"\n');
    expect(res.ok).toBe(false);
    const messages = res.ok ? [] : res.errors.map((e) => e.message);
    expect(messages).toContain('missing required field "schema"');
    expect(messages.join(' ')).not.toMatch(/undefined/);
  });
});
