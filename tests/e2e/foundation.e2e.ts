import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Harness, launch } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterEach(async () => {
  await h?.closePages();
});
afterAll(async () => {
  await h?.close();
});

describe('the built extension in Chromium', () => {
  it('loads with its service worker running', async () => {
    const sw = await h.serviceWorker();
    expect(sw.url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual([
      'https://x.com/*',
      'https://twitter.com/*',
      'https://www.facebook.com/*',
      'https://web.facebook.com/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'sidePanel', 'storage']);
  });

  it('runs the X content script on a routed https://x.com page and reports its items to the background', async () => {
    const page = await h.openX('/acmecoffee/status/1992318840123456512', 'status-conversation.html');
    // The page is read in slices; the snapshot grows until every tweet is in.
    const state = await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 11);
    expect(state.snapshot?.site).toBe('x');
    expect(state.snapshot?.url).toBe('https://x.com/acmecoffee/status/1992318840123456512');
    expect(state.snapshot?.items.length).toBeGreaterThanOrEqual(11);
    await page.close();
  });

  it('runs the Facebook content script on a routed https://www.facebook.com page', async () => {
    const page = await h.openFacebook('/AcmeCoffee/posts/pfbid0Acme123', 'post.html');
    const state = await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 12);
    expect(state.snapshot?.site).toBe('facebook');
    expect(state.snapshot?.items.length).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it('renders the side panel with the queue that came through the message protocol', async () => {
    const page = await h.openX('/acmecoffee/status/1992318840123456512', 'status-conversation.html');
    const state = await h.waitForTabState(page, (s) => s.queue.length > 0);
    const first = state.snapshot?.items.find((i) => i.id === state.queue[0]?.itemId);
    const tabId = await h.tabIdOf(page);
    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect
      .poll(() => panel.getByText(first?.author.name ?? '—').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('renders the options page with the active playbook', async () => {
    const page = await h.openExtensionPage('options.html');
    await expect.poll(() => page.getByText('Acme Coffee').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the fixture pages’ real editors', () => {
  it('accept typed text in the Draft.js reply box on X and enable Reply', async () => {
    const page = await h.openX('/acmecoffee/status/1992318840123456512', 'status-conversation.html');
    const editor = page.locator('[data-testid="tweetTextarea_0"][contenteditable="true"]').first();
    const reply = page.locator('[data-testid="tweetButtonInline"]').first();
    await expect.poll(() => reply.isDisabled()).toBe(true);
    await editor.click();
    await page.keyboard.type('Hello from a real Draft.js editor');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second line');
    await expect.poll(() => editor.innerText()).toContain('Hello from a real Draft.js editor');
    expect(await editor.locator('[data-block="true"]').count()).toBe(2);
    expect(await reply.isDisabled()).toBe(false);
    await page.close();
  });

  it('accept typed text in the Lexical comment box on Facebook and enable Comment', async () => {
    const page = await h.openFacebook('/AcmeCoffee/posts/pfbid0Acme123', 'post.html');
    const editor = page.locator('[data-lexical-editor="true"]').first();
    const submit = page.locator('form [aria-label="Comment"]').first();
    await expect.poll(() => submit.getAttribute('aria-disabled')).toBe('true');
    await editor.click();
    await page.keyboard.type('Hello from a real Lexical editor');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await expect.poll(() => editor.innerText()).toContain('Hello from a real Lexical editor');
    expect(await submit.getAttribute('aria-disabled')).toBe('false');
    const posts = await page.evaluate(
      () => (window as unknown as { __fixturePosts?: unknown[] }).__fixturePosts ?? [],
    );
    expect(posts).toEqual([]);
    await page.close();
  });
});
