/**
 * `npm start`: the product running on its bundled demo, with no account, no network and no configuration.
 * Builds the extension and the demo pages, launches Chromium with the extension loaded on the demo X
 * conversation and Facebook post (our fixture pages, served at the real sites' addresses), and opens the coach
 * panel beside them. With a display it leaves the window open to try; without one it runs headless, saves
 * screenshots to demo-output/ and prints what the extension found.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TabState } from '../lib/messaging/protocol';
import { buildFixtureScripts, ROOT } from '../tests/e2e/fixtures-build';
import { launch } from '../tests/e2e/harness';

const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const out = join(ROOT, 'demo-output');

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
await buildFixtureScripts();

const h = await launch({ headless });
const x = await h.openX('/acmecoffee/status/1992318840123456512', 'status-conversation.html');
const fb = await h.openFacebook('/AcmeCoffee/posts/pfbid0Acme123', 'post.html');

/** The panel's view of a tab, through the same protocol the panel uses, once the page has been read. */
async function stateOf(page: Page): Promise<TabState> {
  // The page is read in slices: wait until the item count has stopped growing.
  let last = -1;
  let state = await h.ask('tabState', { tabId: await h.tabIdOf(page) });
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 500));
    state = await h.ask('tabState', { tabId: state.tabId });
    const count = state.snapshot?.items.length ?? 0;
    if (count > 0 && count === last) break;
    last = count;
  }
  return state;
}

const [xState, fbState] = [await stateOf(x), await stateOf(fb)];
for (const [label, state] of [
  ['X conversation', xState],
  ['Facebook post', fbState],
] as const) {
  const items = state.snapshot?.items ?? [];
  console.log(
    `${label}: ${items.length} items read, ${state.queue.length} waiting for an answer` +
      ` (${state.queue.filter((q) => q.classification.complaint).length} complaints); adapter health: ${state.snapshot?.health.status ?? 'no data'}`,
  );
  for (const q of state.queue.slice(0, 3)) {
    const item = items.find((i) => i.id === q.itemId);
    console.log(`  · ${item?.author.name}: "${item?.text.slice(0, 70)}" → ${q.classification.intent}`);
  }
}

const xTab = await h.tabIdOf(x);
const panel = await h.openExtensionPage(`sidepanel.html?tabId=${xTab}`);
await panel.setViewportSize({ width: 400, height: 900 });
await x.bringToFront();

if (headless) {
  mkdirSync(out, { recursive: true });
  await x.setViewportSize({ width: 900, height: 900 });
  await x.screenshot({ path: join(out, 'x-page.png') });
  await fb.screenshot({ path: join(out, 'facebook-page.png') });
  await panel.waitForTimeout(1500);
  await panel.screenshot({ path: join(out, 'sidepanel.png') });
  console.log(`Screenshots saved to ${out}`);
  await h.close();
} else {
  console.log('Chromium is open with Reciprocity loaded. Close the browser window to stop.');
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
}
