import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ExtractedItem } from '../../../lib/cli/extract';

const PROJECT = join(__dirname, '../../..');
const run = promisify(execFile);

async function extract(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'lib/cli/main.ts', 'extract', ...args],
      { cwd: PROJECT, maxBuffer: 10 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const ITEM_KEYS = ['answered', 'author', 'id', 'isBrand', 'permalink', 'replyingTo', 'text', 'time'];

describe('extract CLI', () => {
  it('prints the tweets of an X page as JSON, with the brand given on the command line', async () => {
    const { code, stdout } = await extract([
      '--site',
      'x',
      'tests/fixtures/x/status-conversation.html',
      '--brand',
      'acmecoffee',
    ]);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as ExtractedItem[];
    expect(items).toHaveLength(20);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
    expect(items[0]).toEqual({
      id: '1992318840123456512',
      author: { handle: 'acmecoffee', name: 'Acme Coffee' },
      text:
        'Our winter menu is here ❄️☕\n\n' +
        'Gingerbread oat latte, maple cortado and the return of the cardamom bun. ' +
        'Which one are you trying first? #AcmeWinter',
      time: '2026-11-22T14:00:00.000Z',
      permalink: 'https://x.com/acmecoffee/status/1992318840123456512',
      replyingTo: [],
      isBrand: true,
      answered: false,
    });
    expect(items.filter((i) => !i.isBrand && !i.answered).map((i) => i.id)).toEqual([
      '1992322108379541504',
      '1992327960472432640',
      '1992331047752749056',
      '1992335518306381824',
      '1992349933907767296',
      '1992361570441101312',
      '1992377240137023488',
      '1992413021367156736',
    ]);
    expect(items.find((i) => i.id === '1992394467028582400')?.replyingTo).toEqual(['mark_t', 'acmecoffee']);
  }, 30_000);

  it('takes the brand from the signed-in account when none is given', async () => {
    const { code, stdout } = await extract(['--site', 'x', 'tests/fixtures/x/mentions.html']);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as ExtractedItem[];
    expect(items.filter((i) => i.isBrand).map((i) => i.author.handle)).toEqual(['acmecoffee', 'acmecoffee']);
  }, 30_000);

  it('prints Facebook comments in the same shape plus their depth', async () => {
    const page = readdirSync(join(PROJECT, 'tests/fixtures/facebook')).find((f) => f.endsWith('.html'));
    expect(page).toBeDefined();
    const { code, stdout } = await extract(['--site', 'facebook', `tests/fixtures/facebook/${page}`]);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as ExtractedItem[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([...ITEM_KEYS, 'depth'].sort());
      expect(item.depth).toEqual(expect.any(Number));
    }
  }, 30_000);

  it('explains its usage when the site or the file is missing', async () => {
    const noSite = await extract(['tests/fixtures/x/mentions.html']);
    expect(noSite.code).toBe(2);
    expect(noSite.stderr).toContain('usage: extract --site x|facebook');
    const noFile = await extract(['--site', 'x', 'tests/fixtures/x/no-such-page.html']);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain('cannot read');
  }, 30_000);
});
