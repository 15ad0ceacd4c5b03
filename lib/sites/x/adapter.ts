import type { FoundItem, ReadContext, SiteAdapter } from '../adapter';
import type { HealthProblem } from '../model';
import {
  activeComposer,
  composerReplyTo,
  openReplyComposer,
  readComposer,
  submitButton,
  tweetId,
} from './composer';
import { expectsTweets, matchesX, signedInHandle, statusOfPage, xPageKind } from './page';
import { articlesIn, ownElements, quoteRoots, readTweet, replyButtonOf, TWEET_TAG } from './read';
import {
  AVATAR,
  CELL,
  COMPOSER_CONTAINER,
  COMPOSER_EDITOR,
  DIALOG,
  DRAFT_BLOCK,
  DRAFT_TEXT,
  FOCUSED_TWEET,
  PROFILE_HREF,
  STATUS_LINK,
  TIME,
  TWEET,
  TWEET_TEXT,
  USER_NAME,
} from './selectors';
import { linkItems } from './thread';

export { brandAccounts, signedInHandle, xPageKind } from './page';
export {
  connectsBelow,
  mentionedHandles,
  normalizeHandle,
  quoteRoots,
  readRichText,
  readTweet,
} from './read';
export { linkItems, unansweredItems } from './thread';

/** X renders the timeline a moment after load; only an empty page after this long means something broke. */
export const NO_ITEMS_AFTER_MS = 8000;

/** How many tweets the health check inspects; enough to tell a broken selector from one odd tweet. */
const HEALTH_SAMPLE = 40;

/** Selectors every tweet should match; an ad or a withheld tweet may lack one, so a majority must miss it. */
const REQUIRED_IN_TWEET: ReadonlyArray<{ name: string; selector: string }> = [
  { name: 'User-Name', selector: USER_NAME },
  { name: 'time', selector: TIME },
  { name: 'status-link', selector: STATUS_LINK },
  // The author's profile link gives the display name and, outside User-Name, the "Replying to" handles.
  { name: 'profile-link', selector: `${USER_NAME} ${PROFILE_HREF}` },
  // The avatar carries the thread line that links a reply to the tweet above it.
  { name: 'avatar', selector: AVATAR },
];

/**
 * X marks the tweet body with its language (`div[lang][dir="auto"]`) as well as its test id; a body that
 * keeps the first but loses the second means the tweets would read as empty.
 */
const TEXT_BODY = 'div[lang][dir="auto"]';

/** Fewer tweets than this is a single embedded tweet rather than a timeline, which has no cells. */
const TIMELINE_AT_LEAST = 3;

/** The tweets inside `root`, in page order. */
function tweetsIn(root: ParentNode, isElement: boolean): Element[] {
  if (!('getElementsByTagName' in root)) return Array.from(root.querySelectorAll(TWEET));
  // An element's list is kept: the tweet below a cell asks the browser about the same cell again.
  const tagged = isElement ? articlesIn(root as Element) : (root as Document).getElementsByTagName(TWEET_TAG);
  const tweets: Element[] = [];
  for (let i = 0; i < tagged.length; i++) {
    const el = tagged[i] as Element;
    if (el.matches(TWEET)) tweets.push(el);
  }
  return tweets;
}

/**
 * The tweets `root` holds; when `root` is a part of a tweet that X re-rendered (text hydrated, "Show more"
 * expanded), the tweet around it too, so the item is read again with what changed. Each is read knowing
 * whether another tweet sits inside it: in page order such a tweet comes right after the one around it.
 */
export function readTweets(root: ParentNode, ctx: ReadContext): FoundItem[] {
  const found: FoundItem[] = [];
  // Telling an element by a property of its class asks the page nothing.
  const isElement = 'closest' in root;
  const around = isElement ? (root as Element).closest(TWEET) : null;
  const under = tweetsIn(root, isElement);
  const tweets = around ? [around, ...under] : under;
  for (let i = 0; i < tweets.length; i++) {
    const element = tweets[i] as Element;
    const next = tweets[i + 1];
    const holdsNoTweet =
      element === around
        ? around === root && under.length === 0
        : next === undefined || !element.contains(next);
    try {
      const item = readTweet(element, ctx, holdsNoTweet);
      if (item) found.push({ item, element });
    } catch {
      // Odd markup must never break the page: the tweet is left out and health reports what is missing.
    }
  }
  return found;
}

