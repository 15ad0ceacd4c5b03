import type { ReadContext } from '../adapter';
import { linkHrefTest } from '../href-test';
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
/**
 * What makes text differ from `textContent`: emoji images, line breaks, scripts and styles, and the parts of
 * an icon (SVG) that hold words: its title, description, drawn text or embedded page. The rest of an icon is
 * shapes; the only text among them is whitespace from hand-formatted markup, which is then read as spaces.
 */
const NOT_PLAIN = 'img, br, script, style, svg title, svg desc, svg text, svg foreignObject, svg metadata';

/**
 * Whether an element's `textContent` is the text a reader sees. Most elements hold nothing that reads
 * differently, and one query says so: this runs for the text and the author's name of every tweet.
 */
function isPlain(el: Element): boolean {
  return el.querySelector(NOT_PLAIN) === null;
}

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
export function readRichText(el: Element, content?: string): string {
  // Most elements hold plain text only: no walk needed. This runs for every link and text of every tweet.
  // `content`, when the caller has it, is the element's `textContent`, read already.
  if (isPlain(el)) return content ?? el.textContent ?? '';
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
  return quotesFrom(article, Array.from(article.querySelectorAll(USER_NAME)));
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
  // X's links are site-relative ("/handle/status/1"): their path needs no URL parser. Anything else does.
  if (href.startsWith('/') && !href.startsWith('//')) {
    const end = href.search(/[?#]/);
    return end === -1 ? href : href.slice(0, end);
  }
  try {
    return new URL(href, baseUrl).pathname;
  } catch {
    return null;
  }
}

/** The origin of the page being read, parsed once per address rather than once per link. */
let originMemo: { baseUrl: string; origin: string | null } = { baseUrl: '', origin: null };

function absolute(path: string, baseUrl: string): string | null {
  if (originMemo.baseUrl !== baseUrl) {
    let origin: string | null = null;
    try {
      const url = new URL(baseUrl);
      origin = url.origin === 'null' ? null : url.origin;
    } catch {
      origin = null;
    }
    originMemo = { baseUrl, origin };
  }
  if (originMemo.origin !== null && path.startsWith('/') && !path.startsWith('//')) {
    return originMemo.origin + path;
  }
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

/** Everything `readTweet` needs from one tweet, gathered in one go. */
export interface TweetParts {
  userName: Element | null;
  /** The tweet's first own time: when it was posted. */
  time: Element | null;
  /** Its other own times, in page order: wanted only when the first sits in no permalink. */
  laterTimes: () => Element[];
  /** Permalinks anywhere in the tweet, in page order: the fallback when no time sits in one. */
  statusLinks: () => Element[];
  text: Element | null;
  /** The text's `textContent`, when it was read while finding the parts. */
  textContent?: string;
  showMore: boolean;
  /** Profile links outside the author block, the text, the repost line and link cards that show an @. */
  handleLinks: Element[];
  /**
   * Profile links inside the author block (display name, @handle, and on timelines the time), in page order.
   * Read one by one: the first two are usually all that is wanted.
   */
  authorLinks: ArrayLike<Element>;
  avatar: Element | null;
}

/** `[data-testid="User-Name"]` → `User-Name`: the parts a tweet is read by are told apart by test id. */
function testIdOf(selector: string): string {
  const id = /^[a-z]*\[data-testid="([^"]+)"\]$/.exec(selector)?.[1];
  if (!id) throw new Error(`not a test-id selector: ${selector}`);
  return id;
}

const ID = {
  tweet: testIdOf(TWEET),
  userName: testIdOf(USER_NAME),
  text: testIdOf(TWEET_TEXT),
  showMore: testIdOf(SHOW_MORE),
  avatar: testIdOf(AVATAR),
};

const isStatusHref = linkHrefTest(STATUS_LINK);
const isProfileHref = linkHrefTest(PROFILE_HREF);

/** Parts of a tweet whose profile links are never "Replying to" handles. */
const NOT_REPLYING_TO_PARTS = [USER_NAME, TWEET_TEXT, SOCIAL_CONTEXT, CARD];
const NOT_REPLYING_TO = new Set(NOT_REPLYING_TO_PARTS.map(testIdOf));

function insideAny(el: Element, containers: readonly Element[]): boolean {
  for (const c of containers) if (c.contains(el)) return true;
  return false;
}

/** `quoteRoots` from the tweet's User-Names: each later one's outermost clickable box not wrapping the first. */
function quotesFrom(article: Element, userNames: readonly Element[]): Element[] {
  const first = userNames[0];
  const quotes: Element[] = [];
  for (const later of userNames.slice(1)) {
    if (insideAny(later, quotes)) continue;
    let outermost: Element | null = null;
    for (let el = later.parentElement; el && el !== article; el = el.parentElement) {
      if (first && el.contains(first)) break;
      if (el.matches(QUOTE_CANDIDATE)) outermost = el;
    }
    if (outermost) quotes.push(outermost);
  }
  return quotes;
}

/**
 * The tweet's own parts, leaving out quoted tweets and tweets nested in it. Most tweets have neither, and
 * are read by a few direct lookups; the rest by the general walk. Each lookup is a call from the extension's
 * world into the page's DOM, and those calls are most of what reading costs.
 */
export function tweetParts(article: Element, holdsNoTweet = false): TweetParts {
  return simpleParts(article, holdsNoTweet) ?? generalParts(article);
}

/** How many times `@` occurs in a text. */
function atSigns(text: string): number {
  let n = 0;
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) n++;
  return n;
}

/**
 * Parts of a tweet with one User-Name and no tweet inside it, so with nothing to leave out: each part is the
 * first of its kind, found by its own lookup. Null for any other tweet. Gives what `generalParts` gives:
 * - the author's links are the User-Name's own;
 * - a "Replying to" link shows an `@` that is in neither the User-Name nor the text, so when the tweet holds
 *   no other `@` it has none, and its links are not looked at one by one.
 */
export function simpleParts(article: Element, holdsNoTweet = false): TweetParts | null {
  const names = article.querySelectorAll(USER_NAME);
  if (names.length !== 1) return null;
  // `holdsNoTweet`: the caller found the page's tweets in order and none of them is inside this one.
  if (!holdsNoTweet && article.getElementsByTagName(TWEET_TAG).length !== 0) return null;
  const userName = names[0] as Element;
  const text = article.querySelector(TWEET_TEXT);
  const textContent = text ? (text.textContent ?? '') : undefined;
  // The User-Name is small, and matching its few links there costs fewer calls than reading each address.
  const authorLinks = userName.querySelectorAll(PROFILE_HREF);
  const inText = textContent ? atSigns(textContent) : 0;
  // Text inside the User-Name, or the other way round, would count its signs twice (16 | 8: contains, within).
  const nestedText = inText > 0 && text !== null && (userName.compareDocumentPosition(text) & 24) !== 0;
  const others =
    atSigns(article.textContent ?? '') - atSigns(userName.textContent ?? '') - (nestedText ? 0 : inText);
  let statusLinks: Element[] | null = null;
  const handleLinks: Element[] = [];
  if (others > 0 || nestedText) {
    const containers: Element[] = [];
    for (const selector of NOT_REPLYING_TO_PARTS) containers.push(...article.querySelectorAll(selector));
    const links = article.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) {
      const el = links[i] as Element;
      if (!(el.textContent ?? '').includes('@') || insideAny(el, containers)) continue;
      if (isProfileHref ? isProfileHref(el.getAttribute('href')) : el.matches(PROFILE_HREF))
        handleLinks.push(el);
    }
  }
  // The first time ends its lookup early (on timelines it sits in the User-Name); the rest are rarely wanted.
  const time = article.querySelector(TIME);
  return {
    userName,
    time,
    laterTimes: () => (time ? Array.from(article.querySelectorAll(TIME)).slice(1) : []),
    // Wanted only when no time sits in a permalink.
    statusLinks: () => {
      statusLinks ??= Array.from(article.querySelectorAll(STATUS_LINK));
      return statusLinks;
    },
    text,
    textContent,
    showMore: article.querySelector(SHOW_MORE) !== null,
    handleLinks,
    authorLinks,
    avatar: article.querySelector(AVATAR),
  };
}

