import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import facebookExpected from '../fixtures/facebook/expected.json';
import xExpected from '../fixtures/x/expected.json';
import { ROOT } from './fixtures-build';
import { type Harness, launch } from './harness';

const STATUS = '/acmecoffee/status/1992318840123456512';
const POST = '/AcmeCoffee/posts/pfbid0Acme123';
const SHOTS = join(ROOT, 'demo-output', 'screenshots');

let h: Harness;
beforeAll(async () => {
  h = await launch();
  // The first-run question (name and initials) is covered by component tests; here the agent has answered it.
  await h.ask('setAgent', { name: 'Chris Walker', initials: 'CW' });
});
afterEach(async () => {
  await h?.closePages();
});
afterAll(async () => {
  await h?.close();
});

async function openPanelFor(page: Page): Promise<Page> {
  const tabId = await h.tabIdOf(page);
  const panel = await h.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  return panel;
}

/**
 * Every item the queue lists under "All": "Needs reply" leaves praise to the thank-you lane, so "All" is what
 * matches the page's markers one for one.
 */
async function queueIds(panel: Page): Promise<string[]> {
  const all = panel.locator('button.filter[data-filter="all"]');
  if ((await all.getAttribute('aria-pressed')) !== 'true') await all.click();
  return panel.evaluate(() =>
    [...document.querySelectorAll('.queue [data-item-id]')]
      .map((b) => b.getAttribute('data-item-id') ?? '')
      .sort(),
  );
}

/** Select an item in the panel, insert its first approved reply, and return the text that was offered. */
async function insertFirstSuggestion(panel: Page, itemId: string): Promise<string> {
  await panel.locator(`[data-item-id="${itemId}"]`).click();
  const insert = panel.getByRole('button', { name: /Insert into reply/ }).first();
  await insert.waitFor({ timeout: 15_000 });
  const card = panel.locator('.suggestion').first();
  const text = (await card.locator('.suggestion-text').first().textContent()) ?? '';
  await insert.click();
  await panel
    .getByText(/Inserted/)
    .first()
    .waitFor({ timeout: 15_000 });
  return text;
}

describe('the side panel beside the sites', () => {
  it('shows the X conversation’s queue exactly as the page marks it, and inserts a suggestion into the real editor', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    await h.waitForTabState(page, (s) => s.queue.length > 0);
    const panel = await openPanelFor(page);
    await expect
      .poll(() => queueIds(panel), { timeout: 15_000 })
      .toEqual([...xExpected.status.unanswered].sort());
    // Complaints come first.
    const first = await panel.locator('.queue [data-item-id]').first().getAttribute('data-item-id');
    const state = await h.ask('tabState', { tabId: await h.tabIdOf(page) });
    expect(state.queue.find((q) => q.itemId === first)?.classification.complaint).toBe(true);

    const target = first as string;
    const offered = await insertFirstSuggestion(panel, target);
    const dialog = page.locator(`[role="dialog"][data-reply-to="${target}"]`);
    await expect
      .poll(() => dialog.locator('[data-testid="tweetTextarea_0"]').innerText(), { timeout: 10_000 })
      .toContain(offered.trim().slice(0, 30));
    expect(offered).not.toMatch(/\{[a-z_]+\}/);
    expect(await dialog.locator('[data-testid="tweetButton"]').isDisabled()).toBe(false);
  });

  it('shows the Facebook post’s queue and inserts into the real Lexical reply box', async () => {
    const page = await h.openFacebook(POST, 'post.html');
    await h.waitForTabState(page, (s) => s.queue.length > 0);
    const panel = await openPanelFor(page);
    await expect
      .poll(() => queueIds(panel), { timeout: 15_000 })
      .toEqual([...facebookExpected.post.unanswered].sort());
    const target = (await panel
      .locator('.queue [data-item-id]')
      .first()
      .getAttribute('data-item-id')) as string;
    const offered = await insertFirstSuggestion(panel, target);
    const box = page.locator(`[data-fixture-reply-box="${target}"] [data-lexical-editor="true"]`);
    await expect.poll(() => box.innerText(), { timeout: 10_000 }).toContain(offered.trim().slice(0, 30));
  });

  it('keeps the queue when the service worker is stopped', async () => {
    const opened = Date.now();
    const page = await h.openX(STATUS, 'status-conversation.html');
    // The page is read in slices: wait for the whole queue before stopping the worker.
    const complete = await h.waitForTabState(
      page,
      (s) => s.queue.length === xExpected.status.unanswered.length,
    );
    // The content script reports once more when its health grace period ends (8 s after start); wait until
    // it has and the tab is quiet, so what the worker holds before the stop is final.
    await page.waitForTimeout(Math.max(0, opened + 9_500 - Date.now()));
    let before = complete;
    for (;;) {
      await page.waitForTimeout(1_000);
      const now = await h.ask('tabState', { tabId: complete.tabId });
      if (now.snapshot?.updatedAt === before.snapshot?.updatedAt) break;
      before = now;
    }
    const panel = await openPanelFor(page);
    await expect.poll(() => queueIds(panel), { timeout: 15_000 }).toHaveLength(before.queue.length);
    const playbookBefore = await h.ask('playbookStatus', {});
    const mark = async (set: boolean): Promise<boolean> =>
      (await h.serviceWorker()).evaluate((s) => {
        const g = globalThis as unknown as { __beforeStop?: boolean };
        if (s) g.__beforeStop = true;
        return g.__beforeStop === true;
      }, set);
    expect(await mark(true)).toBe(true);
    await h.stopServiceWorker();
    // The next request wakes a fresh worker, which has only storage to go on…
    const after = await h.ask('tabState', { tabId: before.tabId });
    // …and nothing of what the old one held in memory.
    await expect.poll(() => mark(false).catch(() => true), { timeout: 10_000 }).toBe(false);
    expect(await h.ask('playbookStatus', {})).toEqual(playbookBefore);
    expect(after.snapshot?.updatedAt).toBe(before.snapshot?.updatedAt);
    expect(after.queue.map((q) => q.itemId).sort()).toEqual(before.queue.map((q) => q.itemId).sort());
    await panel.reload();
    await expect
      .poll(() => queueIds(panel), { timeout: 15_000 })
      .toEqual(before.queue.map((q) => q.itemId).sort());
  });

  it('produces screenshots of the panel beside the page, light and dark', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.openX(STATUS, 'status-conversation.html');
      await page.setViewportSize({ width: 860, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await h.waitForTabState(page, (s) => s.queue.length > 0);
      const panel = await openPanelFor(page);
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.locator('.queue [data-item-id]').first().click();
      await panel
        .getByRole('button', { name: /Insert into reply/ })
        .first()
        .waitFor({ timeout: 15_000 });
      const left = join(SHOTS, `x-page-${scheme}.png`);
      const right = join(SHOTS, `panel-${scheme}.png`);
      await page.screenshot({ path: left });
      await panel.screenshot({ path: right });
      const composite = await h.context.newPage();
      await composite.setViewportSize({ width: 1280, height: 900 });
      const png = (p: string) => `data:image/png;base64,${readFileSync(p).toString('base64')}`;
      await composite.setContent(
        `<body style="margin:0;display:flex;background:${scheme === 'dark' ? '#000' : '#fff'}"><img src="${png(left)}"><img src="${png(right)}" style="border-left:1px solid #888"></body>`,
      );
      const out = join(SHOTS, `panel-beside-x-${scheme}.png`);
      await composite.screenshot({ path: out });
      expect(statSync(out).size).toBeGreaterThan(20_000);
    }
  });
});
