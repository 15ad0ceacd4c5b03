import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../../lib/sites/model';
import { brandAccounts, linkItems, unansweredItems, xAdapter } from '../../../lib/sites/x/adapter';
import { CELL } from '../../../lib/sites/x/selectors';
import { byId, context, loadFixture, STATUS_URL, unansweredIds } from './load';

const url = new URL(STATUS_URL);

// The tweets of tests/fixtures/x/status-conversation.html, in page order.
const BRAND_POST = '1992318840123456512';
const MAYA = '1992320211598262272';
const BRAND_TO_MAYA = '1992321456714723328';
const TOM_FIRST = '1992322108379541504';
const DANI_QUESTION = '1992324877405085696';
const BRAND_TO_DANI = '1992326542118150144';
const DANI_THANKS = '1992327960472432640';
const LUCIA_SPANISH = '1992331047752749056';
const CRITIC_QUOTE = '1992335518306381824';
const SAM_TRUNCATED = '1992340125116039168';
const BRAND_TO_SAM = '1992343617683652608';
const SPAM = '1992349933907767296';
const JOE_PRAISE = '1992361570441101312';
const JESS_QUESTION = '1992377240137023488';
const MARK_COMPLAINT = '1992391203981975552';
const NINA_SAME = '1992394467028582400';
const BRAND_TO_MARK_AND_NINA = '1992399858366038016';
const PRIYA_MENTION = '1992413021367156736';
const TOM_AGAIN = '1992459811906723840';
const BRAND_TO_TOM = '1992462307396059136';

const EXPECTED_UNANSWERED = [
  TOM_FIRST,
  DANI_THANKS,
  LUCIA_SPANISH,
  CRITIC_QUOTE,
  SPAM,
  JOE_PRAISE,
  JESS_QUESTION,
  PRIYA_MENTION,
];

function read(brand: readonly string[], repliedLocally: string[] = []): ConversationItem[] {
  const ctx = context(brand, repliedLocally);
  const found = xAdapter.readItems(document, ctx).map((f) => f.item);
  return xAdapter.link(found, ctx, url);
}