/**
 * Parts of any tweet, leaving out quoted tweets and tweets nested in it. The parts are found through three
 * cheap lookups (elements with a test id, links, times) instead of one query with many selectors, which costs
 * several times more on X's large tweets; the few candidates are then sorted out in script.
 */
export function generalParts(article: Element): TweetParts {
  const times: Element[] = [];
  const authorLinks: Element[] = [];
  const parts: TweetParts = {
    userName: null,
    time: null,
    laterTimes: () => times.slice(1),
    statusLinks: () => statusLinks,
    text: null,
    showMore: false,
    handleLinks: [],
    authorLinks,
    avatar: null,
  };
  const statusLinks: Element[] = [];
  const found = article.querySelectorAll('[data-testid]');
  const marked: Element[] = [];
  const ids: string[] = [];
  const nested: Element[] = [];
  const userNames: Element[] = [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i] as Element;
    const id = el.getAttribute('data-testid') ?? '';
    marked.push(el);
    ids.push(id);
    if (id === ID.tweet && el.matches(TWEET) && !insideAny(el, nested)) nested.push(el);
    else if (id === ID.userName) userNames.push(el);
  }
  const skip = nested.concat(
    quotesFrom(
      article,
      userNames.filter((u) => !insideAny(u, nested)),
    ),
  );
  const own = (el: Element) => skip.length === 0 || !insideAny(el, skip);
  const containers: Element[] = [];
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i] as Element;
    if (!own(el)) continue;
    const id = ids[i] as string;
    if (NOT_REPLYING_TO.has(id)) containers.push(el);
    if (id === ID.userName) parts.userName ??= el;
    else if (id === ID.text) parts.text ??= el;
    else if (id === ID.showMore) parts.showMore = true;
    else if (id === ID.avatar) parts.avatar ??= el;
  }
  const timeTags = article.getElementsByTagName('time');
  for (let i = 0; i < timeTags.length; i++) {
    const el = timeTags[i] as Element;
    if (el.matches(TIME) && own(el)) times.push(el);
  }
  parts.time = times[0] ?? null;
  const links = article.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const el = links[i] as Element;
    if (!own(el)) continue;
    const href = el.getAttribute('href');
    if (isStatusHref ? isStatusHref(href) : el.matches(STATUS_LINK)) statusLinks.push(el);
    if (!(isProfileHref ? isProfileHref(href) : el.matches(PROFILE_HREF))) continue;
    if (parts.userName?.contains(el)) authorLinks.push(el);
    // A handle link's text is the handle itself: plain text is enough to tell, and far cheaper.
    else if ((el.textContent ?? '').includes('@') && !insideAny(el, containers)) parts.handleLinks.push(el);
  }
  return parts;
}

