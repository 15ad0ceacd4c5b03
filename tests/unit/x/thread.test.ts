import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../../lib/sites/model';
import { linkItems } from '../../../lib/sites/x/adapter';
import { context } from './load';

/** A tweet as `readItems` gives it, before the conversation is linked. */
function tweet(id: string, handle: string, extra: Partial<ConversationItem> = {}): ConversationItem {
  return {
    site: 'x',
    id,
    author: { handle, name: handle },
    text: '',
    truncated: false,
    time: null,
    permalink: `https://x.com/${handle}/status/${id}`,
    replyingTo: [],
    depth: 0,
    parentId: null,
    isBrand: false,
    addressedToBrand: false,
    answered: false,
    answeredBy: null,
    ...extra,
  };
}

const someoneElses = new URL('https://x.com/alice/status/1');
const brandPage = new URL('https://x.com/acmecoffee/status/1');

function link(items: ConversationItem[], url = someoneElses, brand = ['acmecoffee']): ConversationItem[] {
  return linkItems(items, context(brand, [], url.href), url);
}

const answered = (items: ConversationItem[]) => items.filter((i) => i.answered).map((i) => i.id);

describe('linking an X conversation', () => {
  it('answers a tweet with the brand reply right below it that replies to its author', () => {
    const items = link([
      tweet('2', 'bob', { replyingTo: ['acmecoffee'] }),
      tweet('3', 'AcmeCoffee', { replyingTo: ['BOB'] }),
    ]);
    expect(answered(items)).toEqual(['2']);
    expect(items[1]).toMatchObject({ isBrand: true, answered: false, addressedToBrand: false });
  });

  it('ends the thread at the next tweet by someone else that X does not join to it', () => {
    const items = link([
      tweet('2', 'bob', { replyingTo: ['acmecoffee'] }),
      tweet('3', 'carol', { replyingTo: ['acmecoffee'] }),
      tweet('4', 'acmecoffee', { replyingTo: ['bob', 'carol'] }),
    ]);
    expect(answered(items)).toEqual(['3']);
  });

  it('keeps the thread open through replies X joins to it', () => {
    const items = link([
      tweet('2', 'bob', { replyingTo: ['acmecoffee'] }),
      tweet('3', 'carol', { parentId: '2', replyingTo: ['bob'] }),
      tweet('4', 'dave', { parentId: '3', replyingTo: ['carol'] }),
      tweet('5', 'acmecoffee', { replyingTo: ['bob'] }),
    ]);
    expect(answered(items)).toEqual(['2']);
    expect(items.map((i) => i.depth)).toEqual([0, 1, 2, 0]);
  });

  it('answers a tweet the brand reply hangs under by the thread line, with or without "Replying to"', () => {
    const items = link([tweet('2', 'bob'), tweet('3', 'acmecoffee', { parentId: '2' })]);
    expect(items[0]).toMatchObject({ answered: true, answeredBy: 'thread' });
  });

  it('does not let a brand reply to one person answer another', () => {
    const items = link([tweet('2', 'bob'), tweet('3', 'acmecoffee', { replyingTo: ['carol'] })]);
    expect(answered(items)).toEqual([]);
  });

  it('answers the focused tweet with any direct brand reply listed under it', () => {
    const url = new URL('https://x.com/bob/status/2');
    const direct = link([tweet('2', 'bob'), tweet('3', 'carol'), tweet('4', 'acmecoffee')], url);
    expect(direct[0]).toMatchObject({ answered: true, answeredBy: 'thread' });
    const nested = link(
      [
        tweet('2', 'bob'),
        tweet('3', 'carol'),
        tweet('4', 'acmecoffee', { parentId: '3', replyingTo: ['carol'] }),
      ],
      url,
    );
    expect(answered(nested)).toEqual(['3']);
  });

  it('addresses replies, mentions and every reply on the brand status page to the brand', () => {
    const elsewhere = link([
      tweet('2', 'bob', { replyingTo: ['AcmeCoffee'] }),
      tweet('3', 'carol', { text: 'ask @acmecoffee about it' }),
      tweet('4', 'dave', { text: 'email me at dave@acmecoffee.example' }),
      tweet('5', 'erin', { text: 'nothing to do with anyone' }),
    ]);
    expect(elsewhere.map((i) => i.addressedToBrand)).toEqual([true, true, false, false]);
    const onBrandPage = link([tweet('1', 'acmecoffee'), tweet('5', 'erin', { text: 'nice' })], brandPage);
    expect(onBrandPage.map((i) => i.addressedToBrand)).toEqual([false, true]);
  });

  it("counts a conversation with a brand tweet above the focused one as the brand's", () => {
    const url = new URL('https://x.com/bob/status/2');
    const items = link(
      [tweet('1', 'acmecoffee'), tweet('2', 'bob', { parentId: '1' }), tweet('3', 'carol')],
      url,
    );
    expect(items.map((i) => i.addressedToBrand)).toEqual([false, true, true]);
  });

  it('records a reply sent from this browser when the page shows no answer', () => {
    const url = someoneElses;
    const items = linkItems(
      [tweet('2', 'bob'), tweet('3', 'carol')],
      context(['acmecoffee'], ['3'], url.href),
      url,
    );
    expect(items.map((i) => i.answeredBy)).toEqual([null, 'local']);
  });
});
