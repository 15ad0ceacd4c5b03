import type { ReadContext } from '../adapter';
import type { ConversationItem } from '../model';
import {
  AVATAR,
  CARD,
  CELL,
  PROFILE_HREF,
  QUOTE_CANDIDATE,
  REPLY_BUTTON,
  SHOW_MORE,
  SOCIAL_CONTEXT,
  STATUS_LINK,
  TIME,
  TWEET,
  TWEET_TEXT,
  USER_NAME,
} from './selectors';

// Node type numbers rather than `Node.ELEMENT_NODE`: the CLI runs under a DOM whose classes are not globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never text a reader sees (icons are SVG). */
const NO_TEXT = new Set(['script', 'style', 'svg', 'template']);

const HANDLE_PATTERN = /^[A-Za-z0-9_]{1,15}$/;
const AT_HANDLE = /^@([A-Za-z0-9_]{1,15})$/;
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,30})(?:\/|$)/;
// A mention is an @ not glued to a word or an e-mail address, followed by a handle that does not continue.
const MENTION = /(?:^|[^A-Za-z0-9_@.])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/g;

/** Handles compare case-insensitively and without the leading @. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** Handles mentioned in a tweet's text, as written. */
export function mentionedHandles(text: string): string[] {
  return Array.from(text.matchAll(MENTION), (m) => m[1] ?? '').filter((h) => h !== '');
}

/**
 * Visible text of an element as a reader sees it: X draws emoji as `<img alt="😀">`, so images contribute
 * their alt text. Link parts X hides from screen readers (`https://`, the rest of a long URL) are kept, which
 * gives the full URL as copy-and-paste does.
 */
export function readRichText(el: Element): string {
  // Most elements hold plain text only: no walk needed. This runs for every link and text of every tweet.
  if (el.childElementCount === 0) return el.textContent ?? '';
  let out = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    // localName is lower-case for HTML and SVG alike, unlike tagName.
    const tag = child.localName;
    if (tag === 'img') out += child.getAttribute('alt') ?? '';
    else if (tag === 'br') out += '\n';
    else if (!NO_TEXT.has(tag)) out += readRichText(child);
  }
  return out;
}

/**
 * Quoted tweets inside a tweet: `div[role="link"]`s that hold their own User-Name. The author's own User-Name
 * always comes first in the tweet, so a candidate wrapping it is the tweet itself, not a quote.
 */
export function quoteRoots(article: Element): Element[] {
  const first = article.querySelector(USER_NAME);
  return Array.from(article.querySelectorAll(QUOTE_CANDIDATE)).filter(
    (el) => el.querySelector(USER_NAME) !== null && (first === null || !el.contains(first)),
  );
}

/** Elements under a tweet that belong to the tweet itself: not to a quoted tweet, not to a nested tweet. */
export function ownElements(article: Element, selector: string, quotes = quoteRoots(article)): Element[] {
  return Array.from(article.querySelectorAll(selector)).filter(
    (el) => el.closest(TWEET) === article && !quotes.some((q) => q.contains(el)),
  );
}

/**
 * The tweet's Reply button. Quoted tweets have no action row of their own, yet some layouts (a quote with a
 * video) render the outer tweet's row inside the quote's clickable box, so quotes are not skipped here; only
 * tweets nested in this one are.
 */
export function replyButtonOf(article: Element): HTMLElement | null {
  const buttons = Array.from(article.querySelectorAll<HTMLElement>(REPLY_BUTTON)).filter(
    (el) => el.closest(TWEET) === article,
  );
  return buttons[buttons.length - 1] ?? null;
}

function pathOf(href: string, baseUrl: string): string | null {
  try {
    return new URL(href, baseUrl).pathname;
  } catch {
    return null;
  }
}

function absolute(path: string, baseUrl: string): string | null {
  try {
    return new URL(path, baseUrl).href;
  } catch {
    return null;
  }
}

interface StatusRef {
  handle: string;
  id: string;
}

/** `/handle/status/ID…` → handle and id; anything else → null. */
export function statusFromPath(path: string): StatusRef | null {
  const m = STATUS_PATH.exec(path);
  return m?.[1] && m[2] ? { handle: m[1], id: m[2] } : null;
}

/**
 * The tweet's own permalink. The time link is the reliable one (it is the tweet's and nothing else's); other
 * status links in the tweet (photos, analytics, "Show more") carry the same id and serve as a fallback.
 */
function readStatus(article: Element, quotes: Element[], baseUrl: string): StatusRef | null {
  for (const time of ownElements(article, TIME, quotes)) {
    const link = time.closest(STATUS_LINK);
    const path = link ? pathOf(link.getAttribute('href') ?? '', baseUrl) : null;
    const ref = path ? statusFromPath(path) : null;
    if (ref) return ref;
  }
  for (const link of ownElements(article, STATUS_LINK, quotes)) {
    const path = pathOf(link.getAttribute('href') ?? '', baseUrl);
    const ref = path ? statusFromPath(path) : null;
    if (ref) return ref;
  }
  return null;
}