/**
 * The tweet's own permalink. The time link is the reliable one (it is the tweet's and nothing else's); other
 * status links in the tweet (photos, analytics, "Show more") carry the same id and serve as a fallback.
 */
function readStatus(
  parts: TweetParts,
  baseUrl: string,
): (StatusRef & { link: Element; href: string }) | null {
  const refOf = (link: Element | null) => {
    const href = link?.getAttribute('href') ?? '';
    const path = link ? pathOf(href, baseUrl) : null;
    const ref = path ? statusFromPath(path) : null;
    return ref && link ? { ...ref, link, href } : null;
  };
  if (parts.time) {
    const found = refOf(parts.time.closest(STATUS_LINK));
    if (found) return found;
    for (const time of parts.laterTimes()) {
      const later = refOf(time.closest(STATUS_LINK));
      if (later) return later;
    }
  }
  for (const link of parts.statusLinks()) {
    const found = refOf(link);
    if (found) return found;
  }
  return null;
}

function readAuthor(
  links: ArrayLike<Element>,
  status: StatusRef | null,
  baseUrl: string,
): { handle: string; name: string; profileUrl?: string } | null {
  let handle: string | null = null;
  let name = '';
  // Links are taken one at a time until what is wanted is known: each is a call into the page. The tweet's
  // permalink names its author as the @handle link does, so with a permalink the display name is enough.
  let first: Element | undefined;
  for (let i = 0; ; i++) {
    const link = links[i];
    if (!link) break;
    first ??= link;
    // The @handle link holds plain text; only the display name needs emoji read from their images.
    const plain = link.textContent ?? '';
    const at = plain.includes('@') ? AT_HANDLE.exec(plain.trim()) : null;
    if (at?.[1]) handle ??= at[1];
    else if (!name) name = readRichText(link, plain).trim();
    // The time link comes last in the author block and says neither.
    if (name && (handle || status)) break;
  }
  handle ??= status?.handle ?? null;
  if (!handle && first) {
    const path = pathOf(first.getAttribute('href') ?? '', baseUrl);
    const segment = path?.split('/')[1] ?? '';
    if (HANDLE_PATTERN.test(segment)) handle = segment;
  }
  if (!handle) return null;
  const profileUrl = absolute(`/${handle}`, baseUrl);
  return { handle, name: (name || handle).slice(0, 300), ...(profileUrl ? { profileUrl } : {}) };
}

