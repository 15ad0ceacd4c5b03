/**
 * `npm test`: every check CI runs, in order, with one closing line that totals every test suite:
 * typecheck, lint, unit + component tests, Chrome and Firefox builds, web-ext lint, end-to-end tests in
 * Chromium. A step that fails is reported and counted; the run goes on so one failure does not hide others.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = join(import.meta.dirname, '..');
const reports = join(root, '.output', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n── ${label}\n`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  process.stdout.write(
    `── ${label}: ${ok ? 'ok' : `FAILED (exit ${res.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return ok;
}

/** A check that is not a test runner counts as one test. */
function step(label: string, cmd: string, args: string[]): void {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: {
    name: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Failing tests named with their first message line, repeated at the end where a truncated log still shows them. */
const failingTests: string[] = [];

function noteFailingTests(r: VitestJson): void {
  for (const file of r.testResults) {
    const rel = file.name.slice(root.length + 1);
    if (file.message) failingTests.push(`${rel}: ${firstLine(file.message)}`);
    for (const a of file.assertionResults) {
      if (a.status === 'failed')
        failingTests.push(`${rel} > ${a.fullName}: ${firstLine(a.failureMessages[0] ?? '')}`);
    }
  }
}

function firstLine(text: string): string {
  // Strip colour codes so the line reads the same in any log viewer.
  const clean = stripVTControlCharacters(text);
  return (clean.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}

function suite(label: string, args: string[]): void {
  const out = join(reports, `${label}.json`);
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  noteFailingTests(r);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A file that fails to load has no failed tests but a failed suite: count it, or it would vanish.
  const brokenFiles = Math.max(0, r.numFailedTestSuites - (r.numFailedTests > 0 ? r.numFailedTestSuites : 0));
  if (!ok && r.numFailedTests === 0) {
    failed += Math.max(1, brokenFiles);
    failures.push(`${label} (suite errors)`);
  } else if (r.numFailedTests > 0) failures.push(label);
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['biome', 'ci', '.']);
suite('unit-and-components', []);
step('build (chrome)', 'npx', ['wxt', 'build']);
step('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('web-ext lint (firefox)', 'npx', [
  'web-ext',
  'lint',
  '--source-dir',
  '.output/firefox-mv3',
  '--self-hosted',
  '--warnings-as-errors=false',
]);
step('size budgets', 'npx', ['tsx', 'scripts/size.ts']);
process.env.RECIPROCITY_E2E_NO_BUILD = '1';
suite('e2e', ['-c', 'vitest.e2e.config.ts']);

if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
for (const t of failingTests) process.stdout.write(`  ✗ ${t}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
