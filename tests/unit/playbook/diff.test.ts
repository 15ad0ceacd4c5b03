import { describe, expect, it } from 'vitest';
import { diffPlaybooks, summarizeDiff } from '../../../lib/playbook/diff';
import { type Playbook, playbookSchema } from '../../../lib/playbook/schema';
import { basePlaybook } from './support';

const parse = (value: unknown): Playbook => playbookSchema.parse(value);

function edited(change: (p: Record<string, unknown>) => void): Playbook {
  const p = basePlaybook();
  change(p);
  return parse(p);
}

describe('what changed between two playbooks', () => {
  it('lists added, changed and removed responses and offers by id', () => {
    const old = parse(basePlaybook());
    const next = edited((p) => {
      p.version = '2026.11.2';
      const responses = p.responses as Record<string, unknown>[];
      (responses[0] as Record<string, unknown>).variants = ['Thanks a lot, {first_name}!'];
      responses.splice(1, 1);
      responses.push(
        { id: 'hours', title: 'Hours', intents: ['question'], variants: ['7 to 6'] },
        { id: 'decaf', title: 'Decaf', intents: ['question'], variants: ['Yes!'] },
        { id: 'grind', title: 'Grind', intents: ['question'], variants: ['Fine'] },
      );
      p.offers = [];
    });
    const diff = diffPlaybooks(old, next);
    expect(diff.fromVersion).toBe('1.0.0');
    expect(diff.toVersion).toBe('2026.11.2');
    expect(diff.responses).toEqual({
      added: ['hours', 'decaf', 'grind'],
      changed: ['thanks'],
      removed: ['late-order'],
    });
    expect(diff.offers.removed).toEqual(['sorry-10']);
    expect(summarizeDiff(diff)).toBe(
      'Playbook updated to 2026.11.2: 3 new replies, 1 changed, 1 removed, 1 offer change',
    );
  });

  it('matches the wording staff see for a typical update', () => {
    const old = parse(basePlaybook());
    const next = edited((p) => {
      p.version = '2026.11.2';
      const responses = p.responses as Record<string, unknown>[];
      (responses[1] as Record<string, unknown>).title = 'Late order';
      for (const id of ['a', 'b', 'c'])
        responses.push({ id, title: id, intents: ['other'], variants: ['Hi'] });
    });
    expect(summarizeDiff(diffPlaybooks(old, next))).toBe(
      'Playbook updated to 2026.11.2: 3 new replies, 1 changed',
    );
  });

  it('ignores the order fields were written in', () => {
    const a = parse(basePlaybook());
    const reordered = Object.fromEntries(Object.entries(basePlaybook()).reverse());
    const diff = diffPlaybooks(a, parse(reordered));
    expect(diff.responses).toEqual({ added: [], changed: [], removed: [] });
    expect(summarizeDiff(diff)).toBe('Playbook updated to 1.0.0: no changes to replies');
  });

  it('notices voice rule changes', () => {
    const next = edited((p) => {
      p.voice = { bannedPhrases: ['calm down', 'per our policy'] };
    });
    const diff = diffPlaybooks(parse(basePlaybook()), next);
    expect(diff.voiceChanged).toBe(true);
    expect(summarizeDiff(diff)).toContain('voice rules changed');
  });
});