export function xHealth(doc: Document, url: URL, found: number, msSinceLoad: number): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const tweets = firstTweets(doc, HEALTH_SAMPLE);
  const missing = (detail: string) => problems.push({ code: 'selector-missing', detail });
  const mostOf = (count: number, of: number) => of > 0 && count * 2 > of;

  if (expectsTweets(xPageKind(url)) && found === 0 && msSinceLoad >= NO_ITEMS_AFTER_MS) {
    problems.push({ code: 'no-items' });
  }
  if (tweets.length > 0) {
    const quotesOf = new Map(tweets.map((t) => [t, quoteRoots(t)]));
    const lacking = (t: Element, selector: string) => ownElements(t, selector, quotesOf.get(t)).length === 0;
    for (const { name, selector } of REQUIRED_IN_TWEET) {
      // Links inside a missing User-Name are missing too: name the outer selector only.
      if (name === 'profile-link' && problems.some((p) => p.detail === 'User-Name')) continue;
      if (mostOf(tweets.filter((t) => lacking(t, selector)).length, tweets.length)) missing(name);
    }
    // "Coach reply" clicks the tweet's own Reply button.
    if (mostOf(tweets.filter((t) => replyButtonOf(t) === null).length, tweets.length))
      missing('reply-button');
    // A photo-only tweet has no body at all; only tweets that show a body are judged.
    const withBody = tweets.filter((t) => !lacking(t, TWEET_TEXT) || !lacking(t, TEXT_BODY));
    if (mostOf(withBody.filter((t) => lacking(t, TWEET_TEXT)).length, withBody.length)) missing('tweetText');
    if (
      tweets.length >= TIMELINE_AT_LEAST &&
      mostOf(tweets.filter((t) => !t.closest(CELL)).length, tweets.length)
    ) {
      missing('cell');
    }
    const focused = focusedTweetProblem(doc, url, tweets);
    if (focused) missing(focused);
  }
  composerProblems(doc, problems);
  return problems;
}

/** Walking the page's articles stops after `count`, where a query would visit the whole page. */
function firstTweets(doc: Document, count: number): Element[] {
  const out: Element[] = [];
  const articles = doc.getElementsByTagName(TWEET_TAG);
  // Not `articles.length`: counting them would walk the whole page after every change.
  for (let i = 0; out.length < count; i++) {
    const el = articles[i];
    if (!el) break;
    if (el.matches(TWEET)) out.push(el);
  }
  return out;
}

/**
 * On a status page the tweet the URL names is the focused one, which X renders without a tab stop. When that
 * tweet is on screen but does not look focused, the inline reply box cannot tell which tweet it answers.
 */
function focusedTweetProblem(doc: Document, url: URL, tweets: readonly Element[]): string | null {
  if (xPageKind(url) !== 'status' || doc.querySelector(FOCUSED_TWEET)) return null;
  const page = statusOfPage(url);
  return page && tweets.some((t) => tweetId(t) === page.id) ? 'focused-tweet' : null;
}

/**
 * Every reply box on the page must be one the coach can read, answer and confirm: inside X's editor
 * container, written as Draft.js blocks, in a dialog X marks as modal, and next to its own Reply button.
 */
function composerProblems(doc: Document, problems: HealthProblem[]): void {
  const report = (detail: string) => {
    if (!problems.some((p) => p.detail === detail)) problems.push({ code: 'no-composer-editor', detail });
  };
  // One pass over the page finds both the editor boxes and the editors.
  const found = Array.from(doc.querySelectorAll<HTMLElement>(`${COMPOSER_CONTAINER}, ${COMPOSER_EDITOR}`));
  const containers = found.filter((el) => el.matches(COMPOSER_CONTAINER));
  if (containers.some((c) => c.querySelector(COMPOSER_EDITOR) === null)) {
    problems.push({ code: 'no-composer-editor' });
  }
  for (const editor of found.filter((el) => el.matches(COMPOSER_EDITOR)).slice(0, 5)) {
    if (!editor.closest(COMPOSER_CONTAINER)) report('editor container');
    if (editor.closest('[role="dialog"]') && !editor.closest(DIALOG)) report('reply dialog');
    if (!editor.querySelector(DRAFT_BLOCK)) report('paragraphs');
    else if ((editor.textContent ?? '').trim() !== '' && !editor.querySelector(DRAFT_TEXT))
      report('paragraph text');
    if (!submitButton(editor, doc)) report('Reply button');
  }
}

/** Runs `read`, or gives `fallback` when odd markup makes it throw: the page must never see our errors. */
function guarded<A extends unknown[], R>(
  read: (...args: A) => R,
  fallback: (...args: A) => R,
): (...args: A) => R {
  return (...args: A) => {
    try {
      return read(...args);
    } catch {
      return fallback(...args);
    }
  };
}

function markerHost(element: Element): Element {
  const article = element.closest(TWEET) ?? element.querySelector(TWEET);
  const userName = article ? ownElements(article, USER_NAME)[0] : undefined;
  return userName?.parentElement ?? article ?? element;
}

export const xAdapter: SiteAdapter = {
  site: 'x',
  itemSelector: TWEET,
  matches: guarded(matchesX, () => false),
  pageKind: guarded(xPageKind, () => 'other'),
  readItems: guarded(readTweets, () => []),
  link: guarded(linkItems, (items) => items.map((item) => ({ ...item }))),
  signedInAccount: guarded(signedInHandle, () => null),
  activeComposer: guarded(activeComposer, () => null),
  readComposer: guarded(readComposer, (composer) => composer.textContent ?? ''),
  composerReplyTo: guarded(composerReplyTo, () => null),
  submitButton: guarded(submitButton, () => null),
  openReply: (element, doc) => openReplyComposer(element, doc, 3000).catch(() => null),
  markerHost: guarded(markerHost, (element) => element),
  health: guarded(xHealth, () => [{ code: 'selector-missing', detail: 'page' }]),
};
