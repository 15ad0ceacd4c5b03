/**
 * Bundled into a bench page by `read-cost.ts` and run there, in the extension's kind of world (an isolated
 * world) and in the page's own: the coach's readers on items the world has not touched yet, and a reader that
 * does the least any reader must (find the item's id, time, author and text by direct lookups), as a floor.
 */
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { BODY, COMMENT_ID_LINK, ARTICLE as FB_ARTICLE } from '../../lib/sites/facebook/selectors';
import { xAdapter } from '../../lib/sites/x/adapter';
import { STATUS_LINK, TIME, TWEET, TWEET_TEXT, USER_NAME } from '../../lib/sites/x/selectors';

type Site = 'x' | 'facebook';

const ITEM: Record<Site, string> = { x: TWEET, facebook: FB_ARTICLE };

/** The least reading of one item: a handful of direct lookups, no checks, nothing left out. */
const LEAST: Record<Site, (item: Element) => string[]> = {
  x: (tweet) => {
    const time = tweet.querySelector(TIME);
    return [
      time?.closest(STATUS_LINK)?.getAttribute('href') ?? '',
      time?.getAttribute('datetime') ?? '',
      tweet.querySelector(`${USER_NAME} a`)?.textContent ?? '',
      tweet.querySelector(TWEET_TEXT)?.textContent ?? '',
    ];
  },
  facebook: (comment) => [
    comment.querySelector(COMMENT_ID_LINK)?.getAttribute('href') ?? '',
    comment.getAttribute('aria-label') ?? '',
    comment.querySelector(BODY)?.textContent ?? '',
  ],
};

/**
 * The page's items in document order: its tweets, or the comments in its comment list (not the post around
 * them). Only the items themselves are touched here; what is inside them stays new to the world.
 */
function allItems(site: Site): Element[] {
  if (site === 'x') return Array.from(document.querySelectorAll(ITEM.x));
  return Array.from(document.getElementById('timeline')?.children ?? []).filter((el) =>
    el.matches(ITEM.facebook),
  );
}

/**
 * Reads `count` items starting at `from` and gives the time it took in ms and how many items came out. Only
 * top-level items are passed to the coach's reader, as the content script does.
 */
function read(site: Site, reader: 'coach' | 'least', from: number, count: number): [number, number] {
  const items = allItems(site).slice(from, from + count);
  const adapter = site === 'x' ? xAdapter : facebookAdapter;
  const ctx = {
    brand: site === 'x' ? ['acme'] : ['Acme Coffee'],
    now: new Date(),
    baseUrl: location.href,
    repliedLocally: new Set<string>(),
  };
  let found = 0;
  const start = performance.now();
  if (reader === 'coach') for (const item of items) found += adapter.readItems(item, ctx).length;
  else for (const item of items) found += LEAST[site](item)[0] === '' ? 0 : 1;
  return [performance.now() - start, found];
}

(globalThis as unknown as { __readCost: unknown }).__readCost = {
  read,
  count: (site: Site) => allItems(site).length,
};
