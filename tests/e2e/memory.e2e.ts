import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const MB = 1024 * 1024;

/** The page's JS heap after a full garbage collection (the content script's isolated world lives in it too). */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

const markerCount = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('reciprocity-marker').length);

describe('memory in a long session', () => {
  it('stays flat over 2,000 recycled timeline tweets and 200 in-app navigations, releasing markers of removed cells', async () => {
    const page = await h.openX('/home', 'virtual-timeline.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 25);
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');

    const scroll = async (from: number, to: number): Promise<void> => {
      for (let first = from; first < to; first += 25) {
        await page.evaluate(
          (f) => (window as unknown as { __scrollTo(n: number): void }).__scrollTo(f),
          first,
        );
        await page.waitForTimeout(140);
      }
    };
    // Warm up: the first pages load code and caches that stay.
    await scroll(0, 500);
    const warm = await heapAfterGc(cdp);
    await scroll(500, 2000);
    const scrolled = await heapAfterGc(cdp);
    const state = await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 1900);
    // Every cell is recycled, yet the items that scrolled away are still known to the queue.
    expect(state.snapshot?.items.length).toBeGreaterThanOrEqual(1900);
    // Only the cells in the page carry markers.
    expect(await markerCount(page)).toBeLessThanOrEqual(25);

    for (let i = 0; i < 200; i++) {
      await page.evaluate(
        (path) => (window as unknown as { __navigate(p: string): void }).__navigate(path),
        i % 2 === 0 ? `/acmecoffee/status/${1990000000000000000n + BigInt(i)}` : '/home',
      );
      await page.evaluate(
        (f) => (window as unknown as { __scrollTo(n: number): void }).__scrollTo(f),
        3000 + i * 25,
      );
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(500);
    const navigated = await heapAfterGc(cdp);
    expect(await markerCount(page)).toBeLessThanOrEqual(25);

    console.log(
      `heap after GC: warm ${(warm / MB).toFixed(2)} MB, after 2,000 tweets ${(scrolled / MB).toFixed(2)} MB, ` +
        `after 200 navigations ${(navigated / MB).toFixed(2)} MB`,
    );
    // Items that scrolled away are kept (the queue lists them), so 1,500 more tweets cost a little memory:
    // bounded, not a leak of the cells and markers that left the page.
    expect(scrolled - warm).toBeLessThan(4 * MB);
    // Navigation releases the page's items, markers and observers: no growth at all beyond noise.
    expect(navigated - scrolled).toBeLessThan(1 * MB);
  }, 240_000);
});
