/**
 * Selector drift on x.com: X renames test ids and reshuffles markup without notice. For every selector the X
 * adapter exports, the status-page fixture (with an inline reply box and an open reply dialog, as X hydrates
 * them) is broken where that selector points, and the adapter must either say so through `health` (so the
 * side panel can tell the user the page changed and markers pause) or, for markup that is optional by nature,
 * keep reading the same tweets and reply boxes. Either way it must stay silent in the page console and
 * recover as soon as the markup comes back.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { FoundItem } from '../../../lib/sites/adapter';
import type { HealthProblem } from '../../../lib/sites/model';
import { NO_ITEMS_AFTER_MS, xAdapter } from '../../../lib/sites/x/adapter';
import * as selectors from '../../../lib/sites/x/selectors';
import { context, loadFixture, STATUS_URL } from '../x/load';
import {
  CONSOLE_METHODS,
  type Optional,
  type Reported,
  removeAll,
  renameAttribute,
  rewriteAttribute,
  type Snapshot,
} from './breaks';

type SelectorName = keyof typeof selectors;

/** Every export of the selectors module by name, so the table can be checked against all of them. */
const EXPORTS = new Map<string, unknown>(Object.entries(selectors));

const URL_OF_PAGE = new URL(STATUS_URL);
const SETTLED = Math.max(NO_ITEMS_AFTER_MS, 8000);
const BRAND = ['acmecoffee'];

interface AbsentFromFixture {
  kind: 'absent';
  /** Why the status page has none of this markup; the case fails once the fixture gains some. */
  why: string;
}

type DriftCase = Reported | Optional | AbsentFromFixture;

function byIdMap(snapshot: Snapshot): Map<string, FoundItem['item']> {
  return new Map(snapshot.items.map((item) => [item.id, item]));
}

