// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/cli/playbook';
import { basePlaybook, SAMPLE_TEXT, toYaml } from './support';

let dir = '';
let out: string[] = [];
let err: string[] = [];
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'playbook-cli-'));
  out = [];
  err = [];
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('playbook lint', () => {
  it('exits 0 for the sample', async () => {
    expect(await run(['lint', file('p.yaml', SAMPLE_TEXT)], io)).toBe(0);
    expect(out.join('\n')).toContain('30 responses');
    expect(err).toEqual([]);
  });

  it('exits 0 with warnings printed for a valid file with warnings', async () => {
    const p = basePlaybook();
    p.offers = [{ id: 'sorry-10', label: '10% off' }];
    expect(await run(['lint', file('p.yaml', toYaml(p))], io)).toBe(0);
    expect(err).toEqual([
      expect.stringMatching(/^offers\[0\] \(line \d+, col \d+\): warning: offer "sorry-10"/),
    ]);
  });

  it('exits 1 with one path (line, col): message line per problem', async () => {
    const p = basePlaybook();
    const responses = p.responses as Record<string, unknown>[];
    (responses[0] as Record<string, unknown>).variants = ['Hi {frist_name}'];
    (responses[1] as Record<string, unknown>).offers = ['nope'];
    expect(await run(['lint', file('p.yaml', toYaml(p))], io)).toBe(1);
    const problems = err.filter((l) => /^responses/.test(l));
    expect(problems).toHaveLength(2);
    for (const line of problems) expect(line).toMatch(/^responses\[\d\]\.\w+\[0\] \(line \d+, col \d+\): /);
  });

  it('exits 2 with usage when the file is missing from the command', async () => {
    expect(await run(['lint'], io)).toBe(2);
    expect(err.join('\n')).toContain('usage');
  });
});

describe('playbook keygen, sign and verify', () => {
  it('signs a file that then verifies, and catches a later edit', async () => {
    const prefix = join(dir, 'team');
    expect(await run(['keygen', '--out', prefix], io)).toBe(0);
    const pub = readFileSync(`${prefix}.pub`, 'utf8').trim();
    expect(out.join('\n')).toContain(pub);

    const path = file('p.yaml', SAMPLE_TEXT);
    expect(await run(['sign', path, '--key', `${prefix}.key`], io)).toBe(0);
    expect(readFileSync(`${path}.sig`, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(await run(['verify', path, '--pub', `${prefix}.pub`], io)).toBe(0);
    expect(await run(['verify', path, '--pub', pub], io)).toBe(0);

    writeFileSync(path, `${SAMPLE_TEXT}\n# edited`);
    expect(await run(['verify', path, '--pub', pub], io)).toBe(1);
    expect(err.at(-1)).toContain('does not match');
  });

  it('refuses to overwrite existing keys', async () => {
    const prefix = join(dir, 'team');
    await run(['keygen', '--out', prefix], io);
    expect(await run(['keygen', '--out', prefix], io)).toBe(1);
  });

  it('reports an unsigned file', async () => {
    const path = file('p.yaml', SAMPLE_TEXT);
    expect(await run(['verify', path, '--pub', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='], io)).toBe(1);
    expect(err.at(-1)).toContain('not signed');
  });

  it('does not sign a playbook that fails lint', async () => {
    const prefix = join(dir, 'team');
    await run(['keygen', '--out', prefix], io);
    const path = file('p.yaml', 'schema: nope\n');
    expect(await run(['sign', path, '--key', `${prefix}.key`], io)).toBe(1);
  });
});
