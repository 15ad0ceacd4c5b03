import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '~/lib/sites/registry';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');

/** Lines that do something: not blank, not comments, not imports. */
function codeLines(source: string): string[] {
  return source
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l && !l.startsWith('//') && !l.startsWith('*') && !l.startsWith('/*') && !l.startsWith('import '),
    );
}

const siteFolders = readdirSync(join(root, 'lib/sites')).filter(
  (f) =>
    statSync(join(root, 'lib/sites', f)).isDirectory() &&
    existsSync(join(root, 'lib/sites', f, 'adapter.ts')),
);

describe('every site adapter', () => {
  it('is registered under its own site id', () => {
    expect(Object.keys(SITE_ADAPTERS).sort()).toEqual([...siteFolders].sort());
    for (const [site, adapter] of Object.entries(SITE_ADAPTERS)) expect(adapter.site).toBe(site);
  });

  for (const site of siteFolders) {
    it(`${site}: keeps its selectors in one selectors.ts`, () => {
      expect(existsSync(join(root, 'lib/sites', site, 'selectors.ts'))).toBe(true);
    });

    it(`${site}: has fixture pages`, () => {
      const dir = join(root, 'tests/fixtures', site);
      expect(existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.html'))).toBe(true);
    });

    it(`${site}: has a content script that mounts it`, () => {
      const entry = read(`entrypoints/${site}.content/index.ts`);
      expect(entry).toContain(`~/lib/sites/${site}/adapter`);
      expect(entry).toContain('startCoach');
    });

    it(`${site}: appears in the README's supported-sites table`, () => {
      const readme = read('README.md');
      const table = readme.split('## Supported sites')[1]?.split('\n## ')[0] ?? '';
      expect(table).toMatch(new RegExp(`\\|\\s*\`${site}\`\\s*\\|`));
    });
  }
});

describe('entrypoints', () => {
  const files = readdirSync(join(root, 'entrypoints'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(ts|tsx)$/.test(f),
  );

  it('exist for the background, both sites, the side panel and the options page', () => {
    for (const f of [
      'background.ts',
      'x.content/index.ts',
      'facebook.content/index.ts',
      'sidepanel/main.tsx',
      'options/main.tsx',
    ]) {
      expect(files).toContain(f);
    }
  });

  for (const file of files) {
    it(`${file} stays thin: wiring only, logic lives in lib/`, () => {
      const lines = codeLines(read(join('entrypoints', file)));
      expect(lines.length).toBeLessThanOrEqual(14);
      // No functions or classes of their own.
      expect(lines.filter((l) => /^(export )?(async )?(function|class) /.test(l))).toEqual([]);
    });
  }

  it('have WXT auto-imports turned off, so every name is imported explicitly', () => {
    expect(read('wxt.config.ts')).toMatch(/imports:\s*false/);
  });
});