describe('X status page conversation', () => {
  // Nothing here changes the page, so it is parsed once.
  beforeAll(() => {
    loadFixture('status-conversation.html', STATUS_URL);
  });

  it('reads every tweet of the conversation in page order, the quoted tweet not among them', () => {
    const items = read(['acmecoffee']);
    expect(items.map((i) => i.id)).toEqual([
      BRAND_POST,
      MAYA,
      BRAND_TO_MAYA,
      TOM_FIRST,
      DANI_QUESTION,
      BRAND_TO_DANI,
      DANI_THANKS,
      LUCIA_SPANISH,
      CRITIC_QUOTE,
      SAM_TRUNCATED,
      BRAND_TO_SAM,
      SPAM,
      JOE_PRAISE,
      JESS_QUESTION,
      MARK_COMPLAINT,
      NINA_SAME,
      BRAND_TO_MARK_AND_NINA,
      PRIYA_MENTION,
      TOM_AGAIN,
      BRAND_TO_TOM,
    ]);
    expect(items.every((i) => i.site === 'x')).toBe(true);
  });

  it('lists exactly the replies the brand still owes an answer', () => {
    expect(unansweredIds(read(['acmecoffee']))).toEqual(EXPECTED_UNANSWERED);
    expect(unansweredItems(read(['acmecoffee'])).map((i) => i.id)).toEqual(EXPECTED_UNANSWERED);
  });

  it('marks replies answered when a brand reply follows them in their thread', () => {
    const items = read(['acmecoffee']);
    for (const id of [MAYA, DANI_QUESTION, SAM_TRUNCATED, MARK_COMPLAINT, NINA_SAME, TOM_AGAIN]) {
      expect(byId(items, id)).toMatchObject({ answered: true, answeredBy: 'thread' });
    }
  });

  it('does not count a brand answer to the same person in a later thread', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, TOM_AGAIN).answered).toBe(true);
    expect(byId(items, TOM_FIRST)).toMatchObject({ answered: false, answeredBy: null });
  });

  it('keeps a follow-up written after the brand answered open', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, DANI_QUESTION).answered).toBe(true);
    expect(byId(items, DANI_THANKS).answered).toBe(false);
  });

  it('recognises the brand account whatever the case of the configured handle', () => {
    const items = read(['@AcmeCoffee']);
    expect(items.filter((i) => i.isBrand).map((i) => i.id)).toEqual([
      BRAND_POST,
      BRAND_TO_MAYA,
      BRAND_TO_DANI,
      BRAND_TO_SAM,
      BRAND_TO_MARK_AND_NINA,
      BRAND_TO_TOM,
    ]);
    expect(unansweredIds(items)).toEqual(EXPECTED_UNANSWERED);
  });

  it("treats every reply on the brand's status page as addressed to the brand, and none of its own", () => {
    const items = read(['acmecoffee']);
    expect(items.filter((i) => !i.isBrand).every((i) => i.addressedToBrand)).toBe(true);
    expect(items.filter((i) => i.isBrand).some((i) => i.addressedToBrand || i.answered)).toBe(false);
  });

  it('marks a reply sent from this browser as answered locally', () => {
    const items = read(['acmecoffee'], [JESS_QUESTION, MAYA]);
    expect(byId(items, JESS_QUESTION)).toMatchObject({ answered: true, answeredBy: 'local' });
    // What the page shows wins over the local record.
    expect(byId(items, MAYA).answeredBy).toBe('thread');
    expect(unansweredIds(items)).toEqual(EXPECTED_UNANSWERED.filter((id) => id !== JESS_QUESTION));
  });

  it('reads author, permalink and time of a reply', () => {
    const maya = byId(read(['acmecoffee']), MAYA);
    expect(maya.author).toEqual({
      handle: 'maya_drinks',
      name: 'Maya López',
      profileUrl: 'https://x.com/maya_drinks',
    });
    expect(maya.permalink).toBe(`https://x.com/maya_drinks/status/${MAYA}`);
    expect(maya.time).toBe(Date.parse('2026-11-22T14:05:00.000Z'));
  });

  it('reads the time of the focused tweet, which sits below its text', () => {
    const post = byId(read(['acmecoffee']), BRAND_POST);
    expect(post.time).toBe(Date.parse('2026-11-22T14:00:00.000Z'));
    expect(post.author.handle).toBe('acmecoffee');
  });

  it('turns emoji images into their characters and keeps line breaks and hashtags', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, MAYA).text).toBe(
      'The maple cortado is unreal 😍 best thing you have ever put on the menu',
    );
    expect(byId(items, BRAND_POST).text).toBe(
      'Our winter menu is here ❄️☕\n\n' +
        'Gingerbread oat latte, maple cortado and the return of the cardamom bun. ' +
        'Which one are you trying first? #AcmeWinter',
    );
  });

  it('reads non-English text as written', () => {
    expect(byId(read(['acmecoffee']), LUCIA_SPANISH).text).toBe(
      '¿Vais a traer el latte de jengibre a las tiendas de Madrid? ¡Lo necesito! 🙏',
    );
  });

  it('keeps the quoted tweet out of the quoting reply', () => {
    const critic = byId(read(['acmecoffee']), CRITIC_QUOTE);
    expect(critic.text).toBe('This is how you do a seasonal launch. Compare with last year:');
    expect(critic.author.handle).toBe('coffeecritic');
    expect(critic.replyingTo).toEqual(['acmecoffee']);
    expect(critic.time).toBe(Date.parse('2026-11-22T15:06:00.000Z'));
  });

  it('flags a reply X shows only in part', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, SAM_TRUNCATED).truncated).toBe(true);
    expect(items.filter((i) => i.truncated).map((i) => i.id)).toEqual([SAM_TRUNCATED]);
  });

  it('reads the handles a reply is replying to', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, NINA_SAME).replyingTo).toEqual(['mark_t', 'acmecoffee']);
    expect(byId(items, BRAND_TO_MARK_AND_NINA).replyingTo).toEqual(['mark_t', 'nina_b']);
    expect(byId(items, BRAND_POST).replyingTo).toEqual([]);
  });

  it('links replies X joins with its thread line and leaves the others at the top level', () => {
    const items = read(['acmecoffee']);
    expect(byId(items, BRAND_TO_DANI)).toMatchObject({ parentId: DANI_QUESTION, depth: 1 });
    expect(byId(items, DANI_THANKS)).toMatchObject({ parentId: BRAND_TO_DANI, depth: 2 });
    expect(byId(items, NINA_SAME)).toMatchObject({ parentId: MARK_COMPLAINT, depth: 1 });
    expect(byId(items, BRAND_TO_MARK_AND_NINA)).toMatchObject({ parentId: null, depth: 0 });
    expect(byId(items, LUCIA_SPANISH)).toMatchObject({ parentId: null, depth: 0 });
  });

  it('reads a single timeline row added to the page the same way as the whole page', () => {
    const ctx = context(['acmecoffee']);
    const whole = xAdapter.readItems(document, ctx).map((f) => f.item);
    const danisThanks = Array.from(document.querySelectorAll(CELL)).find((cell) =>
      cell.querySelector(`a[href$="/status/${DANI_THANKS}"]`),
    );
    expect(danisThanks).toBeDefined();
    const incremental = xAdapter.readItems(danisThanks as Element, ctx);
    expect(incremental.map((f) => f.item)).toEqual([byId(whole, DANI_THANKS)]);
    expect(incremental[0]?.element.getAttribute('data-testid')).toBe('tweet');
  });

  it('finds the brand from the signed-in account when the playbook names none', () => {
    expect(xAdapter.signedInAccount(document)).toBe('acmecoffee');
    const brand = brandAccounts([], document);
    expect(brand).toEqual(['acmecoffee']);
    const items = read(brand);
    expect(unansweredIds(items)).toEqual(EXPECTED_UNANSWERED);
    expect(items.filter((i) => i.isBrand)).toHaveLength(6);
  });

  it('prefers the accounts the playbook names over the signed-in account', () => {
    expect(brandAccounts(['AcmeHelp', '@acmecoffee'], document)).toEqual(['acmehelp', 'acmecoffee']);
  });

  it('knows nothing is addressed to an unknown brand and nothing is answered by one', () => {
    const items = read([]);
    expect(items.some((i) => i.isBrand || i.addressedToBrand || i.answered)).toBe(false);
  });

  it('returns new objects and leaves the items it was given untouched', () => {
    const ctx = context(['acmecoffee']);
    const found = xAdapter.readItems(document, ctx).map((f) => f.item);
    const before = structuredClone(found);
    const linked = linkItems(found, ctx, url);
    expect(found).toEqual(before);
    expect(linked[1]).not.toBe(found[1]);
  });
});
