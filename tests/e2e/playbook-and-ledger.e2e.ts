import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../lib/stats/export';
import { ROOT } from './fixtures-build';
import { type Harness, launch } from './harness';

const STATUS = '/acmecoffee/status/1992318840123456512';
const HARBOUR = join(ROOT, 'tests/fixtures/playbooks/harbour-tea.yaml');

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await h.ask('setAgent', { name: 'Chris Walker', initials: 'CW' });
});
afterEach(async () => {
  await h?.closePages();
});
afterAll(async () => {
  await h?.close();
});

/** The value shown next to a headline number in the reports. */
async function kpi(page: Page, label: string): Promise<string> {
  const row = page.locator('.stats-kpi').filter({ has: page.getByText(label, { exact: true }) });
  return (await row.locator('.stats-kpi-value').textContent())?.trim() ?? '';
}

describe('distributing a playbook', () => {
  it('imports a playbook file in the options page and its replies appear in the side panel', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.locator('#import-file').setInputFiles(HARBOUR);
    await expect
      .poll(() => options.getByText(/Harbour Tea test playbook/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => options.getByText(/Imported file/).count()).toBeGreaterThan(0);

    const page = await h.openX(STATUS, 'status-conversation.html');
    const state = await h.waitForTabState(page, (s) => s.queue.some((q) => q.classification.complaint));
    const complaint = state.queue.find((q) => q.classification.complaint)?.itemId as string;
    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${await h.tabIdOf(page)}`);
    await panel.locator(`[data-item-id="${complaint}"]`).click();
    await expect
      .poll(() => panel.locator('.suggestion-title').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Harbour apology for a problem')]));
    await expect.poll(() => panel.getByText('Harbour apology voucher').count()).toBeGreaterThan(0);
  });

  it('keeps the imported playbook when a broken file is imported after it', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.locator('#import-file').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('schema: reciprocity/playbook@1\nname: [unclosed\n'),
    });
    await expect
      .poll(() => options.getByRole('alert').allTextContents(), { timeout: 10_000 })
      .not.toEqual([]);
    await options.reload();
    await expect
      .poll(() => options.getByText(/Harbour Tea test playbook/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });
});

describe('the reply ledger', () => {
  it('records a reply when it is inserted and then posted, shows it in the reports, exports it and deletes it', async () => {
    const page = await h.openX(STATUS, 'status-conversation.html');
    const state = await h.waitForTabState(page, (s) => s.queue.length > 0);
    const target = state.queue[0]?.itemId as string;
    const tabId = await h.tabIdOf(page);
    const text = 'So sorry about this, we are looking into it right now.';
    const inserted = await h.ask('insert', {
      tabId,
      itemId: target,
      text,
      responseId: null,
      suggestedText: text,
    });
    expect(inserted.ok).toBe(true);
    // Inserting alone records nothing: only a posted reply counts.
    const options = await h.openExtensionPage('options.html');
    await expect.poll(() => kpi(options, 'Replies sent'), { timeout: 15_000 }).toBe('0');

    // The fixture's Reply button posts like the site: the brand's reply appears under the tweet.
    await page.locator(`[role="dialog"][data-reply-to="${target}"] [data-testid="tweetButton"]`).click();
    await expect.poll(() => kpi(options, 'Replies sent'), { timeout: 15_000 }).toBe('1');
    const after = await h.waitForTabState(page, (s) => !s.queue.some((q) => q.itemId === target));
    expect(after.snapshot?.items.find((i) => i.id === target)?.answered).toBe(true);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r\n/);
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(rows.some((r) => r.includes(target) && r.includes('reply'))).toBe(true);

    await options.getByRole('button', { name: /Delete all data/ }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect
      .poll(() => options.getByText(/All recorded data was deleted/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => kpi(options, 'Replies sent').catch(() => '0')).toBe('0');
  });
});
