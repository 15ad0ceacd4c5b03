import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadContext } from '../../../lib/sites/adapter';
import type { ConversationItem } from '../../../lib/sites/model';

export const STATUS_URL = 'https://x.com/acmecoffee/status/1992318840123456512';
export const MENTIONS_URL = 'https://x.com/notifications/mentions';
/** Shortly after the fixtures' newest tweet. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');

interface HappyWindow {
  happyDOM?: { setURL(url: string): void };
}

/** Reads one of our X fixture pages as written (its fixture script is not run) into the test document. */
export function loadFixture(name: string, url: string): Document {
  const html = readFileSync(join(__dirname, '../../fixtures/x', name), 'utf8');
  return loadHtml(html, url);
}

export function loadHtml(html: string, url: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  (window as unknown as HappyWindow).happyDOM?.setURL(url);
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

export function context(
  brand: readonly string[],
  repliedLocally: Iterable<string> = [],
  baseUrl = STATUS_URL,
) {
  const ctx: ReadContext = { brand, now: NOW, baseUrl, repliedLocally: new Set(repliedLocally) };
  return ctx;
}

/** What the queue shows: tweets addressed to the brand, not its own, not answered. */
export function unansweredIds(items: readonly ConversationItem[]): string[] {
  return items.filter((i) => i.addressedToBrand && !i.isBrand && !i.answered).map((i) => i.id);
}

export function byId(items: readonly ConversationItem[], id: string): ConversationItem {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}
