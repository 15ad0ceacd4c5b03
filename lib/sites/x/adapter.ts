import type { FoundItem, ReadContext, SiteAdapter } from '../adapter';
import type { HealthProblem } from '../model';
import {
  activeComposer,
  composerReplyTo,
  openReplyComposer,
  readComposer,
  submitButton,
} from './composer';
import { expectsTweets, matchesX, signedInHandle, xPageKind } from './page';
import { ownElements, quoteRoots, readTweet } from './read';
import {
  COMPOSER_CONTAINER,
  COMPOSER_EDITOR,
  STATUS_LINK,
  TIME,
  TWEET,
  USER_NAME,
} from './selectors';
import { linkItems } from './thread';

export { brandAccounts, signedInHandle, xPageKind } from './page';
export { connectsBelow, mentionedHandles, normalizeHandle, readRichText, readTweet } from './read';
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
];

function tweetsUnder(root: ParentNode): Element[] {
  const self = 'matches' in root && (root as Element).matches(TWEET) ? [root as Element] : [];
  return self.concat(Array.from(root.querySelectorAll(TWEET)));
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

export const xAdapter: SiteAdapter = {
  site: 'x',
  matches: matchesX,
  pageKind: xPageKind,
  readItems: readTweets,
  link: linkItems,
  signedInAccount: signedInHandle,
  activeComposer,
  readComposer,
  composerReplyTo,
  submitButton,
  openReply: (element, doc) => openReplyComposer(element, doc, 3000),
  markerHost(element) {
    const article = element.closest(TWEET) ?? element.querySelector(TWEET);
    const userName = article ? ownElements(article, USER_NAME)[0] : undefined;
    return userName?.parentElement ?? article ?? element;
  },
  health(doc, url, found, msSinceLoad) {
    try {
      return xHealth(doc, url, found, msSinceLoad);
    } catch {
      return [{ code: 'selector-missing', detail: 'page' }];
    }
  },
};
