import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConversationItem, conversationItemSchema } from '../../../lib/sites/model';
import { quoteRoots, xAdapter } from '../../../lib/sites/x/adapter';
import { TWEET } from '../../../lib/sites/x/selectors';
import expectedPages from '../../fixtures/x/expected.json';
import { context, loadFixture, unansweredIds } from './load';

interface ExpectedPage {
  file: string;
  url: string;
  brand: string[];
  unanswered: string[];
  answered: string[];
  brandItems: string[];
  truncated: string[];
}
const EXPECTED: Record<string, ExpectedPage> = expectedPages;

const PROJECT = join(__dirname, '../../..');
/** Real x.com markup captured by other projects; kept outside the repository (see its SOURCES.md). */
const REAL = join(PROJECT, '../shared/fixtures/x-real');

interface Expected {
  id: string;
  handle: string;
  /** The tweet's own text starts with this; '' for a tweet with no text (a link card only). */
  textStart: string;
  truncated: boolean;
  replyingTo: string[];
  /** Text of a quoted tweet that must not leak into the tweet. */
  notInText?: string;
}

const CAPTURES: Record<string, Expected> = {
  'mnemosyne-click_in_to_tweet.html': {
    id: '1845152528066883989',
    handle: 'caesararum',
    textStart: 'at the rationalist meetup\n\nsee a guy smoking',
    truncated: false,
    replyingTo: [],
  },
  'mnemosyne-tweet.html': {
    id: '1841842569182929401',
    handle: 'jarvis_best',
    textStart: 'I gotta get my act together you guys',
    truncated: true,
    replyingTo: [],
  },
  'mnemosyne-tweet_with_card_only.html': {
    id: '1843978367558885854',
    handle: 'stephenfhayes',
    textStart: '',
    truncated: false,
    replyingTo: ['mattyglesias'],
  },
  'mnemosyne-tweet_with_image.html': {
    id: '1841834132160077852',
    handle: 'thechosenberg',
    textStart: 'More like sky-DYING instructor',
    truncated: false,
    replyingTo: [],
  },
  'mnemosyne-tweet_with_qt.html': {
    id: '1841911481241370703',
    handle: 'tenobrus',
    textStart: 'i legitimately cannot imagine why',
    // The "Show more" and the "Replying to" in this capture belong to the quoted tweet.
    truncated: false,
    replyingTo: [],
    notInText: 'Chinese in USA',
  },
  'tweetyoink-x-tweet-quote-video.html': {
    id: '1983128852952998358',
    handle: 'QuotingUser',
    textStart: 'How to share',
    truncated: false,
    replyingTo: [],
    notInText: 'Tap any heading',
  },
  'tweetyoink-x-tweet-quote.html': {
    id: '1983130065320780162',
    handle: 'TestQuoter',
    textStart: 'This is a quote tweet with additional commentary',
    truncated: false,
    replyingTo: [],
    notInText: 'original quoted tweet',
  },
  'tweetyoink-x-tweet-sample.html': {
    id: '1981398750557065646',
    handle: 'TestUser123',
    textStart: 'Democrat Shutdown Jeopardizes',
    truncated: false,
    replyingTo: [],
  },
};

/** What every tweet on any page must give: who, which, when and what, and never a quoted tweet as its own. */
function expectConformingTweets(doc: Document, items: readonly ConversationItem[], ads = 0): void {
  const articles = Array.from(doc.querySelectorAll(TWEET));
  // An ad has no permalink and is no conversation item.
  expect(items).toHaveLength(articles.length - ads);
  // A quoted tweet carries its own time; an item showing one of those read the quote instead of the tweet.
  const quotedTimes = articles.flatMap((a) =>
    quoteRoots(a).flatMap((q) =>
      Array.from(q.querySelectorAll('time[datetime]'), (t) => t.getAttribute('datetime')),
    ),
  );
  for (const item of items) {
    expect(conversationItemSchema.safeParse(item).success).toBe(true);
    expect(item.author.handle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
    expect(item.author.name.length).toBeGreaterThan(0);
    expect(item.id).toMatch(/^\d{5,}$/);
    expect(item.time).toEqual(expect.any(Number));
    expect(typeof item.text).toBe('string');
    expect(item.permalink).toBe(`https://x.com/${item.author.handle}/status/${item.id}`);
    expect(quotedTimes.map((t) => Date.parse(t ?? ''))).not.toContain(item.time);
  }
}

function readPage(doc: Document, url: string, brand: readonly string[] = []): ConversationItem[] {
  const ctx = context(brand, [], url);
  return xAdapter.link(
    xAdapter.readItems(doc, ctx).map((f) => f.item),
    ctx,
    new URL(url),
  );
}

if (existsSync(REAL)) {
  describe('real x.com markup', () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith('.html'));

    it('has an expectation for every capture', () => {
      expect(files.sort()).toEqual(Object.keys(CAPTURES).sort());
    });

    for (const file of files) {
      it(`reads ${file}`, () => {
        document.body.innerHTML = readFileSync(join(REAL, file), 'utf8');
        const items = readPage(document, 'https://x.com/home');
        expectConformingTweets(document, items);
        const expected = CAPTURES[file];
        expect(expected).toBeDefined();
        if (!expected) return;
        const [item] = items;
        expect(item).toMatchObject({
          id: expected.id,
          author: { handle: expected.handle },
          truncated: expected.truncated,
          replyingTo: expected.replyingTo,
        });
        expect(item?.text.startsWith(expected.textStart)).toBe(true);
        if (expected.textStart === '') expect(item?.text).toBe('');
        if (expected.notInText) expect(item?.text).not.toContain(expected.notInText);
        expect(xAdapter.health(document, new URL('https://x.com/home'), items.length, 60_000)).toEqual([]);
      });
    }
  });
} else {
  console.warn(`Skipping the real x.com markup checks: ${REAL} is not there.`);
}

describe('our X fixture pages', () => {
  const pages = readdirSync(join(PROJECT, 'tests/fixtures/x')).filter((f) => f.endsWith('.html'));

  it('all have an entry in expected.json, which the end-to-end tests check in the browser', () => {
    expect(
      Object.values(EXPECTED)
        .map((e) => e.file)
        .sort(),
    ).toEqual(pages.sort());
  });

  for (const [name, page] of Object.entries(EXPECTED)) {
    it(`${page.file} gives every tweet its handle, id, time and text`, () => {
      const doc = loadFixture(page.file, page.url);
      const items = readPage(doc, page.url);
      expectConformingTweets(doc, items, page.file === 'home-timeline.html' ? 1 : 0);
      expect(items.filter((i) => i.text === '')).toEqual([]);
    });

    it(`${page.file} matches expected.json (${name})`, () => {
      const doc = loadFixture(page.file, page.url);
      const items = readPage(doc, page.url, page.brand);
      expect(unansweredIds(items)).toEqual(page.unanswered);
      expect(items.filter((i) => i.answered).map((i) => i.id)).toEqual(page.answered);
      expect(items.filter((i) => i.isBrand).map((i) => i.id)).toEqual(page.brandItems);
      expect(items.filter((i) => i.truncated).map((i) => i.id)).toEqual(page.truncated);
    });
  }
});
