import type { FoundItem, ReadContext, SiteAdapter } from '../adapter';
import type { HealthProblem } from '../model';
import { activeComposer, composerReplyTo, openReplyComposer, readComposer, submitButton } from './composer';
import { expectsTweets, matchesX, signedInHandle, xPageKind } from './page';
import { ownElements, quoteRoots, readTweet } from './read';
import {
  COMPOSER_CONTAINER,
  COMPOSER_EDITOR,
  PROFILE_HREF,
  STATUS_LINK,
  TIME,
  TWEET,
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
];

/**
 * The tweets `root` holds; when `root` is a part of a tweet that X re-rendered (text hydrated, "Show more"
 * expanded), the tweet around it, so the item is read again with what changed.
 */
function tweetsUnder(root: ParentNode): Element[] {
  const around = 'closest' in root ? (root as Element).closest(TWEET) : null;
  return (around ? [around] : []).concat(Array.from(root.querySelectorAll(TWEET)));
}

export function readTweets(root: ParentNode, ctx: ReadContext): FoundItem[] {
  const found: FoundItem[] = [];
  for (const element of tweetsUnder(root)) {
    try {
      const item = readTweet(element, ctx);
      if (item) found.push({ item, element });
    } catch {
      // Odd markup must never break the page: the tweet is left out and health reports what is missing.
    }
  }
  return found;
}

export function xHealth(doc: Document, url: URL, found: number, msSinceLoad: number): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const tweets = Array.from(doc.querySelectorAll(TWEET)).slice(0, HEALTH_SAMPLE);

  if (expectsTweets(xPageKind(url)) && found === 0 && msSinceLoad >= NO_ITEMS_AFTER_MS) {
    problems.push({ code: 'no-items' });
  }
  if (tweets.length > 0) {
    for (const { name, selector } of REQUIRED_IN_TWEET) {
      // Links inside a missing User-Name are missing too: name the outer selector only.
      if (name === 'profile-link' && problems.some((p) => p.detail === 'User-Name')) continue;
      const missing = tweets.filter((t) => ownElements(t, selector, quoteRoots(t)).length === 0).length;
      if (missing * 2 > tweets.length) problems.push({ code: 'selector-missing', detail: name });
    }
  }
  const containers = Array.from(doc.querySelectorAll(COMPOSER_CONTAINER));
  if (containers.some((c) => c.querySelector(COMPOSER_EDITOR) === null)) {
    problems.push({ code: 'no-composer-editor' });
  }
  return problems;
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
