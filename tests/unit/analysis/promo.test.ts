import { describe, expect, it } from 'vitest';
import { promo } from '../../../lib/analysis/promo';
import type { PromoRule } from '../../../lib/analysis/types';
import { spanText } from './helpers';

function rules(text: string): PromoRule[] {
  return promo(text).reasons.map((r) => r.rule);
}

describe('promo', () => {
  it('leaves an ordinary care reply alone', () => {
    const r = promo(
      "Hi Sam, I'm so sorry your order is late. Could you DM us the order number so we can chase it?",
    );
    expect(r.score).toBe(0);
    expect(r.promotional).toBe(false);
    expect(r.reasons).toEqual([]);
  });

  it('flags a draft that is mostly selling, with every reason as a span and a tip', () => {
    const text = 'Shop now and get 20% off with code SAVE20! Visit our store www.example.com #deal #coffee';
    const r = promo(text);
    expect(r.promotional).toBe(true);
    expect(r.score).toBeGreaterThan(0.5);
    expect(r.score).toBeLessThanOrEqual(1);
    for (const reason of r.reasons) {
      expect(spanText(text, reason)).toBe(reason.text);
      expect(reason.tip.length).toBeGreaterThan(10);
    }
  });

  it('finds calls to action', () => {
    expect(rules('Order now while stocks last')).toContain('call-to-action');
    expect(rules('Click here to learn more')).toContain('call-to-action');
  });

  it('finds prices and percentages', () => {
    expect(rules('The mug is only $12.99')).toContain('price');
    expect(rules('Everything is 30% off today')).toContain('percentage');
  });

  it('finds discount codes', () => {
    const r = promo('Use code WELCOME10 at the till');
    expect(r.reasons.find((x) => x.rule === 'discount-code')?.text).toBe('Use code WELCOME10');
  });

  it('finds links', () => {
    expect(rules('More at https://example.com/shop')).toContain('link');
  });

  it('counts hashtags and exclamation marks only from the second one', () => {
    expect(rules('Thanks #team')).not.toContain('hashtags');
    expect(rules('Thanks #team #coffee #love')).toContain('hashtags');
    expect(rules('Thanks!')).not.toContain('exclamations');
    expect(rules('Thanks! Great! Wow!')).toContain('exclamations');
  });

  it('notices a draft about "we" and "our" with no "you"', () => {
    const r = promo('We roast our beans ourselves and we ship our blends from our own roastery');
    expect(r.reasons.filter((x) => x.rule === 'we-not-you').length).toBeGreaterThan(0);
  });

  it('adds the missing personal touch only when something already reads as selling', () => {
    expect(rules('The shop opens at 7am.')).not.toContain('impersonal');
    expect(rules('Buy now for $5. www.example.com')).toContain('impersonal');
    expect(rules('Hi Ana, buy now for $5. www.example.com')).not.toContain('impersonal');
  });

  it("uses the playbook's threshold", () => {
    const text = 'Order now at https://example.com/shop';
    const { score } = promo(text);
    expect(promo(text, { voice: { promoThreshold: score - 0.01 } }).promotional).toBe(true);
    expect(promo(text, { voice: { promoThreshold: score } }).promotional).toBe(false);
  });
});
