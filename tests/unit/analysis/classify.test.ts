import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/analysis/classify';
import { spanText } from './helpers';

describe('classify: sentiment', () => {
  it('reads plain praise as positive and plain anger as negative', () => {
    expect(classify('I love this coffee, it is amazing!').sentiment.label).toBe('positive');
    expect(classify('This is the worst coffee I have ever had. Disgusting.').sentiment.label).toBe(
      'negative',
    );
  });

  it('flips a negated positive word ("not happy") and says so in the reasons', () => {
    const plain = classify('I am happy with the service');
    const negated = classify('I am not happy with the service');
    expect(negated.sentiment.score).toBeLessThan(plain.sentiment.score);
    expect(negated.sentiment.label).not.toBe('positive');
    const reason = negated.reasons.find((r) => r.signal === 'negated');
    expect(reason?.text).toBe('happy');
  });

  it('scores an intensified word further from neutral than the plain word', () => {
    const plain = classify('the new menu is good');
    const boosted = classify('the new menu is really extremely good');
    expect(boosted.sentiment.score).toBeGreaterThan(plain.sentiment.score);
  });

  it('reads emoji as feeling when there are no words for it', () => {
    expect(classify('😍😍😍').sentiment.score).toBeGreaterThan(classify('😡😡😡').sentiment.score);
  });

  it('turns praise words around next to a sarcasm marker and a problem', () => {
    const c = classify('Great job losing my parcel again, thanks a lot');
    expect(c.sentiment.label).toBe('negative');
    expect(c.reasons.some((r) => r.signal === 'sarcasm-marker' || r.signal === 'sarcasm')).toBe(true);
  });

  it('reads "oh great" before a grievance as sarcasm, not praise', () => {
    const c = classify('oh great, another price rise. thanks a lot');
    expect(c.intent).toBe('complaint');
    expect(c.sentiment.label).toBe('negative');
    expect(c.reasons.find((r) => r.signal === 'sarcasm-marker')?.text).toBe('oh great');
  });

  it('keeps the score between -1 and 1', () => {
    for (const text of ['LOVE LOVE LOVE!!!!!! 😍😍😍 best ever', 'HATE HATE worst awful horrible!!!! 😡😡']) {
      const { score } = classify(text).sentiment;
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('classify: complaint and intent', () => {
  it('calls a reported problem a complaint even without angry words', () => {
    const c = classify('@acme my order still has not arrived after two weeks');
    expect(c.complaint).toBe(true);
    expect(c.intent).toBe('complaint');
    expect(c.reasons.map((r) => r.signal)).toContain('waiting');
  });

  it('does not call a sad remark with no problem for the brand a complaint', () => {
    const c = classify('Thank you so much, you made a sad day a little better. Love you guys!');
    expect(c.complaint).toBe(false);
    expect(c.intent).toBe('praise');
  });

  it('separates questions and requests from complaints', () => {
    expect(classify('What time does the Mill Street shop open on Sunday?').intent).toBe('question');
    expect(classify('Please send me the allergen list for the muffins').intent).toBe('request');
  });

  it('recognises self-promotion as spam', () => {
    const c = classify(
      'Check out my channel for daily music videos http://example.com/mychannel please subscribe',
    );
    expect(c.intent).toBe('spam');
    expect(c.reasons.some((r) => r.signal === 'spam')).toBe(true);
  });

  it('does not call an ordinary reply with a photo link spam', () => {
    expect(classify('@acme the lid was cracked when it arrived https://t.co/AbCdEf123').intent).not.toBe(
      'spam',
    );
  });

  it('gives every intent a score between 0 and 1', () => {
    const c = classify('Why is my refund still not here?!');
    for (const v of Object.values(c.intents)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('raises urgency for safety and money problems', () => {
    const calm = classify('the music in the shop was a bit loud today');
    const urgent = classify(
      'I was charged twice and my account is locked out, I need this fixed immediately!!',
    );
    expect(urgent.urgency.score).toBeGreaterThan(calm.urgency.score);
    expect(urgent.urgency.level).toBe('high');
  });

  it('points every reason at the words that decided it', () => {
    const text = '@acme I am not happy, the app keeps crashing and I cannot log in';
    const c = classify(text, { brandHandles: ['acme'] });
    expect(c.reasons.length).toBeGreaterThan(0);
    for (const r of c.reasons) expect(spanText(text, r)).toBe(r.text);
  });
});

describe('classify: language', () => {
  it('marks Spanish text and does not guess its sentiment or intent', () => {
    const c = classify('Hola, mi pedido no ha llegado todavía y estoy muy enojado con el servicio');
    expect(c.language).toBe('es');
    expect(c.analysed).toBe(false);
    expect(c.intent).toBe('other');
    expect(c.sentiment).toEqual({ label: 'neutral', score: 0 });
    expect(c.complaint).toBe(false);
  });

  it('marks German, French and non-Latin scripts', () => {
    expect(classify('Ich bin sehr enttäuscht, die Bestellung ist nicht da und keine Antwort').language).toBe(
      'de',
    );
    expect(
      classify("Je suis très déçu, la commande n'est pas arrivée et vous ne répondez pas").language,
    ).toBe('fr');
    expect(classify('Мой заказ до сих пор не пришёл').language).toBe('ru');
    expect(classify('注文した商品がまだ届きません').language).toBe('ja');
  });

  it('keeps English with a foreign name or greeting English', () => {
    expect(classify('Muchas gracias to the team at the Madrid shop, the coffee was great').language).toBe(
      'en',
    );
    expect(classify('Thanks Zoë, the crêpes were lovely').language).toBe('en');
  });

  it('returns results that survive a JSON round trip', () => {
    const c = classify('Not happy!! 😡 my order is late @acme #fail');
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