const CASES: Record<SelectorName, DriftCase> = {
  TWEET_TEXT: {
    kind: 'reported',
    how: 'tweet bodies lose data-testid="tweetText" but keep their lang',
    breakIt: renameAttribute(selectors.TWEET_TEXT, 'data-testid'),
    problem: { code: 'selector-missing', detail: 'tweetText' },
  },
  AVATAR: {
    kind: 'reported',
    how: 'avatars lose their test id, taking the thread line with them',
    breakIt: renameAttribute(selectors.AVATAR, 'data-testid'),
    problem: { code: 'selector-missing', detail: 'avatar' },
  },
  REPLY_BUTTON: {
    kind: 'reported',
    how: 'Reply buttons lose their test id',
    breakIt: renameAttribute(selectors.REPLY_BUTTON, 'data-testid'),
    problem: { code: 'selector-missing', detail: 'reply-button' },
  },
  CELL: {
    kind: 'reported',
    how: 'timeline rows lose data-testid="cellInnerDiv"',
    breakIt: renameAttribute(selectors.CELL, 'data-testid'),
    problem: { code: 'selector-missing', detail: 'cell' },
  },
  FOCUSED_TWEET: {
    kind: 'reported',
    how: 'the focused tweet gets a tab stop like every other tweet',
    breakIt: rewriteAttribute(selectors.FOCUSED_TWEET, 'tabindex', () => '0'),
    problem: { code: 'selector-missing', detail: 'focused-tweet' },
  },
  COMPOSER_CONTAINER: {
    kind: 'reported',
    how: 'the editor container is renamed',
    breakIt: rewriteAttribute(selectors.COMPOSER_CONTAINER, 'data-testid', (v) =>
      v.replace('RichTextInputContainer', 'InputWrapper'),
    ),
    problem: { code: 'no-composer-editor', detail: 'editor container' },
  },
  DIALOG: {
    kind: 'reported',
    how: 'the reply dialog is no longer marked aria-modal',
    breakIt: renameAttribute(selectors.DIALOG, 'aria-modal'),
    problem: { code: 'no-composer-editor', detail: 'reply dialog' },
  },
  DIALOG_SUBMIT: {
    kind: 'reported',
    how: "the dialog's Reply button loses its test id",
    breakIt: renameAttribute(selectors.DIALOG_SUBMIT, 'data-testid'),
    problem: { code: 'no-composer-editor', detail: 'Reply button' },
  },
  INLINE_SUBMIT: {
    kind: 'reported',
    how: "the inline box's Reply button loses its test id",
    breakIt: renameAttribute(selectors.INLINE_SUBMIT, 'data-testid'),
    problem: { code: 'no-composer-editor', detail: 'Reply button' },
  },
  DRAFT_BLOCK: {
    kind: 'reported',
    how: 'Draft.js paragraphs lose data-block',
    breakIt: renameAttribute(selectors.DRAFT_BLOCK, 'data-block'),
    problem: { code: 'no-composer-editor', detail: 'paragraphs' },
  },
  DRAFT_TEXT: {
    kind: 'reported',
    how: 'Draft.js text spans lose data-text',
    breakIt: renameAttribute(selectors.DRAFT_TEXT, 'data-text'),
    problem: { code: 'no-composer-editor', detail: 'paragraph text' },
  },
  REPLY_TO_ATTRIBUTE: {
    kind: 'optional',
    how: 'the reply dialog is not marked with the tweet it answers (real X never marks it)',
    breakIt: renameAttribute(`[${selectors.REPLY_TO_ATTRIBUTE}]`, selectors.REPLY_TO_ATTRIBUTE),
    check: (before, after) => {
      expect(before.composers.map((c) => c.replyTo)).toEqual([FOCUSED_ID, DIALOG_REPLY_TO]);
      expect(after).toEqual(before);
    },
  },
  PROFILE_HREF: {
    kind: 'reported',
    how: 'profile links become absolute URLs',
    breakIt: rewriteAttribute(
      `${selectors.USER_NAME} ${selectors.PROFILE_HREF}`,
      'href',
      (v) => `https://x.com${v}`,
    ),
    problem: { code: 'selector-missing', detail: 'profile-link' },
  },
  TWEET: {
    kind: 'reported',
    how: 'tweet articles lose data-testid="tweet"',
    breakIt: renameAttribute(selectors.TWEET, 'data-testid'),
    problem: { code: 'no-items' },
  },
  USER_NAME: {
    kind: 'reported',
    how: 'User-Name blocks lose their test id',
    breakIt: renameAttribute(selectors.USER_NAME, 'data-testid'),
    problem: { code: 'selector-missing', detail: 'User-Name' },
  },
  TIME: {
    kind: 'reported',
    how: '<time> loses its datetime attribute',
    breakIt: renameAttribute(selectors.TIME, 'datetime'),
    problem: { code: 'selector-missing', detail: 'time' },
  },
  STATUS_LINK: {
    kind: 'reported',
    how: 'permalinks move from /status/ to /post/',
    breakIt: rewriteAttribute(selectors.STATUS_LINK, 'href', (href) => href.replace('/status/', '/post/')),
    problem: { code: 'selector-missing', detail: 'status-link' },
  },
  COMPOSER_EDITOR: {
    kind: 'reported',
    how: 'the reply box is no longer a contenteditable textbox',
    breakIt: renameAttribute(selectors.COMPOSER_EDITOR, 'contenteditable'),
    problem: { code: 'no-composer-editor' },
  },
  SHOW_MORE: {
    kind: 'optional',
    how: '"Show more" is removed: only that tweet stops being marked truncated',
    breakIt: removeAll(selectors.SHOW_MORE),
    check: (before, after) => {
      const was = before.items.filter((i) => i.truncated).map((i) => i.id);
      expect(was.length).toBeGreaterThan(0);
      expect(after.items.filter((i) => i.truncated)).toEqual([]);
      const now = byIdMap(after);
      for (const item of before.items) expect(now.get(item.id)).toEqual({ ...item, truncated: false });
    },
  },
  QUOTE_CANDIDATE: {
    kind: 'optional',
    how: 'clickable divs lose role="link": quoted tweets may blend into the tweet around them',
    breakIt: renameAttribute(selectors.QUOTE_CANDIDATE, 'role'),
    check: (before, after) => {
      expect(after.ids).toEqual(before.ids);
      const now = byIdMap(after);
      for (const item of before.items) expect(now.get(item.id)?.author.handle).toBe(item.author.handle);
    },
  },
  RETWEET_BUTTON: {
    kind: 'optional',
    how: 'repost buttons lose their test id; reading does not use them',
    breakIt: renameAttribute(selectors.RETWEET_BUTTON, 'data-testid'),
    check: (before, after) => expect(after).toEqual(before),
  },
  LIKE_BUTTON: {
    kind: 'optional',
    how: 'like buttons lose their test id; reading does not use them',
    breakIt: renameAttribute(selectors.LIKE_BUTTON, 'data-testid'),
    check: (before, after) => expect(after).toEqual(before),
  },
  ACCOUNT_SWITCHER: {
    kind: 'optional',
    how: 'the account menu goes away: the Profile tab still names the signed-in account',
    breakIt: removeAll(selectors.ACCOUNT_SWITCHER),
    check: (before, after) => {
      expect(before.signedIn).not.toBeNull();
      expect(after).toEqual(before);
    },
  },
  PROFILE_TAB: {
    kind: 'optional',
    how: 'the Profile tab goes away: the account menu still names the signed-in account',
    breakIt: removeAll(selectors.PROFILE_TAB),
    check: (before, after) => {
      expect(before.signedIn).not.toBeNull();
      expect(after).toEqual(before);
    },
  },
  SOCIAL_CONTEXT: {
    kind: 'absent',
    why: 'a conversation shows no "reposted" or "Pinned" lines',
  },
  CARD: {
    kind: 'absent',
    why: 'no tweet in this conversation carries a link card',
  },
};

