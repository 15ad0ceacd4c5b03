import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../../lib/sites/model';
import { brandAccounts, xAdapter } from '../../../lib/sites/x/adapter';
import { byId, context, loadFixture, MENTIONS_URL, unansweredIds } from './load';

const url = new URL(MENTIONS_URL);

// The tweets of tests/fixtures/x/mentions.html, newest first as X lists them.
const OLIVIA_PRAISE = '1992532118735847424';
const BEN_CARD_MACHINE = '1992527245907681280';
const BRAND_TO_BEN = '1992528874509647872';
const KENJI_REPLY = '1992519012338503680';
const GIFT_CARD_SPAM = '1992509931207372800';
const RACHEL_CUPS = '1992498220046561280';
const BRAND_TO_RACHEL = '1992500733961379840';
const LEEDS_QUESTION = '1992486611330928640';
const CAMILLE_FRENCH = '1992470551276400640';
const WALTER_SUNDAY = '1992455108219789312';

function read(brand: readonly string[], repliedLocally: string[] = []): ConversationItem[] {
  const ctx = context(brand, repliedLocally, MENTIONS_URL);
  return xAdapter.link(
    xAdapter.readItems(document, ctx).map((f) => f.item),
    ctx,
    url,
  );
}

describe('X mentions page', () => {
  beforeAll(() => {
    loadFixture('mentions.html', MENTIONS_URL);
  });

  it('is the notifications page', () => {
    expect(xAdapter.pageKind(url)).toBe('notifications');
  });

  it('lists exactly the mentions nobody has answered', () => {
    expect(unansweredIds(read(['acmecoffee']))).toEqual([
      OLIVIA_PRAISE,
      KENJI_REPLY,
      GIFT_CARD_SPAM,
      LEEDS_QUESTION,
      CAMILLE_FRENCH,
      WALTER_SUNDAY,
    ]);
  });

  it('counts the brand reply shown under a mention as its answer', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, BEN_CARD_MACHINE)).toMatchObject({ answered: true, answeredBy: 'thread' });
    expect(byId(items, RACHEL_CUPS)).toMatchObject({ answered: true, answeredBy: 'thread' });
    expect(byId(items, BRAND_TO_BEN)).toMatchObject({ isBrand: true, parentId: BEN_CARD_MACHINE, depth: 1 });
    expect(byId(items, BRAND_TO_RACHEL).isBrand).toBe(true);
  });

  it('takes a mention answered from this browser off the list', () => {
    const items = read(['acmecoffee'], [LEEDS_QUESTION]);
    expect(byId(items, LEEDS_QUESTION)).toMatchObject({ answered: true, answeredBy: 'local' });
    expect(unansweredIds(items)).not.toContain(LEEDS_QUESTION);
  });

  it('addresses a tweet to the brand by a mention in its text or by replying to it', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, OLIVIA_PRAISE)).toMatchObject({ replyingTo: [], addressedToBrand: true });
    expect(byId(items, KENJI_REPLY)).toMatchObject({
      replyingTo: ['hannah_b', 'acmecoffee'],
      addressedToBrand: true,
    });
    expect(byId(items, WALTER_SUNDAY).replyingTo).toEqual(['acmecoffee']);
  });

  it('does not address a tweet to the brand for mentioning another account', () => {
    const items = read(['costacoffee']);
    expect(byId(items, GIFT_CARD_SPAM).addressedToBrand).toBe(true);
    expect(byId(items, OLIVIA_PRAISE).addressedToBrand).toBe(false);
  });

  it('keeps mentions, emoji and link text in the tweet text', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, OLIVIA_PRAISE).text).toBe('Just tried the maple cortado at @acmecoffee and wow ☕✨');
    expect(byId(items, CAMILLE_FRENCH).text).toBe(
      'Merci @acmecoffee pour le café offert ce matin, super accueil ! ☕',
    );
    expect(byId(items, GIFT_CARD_SPAM).text).toContain('Claim now 👉 https://giftz.example/win');
  });

  it('gives the same answer with the brand read from the signed-in account', () => {
    const brand = brandAccounts(undefined, document);
    expect(brand).toEqual(['acmecoffee']);
    expect(unansweredIds(read(brand))).toEqual(unansweredIds(read(['acmecoffee'])));
  });

  it('reads the time of each mention', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, OLIVIA_PRAISE).time).toBe(Date.parse('2026-11-23T04:10:00.000Z'));
    expect(byId(items, WALTER_SUNDAY).time).toBe(Date.parse('2026-11-22T23:04:00.000Z'));
    expect(items.every((i) => i.time !== null && i.permalink !== null)).toBe(true);
  });
});
