import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkMemo, ReadContext, SiteAdapter } from '../../../lib/sites/adapter';
import { facebookAdapter } from '../../../lib/sites/facebook/adapter';
import type { ConversationItem } from '../../../lib/sites/model';
import { xAdapter } from '../../../lib/sites/x/adapter';
import { SEED } from './bounds';

/*
 * Linking remembers its last call so that a conversation that grew at the end is not linked whole again.
 * Whatever happens to the list between calls, the remembered answer must be the one a fresh link gives: here
 * a list goes through random steps (items scrolled in, read again, recycled to the end, dropped from the
 * front, the page or brand changing) and every step is linked both ways.
 */

const IDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

interface Site {
  adapter: SiteAdapter;
  /** People, the brand among them, as the site names them. */
  people: string[];
  brands: string[][];
  urls: string[];
}

const SITES: Record<'x' | 'facebook', Site> = {
  x: {
    adapter: xAdapter,
    people: ['acmecoffee', 'AcmeCoffee', 'bob', 'carol', 'dan'],
    brands: [['acmecoffee'], [], ['bob'], ['acmecoffee', 'carol']],
    urls: [
      'https://x.com/acmecoffee/status/1',
      'https://x.com/bob/status/3',
      'https://x.com/carol/status/99',
      'https://x.com/home',
      'https://x.com/notifications/mentions',
    ],
  },
  facebook: {
    adapter: facebookAdapter,
    people: ['Acme Coffee', 'acme coffee', 'Bob Stone', 'Carol Vance', 'Dan Lee'],
    brands: [['Acme Coffee'], [], ['Bob Stone'], ['Acme Coffee', 'Carol Vance']],
    urls: [
      'https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123',
      'https://www.facebook.com/AcmeCoffee',
      'https://www.facebook.com/',
    ],
  },
};

const version = fc.record({
  id: fc.constantFrom(...IDS),
  author: fc.nat(),
  parent: fc.option(fc.constantFrom(...IDS), { nil: null }),
  replyingTo: fc.array(fc.nat(), { maxLength: 2 }),
  mentions: fc.boolean(),
});
type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  // New or re-read items arrive (a re-read item moves to the end, as the page's store keeps it).
  fc.record({
    kind: fc.constant('arrive' as const),
    found: fc.array(version, { minLength: 1, maxLength: 4 }),
  }),
  // The oldest items are dropped, as the store does past its limit.
  fc.record({ kind: fc.constant('drop' as const), count: fc.integer({ min: 1, max: 3 }) }),
  // The same list is linked again.
  fc.record({ kind: fc.constant('again' as const) }),
  // Something about the page changed: its address, the brand, replies sent from this browser.
  fc.record({
    kind: fc.constant('page' as const),
    url: fc.nat(),
    brand: fc.nat(),
    local: fc.subarray(IDS, { maxLength: 3 }),
  }),
);

/** A site's first page, with its first brand and no replies sent from this browser. */
function firstPage(site: Site): { url: URL; ctx: ReadContext } {
  const url = new URL(site.urls[0] as string);
  return {
    url,
    ctx: {
      brand: site.brands[0] as string[],
      now: new Date(0),
      baseUrl: url.href,
      repliedLocally: new Set(),
    },
  };
}

function itemOf(site: Site, siteId: 'x' | 'facebook', v: Version): ConversationItem {
  const person = (n: number) => site.people[n % site.people.length] as string;
  const author = person(v.author);
  const replyingTo = v.replyingTo.map(person);
  return {
    site: siteId,
    id: v.id,
    author: siteId === 'x' ? { handle: author, name: author } : { name: author },
    text: v.mentions ? `thanks @${site.people[0]} ${v.id}` : `text ${v.id}`,
    truncated: false,
    time: null,
    permalink: null,
    replyingTo,
    depth: 0,
    parentId: v.parent === v.id ? null : v.parent,
    isBrand: false,
    addressedToBrand: false,
    answered: false,
    answeredBy: null,
  };
}

describe.each(['x', 'facebook'] as const)('linking %s with a memory of the last call', (siteId) => {
  const site = SITES[siteId];

  it('gives what a fresh link gives, whatever changed in between', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const memo: LinkMemo = {};
        let list = new Map<string, ConversationItem>();
        let url = new URL(site.urls[0] as string);
        let ctx: ReadContext = {
          brand: site.brands[0] as string[],
          now: new Date(0),
          baseUrl: url.href,
          repliedLocally: new Set(),
        };
        for (const s of steps) {
          if (s.kind === 'arrive') {
            for (const v of s.found) {
              list.delete(v.id);
              list.set(v.id, itemOf(site, siteId, v));
            }
          } else if (s.kind === 'drop') {
            list = new Map([...list].slice(s.count));
          } else if (s.kind === 'page') {
            url = new URL(site.urls[s.url % site.urls.length] as string);
            ctx = {
              brand: site.brands[s.brand % site.brands.length] as string[],
              now: new Date(0),
              baseUrl: url.href,
              repliedLocally: new Set(s.local),
            };
          }
          const items = [...list.values()];
          const remembered = site.adapter.link(items, ctx, url, memo);
          const fresh = site.adapter.link(items, ctx, url);
          expect(remembered).toEqual(fresh);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('gives what a fresh link gives while a conversation only grows, replies often before their parents', () => {
    // Only new items, each once: the path linking takes when a page adds comments as it is scrolled.
    const arrivals = fc
      .uniqueArray(version, { selector: (v) => v.id, minLength: 2, maxLength: IDS.length })
      .chain((all) =>
        fc.tuple(fc.constant(all), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: all.length })),
      );
    fc.assert(
      fc.property(arrivals, ([all, sizes]) => {
        const memo: LinkMemo = {};
        const { url, ctx } = firstPage(site);
        const items: ConversationItem[] = [];
        for (let at = 0, n = 0; at < all.length; at += sizes[n++] ?? 1) {
          for (const v of all.slice(at, at + (sizes[n] ?? 1))) items.push(itemOf(site, siteId, v));
          const list = [...items];
          expect(site.adapter.link(list, ctx, url, memo)).toEqual(site.adapter.link(list, ctx, url));
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('looks again only at the end of a conversation that grew at the end', () => {
    const memo: LinkMemo = {};
    const { url, ctx } = firstPage(site);
    // Items that count how often linking looks at where they hang in the conversation.
    let looks = 0;
    const counted = (item: ConversationItem): ConversationItem =>
      new Proxy(item, {
        get(target, key, receiver) {
          if (key === 'parentId') looks++;
          return Reflect.get(target, key, receiver);
        },
      });
    const person = (n: number, parent: string | null, id: string) =>
      counted(itemOf(site, siteId, { id, author: n, parent, replyingTo: [0], mentions: false }));
    const items = Array.from({ length: 200 }, (_, n) => person(2 + (n % 3), null, String(n + 100)));
    site.adapter.link(items, ctx, url, memo);
    const grown = [...items, person(0, '299', '999')];
    looks = 0;
    const second = site.adapter.link(grown, ctx, url, memo);
    expect(looks).toBeLessThan(20);
    looks = 0;
    expect(second).toEqual(site.adapter.link(grown, ctx, url));
    // Without the memory every item is looked at.
    expect(looks).toBeGreaterThanOrEqual(grown.length);
  });
});
