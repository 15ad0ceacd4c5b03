/**
 * Size budgets: the content scripts run inside someone else's busy page, and the side panel should open
 * instantly. Prints the gzipped sizes of the Chrome build and fails when a budget is exceeded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const KB = 1024;
const budgets: { label: string; files: string[]; limit: number }[] = [];

const gz = (file: string): number => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;

for (const name of readdirSync(join(out, 'content-scripts'))) {
  if (name.endsWith('.js'))
    budgets.push({ label: `content script ${name}`, files: [`content-scripts/${name}`], limit: 30 * KB });
}

/**
 * The side panel's initial JavaScript: the scripts its HTML loads up front and everything they import
 * statically, followed to the end (lazy `import()` chunks are not initial and are left out).
 */
function initialScripts(html: string): string[] {
  const page = readFileSync(join(out, html), 'utf8');
  const found = new Set<string>();
  const queue: string[] = [];
  for (const m of page.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)) {
    queue.push((m[1] ?? '').replace(/^\//, ''));
  }
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1] ?? '').replace(/\\/g, '/'));
    }
  }
  return [...found];
}
if (existsSync(join(out, 'sidepanel.html'))) {
  budgets.push({ label: 'side panel initial JS', files: initialScripts('sidepanel.html'), limit: 120 * KB });
}

let over = 0;
for (const b of budgets) {
  const size = b.files.reduce((sum, f) => sum + gz(f), 0);
  const raw = b.files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  const ok = size <= b.limit;
  if (!ok) over++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${b.label.padEnd(44)} ${(size / KB).toFixed(1).padStart(6)} KB gz  (${(raw / KB).toFixed(1)} KB raw, budget ${b.limit / KB} KB)`,
  );
}
process.exitCode = over > 0 ? 1 : 0;