const FOCUSED_ID = URL_OF_PAGE.pathname.split('/').pop();
/** Tom's complaint, which the open dialog answers. */
const DIALOG_REPLY_TO = '1992322108379541504';

/** A Draft.js editor as X mounts it: one block per paragraph, an empty paragraph holds only a `<br>`. */
function draftEditor(testid: string, paragraphs: string[]): string {
  const blocks = paragraphs
    .map(
      (p) =>
        `<div data-block="true">${p === '' ? '<br data-text="true">' : `<span data-text="true">${p}</span>`}</div>`,
    )
    .join('');
  return `<div data-testid="${testid}RichTextInputContainer">
      <div data-testid="${testid}" contenteditable="true" role="textbox"><div data-contents="true">${blocks}</div></div>
    </div>`;
}

/**
 * The fixture is the page as served; X hydrates the inline reply box under the focused tweet afterwards, and
 * "Reply" on a tweet opens a modal dialog showing that tweet's time link above a second editor. Both are added
 * here in X's shape so the editor selectors have something to find.
 */
function addComposers(doc: Document): void {
  const focused = doc.querySelector(selectors.FOCUSED_TWEET);
  const cell = focused?.closest(selectors.CELL);
  if (!cell) throw new Error('the fixture has no focused tweet');
  const box = doc.createElement('div');
  box.innerHTML = `${draftEditor('tweetTextarea_0', ['Thanks for waiting'])}
    <button data-testid="tweetButtonInline" type="button">Reply</button>`;
  cell.after(box);

  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute(selectors.REPLY_TO_ATTRIBUTE, DIALOG_REPLY_TO);
  dialog.innerHTML = `<div><a href="/tomreid/status/${DIALOG_REPLY_TO}"><time datetime="2026-11-22T14:00:00.000Z">2h</time></a>
      <span>Replying to <a href="/tomreid">@tomreid</a></span></div>
    ${draftEditor('tweetTextarea_1', ['Hi Tom,', '', 'so sorry about the wait'])}
    <button data-testid="tweetButton" type="button">Reply</button>`;
  doc.body.append(dialog);
}

