import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkHrefTest } from '../../../lib/sites/href-test';
import { readTweets } from '../../../lib/sites/x/adapter';
import {
  generalParts,
  readRichText,
  readTweet,
  simpleParts,
  type TweetParts,
} from '../../../lib/sites/x/read';
import { CELL, PROFILE_HREF, STATUS_LINK, TWEET } from '../../../lib/sites/x/selectors';
import { SEED } from '../fuzz/bounds';
import { context, loadFixture, loadHtml, STATUS_URL } from './load';

describe('link selectors tried in script', () => {
  it('agree with the browser matching the selector, on every link of every X fixture', () => {
    const pages = readdirSync(join(__dirname, '../../fixtures/x')).filter((f) => f.endsWith('.html'));
    let links = 0;
    for (const page of pages) {
      const doc = loadFixture(page, STATUS_URL);
      for (const selector of [STATUS_LINK, PROFILE_HREF]) {
        const test = linkHrefTest(selector);
        expect(test).not.toBeNull();
        for (const a of Array.from(doc.getElementsByTagName('a'))) {
          expect(test?.(a.getAttribute('href'))).toBe(a.matches(selector));
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('agree on links with no address, an empty one, or one that only nearly matches', () => {
    document.body.innerHTML =
      '<a>none</a><a href="">empty</a><a href="//x.com/a">protocol</a><a href="/a/statuses/1">near</a><a href="https://x.com/a/status/1">full</a>';
    for (const selector of [STATUS_LINK, PROFILE_HREF, 'a[href="/a"]', 'a[href$="/1"]']) {
      const test = linkHrefTest(selector);
      for (const a of Array.from(document.getElementsByTagName('a'))) {
        expect([selector, a.textContent, test?.(a.getAttribute('href'))]).toEqual([
          selector,
          a.textContent,
          a.matches(selector),
        ]);
      }
    }
  });

  it('leave any other shape of selector to the browser', () => {
    expect(linkHrefTest('a[href^="/"] span')).toBeNull();
    expect(linkHrefTest('[href^="/"]')).toBeNull();
    expect(linkHrefTest('a[href~="x"]')).toBeNull();
    expect(linkHrefTest('a[href=""]')).toBeNull();
  });
});

describe('the text of a part of a tweet', () => {
  const text = (html: string): string => {
    document.body.innerHTML = `<div id="t">${html}</div>`;
    return readRichText(document.getElementById('t') as Element);
  };

  it('is the plain text when nothing in it reads differently', () => {
    expect(text('<span>Acme <b>Coffee</b></span>')).toBe('Acme Coffee');
    expect(text('<span>Acme Coffee</span><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>')).toBe(
      'Acme Coffee',
    );
  });

  it('reads emoji from their images, breaks as new lines, and leaves out icon titles and styles', () => {
    expect(text('<span>Love it </span><img alt="☕"><br><span>again</span>')).toBe('Love it ☕\nagain');
    expect(text('<span>Acme</span><svg><title>Verified account</title></svg>')).toBe('Acme');
    expect(text('<span>Acme</span><svg><desc>A tick</desc><g><text>✓</text></g></svg>')).toBe('Acme');
    expect(text('<span>Acme</span><style>.x{}</style>')).toBe('Acme');
  });
});

/** The same elements, in the same order: parts are compared by identity, not by looking alike. */
function expectSameParts(short: TweetParts, general: TweetParts): void {
  const same = (a: readonly (Element | null)[], b: readonly (Element | null)[]) => {
    expect(a.length).toBe(b.length);
    expect(a.map((el, i) => el === b[i])).toEqual(a.map(() => true));
  };
  same([short.userName, short.text, short.avatar], [general.userName, general.text, general.avatar]);
  expect(short.showMore).toBe(general.showMore);
  same([short.time, ...short.laterTimes()], [general.time, ...general.laterTimes()]);
  same(short.statusLinks(), general.statusLinks());
  same(Array.from(short.authorLinks), Array.from(general.authorLinks));
  same(short.handleLinks, general.handleLinks);
}

/** Checks every tweet of the document the short way applies to; gives how many there were. */
function checkTweets(doc: Document): number {
  let short = 0;
  for (const article of Array.from(doc.querySelectorAll('article'))) {
    const parts = simpleParts(article);
    if (!parts) continue;
    short++;
    expectSameParts(parts, generalParts(article));
  }
  return short;
}

/** The markup of each tweet of our conversation page, to be edited one at a time in a page of its own. */
function conversationTweets(): string[] {
  return Array.from(loadFixture('status-conversation.html', STATUS_URL).querySelectorAll('article')).map(
    (a) => a.outerHTML,
  );
}

const CAPTURES = join(__dirname, '../../../../shared/fixtures/x-real');

describe("a tweet's parts read the short way", () => {
  it("are the general walk's, on every tweet of our fixture pages", () => {
    const pages = readdirSync(join(__dirname, '../../fixtures/x')).filter((f) => f.endsWith('.html'));
    let short = 0;
    for (const page of pages) short += checkTweets(loadFixture(page, STATUS_URL));
    expect(short).toBeGreaterThan(30);
  });

  it.skipIf(!existsSync(CAPTURES))(
    "are the general walk's on real x.com captures, and quotes take the long way",
    () => {
      let short = 0;
      let long = 0;
      for (const file of readdirSync(CAPTURES).filter((f) => f.endsWith('.html'))) {
        const doc = loadHtml(readFileSync(join(CAPTURES, file), 'utf8'), STATUS_URL);
        const found = checkTweets(doc);
        short += found;
        long += doc.querySelectorAll('article').length - found;
      }
      expect(short).toBeGreaterThan(0);
      // The captures with a quoted tweet hold two User-Names in one tweet.
      expect(long).toBeGreaterThanOrEqual(3);
    },
  );

  it("are the general walk's after random edits of a conversation page", () => {
    const edits = fc.constantFrom(
      (el: Element) => el.remove(),
      (el: Element) => el.append('Replying to @bob'),
      (el: Element) => el.insertAdjacentHTML('beforeend', '<a href="/bob">@bob</a>'),
      (el: Element) => el.insertAdjacentHTML('afterend', '<div><a href="/carol">@carol</a> and @dave</div>'),
      (el: Element) => el.insertAdjacentHTML('beforeend', '<a href="/erin/status/77">@erin</a>'),
      (el: Element) => el.insertAdjacentHTML('beforeend', '<time datetime="2026-01-01T00:00:00Z">1h</time>'),
      (el: Element) => el.insertAdjacentHTML('beforeend', '<div data-testid="tweetText">@frank hi</div>'),
      (el: Element) =>
        el.insertAdjacentHTML('beforeend', '<div data-testid="card.wrapper"><a href="/g">@g</a></div>'),
      (el: Element) =>
        el.insertAdjacentHTML('beforeend', '<div data-testid="socialContext"><a href="/h">@h</a></div>'),
      (el: Element) =>
        el.insertAdjacentHTML('beforeend', '<div data-testid="User-Name"><a href="/q">@q</a></div>'),
      (el: Element) =>
        el.insertAdjacentHTML('beforeend', '<article data-testid="tweet"><a href="/n">@n</a></article>'),
      (el: Element) => el.removeAttribute('data-testid'),
      (el: Element) => el.setAttribute('data-testid', 'tweetText'),
      (el: Element) => el.setAttribute('data-testid', 'User-Name'),
      (el: Element) => el.setAttribute('href', '/someone'),
      (el: Element) => el.parentElement?.prepend(el),
      (el: Element) => {
        // Text moved into the author block, or the author block into the text.
        const tweet = el.closest('article');
        const name = tweet?.querySelector('[data-testid="User-Name"]');
        const body = tweet?.querySelector('[data-testid="tweetText"]');
        if (!name || !body || name.contains(body) || body.contains(name)) return;
        if ((el.textContent?.length ?? 0) % 2 === 0) name.append(body);
        else body.append(name);
      },
    );
    // Each run edits one tweet of a conversation page, in a page of its own.
    const tweets = conversationTweets();
    fc.assert(
      fc.property(
        fc.nat(tweets.length - 1),
        fc.array(fc.tuple(fc.nat(), edits), { minLength: 1, maxLength: 6 }),
        (which, steps) => {
          document.body.innerHTML = `<div data-testid="cellInnerDiv">${tweets[which]}</div>`;
          for (const [at, edit] of steps) {
            const inside = Array.from(document.querySelectorAll('article *'));
            const el = inside[at % Math.max(1, inside.length)];
            if (el) edit(el);
          }
          checkTweets(document);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('tweets read in page order', () => {
  /** Each tweet read from the page in order, and each read alone with no hint from its neighbours. */
  const inOrderAndAlone = (root: ParentNode) => {
    const ctx = context(['acmecoffee']);
    const inOrder = readTweets(root, ctx).map((f) => f.item);
    const alone = Array.from(document.querySelectorAll('article[data-testid="tweet"]'))
      .filter((a) => root === document || (root as Element).contains(a) || a.contains(root as Element))
      .map((a) => readTweet(a, ctx))
      .filter((item) => item !== null);
    return { inOrder, alone };
  };

  it('read as each tweet alone does, on every fixture page and capture, page by page and cell by cell', () => {
    const docs: (() => Document)[] = readdirSync(join(__dirname, '../../fixtures/x'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => () => loadFixture(f, STATUS_URL));
    if (existsSync(CAPTURES)) {
      for (const f of readdirSync(CAPTURES).filter((n) => n.endsWith('.html')))
        docs.push(() => loadHtml(readFileSync(join(CAPTURES, f), 'utf8'), STATUS_URL));
    }
    let tweets = 0;
    for (const load of docs) {
      const doc = load();
      const whole = inOrderAndAlone(doc);
      expect(whole.inOrder).toEqual(whole.alone);
      tweets += whole.inOrder.length;
      for (const cell of Array.from(doc.querySelectorAll('[data-testid="cellInnerDiv"]'))) {
        const one = inOrderAndAlone(cell);
        expect(one.inOrder).toEqual(one.alone);
      }
    }
    expect(tweets).toBeGreaterThan(30);
  });

  it('read cell after cell in one pass as each tweet alone, and afresh in the next pass after a change', () => {
    let joined = 0;
    for (const page of readdirSync(join(__dirname, '../../fixtures/x')).filter((f) => f.endsWith('.html'))) {
      const doc = loadFixture(page, STATUS_URL);
      const cells = Array.from(doc.querySelectorAll(CELL));
      const pass = { ...context(['acmecoffee']), pass: {} };
      const inPass = cells.flatMap((cell) => readTweets(cell, pass));
      const alone = Array.from(doc.querySelectorAll(TWEET))
        .filter((a) => a.closest(CELL) !== null)
        .map((a) => readTweet(a, context(['acmecoffee'])))
        .filter((item) => item !== null);
      expect(inPass.map((f) => f.item)).toEqual(alone);

      // The cell above a tweet joined to it is recycled for another tweet: the next pass sees the new one.
      const below = inPass.find((f) => f.item.parentId !== null);
      if (!below) continue;
      joined++;
      const above = inPass.find((f) => f.item.id === below.item.parentId)?.element as Element;
      for (const link of Array.from(above.querySelectorAll(`a[href*="/status/${below.item.parentId}"]`))) {
        link.setAttribute('href', (link.getAttribute('href') ?? '').replace(/\/status\/\d+/, '/status/42'));
      }
      const next = { ...context(['acmecoffee']), pass: {} };
      const again = readTweets(below.element.closest(CELL) as Element, next);
      expect(again.find((f) => f.item.id === below.item.id)?.item.parentId).toBe('42');
    }
    expect(joined).toBeGreaterThan(0);
  });

  it('leave out what a tweet nested in another holds, however deep it sits', () => {
    const tweets = conversationTweets();
    fc.assert(
      fc.property(
        fc.nat(tweets.length - 1),
        fc.nat(tweets.length - 1),
        fc.nat(),
        fc.boolean(),
        (outer, inner, at, nameless) => {
          document.body.innerHTML = `<div data-testid="cellInnerDiv">${tweets[outer]}</div>`;
          const inside = Array.from(document.querySelectorAll('article *'));
          inside[at % inside.length]?.insertAdjacentHTML('beforeend', tweets[inner] as string);
          // A nested tweet without an author block shows itself only as a tweet.
          if (nameless) document.querySelector('article article [data-testid="User-Name"]')?.remove();
          const cell = document.body.firstElementChild as Element;
          const one = inOrderAndAlone(cell);
          expect(one.inOrder).toEqual(one.alone);
          // Read from the outer tweet itself, as when a page is read tweet by tweet.
          const fromTweet = inOrderAndAlone(cell.querySelector('article') as Element);
          expect(fromTweet.inOrder).toEqual(fromTweet.alone);
          // Read from inside the outer tweet, as after X re-renders a part of it.
          const part = inside[(at * 7) % inside.length] as Element;
          if (part.isConnected) {
            const fromPart = inOrderAndAlone(part);
            expect(fromPart.inOrder).toEqual(fromPart.alone);
          }
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
