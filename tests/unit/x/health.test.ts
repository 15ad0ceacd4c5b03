import { afterEach, describe, expect, it } from 'vitest';
import { NO_ITEMS_AFTER_MS, xAdapter } from '../../../lib/sites/x/adapter';
import { context } from './load';

const status = new URL('https://x.com/acmecoffee/status/1992318840123456512');

function tweetWithout(missing: 'User-Name' | 'time' | 'none', id: string): string {
  const userName =
    missing === 'User-Name'
      ? '<div><a href="/tomreid">Tom Reid</a></div>'
      : `<div data-testid="User-Name"><a href="/tomreid"><span>Tom Reid</span></a>
          <a href="/tomreid"><span>@tomreid</span></a></div>`;
  const time =
    missing === 'time'
      ? `<a href="/tomreid/status/${id}">20h</a>`
      : `<a href="/tomreid/status/${id}"><time datetime="2026-11-22T14:13:00.000Z">20h</time></a>`;
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet">
    <div data-testid="Tweet-User-Avatar"></div>${userName}${time}
    <div data-testid="tweetText" lang="en" dir="auto"><span>Where is my order?</span></div>
    <div role="group"><button data-testid="reply" type="button"></button></div></article></div>`;
}

function health(found: number, ms: number, url = status) {
  return xAdapter.health(document, url, found, ms);
}

describe('X page health', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('waits before calling a page without tweets broken', () => {
    document.body.innerHTML = '<main></main>';
    expect(health(0, NO_ITEMS_AFTER_MS - 1)).toEqual([]);
    expect(health(0, NO_ITEMS_AFTER_MS)).toEqual([{ code: 'no-items' }]);
  });

  it('expects no tweets on pages that have none', () => {
    document.body.innerHTML = '<main></main>';
    expect(health(0, 60_000, new URL('https://x.com/settings/account'))).toEqual([]);
  });

  it('is healthy when tweets are read', () => {
    document.body.innerHTML = tweetWithout('none', '1') + tweetWithout('none', '2');
    const found = xAdapter.readItems(document, context(['acmecoffee'])).length;
    expect(found).toBe(2);
    expect(health(found, 60_000)).toEqual([]);
  });

  it('names the selector that no longer matches inside tweets', () => {
    document.body.innerHTML = tweetWithout('time', '1') + tweetWithout('time', '2');
    expect(health(2, 60_000)).toEqual([{ code: 'selector-missing', detail: 'time' }]);
    document.body.innerHTML = tweetWithout('User-Name', '1') + tweetWithout('User-Name', '2');
    expect(health(2, 60_000)).toEqual([{ code: 'selector-missing', detail: 'User-Name' }]);
  });

  it('does not blame a selector for one odd tweet among many', () => {
    document.body.innerHTML =
      tweetWithout('time', '1') + tweetWithout('none', '2') + tweetWithout('none', '3');
    expect(health(3, 60_000)).toEqual([]);
  });

  it('still reads tweets whose time is missing, from their status link', () => {
    document.body.innerHTML = tweetWithout('time', '1992322108379541504');
    const [found] = xAdapter.readItems(document, context(['acmecoffee']));
    expect(found?.item).toMatchObject({ id: '1992322108379541504', time: null, text: 'Where is my order?' });
  });

  it('reports a composer box whose editor is missing', () => {
    document.body.innerHTML = `${tweetWithout('none', '1')}
      <div data-testid="tweetTextarea_0RichTextInputContainer"><div class="DraftEditor-root"></div></div>`;
    expect(health(1, 60_000)).toEqual([{ code: 'no-composer-editor' }]);
  });

  it('leaves out what it cannot read instead of throwing', () => {
    document.body.innerHTML = `
      <article data-testid="tweet"></article>
      <article data-testid="tweet"><div data-testid="User-Name"><a href="/">@</a></div>
        <a href="/x/status/"><time datetime="not a date"></time></a></article>
      <article data-testid="tweet">
        <a href="javascript:void(0)/status/1"><time datetime="yesterday">?</time></a>
      </article>`;
    const ctx = context(['acmecoffee']);
    expect(() => xAdapter.readItems(document, ctx)).not.toThrow();
    expect(xAdapter.readItems(document, ctx)).toEqual([]);
    expect(health(0, 60_000).map((p) => p.code)).toContain('no-items');
  });
});
