import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import expected from '../fixtures/facebook/expected.json';
import { type Harness, launch } from './harness';
import { randomInsertions } from './insertions';

const POST = '/AcmeCoffee/posts/pfbid0Acme123';

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

/** Comment ids that carry a marker, read from the page. */
async function markedIds(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('reciprocity-marker')]
      .map((m) => {
        const article = m.closest('div[role="article"]');
        const link = [...(article?.querySelectorAll<HTMLAnchorElement>('a[href*="comment_id="]') ?? [])].find(
          (a) => a.closest('div[role="article"]') === article,
        );
        const url = new URL(link?.href ?? location.href);
        return url.searchParams.get('reply_comment_id') ?? url.searchParams.get('comment_id') ?? '';
      })
      .sort(),
  );
}

describe('Facebook in Chromium', () => {
  it('puts markers on exactly the unanswered comments on the brand’s post', async () => {
    const page = await h.openFacebook(POST, 'post.html');
    await expect
      .poll(() => markedIds(page), { timeout: 20_000 })
      .toEqual([...expected.post.unanswered].sort());
    await page.close();
  });

  it('inserts into the Lexical comment box, keeping the existing text, enabling Comment and posting nothing', async () => {
    const page = await h.openFacebook(POST, 'post.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) > 0);
    const editor = page.locator('[data-lexical-editor="true"]').first();
    await editor.click();
    await page.keyboard.type('Hi Sam,');
    const tabId = await h.tabIdOf(page);
    const result = await h.ask('insert', {
      tabId,
      itemId: null,
      text: 'thanks for telling us.\nWe are on it.',
      responseId: null,
      suggestedText: null,
    });
    expect(result.ok).toBe(true);
    expect((await editor.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Hi Sam, thanks for telling us. We are on it.',
    );
    expect(await page.locator('form [aria-label="Comment"]').first().getAttribute('aria-disabled')).toBe(
      'false',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __fixturePosts?: unknown[] }).__fixturePosts ?? []),
    ).toEqual([]);
    await page.close();
  });

  it('opens the reply box under a comment and inserts there when asked for that comment', async () => {
    const page = await h.openFacebook(POST, 'post.html');
    const target = expected.post.unanswered[0] as string;
    await h.waitForTabState(page, (s) => s.queue.some((q) => q.itemId === target));
    const tabId = await h.tabIdOf(page);
    const result = await h.ask('insert', {
      tabId,
      itemId: target,
      text: 'So sorry about this.',
      responseId: null,
      suggestedText: null,
    });
    expect(result.ok).toBe(true);
    const box = page.locator(`[data-fixture-reply-box="${target}"] [data-lexical-editor="true"]`);
    expect(await box.innerText()).toContain('So sorry about this.');
    await page.close();
  });

  it('survives 200 random insertions into the real Lexical editor without losing user text', async () => {
    const page = await h.openFacebook(POST, 'post.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) > 0);
    const editor = page.locator('[data-lexical-editor="true"]').first();
    const failures = await randomInsertions(h, page, editor, { runs: 200, seed: 11232026 });
    expect(failures).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __fixturePosts?: unknown[] }).__fixturePosts ?? []),
    ).toEqual([]);
    await page.close();
  }, 300_000);
});