function load(): Document {
  const doc = loadFixture('status-conversation.html', STATUS_URL);
  addComposers(doc);
  return doc;
}

function snapshot(doc: Document): Snapshot {
  const ctx = context(BRAND);
  const found = xAdapter.readItems(doc, ctx);
  const items = xAdapter.link(
    found.map((f) => f.item),
    ctx,
    URL_OF_PAGE,
  );
  const composers = Array.from(doc.querySelectorAll<HTMLElement>(selectors.COMPOSER_EDITOR)).map(
    (editor) => ({
      text: xAdapter.readComposer(editor),
      replyTo: xAdapter.composerReplyTo(editor, doc),
      submit: xAdapter.submitButton(editor, doc) !== null,
    }),
  );
  return { ids: items.map((i) => i.id), items, signedIn: xAdapter.signedInAccount(doc), composers };
}

function healthOf(doc: Document, found: number): HealthProblem[] {
  return xAdapter.health(doc, URL_OF_PAGE, found, SETTLED);
}

describe('X selector drift', () => {
  let spies: MockInstance[] = [];

  beforeEach(() => {
    spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  function expectSilentConsole(): void {
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  }

  it('has a drift case for every selector the adapter exports', () => {
    expect(Object.keys(CASES).sort()).toEqual([...EXPORTS.keys()].sort());
  });

  it('starts from a healthy fixture with tweets read', () => {
    const doc = load();
    const base = snapshot(doc);
    expect(base.ids.length).toBeGreaterThan(10);
    expect(base.composers).toEqual([
      { text: 'Thanks for waiting', replyTo: FOCUSED_ID, submit: true },
      { text: 'Hi Tom,\n\nso sorry about the wait', replyTo: DIALOG_REPLY_TO, submit: true },
    ]);
    expect(healthOf(doc, base.ids.length)).toEqual([]);
    expectSilentConsole();
  });

  for (const [name, drift] of Object.entries(CASES)) {
    if (drift.kind === 'reported') {
      it(`reports ${drift.problem.code} when ${drift.how} (${name}), then recovers`, () => {
        const doc = load();
        const base = snapshot(doc);
        expect(healthOf(doc, base.ids.length)).toEqual([]);

        const restore = drift.breakIt(doc);
        let broken: Snapshot | undefined;
        expect(() => {
          broken = snapshot(doc);
        }).not.toThrow();
        expect(healthOf(doc, broken?.ids.length ?? 0)).toContainEqual(drift.problem);
        expectSilentConsole();

        restore();
        const back = snapshot(doc);
        expect(back).toEqual(base);
        expect(healthOf(doc, back.ids.length)).toEqual([]);
        expectSilentConsole();
      });
    } else if (drift.kind === 'optional') {
      it(`keeps reading when ${drift.how} (${name}), then recovers`, () => {
        const doc = load();
        const base = snapshot(doc);
        expect(healthOf(doc, base.ids.length)).toEqual([]);

        const restore = drift.breakIt(doc);
        let broken: Snapshot | undefined;
        expect(() => {
          broken = snapshot(doc);
        }).not.toThrow();
        if (!broken) throw new Error('nothing was read');
        drift.check(base, broken);
        expect(healthOf(doc, broken.ids.length)).toEqual([]);
        expectSilentConsole();

        restore();
        const back = snapshot(doc);
        expect(back).toEqual(base);
        expect(healthOf(doc, back.ids.length)).toEqual([]);
        expectSilentConsole();
      });
    } else {
      it(`has no markup to break for ${name} on a status page: ${drift.why}`, () => {
        const doc = load();
        const selector = EXPORTS.get(name);
        expect(typeof selector).toBe('string');
        expect(doc.querySelectorAll(String(selector)).length).toBe(0);
      });
    }
  }
});
