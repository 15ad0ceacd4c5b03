import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../../lib/sites/model';
import { xAdapter } from '../../../lib/sites/x/adapter';
import { byId, context, loadFixture, unansweredIds } from './load';

function read(url: string, brand: readonly string[] = ['acmecoffee']): ConversationItem[] {
  const ctx = context(brand, [], url);
  return xAdapter.link(
    xAdapter.readItems(document, ctx).map((f) => f.item),
    ctx,
    new URL(url),
  );
}

describe("a customer's reply opened on its own status page", () => {
  const url = 'https://x.com/jess_w/status/1992377240137023488';
  const BRAND_POST = '1992318840123456512';
  const JESS = '1992377240137023488';
  const KAI = '1992380114530271232';
  const BRAND_TO_JESS = '1992382296663351296';
  const OMAR = '1992385770184892416';

  it('reads the brand post above the focused reply as its parent', () => {
    loadFixture('status-customer-reply.html', url);
    const items = read(url);
    expect(items.map((i) => i.id)).toEqual([BRAND_POST, JESS, KAI, BRAND_TO_JESS, OMAR]);
    expect(byId(items, JESS)).toMatchObject({ parentId: BRAND_POST, depth: 1, replyingTo: ['acmecoffee'] });
  });

  it("counts the conversation as the brand's because it starts with a brand post", () => {
    loadFixture('status-customer-reply.html', url);
    const items = read(url);
    expect(items.filter((i) => !i.isBrand).every((i) => i.addressedToBrand)).toBe(true);
  });

  it('answers the focused reply with a brand reply listed anywhere under it', () => {
    loadFixture('status-customer-reply.html', url);
    const items = read(url);
    expect(byId(items, JESS)).toMatchObject({ answered: true, answeredBy: 'thread' });
    expect(unansweredIds(items)).toEqual([KAI, OMAR]);
  });

  it('answers nothing when the brand is someone else', () => {
    loadFixture('status-customer-reply.html', url);
    const items = read(url, ['someotherbrand']);
    expect(items.some((i) => i.answered || i.addressedToBrand)).toBe(false);
  });
});

describe('the home timeline', () => {
  const url = 'https://x.com/home';
  const REPOSTED_BRAND_POST = '1992318840123456512';
  const OLIVIA_MENTION = '1992532118735847424';
  const UNRELATED = '1992520677120512000';
  const BRAND_JOBS = '1992490203558281216';

  it('reads tweets and reposts, and leaves out the ad that has no permalink', () => {
    loadFixture('home-timeline.html', url);
    const items = read(url);
    expect(xAdapter.pageKind(new URL(url))).toBe('home');
    expect(items.map((i) => i.id)).toEqual([REPOSTED_BRAND_POST, OLIVIA_MENTION, UNRELATED, BRAND_JOBS]);
    expect(document.querySelectorAll('article[data-testid="tweet"]')).toHaveLength(5);
  });

  it('credits a repost to the author of the tweet, not to the account that reposted it', () => {
    loadFixture('home-timeline.html', url);
    const repost = byId(read(url), REPOSTED_BRAND_POST);
    expect(repost.author).toMatchObject({ handle: 'acmecoffee', name: 'Acme Coffee' });
    expect(repost).toMatchObject({ isBrand: true, replyingTo: [] });
  });

  it('addresses only the tweet that mentions the brand', () => {
    loadFixture('home-timeline.html', url);
    const items = read(url);
    expect(items.filter((i) => i.addressedToBrand).map((i) => i.id)).toEqual([OLIVIA_MENTION]);
    expect(unansweredIds(items)).toEqual([OLIVIA_MENTION]);
  });

  it('stays healthy with one ad among the tweets', () => {
    loadFixture('home-timeline.html', url);
    const found = read(url).length;
    expect(xAdapter.health(document, new URL(url), found, 60_000)).toEqual([]);
  });
});
