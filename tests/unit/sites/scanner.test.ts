import { describe, expect, it } from 'vitest';
import type { FoundItem, SiteAdapter } from '~/lib/sites/adapter';
import type { ConversationItem } from '~/lib/sites/model';
import { ItemStore, needsReply, rootsToRead } from '~/lib/sites/scanner';
import { item } from './item';

/** An adapter whose link step marks everything before a brand item as answered, to see relink run. */
const adapter = {
  link: (items: readonly ConversationItem[]) => {
    const lastBrand = items.findLastIndex((i) => i.isBrand);
    return items.map((i, n) => ({ ...i, answered: n < lastBrand }));
  },
} as unknown as SiteAdapter;

const found = (i: ConversationItem): FoundItem => ({ item: i, element: document.createElement('article') });

describe('the item store', () => {
  it('keeps an item when its cell leaves the page, as X recycles timeline cells', () => {
    const store = new ItemStore(adapter);
    const f = found(item('1'));
    document.body.append(f.element);
    store.merge([f]);
    store.relink(
      { brand: [], now: new Date(), baseUrl: '', repliedLocally: new Set() },
      new URL('https://x.com'),
    );
    f.element.remove();
    expect(store.get('1')?.text).toBe('text 1');
    expect(store.elementOf('1')).toBeNull();
  });

  it('reports only new or changed items as changed', () => {
    const store = new ItemStore(adapter);
    expect(store.merge([found(item('1')), found(item('2'))])).toEqual(new Set(['1', '2']));
    expect(store.merge([found(item('1'))])).toEqual(new Set());
    expect(store.merge([found(item('1', { text: 'expanded text' }))])).toEqual(new Set(['1']));
  });

  it('relinks the whole conversation so a later brand reply answers earlier items', () => {
    const store = new ItemStore(adapter);
    store.merge([found(item('1')), found(item('2'))]);
    const ctx = { brand: [], now: new Date(), baseUrl: '', repliedLocally: new Set<string>() };
    const url = new URL('https://x.com');
    expect(
      store
        .relink(ctx, url)
        .filter(needsReply)
        .map((i) => i.id),
    ).toEqual(['1', '2']);
    store.merge([found(item('3', { isBrand: true }))]);
    expect(
      store
        .relink(ctx, url)
        .filter(needsReply)
        .map((i) => i.id),
    ).toEqual([]);
  });

  it('forgets the oldest items beyond its cap', () => {
    const store = new ItemStore(adapter, 3);
    store.merge(['1', '2', '3', '4', '5'].map((id) => found(item(id))));
    expect(store.size()).toBe(3);
    expect(store.get('1')).toBeUndefined();
  });
});

describe('what needs a reply', () => {
  it('is an item addressed to the brand, not by the brand, not answered', () => {
    expect(needsReply(item('1'))).toBe(true);
    expect(needsReply(item('1', { isBrand: true }))).toBe(false);
    expect(needsReply(item('1', { answered: true }))).toBe(false);
    expect(needsReply(item('1', { addressedToBrand: false }))).toBe(false);
  });
});

describe('choosing what to read after mutations', () => {
  it('reads added cells and the item an edit happened in, once each', async () => {
    const timeline = document.createElement('div');
    document.body.append(timeline);
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((r) => seen.push(...r));
    observer.observe(timeline, { childList: true, subtree: true, characterData: true });
    const cell = document.createElement('div');
    cell.innerHTML = '<article><span>old</span></article>';
    timeline.append(cell);
    await Promise.resolve();
    const text = cell.querySelector('span')?.firstChild as Text;
    text.data = 'expanded';
    await Promise.resolve();
    observer.disconnect();
    const roots = rootsToRead(seen, 'article');
    expect(roots).toEqual([cell]);
  });

  it('ignores our own markers', () => {
    const host = document.createElement('reciprocity-marker');
    document.body.append(host);
    const record = {
      addedNodes: [host],
      target: document.body,
      type: 'childList',
    } as unknown as MutationRecord;
    expect(rootsToRead([record], 'article')).toEqual([]);
  });
});

describe('our own UI in the page', () => {
  it('does not make the item it sits in be read again', () => {
    const article = document.createElement('article');
    const host = document.createElement('reciprocity-marker');
    article.append(host);
    document.body.append(article);
    const record = { addedNodes: [host], target: article, type: 'childList' } as unknown as MutationRecord;
    expect(rootsToRead([record], 'article')).toEqual([]);
  });
});
