import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, classify } from '~/lib/analysis';
import { loadPlaybook } from '~/lib/playbook/load';
import { within } from '../fuzz/bounds';

const sample = loadPlaybook(readFileSync('assets/playbook.sample.yaml', 'utf8'));
if (!sample.ok) throw new Error('the sample playbook must load');

describe('pathological input found by fuzzing', () => {
  it('classifies a long run of @ or # signs without backtracking for ever', () => {
    within(500, () => classify('@'.repeat(5000)));
    within(500, () => classify(`${'#'.repeat(5000)} who`));
  });

  it('checks one very long word in linear time', () => {
    for (const ch of ['a', 'A', '1', '.']) {
      within(300, () => check(ch.repeat(20_000), { playbook: sample.playbook, platform: 'x', history: [] }));
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
