import { beforeEach, describe, expect, it } from 'vitest';
import { facebookAdapter, NO_ITEMS_AFTER_MS } from '../../../lib/sites/facebook/adapter';
import { context, loadFixture, mountPostComposer, POST_URL } from './load';

const u = (s: string) => new URL(s);

describe('which pages the adapter handles', () => {
  it.each([
    ['https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123', true],
    ['https://web.facebook.com/AcmeCoffee', true],
    ['https://facebook.com/AcmeCoffee', false],
    ['https://m.facebook.com/AcmeCoffee', false],
    ['http://www.facebook.com/AcmeCoffee', false],
    ['https://www.facebook.com.evil.example/AcmeCoffee', false],
    ['https://x.com/acmecoffee', false],
  ])('%s → %s', (url, expected) => {
    expect(facebookAdapter.matches(u(url))).toBe(expected);
  });

  it.each([
    ['https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123', 'post'],
    ['https://www.facebook.com/permalink.php?story_fbid=1&id=2', 'post'],
    ['https://www.facebook.com/story.php?story_fbid=1&id=2', 'post'],
    ['https://www.facebook.com/AcmeCoffee/videos/123456/', 'post'],
    ['https://www.facebook.com/photo/?fbid=1&set=a.2', 'post'],
    ['https://www.facebook.com/groups/coffee/posts/42/', 'post'],
    ['https://www.facebook.com/watch/?v=99', 'post'],
    ['https://www.facebook.com/AcmeCoffee', 'page'],
    ['https://www.facebook.com/AcmeCoffee/', 'page'],
    ['https://www.facebook.com/profile.php?id=100071234567890', 'page'],
    ['https://www.facebook.com/AcmeCoffee/reviews', 'page'],
    ['https://www.facebook.com/', 'feed'],
    ['https://www.facebook.com/home.php', 'feed'],
    ['https://www.facebook.com/notifications', 'other'],
    ['https://www.facebook.com/groups/coffee', 'other'],
    ['https://www.facebook.com/marketplace/item/1', 'other'],
    ['https://www.facebook.com/settings.php', 'other'],
  ])('%s is a %s page', (url, kind) => {
    expect(facebookAdapter.pageKind(u(url))).toBe(kind);
  });
});

describe('health', () => {
  const post = u(POST_URL);
  beforeEach(() => {
    document.documentElement.setAttribute('lang', 'en');
    document.body.innerHTML = '';
  });

  it('reports nothing while a post page is still loading its comments', () => {
    expect(facebookAdapter.health(document, post, 0, 2000)).toEqual([]);
  });

  it('reports no items when a post page shows no readable comments after 8 seconds', () => {
    expect(facebookAdapter.health(document, post, 0, NO_ITEMS_AFTER_MS)).toEqual([{ code: 'no-items' }]);
  });

  it('does not expect comments on the news feed', () => {
    expect(facebookAdapter.health(document, u('https://www.facebook.com/'), 0, 60_000)).toEqual([]);
  });

  it('names the missing link when comments are on the page but cannot be read', () => {
    document.body.innerHTML = `<div role="article" aria-label="Comment by Ann Lee 2 hours ago">
      <a href="https://www.facebook.com/ann.lee">Ann Lee</a><span lang="en"><div dir="auto">Hi</div></span></div>`;
    expect(facebookAdapter.health(document, post, 0, NO_ITEMS_AFTER_MS)).toEqual([
      { code: 'selector-missing', detail: 'comment_id link' },
    ]);
  });

  it('reports an interface language without a table, naming it', () => {
    document.documentElement.setAttribute('lang', 'pt-BR');
    expect(facebookAdapter.health(document, post, 0, 0)).toEqual([
      { code: 'unknown-language', detail: 'pt-BR' },
    ]);
  });

  it('reports a comment box that is not a Lexical editor', () => {
    document.body.innerHTML =
      '<form><div role="textbox" contenteditable="true" aria-label="Write a comment"></div></form>';
    expect(facebookAdapter.health(document, post, 0, 0)).toEqual([
      { code: 'no-composer-editor', detail: 'data-lexical-editor' },
    ]);
  });

  it('reports a post with comments but no comment box once loaded, and is healthy once the box is there', () => {
    const doc = loadFixture('post.html');
    const found = facebookAdapter.readItems(doc, context(['Acme Coffee'])).length;
    expect(found).toBe(22);
    expect(facebookAdapter.health(doc, post, found, 1000)).toEqual([]);
    expect(facebookAdapter.health(doc, post, found, NO_ITEMS_AFTER_MS)).toEqual([
      { code: 'no-composer-editor', detail: 'comment box' },
    ]);
    mountPostComposer(doc);
    expect(facebookAdapter.health(doc, post, found, NO_ITEMS_AFTER_MS)).toEqual([]);
  });

  it('names the submit control when a comment box has none it can recognise', () => {
    const doc = loadFixture('post.html');
    const { submit } = mountPostComposer(doc);
    submit.setAttribute('aria-label', 'Envoyer');
    expect(facebookAdapter.health(doc, post, 22, 0)).toEqual([
      { code: 'no-composer-editor', detail: 'Comment button' },
    ]);
  });

  it('is healthy on the Spanish fixture', () => {
    const doc = loadFixture('post-es.html');
    mountPostComposer(doc);
    const found = facebookAdapter.readItems(doc, context(['Acme Coffee'])).length;
    expect(facebookAdapter.health(doc, post, found, NO_ITEMS_AFTER_MS)).toEqual([]);
  });
});
