import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureScripts, ROOT } from './fixtures-build';

/** Build the extension once per run (skip with RECIPROCITY_E2E_NO_BUILD=1 when it is fresh) and the fixtures. */
export default async function setup(): Promise<void> {
  const built = existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'));
  if (!process.env.RECIPROCITY_E2E_NO_BUILD || !built) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  await buildFixtureScripts();
}
