import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';
import type { UiRequest, UiResponses } from '../../lib/messaging/protocol';
import { FIXTURE_OUT, ROOT } from './fixtures-build';

export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

/** Debian's Chromium binary; the /usr/bin wrapper script adds flags that fight ours. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Serve `tests/fixtures/x/FIXTURE` at https://x.com/PATH and open it. */
  openX(path: string, fixture: string): Promise<Page>;
  /** Serve `tests/fixtures/facebook/FIXTURE` at https://www.facebook.com/PATH and open it. */
  openFacebook(path: string, fixture: string): Promise<Page>;
  /** Open one of the extension's pages (e.g. `sidepanel.html?tabId=3`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's tab id of a page, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  /** Ask the background what the side panel would ask, through the real protocol, from an extension page. */
  ask<K extends keyof UiRequest>(type: K, data: UiRequest[K]): Promise<UiResponses[K]>;
  /** Poll `tabState` until `ready` holds (the content script has reported), or throw after `timeoutMs`. */
  waitForTabState(
    page: Page,
    ready: (s: UiResponses['tabState']) => boolean,
    timeoutMs?: number,
  ): Promise<UiResponses['tabState']>;
  /** Stop the extension's service worker, as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /** Close every page opened so far (between tests, so one failure does not leak into the next test). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export async function launch(options: { headless?: boolean; extensionDir?: string } = {}): Promise<Harness> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run npm run build`);
  const profile = mkdtempSync(join(tmpdir(), 'reciprocity-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  // Pages are fixtures we wrote, served at the real sites' URLs; nothing reaches the network.
  const routes = new Map<string, string>();
  const serve = async (route: Route): Promise<void> => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__fixtures__/')) {
      const file = join(FIXTURE_OUT, url.pathname.slice('/__fixtures__/'.length));
      if (existsSync(file)) {
        await route.fulfill({ status: 200, contentType: TYPES[extname(file)], body: readFileSync(file) });
        return;
      }
    }
    const fixture = routes.get(`${url.host}${url.pathname}`);
    if (fixture && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: TYPES['.html'], body: readFileSync(fixture) });
      return;
    }
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture' });
  };
  for (const host of ['x.com', 'twitter.com', 'www.facebook.com', 'web.facebook.com']) {
    await context.route(`https://${host}/**`, serve);
  }

  let worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  const open = async (host: string, path: string, file: string): Promise<Page> => {
    const full = join(ROOT, 'tests/fixtures', file);
    if (!existsSync(full)) throw new Error(`No fixture ${file}`);
    const url = new URL(path, `https://${host}`);
    routes.set(`${url.host}${url.pathname}`, full);
    const page = await context.newPage();
    await page.goto(url.href);
    return page;
  };

  let asker: Page | null = null;
  const ask = async <K extends keyof UiRequest>(type: K, data: UiRequest[K]): Promise<UiResponses[K]> => {
    const reply = (await (
      await extensionPage()
    ).evaluate(([t, d]) => chrome.runtime.sendMessage({ reciprocity: 1, channel: 'ui', type: t, data: d }), [
      type,
      data,
    ] as const)) as { ok: true; value: UiResponses[K] } | { ok: false; error: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  const extensionPage = async (): Promise<Page> => {
    if (!asker || asker.isClosed()) {
      asker = await context.newPage();
      await asker.goto(`chrome-extension://${extensionId}/options.html`);
    }
    return asker;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    // Asked from an extension page, not the service worker: a test may have just stopped the worker.
    // The newest tab with this URL: tab ids grow, and an earlier test may have left the same page open.
    return (await extensionPage()).evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      return Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id ?? -1));
    }, url);
  };

  return {
    context,
    extensionId,
    ask,
    tabIdOf,
    async waitForTabState(page, ready, timeoutMs = 20_000) {
      const tabId = await tabIdOf(page);
      const deadline = Date.now() + timeoutMs;
      let last: UiResponses['tabState'] | null = null;
      while (Date.now() < deadline) {
        last = await ask('tabState', { tabId });
        if (ready(last)) return last;
        await new Promise((r) => setTimeout(r, 250));
      }
      // The items are summed up rather than printed, so what the tab lacked fits in the message.
      const snapshot = last?.snapshot;
      const summary = snapshot
        ? {
            ...snapshot,
            items: `${snapshot.items.length} items: ${snapshot.items.map((i) => i.id).join(' ')}`.slice(
              0,
              400,
            ),
          }
        : last;
      throw new Error(
        `tab state not ready after ${timeoutMs} ms: ${JSON.stringify(summary)?.slice(0, 1500)}`,
      );
    },
    async serviceWorker() {
      // The newest: after a stop, the old worker can linger in the list for a moment.
      const live = context
        .serviceWorkers()
        .filter((w) => w.url().includes(extensionId))
        .at(-1);
      if (live) worker = live;
      else worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
      return worker;
    },
    openX: (path, fixture) => open('x.com', path, join('x', fixture)),
    openFacebook: (path, fixture) => open('www.facebook.com', path, join('facebook', fixture)),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopServiceWorker() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const cdp = await context.newCDPSession(page);
      const versions = new Map<string, string>();
      let stoppedNow: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => {
        stoppedNow = resolve;
      });
      let stopping: string | null = null;
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) {
          if (!v.scriptURL.includes(extensionId)) continue;
          versions.set(v.versionId, v.runningStatus);
          if (v.versionId === stopping && v.runningStatus === 'stopped') stoppedNow();
        }
      });
      await cdp.send('ServiceWorker.enable');
      await page.waitForTimeout(300);
      stopping = [...versions].find(([, status]) => status === 'running')?.[0] ?? null;
      if (stopping === null) throw new Error('no running service worker to stop');
      // What the browser does to an idle worker: the next event starts a fresh one with empty memory.
      await cdp.send('ServiceWorker.stopWorker', { versionId: stopping });
      await Promise.race([
        stopped,
        page.waitForTimeout(10_000).then(() => Promise.reject(new Error('the service worker did not stop'))),
      ]);
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
    async closePages() {
      for (const p of context.pages()) if (!p.isClosed()) await p.close().catch(() => undefined);
      asker = null;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
