import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoundItem, SiteAdapter } from '~/lib/sites/adapter';
import { withLinkedFields } from '~/lib/sites/linked';
import type { ConversationItem } from '~/lib/sites/model';
import { ItemStore, needsReply, rootsToRead } from '~/lib/sites/scanner';
import { SEED } from '../fuzz/bounds';
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

  it('links items in page order through new items, re-read items, items past its cap and a clear', () => {
    const given: string[][] = [];
    const lists = new Set<readonly ConversationItem[]>();
    const recording = {
      link: (items: readonly ConversationItem[]) => {
        given.push(items.map((i) => i.id));
        lists.add(items);
        return [...items];
      },
    } as unknown as SiteAdapter;
    const store = new ItemStore(recording, 4);
    const ctx = { brand: [], now: new Date(), baseUrl: '', repliedLocally: new Set<string>() };
    const url = new URL('https://x.com');
    const steps: [string[], string[]][] = [
      [
        ['1', '2'],
        ['1', '2'],
      ],
      [['3'], ['1', '2', '3']],
      // A recycled cell shows item 1 again: it moves to the end, as in the page.
      [['1'], ['2', '3', '1']],
      [['4'], ['2', '3', '1', '4']],
      [['5'], ['3', '1', '4', '5']],
      [
        ['6', '3'],
        ['4', '5', '6', '3'],
      ],
    ];
    for (const [ids, expected] of steps) {
      store.merge(ids.map((id) => found(item(id))));
      store.relink(ctx, url);
      expect(given.at(-1)).toEqual(expected);
    }
    store.clear();
    store.merge([found(item('7'))]);
    store.relink(ctx, url);
    expect(given.at(-1)).toEqual(['7']);
    // Each call got a list of its own: linking may keep what it was given.
    expect(lists.size).toBe(given.length);
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

  it('keeps a cell recycled before its batch is read, still holding what it showed', async () => {
    const timeline = document.createElement('div');
    document.body.append(timeline);
    const slot = document.createElement('div');
    timeline.append(slot);
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((r) => seen.push(...r));
    observer.observe(timeline, { childList: true, subtree: true, characterData: true });
    const show = (text: string): HTMLElement => {
      const cell = document.createElement('div');
      cell.innerHTML = `<article>${text}</article>`;
      slot.replaceChildren(cell);
      return cell;
    };
    const first = show('first');
    const second = show('second');
    await Promise.resolve();
    observer.disconnect();
    const roots = rootsToRead(seen, 'article');
    expect(roots).toEqual([first, second]);
    expect(roots.map((r) => [r.isConnected, r.textContent])).toEqual([
      [false, 'first'],
      [true, 'second'],
    ]);
  });

  it('drops every root inside another root, and only those, however the roots are spread', () => {
    // A random tree; some of its elements were added (some then taken out again), and some hold their roots.
    const tree = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(tree, fc.array(fc.nat(), { maxLength: 20 }), fc.nat(), (parents, picks, cut) => {
        const top = document.createElement('div');
        const nodes: Element[] = [top];
        for (const p of parents) {
          const el = document.createElement(p % 5 === 0 ? 'article' : 'div');
          (nodes[p % nodes.length] as Element).append(el);
          nodes.push(el);
        }
        document.body.replaceChildren(top);
        // Each added element is reported by a record on its parent, as an observer reports it.
        const added = [...new Set(picks.map((i) => nodes[i % nodes.length] as Element))];
        const records = added.map((el) => record(el.parentElement ?? document.body, [el]));
        // One subtree leaves the page: its roots are still read, and may still hold one another.
        const gone = nodes[cut % nodes.length] as Element;
        if (gone !== top) {
          records.push(record(gone.parentElement as Element, [], [gone]));
          gone.remove();
        }
        const expected = added.filter((el) => !added.some((other) => other !== el && other.contains(el)));
        expect(rootsToRead(records, 'section')).toEqual(expected);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('takes rows added side by side as they are, and still drops one moved into another', () => {
    const list = document.createElement('div');
    document.body.replaceChildren(list);
    const rows = Array.from({ length: 4 }, () => document.createElement('div'));
    list.append(...rows);
    const added = [record(list, rows.slice(0, 2)), record(list, rows.slice(2))];
    expect(rootsToRead(added, 'article')).toEqual(rows);
    // Within the same batch the page moves the last row into the first.
    (rows[0] as Element).append(rows[3] as Element);
    const moved = [
      ...added,
      record(list, [], [rows[3] as Element]),
      record(rows[0] as Element, [rows[3] as Element]),
    ];
    expect(rootsToRead(moved, 'article')).toEqual(rows.slice(0, 3));
  });

  it('drops a root put into another after that other left the page, which no record reports', () => {
    const list = document.createElement('div');
    document.body.replaceChildren(list);
    const [outer, inner] = [document.createElement('div'), document.createElement('div')];
    list.append(outer, inner);
    const added = record(list, [outer, inner]);
    outer.remove();
    // Once the observer has delivered the removal, nothing inside the removed row is watched any more: moving
    // the other row in is reported only as its leaving the list.
    outer.append(inner);
    const records = [added, record(list, [], [outer]), record(list, [], [inner])];
    expect(rootsToRead(records, 'article')).toEqual([outer]);
  });

  it('ignores our own markers', () => {
    const host = document.createElement('reciprocity-marker');
    document.body.append(host);
    expect(rootsToRead([record(document.body, [host])], 'article')).toEqual([]);
  });
});

/** A childList record as an observer gives it: what `target` gained and lost. */
function record(target: Node, added: Node[], removed: Node[] = []): MutationRecord {
  return { addedNodes: added, removedNodes: removed, target, type: 'childList' } as unknown as MutationRecord;
}

describe('our own UI in the page', () => {
  it('does not make the item it sits in be read again', () => {
    const article = document.createElement('article');
    const host = document.createElement('reciprocity-marker');
    article.append(host);
    document.body.append(article);
    expect(rootsToRead([record(article, [host])], 'article')).toEqual([]);
  });
});

describe('choosing what to read when items hold items', () => {
  /** A post article around its comment list, as Facebook renders it; comments carry a `data-comment` mark. */
  function post(): { post: Element; list: Element } {
    const holder = document.createElement('div');
    holder.innerHTML =
      '<article id="post"><h2>Post</h2><div id="list"><article data-comment>one<article data-comment>reply</article></article></div></article>';
    document.body.append(holder);
    const p = holder.querySelector('#post') as Element;
    return { post: p, list: p.querySelector('#list') as Element };
  }
  const isItem = (el: Element) => el.hasAttribute('data-comment');

  async function recorded(change: () => void, root: Node): Promise<MutationRecord[]> {
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((r) => seen.push(...r));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    change();
    await Promise.resolve();
    observer.disconnect();
    return seen;
  }

  it('reads comments added to a post by themselves, not the whole post again', async () => {
    const { post: p, list } = post();
    const added = Array.from({ length: 3 }, () => {
      const c = document.createElement('article');
      c.setAttribute('data-comment', '');
      c.textContent = 'new';
      return c;
    });
    const asked: Element[] = [];
    const seen = await recorded(() => list.append(...added), p);
    const roots = rootsToRead(seen, 'article', (el) => {
      asked.push(el);
      return isItem(el);
    });
    expect(roots).toEqual(added);
    // The post is asked about once for the whole batch.
    expect(asked.filter((el) => el === p)).toHaveLength(1);
  });

  it('reads a reply added to a comment without reading the comment again', async () => {
    const { list } = post();
    const comment = list.querySelector('[data-comment]') as Element;
    const reply = document.createElement('article');
    reply.setAttribute('data-comment', '');
    const seen = await recorded(() => comment.append(reply), comment);
    expect(rootsToRead(seen, 'article', isItem)).toEqual([reply]);
  });

  it('reads the comment again when what is added to it holds a reply and more', async () => {
    const { list } = post();
    const comment = list.querySelector('[data-comment]') as Element;
    const block = document.createElement('div');
    block.innerHTML = 'edited text<article data-comment>reply</article>';
    const seen = await recorded(() => comment.append(block), comment);
    expect(rootsToRead(seen, 'article', isItem)).toEqual([comment]);
  });

  it('reads the comment again when its own content changes', async () => {
    const { list } = post();
    const comment = list.querySelector('[data-comment]') as Element;
    const seen = await recorded(() => comment.append(document.createElement('span')), comment);
    const roots = rootsToRead(seen, 'article', isItem);
    expect(roots).toEqual([comment]);
  });

  it('does not read the whole post when the post changes outside its comments', async () => {
    const { post: p } = post();
    const seen = await recorded(() => p.querySelector('h2')?.append(document.createElement('b')), p);
    expect(rootsToRead(seen, 'article', isItem)).toEqual(seen.flatMap((r) => Array.from(r.addedNodes)));
  });
});

describe('an item with its linked fields', () => {
  it('keeps every other field of the item, and is made again only when a linked field changes', () => {
    const made = new WeakMap<ConversationItem, ConversationItem>();
    const read = item('1', {
      author: { name: 'Ana', handle: 'ana', profileUrl: 'https://x.com/ana' },
      truncated: true,
      permalink: 'https://x.com/ana/status/1',
      replyingTo: ['acme'],
      parentId: '0',
    });
    const fields = { depth: 2, isBrand: false, addressedToBrand: true, answeredBy: 'thread' } as const;
    const linked = withLinkedFields(made, read, fields);
    expect(linked).toEqual({ ...read, ...fields, answered: true });
    expect(Object.keys(linked).sort()).toEqual(Object.keys(read).sort());
    expect(linked.author).not.toBe(read.author);
    expect(linked.replyingTo).not.toBe(read.replyingTo);
    expect(withLinkedFields(made, read, { ...fields })).toBe(linked);
    expect(withLinkedFields(made, read, { ...fields, answeredBy: null }).answered).toBe(false);
  });
});
