import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import expected from '../fixtures/x/expected.json';
import { type Harness, launch } from './harness';
import { randomInsertions } from './insertions';

const STATUS = '/acmecoffee/status/1992318840123456512';

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

/** Ids of the tweets that carry a marker, read from the page. */
async function markedIds(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('reciprocity-marker')]
      .map((m) =>
        m.closest('article')?.querySelector('a[href*="/status/"] time')?.parentElement?.getAttribute('href'),
      )
      .map((href) => href?.split('/status/')[1] ?? '')
      .sort(),
  );
}

/**
 * The mentions fixture made `copies` times longer: each copy of its cells gets its own tweet ids and sits
 * below the previous one, as a timeline scrolled for a long while would.
 */
function longMentionsPage(copies: number): string {
  const html = readFileSync(join(__dirname, '../fixtures/x/mentions.html'), 'utf8');
  const first = html.indexOf('<div class="css-175oi2r" data-testid="cellInnerDiv"');
  const end = html.lastIndexOf('</article>');
  const close = html.indexOf('</div>', end) + '</div>'.length;
  const cells = html.slice(first, close);
  const copy = (k: number) =>
    cells
      .replace(/\b199\d{16}\b/g, (id) => String(BigInt(id) + BigInt(k) * 1_000_000n))
      .replace(/translateY\((\d+)px\)/g, (_, y) => `translateY(${Number(y) + k * 1800}px)`);
  return (
    html.slice(0, first) + Array.from({ length: copies }, (_, k) => copy(k)).join('\n') + html.slice(close)
  );
}

