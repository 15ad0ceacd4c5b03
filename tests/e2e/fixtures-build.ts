import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_OUT = join(ROOT, '.output', 'fixtures');

/**
 * Bundle the fixture pages' behaviour scripts with the real editors: Draft.js (on React 18, which it needs) for
 * X and Lexical for Facebook. The output is served at `/__fixtures__/NAME.js` on the routed sites.
 */
export async function buildFixtureScripts(): Promise<void> {
  mkdirSync(FIXTURE_OUT, { recursive: true });
  const common = {
    bundle: true,
    format: 'iife' as const,
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    jsx: 'automatic' as const,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning' as const,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(ROOT, 'tests/fixtures/runtime/x-site.tsx')],
      outfile: join(FIXTURE_OUT, 'x-site.js'),
      alias: { react: 'react-18', 'react-dom': 'react-dom-18' },
    }),
    build({
      ...common,
      entryPoints: [join(ROOT, 'tests/fixtures/runtime/facebook-site.ts')],
      outfile: join(FIXTURE_OUT, 'facebook-site.js'),
    }),
  ]);
}
