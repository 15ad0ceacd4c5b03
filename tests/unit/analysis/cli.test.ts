import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'tests/unit/analysis/fixtures/coffee.yaml';

function cli(args: string[], input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    cwd: process.cwd(),
    timeout: 60_000,
  });
  const out = r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const err = r.stderr
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, out, err, stderr: r.stderr };
}

const lines = (...rows: unknown[]) =>
  `${rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;

describe('analysis CLI', () => {
  it('classifies JSON Lines with one output line per input line and the same ids', () => {
    const { code, out } = cli(
      ['classify'],
      lines(
        { id: 'a', text: 'My order is still not here after two weeks' },
        { id: 7, text: 'Love you guys!' },
      ),
    );
    expect(code).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['a', 7]);
    expect(Object.keys(out[0] ?? {}).sort()).toEqual([
      'complaint',
      'id',
      'intent',
      'language',
      'reasons',
      'sentiment',
    ]);
    expect(out[0]?.complaint).toBe(true);
    expect(out[1]?.intent).toBe('praise');
    expect(out[1]?.sentiment).toMatchObject({ label: 'positive' });
  }, 60_000);

  it('reports a malformed line on stderr with its id or line number and carries on', () => {
    const { code, out, err } = cli(
      ['classify'],
      lines(
        { id: 'ok-1', text: 'fine' },
        'not json at all',
        { id: 'no-text' },
        { id: 'ok-2', text: 'also fine' },
      ),
    );
    expect(out.map((o) => o.id)).toEqual(['ok-1', 'ok-2']);
    expect(err).toEqual([
      expect.objectContaining({ line: 2, error: expect.any(String) }),
      expect.objectContaining({ id: 'no-text', line: 3, error: expect.stringContaining('text') }),
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('scores promotion with spans, using the playbook threshold when given', () => {
    const { out } = cli(
      ['promo', '--playbook', FIXTURE],
      lines({ id: 1, text: 'Shop now! 20% off with code SAVE20 at www.example.com #sale #coffee' }),
    );
    expect(out[0]).toMatchObject({ id: 1, promotional: true });
    const reasons = out[0]?.reasons as { rule: string; start: number; end: number; text: string }[];
    expect(reasons.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['call-to-action', 'percentage', 'discount-code']),
    );
    expect(reasons.every((r) => typeof r.start === 'number' && r.end > r.start)).toBe(true);
  }, 60_000);

  it('suggests responses with filled text, reading the input from --in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reciprocity-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      lines({ id: 'q', text: 'where is my order? it is late', author: { name: 'Ana Lima', handle: 'ana' } }),
    );
    const { code, out } = cli(
      ['suggest', '--playbook', FIXTURE, '--k', '2', '--platform', 'x', '--in', file],
      '',
    );
    expect(code).toBe(0);
    const suggestions = out[0]?.suggestions as { responseId: string; text: string; score: number }[];
    expect(out[0]?.id).toBe('q');
    expect(suggestions.length).toBeLessThanOrEqual(2);
    expect(suggestions[0]?.responseId).toBe('late-order');
    expect(suggestions[0]?.text).toContain('Ana');
  }, 60_000);

  it('checks drafts against the playbook and the comment replied to', () => {
    const { out } = cli(
      ['check', '--playbook', FIXTURE, '--platform', 'x'],
      lines({ id: 'd', text: 'Calm down. Here is 50% off.', replyTo: { text: 'my order is late' } }),
    );
    const issues = out[0]?.issues as {
      rule: string;
      severity: string;
      message: string;
      start: number;
      end: number;
    }[];
    expect(out[0]?.id).toBe('d');
    expect(issues.map((i) => i.rule)).toEqual(
      expect.arrayContaining(['banned-phrase', 'tone', 'offer-too-high']),
    );
    for (const i of issues)
      expect(Object.keys(i).sort()).toEqual(['end', 'message', 'rule', 'severity', 'start']);
  }, 60_000);

  it('refuses to run suggest without a playbook', () => {
    const { code, stderr } = cli(['suggest'], lines({ id: 1, text: 'hi' }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--playbook/);
  }, 60_000);
});
