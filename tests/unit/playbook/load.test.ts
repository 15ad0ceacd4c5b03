import { describe, expect, it } from 'vitest';
import { xLength } from '../../../lib/playbook/lint';
import { formatProblem, loadPlaybook } from '../../../lib/playbook/load';
import { basePlaybook, toYaml } from './support';

describe('loading a playbook', () => {
  it('formats a problem as path, line and column, then the message', () => {
    expect(
      formatProblem({
        path: 'responses[3].variants[0]',
        line: 42,
        col: 9,
        message: 'unknown variable {frist_name}',
        severity: 'error',
        rule: 'unknown-variable',
      }),
    ).toBe('responses[3].variants[0] (line 42, col 9): unknown variable {frist_name}');
  });

  it('points at the exact line and column of the offending variant', () => {
    const text = [
      'schema: reciprocity/playbook@1',
      'name: Test',
      'version: "1"',
      'brand: { name: Acme }',
      'responses:',
      '  - id: hello',
      '    title: Hello',
      '    intents: [other]',
      '    variants:',
      '      - "Hi {frist_name}"',
    ].join('\n');
    const res = loadPlaybook(text);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map(formatProblem)).toEqual([
      'responses[0].variants[0] (line 10, col 9): unknown variable {frist_name} (did you mean {first_name}?)',
    ]);
  });

  it('reads JSON as well as YAML, and applies defaults', () => {
    const res = loadPlaybook(JSON.stringify(basePlaybook()), { format: 'json' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.format).toBe('json');
    expect(res.playbook.responses[0]?.channel).toBe('public');
    expect(res.playbook.voice.promoThreshold).toBe(0.5);
  });

  it('strips the @ from X handles', () => {
    const p = basePlaybook();
    (p.brand as Record<string, unknown>).accounts = { x: ['@acmecoffee'] };
    const res = loadPlaybook(toYaml(p));
    expect(res.ok && res.playbook.brand.accounts.x).toEqual(['acmecoffee']);
  });

  it('loads with warnings for a shared trigger and an offer without allowed intents', () => {
    const p = basePlaybook();
    const responses = p.responses as Record<string, unknown>[];
    (responses[1] as Record<string, unknown>).triggers = ['Love', 'late'];
    p.offers = [{ id: 'sorry-10', label: '10% off' }];
    const res = loadPlaybook(toYaml(p));
    expect(res.ok).toBe(true);
    expect(res.warnings.map((w) => w.rule).sort()).toEqual(['duplicate-trigger', 'offer-without-intents']);
    const shared = res.warnings.find((w) => w.rule === 'duplicate-trigger');
    const pattern =
      /^responses\[1\]\.triggers\[0\] \(line \d+, col \d+\): warning: trigger "Love" is also used/;
    expect(shared && formatProblem(shared)).toMatch(pattern);
  });

  it('allows long variants for Facebook-only and private-message responses', () => {
    const long = `Thanks {first_name}! ${'This reply is long. '.repeat(20)}`;
    expect(xLength(long)).toBeGreaterThan(280);
    const p = basePlaybook();
    const responses = p.responses as Record<string, unknown>[];
    Object.assign(responses[0] as object, { variants: [long], platforms: ['facebook'] });
    Object.assign(responses[1] as object, { variants: [long], channel: 'dm' });
    expect(loadPlaybook(toYaml(p)).ok).toBe(true);
  });

  it('counts X length after filling variables with long names', () => {
    const p = basePlaybook();
    // 262 characters as written, over 280 once {name} becomes a long full name.
    const variant = `${'a'.repeat(254)} {name}`;
    ((p.responses as Record<string, unknown>[])[0] as Record<string, unknown>).variants = [variant];
    expect(xLength(variant)).toBeLessThanOrEqual(280);
    const res = loadPlaybook(toYaml(p));
    expect(!res.ok && res.errors[0]?.rule).toBe('x-length');
  });

  it('never pollutes object prototypes, whatever the keys', () => {
    loadPlaybook('__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n');
    loadPlaybook('{"__proto__": {"polluted": "yes"}}', { format: 'json' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the parsed document so an editor can preserve comments', () => {
    const res = loadPlaybook(`# our playbook\n${toYaml(basePlaybook())}`);
    expect(res.ok && res.document).toBeTruthy();
  });
});
