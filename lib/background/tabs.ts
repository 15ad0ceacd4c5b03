import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { DraftReport } from '../messaging/protocol';
import { type TabSnapshot, tabSnapshotSchema } from '../sites/model';

/**
 * What the background knows about each tab lives in session storage, not in memory: the MV3 service worker can
 * be stopped at any moment, and the side panel's queue must survive that. Session storage is cleared when the
 * browser closes, which is what we want for page contents.
 */

export interface TabRecord {
  snapshot: TabSnapshot | null;
  draftReport: DraftReport | null;
}

const key = (tabId: number): string => `tab:${tabId}`;

const recordSchema = z.object({
  snapshot: z.nullable(tabSnapshotSchema),
  draftReport: z.nullable(z.unknown()),
});

export async function readTab(tabId: number): Promise<TabRecord> {
  const raw = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) return { snapshot: null, draftReport: null };
  return {
    snapshot: parsed.data.snapshot,
    draftReport: (parsed.data.draftReport as DraftReport | null) ?? null,
  };
}

export async function writeTab(tabId: number, change: (r: TabRecord) => TabRecord): Promise<TabRecord> {
  const next = change(await readTab(tabId));
  await browser.storage.session.set({ [key(tabId)]: next });
  return next;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
