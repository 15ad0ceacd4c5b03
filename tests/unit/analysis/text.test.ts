import { describe, expect, it } from 'vitest';
import { terms, tokenize } from '../../../lib/analysis/text';

describe('tokenize', () => {
  it('keeps handles, hashtags, links, emoticons and emoji as single tokens with their offsets', () => {
    const text = '@acme_help loving the #FlatWhite :) 😍 see https://t.co/abc123 now';
    const tokens = tokenize(text);
    const kinds = tokens.map((t) => [t.kind, t.text]);
    expect(kinds).toContainEqual(['handle', '@acme_help']);
    expect(kinds).toContainEqual(['hashtag', '#FlatWhite']);
    expect(kinds).toContainEqual(['emoticon', ':)']);
    expect(kinds).toContainEqual(['emoji', '😍']);
    expect(kinds).toContainEqual(['url', 'https://t.co/abc123']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('squeezes elongated words and normalises curly apostrophes', () => {
    const [first, second] = tokenize('sooooo don’t');
    expect(first?.norm).toBe('soo');
    expect(second?.norm).toBe("don't");
  });

  it('reads prices and percentages as their own kinds', () => {
    const kinds = tokenize('only $4.50 or 20% off').map((t) => t.kind);
    expect(kinds).toEqual(['word', 'money', 'word', 'number', 'word']);
  });

  it('reduces handles and links to symbols for the models', () => {
    expect(terms(tokenize('@bob see www.example.com!'))).toEqual(['<handle>', 'see', '<url>', '!']);
  });
});
