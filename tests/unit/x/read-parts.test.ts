import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkHrefTest } from '../../../lib/sites/href-test';
import { readRichText } from '../../../lib/sites/x/read';
import { PROFILE_HREF, STATUS_LINK } from '../../../lib/sites/x/selectors';
import { loadFixture, STATUS_URL } from './load';

describe('link selectors tried in script', () => {
  it('agree with the browser matching the selector, on every link of every X fixture', () => {
    const pages = readdirSync(join(__dirname, '../../fixtures/x')).filter((f) => f.endsWith('.html'));
    let links = 0;
    for (const page of pages) {
      const doc = loadFixture(page, STATUS_URL);
      for (const selector of [STATUS_LINK, PROFILE_HREF]) {
        const test = linkHrefTest(selector);
        expect(test).not.toBeNull();
        for (const a of Array.from(doc.getElementsByTagName('a'))) {
          expect(test?.(a.getAttribute('href'))).toBe(a.matches(selector));
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('agree on links with no address, an empty one, or one that only nearly matches', () => {
    document.body.innerHTML =
      '<a>none</a><a href="">empty</a><a href="//x.com/a">protocol</a><a href="/a/statuses/1">near</a><a href="https://x.com/a/status/1">full</a>';
    for (const selector of [STATUS_LINK, PROFILE_HREF, 'a[href="/a"]', 'a[href$="/1"]']) {
      const test = linkHrefTest(selector);
      for (const a of Array.from(document.getElementsByTagName('a'))) {
        expect([selector, a.textContent, test?.(a.getAttribute('href'))]).toEqual([
          selector,
          a.textContent,
          a.matches(selector),
        ]);
      }
    }
  });

  it('leave any other shape of selector to the browser', () => {
    expect(linkHrefTest('a[href^="/"] span')).toBeNull();
    expect(linkHrefTest('[href^="/"]')).toBeNull();
    expect(linkHrefTest('a[href~="x"]')).toBeNull();
    expect(linkHrefTest('a[href=""]')).toBeNull();
  });
});

describe('the text of a part of a tweet', () => {
  const text = (html: string): string => {
    document.body.innerHTML = `<div id="t">${html}</div>`;
    return readRichText(document.getElementById('t') as Element);
  };

  it('is the plain text when nothing in it reads differently', () => {
    expect(text('<span>Acme <b>Coffee</b></span>')).toBe('Acme Coffee');
    expect(text('<span>Acme Coffee</span><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>')).toBe(
      'Acme Coffee',
    );
  });

  it('reads emoji from their images, breaks as new lines, and leaves out icon titles and styles', () => {
    expect(text('<span>Love it </span><img alt="☕"><br><span>again</span>')).toBe('Love it ☕\nagain');
    expect(text('<span>Acme</span><svg><title>Verified account</title></svg>')).toBe('Acme');
    expect(text('<span>Acme</span><style>.x{}</style>')).toBe('Acme');
  });
});