/**
 * "Replying to @a @b" has no test id and its wording is translated, so it is found by shape: profile links
 * whose text is an @handle that sit outside the author block, the text, the repost line and link cards.
 */
function readReplyingTo(parts: TweetParts): string[] {
  const handles: string[] = [];
  for (const link of parts.handleLinks) {
    const handle = AT_HANDLE.exec(readRichText(link).trim())?.[1];
    if (handle && !handles.some((h) => h.toLowerCase() === handle.toLowerCase())) handles.push(handle);
  }
  return handles.slice(0, 50);
}

/**
 * X draws the line joining a tweet to the reply shown under it as an empty element right after the avatar.
 * Only an empty sibling counts, so badges or overlays that X may add next to the avatar are not taken for it.
 */
export function connectsBelow(article: Element, avatar = ownElements(article, AVATAR)[0] ?? null): boolean {
  let next = avatar?.nextElementSibling ?? null;
  while (next) {
    if (next.children.length === 0 && (next.textContent ?? '').trim() === '') return true;
    next = next.nextElementSibling;
  }
  return false;
}

/**
 * What the tweet below needs from this one (its id, its avatar), remembered from reading it: each tweet asks
 * the one above it whether the thread line joins them, and the one above was usually read just before.
 * An entry holds only while the tweet still shows the same permalink, so a recycled cell is read afresh.
 */
const readBefore = new WeakMap<
  Element,
  { link: Element; href: string; id: string; avatar: Element | null; pass: object | undefined }
>();

function remember(
  article: Element,
  parts: TweetParts,
  status: { id: string; link: Element; href: string },
  pass: object | undefined,
): void {
  readBefore.set(article, {
    link: status.link,
    href: status.href,
    id: status.id,
    avatar: parts.avatar,
    pass,
  });
}

/** Whether `article` was read as a tweet in this pass: nothing in it can have changed since. */
function readThisPass(article: Element, pass: object | undefined): boolean {
  return pass !== undefined && readBefore.get(article)?.pass === pass;
}

function recalled(
  article: Element,
  baseUrl: string,
  pass: object | undefined,
): { id: string | null; avatar: Element | null } {
  const known = readBefore.get(article);
  if (
    known &&
    ((pass !== undefined && known.pass === pass) ||
      (article.contains(known.link) &&
        known.link.getAttribute('href') === known.href &&
        (known.avatar === null || article.contains(known.avatar))))
  ) {
    return known;
  }
  const parts = tweetParts(article);
  const status = readStatus(parts, baseUrl);
  if (status) remember(article, parts, status, pass);
  return { id: status?.id ?? null, avatar: parts.avatar };
}

