import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHref } from '../../../lib/sites/facebook/adapter';
import { SEED } from '../fuzz/bounds';

/** What reading a link meant before the short way: parse it, keep the listed parameters, drop the rest. */
function parsed(href: string, base: string, keep: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const params = new URLSearchParams();
  for (const name of keep) {
    const value = url.searchParams.get(name);
    if (value !== null) params.set(name, value);
  }
  const query = params.toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

const BASES = ['https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123', 'https://web.facebook.com/x/y?z=1'];
const KEEP = ['comment_id', 'reply_comment_id', 'id'];

/** Pieces real Facebook links are made of, and pieces that make a parser rewrite an address. */
const piece = fc.constantFrom(
  '/',
  'AcmeCoffee',
  'profile.php',
  'posts',
  'pfbid0Acme123',
  '?',
  '&',
  '#',
  '=',
  'comment_id',
  'reply_comment_id',
  'id',
  '__cft__[0]',
  '__tn__',
  'R]-R',
  '123',
  '.',
  '..',
  '%2e',
  '%2E',
  '%',
  '%41',
  '%zz',
  ' ',
  '\\',
  '//',
  'é',
  '"',
  '<',
  "'",
  '+',
  'https://www.facebook.com',
  'https://web.facebook.com',
  'https://WWW.facebook.com',
  'https://evil.example',
  'http://www.facebook.com',
  'javascript:',
  '\t',
  '~',
  ':',
  '@',
  '!',
  '$',
  '(',
  ')',
  '*',
);

describe('reading a Facebook link without parsing it', () => {
  it('gives what parsing gives, for any link made of real and awkward pieces', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }).map((ps) => ps.join('')),
        fc.constantFrom(...BASES),
        fc.subarray(KEEP),
        (href, base, keep) => {
          expect(cleanHref(href, base, keep)).toBe(parsed(href, base, keep));
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('keeps ?id= only on profile.php, decided on the address as parsed', () => {
    const keep = (path: string) => (path.endsWith('/profile.php') ? ['id'] : []);
    const base = BASES[0] as string;
    expect(cleanHref('/profile.php?id=42&__tn__=R', base, keep)).toBe(
      'https://www.facebook.com/profile.php?id=42',
    );
    expect(cleanHref('profile.php?id=42', base, keep)).toBe(
      'https://www.facebook.com/AcmeCoffee/posts/profile.php?id=42',
    );
    expect(cleanHref('https://www.facebook.com/jane.doe?__cft__[0]=AZX&__tn__=R', base, keep)).toBe(
      'https://www.facebook.com/jane.doe',
    );
  });
});