describe('X in Chromium', () => {
  it('reads what is on screen at once and the rest of a long page in idle time, missing nothing', async () => {
    const copies = 20;
    const page = await h.context.newPage();
    await page.route('https://x.com/notifications/mentions', (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: longMentionsPage(copies) }),
    );
    await page.goto('https://x.com/notifications/mentions');
    const all = await h.waitForTabState(
      page,
      (s) => s.queue.length === expected.mentions.unanswered.length * copies,
    );
    expect(all.snapshot?.items.length).toBe(10 * copies);
    const reads = await page.evaluate(() =>
      performance.getEntriesByName('reciprocity:read').map((e) => {
        const d = (e as PerformanceMeasure).detail as { found: number; background: number };
        return { found: d.found, background: d.background };
      }),
    );
    const firstBackground = reads.findIndex((r) => r.background > 0);
    expect(firstBackground).toBeGreaterThan(0);
    const onScreen = reads.slice(0, firstBackground).reduce((n, r) => n + r.found, 0);
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(10 * copies);

    // Markers go on the waiting tweets on or near the screen, not on every one of a long page.
    const waiting = expected.mentions.unanswered.length * copies;
    await expect.poll(async () => (await markedIds(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const nearTop = await markedIds(page);
    expect(nearTop.length).toBeLessThan(waiting);
    // A waiting tweet of the last copy gets its marker once it is scrolled to.
    const last = String(BigInt(expected.mentions.unanswered[0] as string) + BigInt(copies - 1) * 1_000_000n);
    expect(nearTop).not.toContain(last);
    await page.evaluate((id) => {
      document.querySelector(`a[href*="/status/${id}"]`)?.closest('article')?.scrollIntoView();
    }, last);
    await expect.poll(() => markedIds(page), { timeout: 10_000 }).toContain(last);
    await page.close();
  });

  it('misses no tweet when scrolling recycles cells faster than a batch is read', async () => {
    const page = await h.openX('/home', 'virtual-timeline.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 25);
    const scrollTo = (first: number) =>
      page.evaluate((f) => (window as unknown as { __scrollTo(n: number): void }).__scrollTo(f), first);
    // A fling: a window every few milliseconds, several to a batch of changes.
    for (let first = 25; first < 400; first += 25) {
      await scrollTo(first);
      await page.waitForTimeout(5);
    }
    // And two windows in one task: the first is gone before the page even reports it.
    await page.evaluate(() => {
      const w = window as unknown as { __scrollTo(n: number): void };
      w.__scrollTo(400);
      w.__scrollTo(425);
    });
    const want = Array.from({ length: 450 }, (_, n) => String(1995000000000000000n + BigInt(n)));
    const state = await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= want.length);
    const items = state.snapshot?.items ?? [];
    expect(items.map((i) => i.id).sort()).toEqual(want);
    // Read out of the page, they are still whole: author, text and time.
    for (const i of items) {
      expect(i.author.handle).toBe(`reader${BigInt(i.id) - 1995000000000000000n}`);
      expect(i.text.length).toBeGreaterThan(0);
      expect(i.time).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('keeps what it read in the page when a copy of a tweet is shown and taken away before it is read', async () => {
    const page = await h.openX('/home', 'virtual-timeline.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 25);
    // A copy of the first tweet on screen, with other words, goes into its cell and out again: only a reading
    // out of the page sees it, and that reading must not replace the one taken in the page.
    const flashCopy = (scrollFirst?: number) =>
      page.evaluate((first) => {
        if (first !== undefined) (window as unknown as { __scrollTo(n: number): void }).__scrollTo(first);
        const cell = document.querySelector('[data-testid="cellInnerDiv"]') as HTMLElement;
        const copy = cell.firstElementChild?.cloneNode(true) as HTMLElement;
        const text = copy.querySelector('[data-testid="tweetText"] span') as HTMLElement;
        text.textContent = 'A copy with other words ';
        cell.append(copy);
        copy.remove();
      }, scrollFirst);
    const textOf = (items: { id: string; text: string }[] | undefined, n: number) =>
      items?.find((i) => i.id === String(1995000000000000000n + BigInt(n)))?.text;
    // Tweet 0 was read in the page before.
    await flashCopy();
    // Tweet 25 is new, and shown in the page in the same task as its copy: the page's reading wins.
    await flashCopy(25);
    // The next window is read after those batches, so once it is known the copies have been seen too.
    await page.evaluate(() => (window as unknown as { __scrollTo(n: number): void }).__scrollTo(50));
    const state = await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) >= 75);
    expect(textOf(state.snapshot?.items, 0)).toMatch(/^Tweet 0 for @acmecoffee/);
    expect(textOf(state.snapshot?.items, 25)).toMatch(/^Tweet 25 for @acmecoffee/);
    await page.close();
  });

  it('puts markers on exactly the unanswered tweets addressed to the brand in a conversation', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    await expect
      .poll(() => markedIds(page), { timeout: 20_000 })
      .toEqual([...expected.status.unanswered].sort());
    const label = await page
      .locator('reciprocity-marker')
      .first()
      .evaluate((m) => m.shadowRoot?.textContent ?? '');
    expect(label).toMatch(/Unanswered/);
    expect(label).toMatch(/Coach reply/);
    await page.close();
  });

  it('puts markers on exactly the unanswered mentions', async () => {
    const page = await h.openX('/notifications/mentions', 'mentions.html');
    await expect
      .poll(() => markedIds(page), { timeout: 20_000 })
      .toEqual([...expected.mentions.unanswered].sort());
    await page.close();
  });

  it('pauses markers and reports the layout when X re-renders tweets without a known test id, and recovers', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    const unanswered = [...expected.status.unanswered].sort();
    await expect.poll(() => markedIds(page), { timeout: 20_000 }).toEqual(unanswered);

    // X re-renders every row with its User-Name block renamed, as a deploy would.
    await page.evaluate(() => {
      const w = window as unknown as { drifted: [Element, Element][] };
      w.drifted = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        for (const el of copy.querySelectorAll('[data-testid="User-Name"]'))
          el.setAttribute('data-testid', 'UserName');
        for (const el of copy.querySelectorAll('reciprocity-marker')) el.remove();
        cell.replaceWith(copy);
        return [cell, copy];
      });
    });
    const broken = await h.waitForTabState(page, (s) => s.snapshot?.health.status === 'degraded');
    expect(broken.snapshot?.health.problems).toContainEqual({
      code: 'selector-missing',
      detail: 'User-Name',
    });
    await expect.poll(() => markedIds(page), { timeout: 10_000 }).toEqual([]);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));

    // The next deploy puts the markup back.
    await page.evaluate(() => {
      const w = window as unknown as { drifted: [Element, Element][] };
      for (const [cell, copy] of w.drifted) copy.replaceWith(cell);
    });
    const healed = await h.waitForTabState(page, (s) => s.snapshot?.health.status === 'ok');
    expect(healed.snapshot?.health.problems).toEqual([]);
    await expect.poll(() => markedIds(page), { timeout: 10_000 }).toEqual(unanswered);
    expect(logged).toEqual([]);
    await page.close();
  });

  it('lights the coach chip with the right reasons when a salesy draft is typed', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    const editor = page.locator('[data-testid="tweetTextarea_0"]').first();
    await editor.click();
    const draft =
      'SHOP NOW!!! Use code SAVE20 for 20% off our new blend at https://acme.example/shop #coffee #deal #sale';
    await page.keyboard.type(draft.slice(0, 12));
    await page.keyboard.insertText(draft.slice(12));
    const chip = page.locator('reciprocity-chip');
    // The chip follows the draft after each pause in typing; wait for the one about the whole draft.
    const marks = () =>
      chip.evaluate((c) => [...(c.shadowRoot?.querySelectorAll('mark') ?? [])].map((m) => m.textContent));
    await expect.poll(marks, { timeout: 10_000 }).toContain('https://acme.example/shop');
    expect(await chip.evaluate((c) => c.shadowRoot?.textContent ?? '')).toMatch(/promotion-heavy/);
    await chip.evaluate((c) => c.shadowRoot?.querySelector<HTMLElement>('.chip')?.click());
    const rules = await chip.evaluate((c) =>
      [...(c.shadowRoot?.querySelectorAll('li[data-rule]') ?? [])].map((li) => li.getAttribute('data-rule')),
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'promo:call-to-action',
        'promo:discount-code',
        'promo:percentage',
        'promo:link',
        'promo:hashtags',
      ]),
    );
    expect(await marks()).toEqual(
      expect.arrayContaining(['SHOP NOW', 'Use code SAVE20', '20% off', '#deal']),
    );
    expect(await chip.evaluate((c) => c.shadowRoot?.querySelector('.panel')?.hasAttribute('hidden'))).toBe(
      false,
    );
  });

  it('inserts a suggestion into the Draft.js box, keeping the existing text, enabling Reply and posting nothing', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    await h.waitForTabState(page, (s) => s.queue.length > 0);
    const editor = page.locator('[data-testid="tweetTextarea_0"]').first();
    await editor.click();
    await page.keyboard.type('Hi Maya,');
    const tabId = await h.tabIdOf(page);
    // No item: the reply box that has focus, as when the user is already replying.
    const result = await h.ask('insert', {
      tabId,
      itemId: null,
      text: 'thank you so much for the kind words!',
      responseId: null,
      suggestedText: null,
    });
    expect(result).toMatchObject({ ok: true, strategy: 'paste' });
    const text = await editor.innerText();
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Hi Maya, thank you so much for the kind words!');
    expect(await page.locator('[data-testid="tweetButtonInline"]').isDisabled()).toBe(false);
    expect(
      await page.evaluate(() => (window as unknown as { __fixturePosts?: unknown[] }).__fixturePosts ?? []),
    ).toEqual([]);
    await page.close();
  });

  it('opens the reply dialog for a tweet and inserts there when asked for that tweet', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    const target = expected.status.unanswered[0] as string;
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
    const dialog = page.locator('[role="dialog"]');
    expect(await dialog.getAttribute('data-reply-to')).toBe(target);
    expect(await dialog.locator('[data-testid="tweetTextarea_0"]').innerText()).toContain(
      'So sorry about this.',
    );
    expect(await dialog.locator('[data-testid="tweetButton"]').isDisabled()).toBe(false);
    await page.close();
  });

  it('survives 200 random insertions into the real Draft.js editor without losing user text', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    await h.waitForTabState(page, (s) => (s.snapshot?.items.length ?? 0) > 0);
    const editor = page.locator('[data-testid="tweetTextarea_0"]').first();
    const failures = await randomInsertions(h, page, editor, { runs: 200, seed: 20261123 });
    expect(failures).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __fixturePosts?: unknown[] }).__fixturePosts ?? []),
    ).toEqual([]);
    await page.close();
  }, 300_000);
});
