import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Static guarantees SECURITY.md makes about the shipped code: nothing from a page or a playbook is ever parsed
 * as HTML, and no code is evaluated from strings or loaded from elsewhere.
 */

const root = join(import.meta.dirname, '..', '..');
const shipped = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('/cli/') && !f.startsWith('cli/'))
    .map((f) => join(dir, f)),
);
const source = (f: string): string => readFileSync(join(root, f), 'utf8');

describe('the shipped code', () => {
  it('is found (the guard below would pass vacuously otherwise)', () => {
    expect(shipped.length).toBeGreaterThan(20);
  });

  it('never writes HTML strings into the DOM', () => {
    const offenders = shipped.filter((f) =>
      /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(|createContextualFragment/.test(
        source(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    const offenders = shipped.filter((f) =>
      /\beval\(|new Function\(|setTimeout\(\s*['"`]|setInterval\(\s*['"`]/.test(source(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('never loads code from elsewhere', () => {
    const offenders = shipped.filter((f) =>
      /import\(\s*['"`]https?:|importScripts\(|createElement\(\s*['"]script['"]\s*\)|\.src\s*=\s*['"`]https?:/.test(
        source(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('sends nothing anywhere except the playbook fetch the user or policy configured', () => {
    const fetching = shipped.filter((f) =>
      /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|EventSource\(/.test(source(f)),
    );
    // fetch.ts does the request; sync.ts hands it the global fetch (tests hand it a local server's).
    expect(fetching.sort()).toEqual(['lib/playbook/fetch.ts', 'lib/playbook/sync.ts']);
  });
});

describe('the manifest', () => {
  const config = source('wxt.config.ts');
  it('asks only for storage, alarms and the side panel, and hosts only for the two sites', () => {
    expect(config).toMatch(/\['storage', 'alarms', 'sidePanel'\]/);
    expect(config).toMatch(/optional_host_permissions: \['https:\/\/\*\/\*'\]/);
    expect(config).not.toMatch(/<all_urls>|tabs'|scripting'|clipboardRead|cookies|webRequest/);
  });
  it('sets a strict content security policy for extension pages', () => {
    expect(config).toMatch(/script-src 'self'; object-src 'none'/);
    expect(config).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
  });
});
