/**
 * `npm run bench`: runs every benchmark module in this folder in one process, one after the other, so the
 * numbers printed were measured in the same run on the same machine. Each module exports
 * `run(): Promise<void>` and prints its own table.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n## ${file.replace('.bench.ts', '')}\n`);
  const mod = (await import(join(here, file))) as { run(): Promise<boolean | undefined> };
  const ok = await mod.run();
  if (ok === false) failed++;
}
if (failed > 0) {
  process.stdout.write(`\n${failed} benchmark module(s) missed a budget\n`);
  process.exitCode = 1;
}