function readAuthor(
  userName: Element | undefined,
  status: StatusRef | null,
  baseUrl: string,
): { handle: string; name: string; profileUrl?: string } | null {
  let handle: string | null = null;
  let name = '';
  if (userName) {
    const links = Array.from(userName.querySelectorAll(PROFILE_HREF));
    for (const link of links) {
      const text = readRichText(link).trim();
      const at = AT_HANDLE.exec(text);
      if (at?.[1]) handle ??= at[1];
      else if (!name && text) name = text;
    }
    if (!handle) {
      const path = links[0] ? pathOf(links[0].getAttribute('href') ?? '', baseUrl) : null;
      const segment = path?.split('/')[1] ?? '';
      if (HANDLE_PATTERN.test(segment)) handle = segment;
    }
  }
  handle ??= status?.handle ?? null;
  if (!handle) return null;
  const profileUrl = absolute(`/${handle}`, baseUrl);
  return { handle, name: (name || handle).slice(0, 300), ...(profileUrl ? { profileUrl } : {}) };
}

/**
 * "Replying to @a @b" has no test id and its wording is translated, so it is found by shape: profile links
 * whose text is an @handle that sit outside the author block, the text, the repost line and link cards.
 */
function readReplyingTo(article: Element, quotes: Element[]): string[] {
  const handles: string[] = [];
  const outside = `${USER_NAME}, ${TWEET_TEXT}, ${SOCIAL_CONTEXT}, ${CARD}`;
  for (const link of ownElements(article, PROFILE_HREF, quotes)) {
    // A handle link's text is the handle itself: plain text is enough to tell, and far cheaper.
    if (!(link.textContent ?? '').includes('@') || link.closest(outside)) continue;
    const handle = AT_HANDLE.exec(readRichText(link).trim())?.[1];
    if (handle && !handles.some((h) => h.toLowerCase() === handle.toLowerCase())) handles.push(handle);
  }
  return handles.slice(0, 50);
}

/**
 * X draws the line joining a tweet to the reply shown under it as an empty element right after the avatar.
 * Only an empty sibling counts, so badges or overlays that X may add next to the avatar are not taken for it.
 */
export function connectsBelow(article: Element): boolean {
  const avatar = ownElements(article, AVATAR)[0];
  let next = avatar?.nextElementSibling ?? null;
  while (next) {
    if (next.children.length === 0 && (next.textContent ?? '').trim() === '') return true;
    next = next.nextElementSibling;
  }
  return false;
}

function tweetsIn(container: Element): Element[] {
  const own = container.matches(TWEET) ? [container] : [];
  return own.concat(Array.from(container.querySelectorAll(TWEET)));
}

/**
 * The tweet shown right above this one: earlier in the same timeline cell, or the last tweet of the previous
 * cell. A cell without a tweet ("Show replies", a heading) breaks the chain, as it does on screen.
 */
export function previousTweet(article: Element): Element | null {
  const cell = article.closest(CELL);
  if (!cell) return null;
  const sameCell = tweetsIn(cell).filter((t) => t !== article && !t.contains(article));
  const before = sameCell.filter((t) => {
    const pos = t.compareDocumentPosition(article);
    return (pos & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING: `article` comes after `t`
  });
  if (before.length > 0) return before[before.length - 1] ?? null;
  const prevCell = cell.previousElementSibling;
  if (!prevCell) return null;
  const prevTweets = tweetsIn(prevCell);
  return prevTweets[prevTweets.length - 1] ?? null;
}

/** The id of the tweet this one hangs under in the visible thread, when X draws the thread line. */
export function visibleParentId(article: Element, baseUrl: string): string | null {
  const above = previousTweet(article);
  if (!above || !connectsBelow(above)) return null;
  return readStatus(above, quoteRoots(above), baseUrl)?.id ?? null;
}

/**
 * One tweet element → one item, or null when the tweet cannot be identified (no id or no author). Fields that
 * depend on the rest of the page (depth, answered in the thread) are completed by `linkItems`.
 */
export function readTweet(article: Element, ctx: ReadContext): ConversationItem | null {
  const quotes = quoteRoots(article);
  const status = readStatus(article, quotes, ctx.baseUrl);
  if (!status) return null;
  const author = readAuthor(ownElements(article, USER_NAME, quotes)[0], status, ctx.baseUrl);
  if (!author) return null;

  const textEl = ownElements(article, TWEET_TEXT, quotes)[0];
  const text = textEl ? readRichText(textEl).trim().slice(0, 20_000) : '';
  const datetime = ownElements(article, TIME, quotes)[0]?.getAttribute('datetime') ?? '';
  const parsed = Date.parse(datetime);
  const replyingTo = readReplyingTo(article, quotes);
  const brand = new Set(ctx.brand.map(normalizeHandle));
  const isBrand = brand.has(normalizeHandle(author.handle));
  const addressed =
    !isBrand &&
    (replyingTo.some((h) => brand.has(normalizeHandle(h))) ||
      mentionedHandles(text).some((h) => brand.has(normalizeHandle(h))));
  const local = !isBrand && ctx.repliedLocally.has(status.id);

  return {
    site: 'x',
    id: status.id,
    author,
    text,
    truncated: ownElements(article, SHOW_MORE, quotes).length > 0,
    time: Number.isNaN(parsed) ? null : parsed,
    permalink: absolute(`/${status.handle}/status/${status.id}`, ctx.baseUrl),
    replyingTo,
    depth: 0,
    parentId: visibleParentId(article, ctx.baseUrl),
    isBrand,
    addressedToBrand: addressed,
    answered: local,
    answeredBy: local ? 'local' : null,
  };
}
