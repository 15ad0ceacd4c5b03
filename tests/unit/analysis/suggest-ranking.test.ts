import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/analysis/classify';
import { createSuggester } from '../../../lib/analysis/suggest';
import { type Intent, PLAYBOOK_SCHEMA_ID, type Playbook, playbookSchema } from '../../../lib/playbook/schema';

interface Entry {
  id: string;
  title: string;
  triggers?: string[];
  variants: string[];
  intents?: Intent[];
}

function playbookOf(responses: Entry[]): Playbook {
  return playbookSchema.parse({
    schema: PLAYBOOK_SCHEMA_ID,
    name: 'Ranking test playbook',
    version: '1',
    brand: { name: 'Acme Coffee', accounts: { x: ['acmecoffee'] } },
    voice: { bannedPhrases: [], privateDetails: [] },
    responses: responses.map((r) => ({ intents: ['other'], triggers: [], ...r })),
  });
}

const ids = (list: { responseId: string }[]) => list.map((s) => s.responseId);

describe('suggest ranking', () => {
  it('ranks a word in a title or trigger above the same word used only in a variant', () => {
    const playbook = playbookOf([
      { id: 'variant-only', title: 'Shop visit', variants: ['Sorry the grinder at the shop was so loud.'] },
      { id: 'trigger', title: 'Equipment', triggers: ['grinder'], variants: ['We will have it looked at.'] },
      { id: 'title', title: 'Grinder noise', variants: ['We will have it looked at.'] },
    ]);
    const list = createSuggester(playbook).suggest('that grinder!!', { k: 3 });
    expect(ids(list)).toEqual(['trigger', 'title', 'variant-only']);
  });

  it('finds a response through the wording of its variants', () => {
    const playbook = playbookOf([
      { id: 'parking', title: 'Parking', variants: ['The car park behind the shop is free after six.'] },
      { id: 'wifi', title: 'Wifi', variants: ['Ask the team for the wifi password.'] },
    ]);
    const [top] = createSuggester(playbook).suggest('is the car park free?', { k: 1 });
    expect(top?.responseId).toBe('parking');
    expect(top?.why.join(' ')).toMatch(/words: .*park/);
  });

  it('matches word forms: "delayed orders" finds "delay" and "order"', () => {
    const playbook = playbookOf([
      { id: 'delay', title: 'Order delay', variants: ['Sorry for the wait.'] },
      { id: 'menu', title: 'Menu question', variants: ['Our menu is online.'] },
    ]);
    const [top] = createSuggester(playbook).suggest('delayed orders again', { k: 1 });
    expect(top?.responseId).toBe('delay');
  });

  it('lets a rare word outweigh one that many responses share', () => {
    const responses: Entry[] = Array.from({ length: 30 }, (_, i) => ({
      id: `coffee-${i}`,
      title: `Coffee note ${i}`,
      variants: ['Thanks for trying our coffee.'],
    }));
    responses.push({
      id: 'kettle',
      title: 'Kettle',
      variants: ['Our kettles come with a two-year warranty.'],
    });
    const playbook = playbookOf(responses);
    const [top] = createSuggester(playbook).suggest('coffee kettle', { k: 3 });
    expect(top?.responseId).toBe('kettle');
  });

  it('uses the classification it is given instead of classifying the comment again', () => {
    const playbook = playbookOf([
      { id: 'thanks', title: 'Thanks', intents: ['praise'], variants: ['Thank you!'] },
      { id: 'sorry', title: 'Apology', intents: ['complaint'], variants: ['We are sorry.'] },
    ]);
    const comment = 'this is the worst coffee I have ever had, disgusting';
    const suggester = createSuggester(playbook);
    expect(suggester.suggest(comment, { k: 1 })[0]?.responseId).toBe('sorry');
    const praise = classify('I love you guys, best coffee ever, thank you!');
    expect(praise.intent).toBe('praise');
    const given = suggester.suggest(comment, { k: 1, classification: praise })[0];
    expect(given?.responseId).toBe('thanks');
    expect(given?.why).toContain('matches the praise intent');
  });

  it('finds the one response naming a product and a place among 5,000', () => {
    const products = ['latte', 'mocha', 'scone', 'bagel', 'chai', 'muffin', 'toastie', 'brownie'];
    const places = ['Mill Street', 'Old Street', 'High Street', 'Kings Road', 'Harbour', 'Airport'];
    const responses: Entry[] = Array.from({ length: 5000 }, (_, i) => {
      const product = products[i % products.length] as string;
      const place = places[Math.floor(i / products.length) % places.length] as string;
      return {
        id: `r-${i}`,
        title: `${product} at ${place} ${i}`,
        triggers: [product, place.toLowerCase()],
        variants: [`Sorry about the ${product} at ${place}, we will tell the team.`],
      };
    });
    responses[4321] = {
      id: 'cardamom',
      title: 'Cardamom bun at Mill Street',
      triggers: ['cardamom bun', 'mill street'],
      variants: ['Our cardamom buns at Mill Street are baked at seven.'],
    };
    const suggester = createSuggester(playbookOf(responses));
    const list = suggester.suggest('any cardamom buns left at the Mill Street shop?', { k: 3 });
    expect(list[0]?.responseId).toBe('cardamom');
    // After the exact match come the other responses for that shop.
    expect(list.slice(1).map((s) => s.title)).toEqual([
      expect.stringContaining('Mill Street'),
      expect.stringContaining('Mill Street'),
    ]);
  });
});