/** Tweets are `<article>`s: the tag's live list is cheaper to ask than a query with the full selector. */
export const TWEET_TAG = /^([a-z]+)\[/.exec(TWEET)?.[1] ?? '*';

/**
 * The articles in a container, as the browser's live list. The list is kept per container: while nothing in
 * the container changes, the browser answers its length and items from what it counted before, so a timeline
 * cell is walked once though it is asked about when it is read and again when the tweet below it is.
 */
const articles = new WeakMap<Element, HTMLCollectionOf<Element>>();

export function articlesIn(container: Element): HTMLCollectionOf<Element> {
  let list = articles.get(container);
  if (!list) {
    list = container.getElementsByTagName(TWEET_TAG);
    articles.set(container, list);
  }
  return list;
}

/** The last tweet in `container` (itself included) that comes before `before`, or the last of all. */
function lastTweetIn(
  container: Element,
  before: Element | null = null,
  pass: object | undefined = undefined,
): Element | null {
  const tagged = articlesIn(container);
  for (let i = tagged.length - 1; i >= 0; i--) {
    const t = tagged[i] as Element;
    if (t === before || (before !== null && t.contains(before))) continue;
    if (!readThisPass(t, pass) && !t.matches(TWEET)) continue;
    // DOCUMENT_POSITION_FOLLOWING: `before` comes after `t`.
    if (before && (t.compareDocumentPosition(before) & 4) === 0) continue;
    return t;
  }
  return container.matches(TWEET) && container !== before ? container : null;
}

/**
 * The tweet shown right above this one: earlier in the same timeline cell, or the last tweet of the previous
 * cell. A cell without a tweet ("Show replies", a heading) breaks the chain, as it does on screen.
 */
export function previousTweet(article: Element, pass?: object): Element | null {
  const cell = article.closest(CELL);
  if (!cell) return null;
  // A cell usually holds one tweet; only when it holds more is one of them above this one.
  const sameCell = articlesIn(cell).length > 1 ? lastTweetIn(cell, article, pass) : null;
  if (sameCell) return sameCell;
  const prevCell = cell.previousElementSibling;
  return prevCell ? lastTweetIn(prevCell, null, pass) : null;
}

/**
 * The id of the tweet this one hangs under in the visible thread, when X draws the thread line. `pass`: see
 * `ReadContext`; the tweet above was usually read just before, in the same pass.
 */
export function visibleParentId(article: Element, baseUrl: string, pass?: object): string | null {
  const above = previousTweet(article, pass);
  if (!above) return null;
  const { id, avatar } = recalled(above, baseUrl, pass);
  return id && connectsBelow(above, avatar) ? id : null;
}

/**
 * The brand's handles as compared, made once per list rather than once per tweet or per link: the runtime
 * hands reading and linking the same list until the brand changes.
 */
const brandSets = new WeakMap<readonly string[], ReadonlySet<string>>();
export function brandSet(handles: readonly string[]): ReadonlySet<string> {
  let set = brandSets.get(handles);
  if (!set) {
    set = new Set(handles.map(normalizeHandle).filter((h) => h !== ''));
    brandSets.set(handles, set);
  }
  return set;
}

/**
 * One tweet element → one item, or null when the tweet cannot be identified (no id or no author). Fields that
 * depend on the rest of the page (depth, answered in the thread) are completed by `linkItems`.
 */
export function readTweet(article: Element, ctx: ReadContext, holdsNoTweet = false): ConversationItem | null {
  const parts = tweetParts(article, holdsNoTweet);
  const status = readStatus(parts, ctx.baseUrl);
  if (!status) return null;
  remember(article, parts, status, ctx.pass);
  const author = readAuthor(parts.authorLinks, status, ctx.baseUrl);
  if (!author) return null;

  const text = parts.text ? readRichText(parts.text, parts.textContent).trim().slice(0, 20_000) : '';
  const datetime = parts.time?.getAttribute('datetime') ?? '';
  const parsed = Date.parse(datetime);
  const replyingTo = readReplyingTo(parts);
  const brand = brandSet(ctx.brand);
  const isBrand = brand.has(normalizeHandle(author.handle));
  const addressed =
    !isBrand &&
    (replyingTo.some((h) => brand.has(normalizeHandle(h))) ||
      (text.includes('@') && mentionedHandles(text).some((h) => brand.has(normalizeHandle(h)))));
  const local = !isBrand && ctx.repliedLocally.has(status.id);

  return {
    site: 'x',
    id: status.id,
    author,
    text,
    truncated: parts.showMore,
    time: Number.isNaN(parsed) ? null : parsed,
    permalink: absolute(`/${status.handle}/status/${status.id}`, ctx.baseUrl),
    replyingTo,
    depth: 0,
    parentId: visibleParentId(article, ctx.baseUrl, ctx.pass),
    isBrand,
    addressedToBrand: addressed,
    answered: local,
    answeredBy: local ? 'local' : null,
  };
}
