import type { FoundItem, LinkMemo, ReadContext, SiteAdapter } from '../adapter';
import { linkHrefTest } from '../href-test';
import { samePrefix, withLinkedFields } from '../linked';
import type { Author, ConversationItem, HealthProblem } from '../model';
import { type FacebookLabels, LABEL_TABLES, labelsForAriaLabel, labelsForLang } from './labels';
import {
  ANY_TEXTBOX,
  ARTICLE,
  BODY,
  BODY_BLOCK,
  BUTTON,
  COMMENT_ID_LINK,
  COMPOSER,
  COMPOSER_BLOCK,
  COMPOSER_FORM,
  CONTROL,
  LINK,
  POST_HEADER,
  POSTING_AS,
  SUBMIT_BY_ID,
} from './selectors';
import { parseRelativeTime } from './time';

/** How long a post page may show no comments before health reports it (comments load after the post). */
export const NO_ITEMS_AFTER_MS = 8000;
/** How long `openReply` waits for Facebook to render the reply box. */
export const OPEN_REPLY_TIMEOUT_MS = 3000;
const POLL_MS = 50;

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com']);

/** First path segments that are Facebook sections, not page or profile names. */
const SECTIONS = new Set([
  'groups',
  'watch',
  'marketplace',
  'gaming',
  'events',
  'messages',
  'notifications',
  'settings',
  'friends',
  'bookmarks',
  'saved',
  'search',
  'login',
  'reel',
  'reels',
  'stories',
  'memories',
  'help',
  'privacy',
  'policies',
  'pages',
  'business',
  'ads',
  'hashtag',
]);

/** What reading a page needs besides the shared context: the UI language's labels (null = unknown). */
export interface FacebookReadContext extends ReadContext {
  labels: FacebookLabels | null;
  /** The name on the post being viewed; computed from the DOM when left undefined. */
  postAuthor?: string | null;
  /** Parent comments already looked up while reading this batch: replies in a thread share them. */
  parents?: Map<Element, { id: string | null; author: string | null }>;
  /** The comment article this one replies to (null for none), when already known. */
  parent?: Element | null;
  /** The article is known to be one and to hold no other: two questions fewer to the page. */
  leaf?: boolean;
}

export interface PageLanguage {
  /** `<html lang>` as the page gives it, '' when absent. */
  lang: string;
  labels: FacebookLabels | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Small DOM utilities

function docOf(root: ParentNode): Document | null {
  if ((root as Node).nodeType === 9) return root as Document;
  return (root as Node).ownerDocument ?? null;
}

/** Whitespace that `clean` would change: any but a single space between words. */
const UNCLEAN = /[^\S ]| {2}|^ | $/;

function clean(text: string | null | undefined): string {
  if (!UNCLEAN.test(text ?? '')) return text ?? '';
  return (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The elements of a list from the page. `Array.from` would ask the list its length again for every element;
 * every comment's reading makes several such lists.
 */
function listed<E extends Element>(list: NodeListOf<E>): E[] {
  const count = list.length;
  const out = new Array<E>(count);
  for (let i = 0; i < count; i++) out[i] = list[i] as E;
  return out;
}

/** Elements under `article` that belong to it, not to a comment nested inside it. */
function own(article: Element, selector: string): Element[] {
  return listed(article.querySelectorAll(selector)).filter((el) => el.closest(ARTICLE) === article);
}

function ownCommentLinks(article: Element): HTMLAnchorElement[] {
  return own(article, COMMENT_ID_LINK) as HTMLAnchorElement[];
}

/**
 * Articles already known to be comments. Only positive answers are kept: a comment stays a comment, while an
 * article without its link yet may still be rendering. Saves re-scanning a thread for every reply in it.
 */
const knownComments = new WeakSet<Element>();

/** Comment links inside an article nested in the one asked about: its replies' links, a post's comments' links. */
const NESTED_COMMENT_LINK = `:scope ${ARTICLE} ${COMMENT_ID_LINK}`;

/**
 * Posts: articles that hold comments but have no comment link of their own. Every comment of a post asks about
 * it, and on a long thread counting its links takes milliseconds, so the answer is kept. A post never becomes
 * a comment; the answer is still checked again after a while, in case an article was caught half-rendered.
 */
const knownPosts = new WeakMap<Element, number>();
const RECHECK_POST_MS = 10_000;

/** A comment or reply, as opposed to a post: it carries its own comment_id link. */
export function isCommentArticle(el: Element): boolean {
  if (knownComments.has(el)) return true;
  const now = Date.now();
  if (now - (knownPosts.get(el) ?? -Infinity) < RECHECK_POST_MS) return false;
  if (!el.matches(ARTICLE)) return false;
  if (hasOwnCommentLink(el)) {
    knownComments.add(el);
    return true;
  }
  knownPosts.set(el, now);
  return false;
}

/**
 * Whether a comment link in `article` is its own rather than a nested comment's. A comment's own links come
 * before its replies, so its first link is usually the answer; otherwise links are counted, not looked at one
 * by one, so a post holding hundreds of comments costs two queries.
 */
function hasOwnCommentLink(article: Element): boolean {
  const first = article.querySelector(COMMENT_ID_LINK);
  if (first === null) return false;
  if (first.closest(ARTICLE) === article) return true;
  return (
    article.querySelectorAll(COMMENT_ID_LINK).length > article.querySelectorAll(NESTED_COMMENT_LINK).length
  );
}

function parentCommentArticle(article: Element): Element | null {
  let up = article.parentElement?.closest(ARTICLE) ?? null;
  while (up && !isCommentArticle(up)) up = up.parentElement?.closest(ARTICLE) ?? null;
  return up;
}

function baseOf(doc: Document): string {
  const href = doc.location?.href ?? '';
  return href.startsWith('http') ? href : 'https://www.facebook.com/';
}

function toUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The query parameters that are part of a comment's permalink. */
const PERMALINK_PARAMS = ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id'];

/** Characters `URLSearchParams` writes out as they are. */
const FORM_SAFE = /^[A-Za-z0-9*\-._]*$/;

/**
 * `keptQuery(new URLSearchParams(query), keep)` without building either object, for the queries Facebook
 * writes: no `%` or `+` (so nothing is decoded) and kept values that are written out unchanged. Null for any
 * other query, which is then parsed.
 */
function keptPlainQuery(query: string, keep: readonly string[]): string | null {
  if (query.includes('%') || query.includes('+')) return null;
  const q = query.startsWith('?') ? query.slice(1) : query;
  let out = '';
  for (const name of keep) {
    // The first pair with exactly this name: it starts the query or follows a '&', and ends at '=' or '&'.
    let at = -1;
    for (let i = q.indexOf(name); i !== -1 && at === -1; i = q.indexOf(name, i + 1)) {
      const end = q.charAt(i + name.length);
      if ((i === 0 || q.charAt(i - 1) === '&') && (end === '' || end === '=' || end === '&')) at = i;
    }
    if (at === -1) continue;
    const start = at + name.length;
    const stop = q.indexOf('&', start);
    const value = q.charAt(start) === '=' ? q.slice(start + 1, stop === -1 ? q.length : stop) : '';
    if (!FORM_SAFE.test(name) || !FORM_SAFE.test(value)) return null;
    out += `${out ? '&' : ''}${name}=${value}`;
  }
  return out;
}

/** The query of only the parameters in `keep`, in that order. */
function keptQuery(params: URLSearchParams, keep: readonly string[]): string {
  const kept = new URLSearchParams();
  for (const name of keep) {
    const value = params.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept.toString();
}

/** Keep only the query parameters that are part of the address; drop click tracking and the fragment. */
function cleanUrl(url: URL, keep: readonly string[]): string {
  const query = keptQuery(url.searchParams, keep);
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * A Facebook link whose address the URL parser would leave as written: its own host (or a path on it), a path
 * of plain characters without dot segments, any query, any fragment. Comments carry several such links, and
 * parsing each one is a large part of reading a comment.
 */
const PLAIN_FACEBOOK_LINK =
  /^(https:\/\/(?:www|web)\.facebook\.com)?(\/(?:[A-Za-z0-9\-_~!$&'()*+,;=:@%]|\.(?![./?#]|$))*(?:\/(?:[A-Za-z0-9\-_~!$&'()*+,;=:@%]|\.(?![./?#]|$))*)*)(\?[^#\s\\]*)?(#.*)?$/;

/** The origin of the page a link is read on, parsed once per address. */
let baseMemo: { base: string; origin: string | null } = { base: '', origin: null };

/**
 * `cleanUrl(new URL(href, base), keep)` for the links Facebook writes, without parsing them; anything else is
 * parsed. Gives the same answer either way.
 */
export function cleanHref(
  href: string,
  base: string,
  keep: readonly string[] | ((path: string) => readonly string[]),
): string | null {
  const keepFor = (path: string) => (typeof keep === 'function' ? keep(path) : keep);
  const m = href.startsWith('//') ? null : PLAIN_FACEBOOK_LINK.exec(href);
  // An encoded dot may make a dot segment, and a percent sign not followed by hex is not left as written:
  // both are left to the parser.
  if (m && !/%2e|%(?![0-9A-Fa-f]{2})/i.test(m[2] ?? '')) {
    let origin = m[1] ?? null;
    if (origin === null) {
      if (baseMemo.base !== base) baseMemo = { base, origin: toUrl(base, base)?.origin ?? null };
      origin = baseMemo.origin;
    }
    if (origin !== null && origin !== 'null') {
      const names = keepFor(m[2] ?? '');
      const query =
        names.length > 0 && m[3]
          ? (keptPlainQuery(m[3], names) ?? keptQuery(new URLSearchParams(m[3]), names))
          : '';
      return `${origin}${m[2]}${query ? `?${query}` : ''}`;
    }
  }
  const url = toUrl(href, base);
  return url ? cleanUrl(url, keepFor(url.pathname)) : null;
}

const PARAM_PATTERNS = new Map<string, RegExp>();
const FACEBOOK_ADDRESS = /^https:\/\/(?:www|web)\.facebook\.com\/[^\s\\]*$/;

/**
 * One query parameter of a link, as `URLSearchParams.get` would read it, without parsing the whole address:
 * every comment has several links and this runs for each of them.
 */
function linkParam(href: string, name: string, base: string): string | null {
  let pattern = PARAM_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`[?&]${name}=([^&#]*)`);
    PARAM_PATTERNS.set(name, pattern);
  }
  // Only Facebook's own addresses take the short way; anything else is parsed, and refused if malformed.
  if (!(href.startsWith('/') && !href.startsWith('//')) && !FACEBOOK_ADDRESS.test(href)) {
    return toUrl(href, base)?.searchParams.get(name) ?? null;
  }
  const query = href.indexOf('?');
  const hash = href.indexOf('#');
  if (query === -1 || (hash !== -1 && hash < query)) return null;
  const m = pattern.exec(hash === -1 ? href : href.slice(0, hash));
  if (!m) return null;
  try {
    return decodeURIComponent((m[1] ?? '').replace(/\+/g, ' '));
  } catch {
    return toUrl(href, base)?.searchParams.get(name) ?? null;
  }
}

/**
 * Facebook writes comment ids either as numbers or as base64 of "comment:POSTID_COMMENTID"; both name the same
 * comment, so the numeric part is used when the encoded form decodes to that shape.
 */
export function decodeCommentId(raw: string): string {
  const value = raw.trim();
  if (/^\d+$/.test(value) || !/^[A-Za-z0-9+/_-]{8,}={0,2}$/.test(value)) return value;
  try {
    const decoded = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const m = /^comment:\d+_(\d+)$/.exec(decoded);
    return m?.[1] ?? value;
  } catch {
    return value;
  }
}

function commentIdFromHrefs(hrefs: readonly string[], base: string): string | null {
  let commentId: string | null = null;
  for (const href of hrefs) {
    const reply = linkParam(href, 'reply_comment_id', base);
    if (reply) return decodeCommentId(reply);
    const comment = linkParam(href, 'comment_id', base);
    if (comment && commentId === null) commentId = decodeCommentId(comment);
  }
  return commentId || null;
}

// ---------------------------------------------------------------------------------------------------------------
// Language

/** The last language asked about and its table: a page keeps its language while it is read. */
let langMemo: { lang: string; labels: FacebookLabels | null } | null = null;

/**
 * The UI language: `<html lang>` when present (Facebook always sets it); otherwise the table whose wording the
 * comment articles use. An unknown language yields null labels rather than a guess.
 */
export function pageLanguage(doc: Document): PageLanguage {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').trim();
  if (lang !== '') {
    if (langMemo?.lang !== lang) langMemo = { lang, labels: labelsForLang(lang) };
    return { lang, labels: langMemo.labels };
  }
  for (const article of Array.from(doc.querySelectorAll(ARTICLE)).slice(0, 50)) {
    const labels = labelsForAriaLabel(article.getAttribute('aria-label') ?? '');
    if (labels) return { lang, labels };
  }
  return { lang, labels: null };
}

function tablesToTry(labels: FacebookLabels | null): readonly FacebookLabels[] {
  return labels ? [labels] : LABEL_TABLES;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one comment

interface AriaParts {
  name: string | null;
  replyTo: string | null;
  time: string | null;
}

/** Name, replied-to name and time phrase from "Reply by NAME to OTHER's comment 1 hour ago". */
export function parseArticleLabel(label: string, labels: FacebookLabels): AriaParts {
  const text = clean(label);
  const timeMatch = labels.ariaTime.exec(text);
  const time = timeMatch ? timeMatch[0].trim() : null;
  const reply = labels.replyBy.exec(text);
  if (reply) return { name: clean(reply[1]) || null, replyTo: clean(reply[2]) || null, time };
  const comment = labels.commentBy.exec(text);
  if (comment) {
    const rest = clean(comment[1]).replace(labels.ariaTime, '');
    return { name: clean(rest) || null, replyTo: null, time };
  }
  return { name: null, replyTo: null, time: null };
}

function isInside(el: Element, containers: readonly Element[]): boolean {
  return containers.some((c) => c.contains(el));
}

/** Text of an inline run: emoji images give their alt text, line breaks give \n, controls are skipped. */
function inlineText(node: Node, onControl: (el: Element) => void): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out += child.nodeValue ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.matches(BUTTON)) {
      onControl(el);
      continue;
    }
    const tag = el.localName;
    if (tag === 'img') out += el.getAttribute('alt') ?? '';
    else if (tag === 'br') out += '\n';
    else if (tag !== 'script' && tag !== 'style') out += inlineText(el, onControl);
  }
  return out;
}

/** What makes a body's text differ from its `textContent`: emoji, line breaks, scripts, styles, controls. */
const NOT_PLAIN_BODY = `img, br, script, style, ${BUTTON}`;

/** A paragraph's lines with their runs of spaces made one and their ends trimmed. */
function paragraph(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n');
}

interface BodyText {
  text: string;
  truncated: boolean;
}

/**
 * The comment's own text, without nested replies. Each `div[dir="auto"]` block is a paragraph. A control
 * inside the body can only be the "See more" expander, which is why truncation is read from the structure and
 * works in any language.
 */
function readBody(article: Element, bodies = own(article, BODY)): BodyText {
  let truncated = false;
  const paragraphs: string[] = [];
  for (const body of bodies) {
    const found = body.querySelectorAll(BODY_BLOCK);
    // Most bodies are one paragraph of plain text: no walk needed.
    if (found.length <= 1 && body.querySelector(NOT_PLAIN_BODY) === null) {
      paragraphs.push(paragraph((found[0] ?? body).textContent ?? ''));
      continue;
    }
    const blocks = listed(found).filter((block) => block.querySelector(BODY_BLOCK) === null);
    for (const block of blocks.length > 0 ? blocks : [body]) {
      const text = inlineText(block, () => {
        truncated = true;
      });
      paragraphs.push(paragraph(text));
    }
  }
  let text = paragraphs.join('\n').trim();
  if (truncated) text = text.replace(/\s*(?:…|\.\.\.)$/, '');
  return { text, truncated };
}

/** A comment's own links and bodies, gathered once for the several readers that need them. */
interface ArticleParts {
  links: HTMLAnchorElement[];
  commentLinks: HTMLAnchorElement[];
  bodies: Element[];
  /** A link's text, cleaned, read once; '' for no link. */
  textOf(link: HTMLAnchorElement | null): string;
  /** A link's address as written, read once; '' for no link. */
  hrefOf(link: HTMLAnchorElement | null): string;
}

function partsOf(article: Element, leaf = false): ArticleParts {
  // Only a comment with replies holds elements of other comments; most hold none, and need no sorting out.
  const nested = !leaf && article.querySelector(ARTICLE) !== null;
  const ownOf = (selector: string) =>
    nested ? own(article, selector) : listed(article.querySelectorAll(selector));
  const links = ownOf(LINK) as HTMLAnchorElement[];
  const texts = new Map(links.map((link) => [link, clean(link.textContent)]));
  const hrefs = new Map(links.map((link) => [link, link.getAttribute('href') ?? '']));
  return {
    links,
    commentLinks: links.filter((l) =>
      isCommentHref ? isCommentHref(hrefs.get(l) ?? null) : l.matches(COMMENT_ID_LINK),
    ),
    bodies: ownOf(BODY),
    textOf: (link) => (link ? (texts.get(link) ?? clean(link.textContent)) : ''),
    hrefOf: (link) => (link ? (hrefs.get(link) ?? link.getAttribute('href') ?? '') : ''),
  };
}

/** Comment links told apart by their address, which is read anyway, rather than by matching each link. */
const isCommentHref = linkHrefTest(COMMENT_ID_LINK);

function authorLinkOf(
  article: Element,
  ariaName: string | null,
  parts = partsOf(article),
): HTMLAnchorElement | null {
  const bodies = parts.bodies;
  const links = parts.links.filter((link) => parts.textOf(link) !== '' && !isInside(link, bodies));
  if (ariaName) {
    const named = links.find((link) => parts.textOf(link) === ariaName);
    if (named) return named;
  }
  return links[0] ?? null;
}

const profileParams = (path: string): readonly string[] => (path.endsWith('/profile.php') ? ['id'] : []);

function profileUrlOf(href: string, base: string): string | undefined {
  // profile.php addresses a person by ?id=; every other profile is addressed by its path.
  return cleanHref(href, base, profileParams) ?? undefined;
}

function timeLinkOf(
  article: Element,
  author: HTMLAnchorElement | null,
  parts = partsOf(article),
): HTMLAnchorElement | null {
  const bodies = parts.bodies;
  const candidates = parts.commentLinks.filter(
    (link) => link !== author && parts.textOf(link) !== '' && !isInside(link, bodies),
  );
  return candidates[candidates.length - 1] ?? null;
}

/**
 * The post's author, per post (or per page when the post is not an article), remembered for the address it was
 * read at: looking it up scans the post, and comments are read one at a time as they arrive, so without this a
 * post with many comments would be scanned once per comment.
 */
const postAuthorCache = new WeakMap<ParentNode, { href: string; name: string | null; at: number }>();
/** A post whose author was not found yet may still be rendering: look again after this long. */
const RETRY_POST_AUTHOR_MS = 2000;

function findPostAuthor(article: Element): string | null {
  let up = article.parentElement?.closest(ARTICLE) ?? null;
  while (up && isCommentArticle(up)) up = up.parentElement?.closest(ARTICLE) ?? null;
  const scope: ParentNode | null = up ?? article.ownerDocument;
  return scope ? postAuthorOf(scope, article.ownerDocument?.location?.href ?? '') : null;
}

/** The author of the post `scope` holds, remembered per post and address. */
function postAuthorOf(scope: ParentNode, href: string): string | null {
  const cached = postAuthorCache.get(scope);
  const now = Date.now();
  if (cached && cached.href === href && (cached.name !== null || now - cached.at < RETRY_POST_AUTHOR_MS)) {
    return cached.name;
  }
  const name = postAuthorIn(scope);
  postAuthorCache.set(scope, { href, name, at: now });
  return name;
}

/** The first author link of a post header within `scope`, skipping any inside comments. */
function postAuthorIn(scope: ParentNode): string | null {
  // The post's header comes first: looking for the first one stops there, where looking for all of them would
  // go through every comment.
  const first = scope.querySelector(POST_HEADER);
  if (first === null) return null;
  const name = postAuthorOfHeader(first);
  if (name !== null) return name;
  // The first header was a comment's, or named nobody: the post's comes later.
  for (const header of Array.from(scope.querySelectorAll(POST_HEADER)).slice(1)) {
    const later = postAuthorOfHeader(header);
    if (later !== null) return later;
  }
  return null;
}

/** The name a post header links to, or null for a header inside a comment or without a named link. */
function postAuthorOfHeader(header: Element): string | null {
  const holder = header.closest(ARTICLE);
  if (holder && isCommentArticle(holder)) return null;
  for (const link of Array.from(header.querySelectorAll(LINK))) {
    const name = clean(link.textContent);
    if (name) return name;
  }
  return null;
}

function sameName(a: string, b: string): boolean {
  return clean(a).toLocaleLowerCase() === clean(b).toLocaleLowerCase();
}

function isBrandName(name: string, brand: readonly string[]): boolean {
  return brand.some((b) => sameName(b, name));
}

function readIdOf(article: Element, base: string): string | null {
  return commentIdFromHrefs(
    ownCommentLinks(article).map((link) => link.getAttribute('href') ?? ''),
    base,
  );
}

/**
 * One comment or reply article as a `ConversationItem`, or null when it is not a comment (a post, an ad) or
 * has no id. The fields that need the whole conversation (answered by the thread, addressed to the brand) are
 * provisional until `link` runs.
 *
 * With unknown labels (a UI language without a table) only what the structure says is read: id, author link,
 * text, truncation, nesting and permalink. The time and the aria-label names need words, so time is null.
 */
export function readComment(article: Element, ctx: FacebookReadContext): ConversationItem | null {
  if (!ctx.leaf && !article.matches(ARTICLE)) return null;
  const parts = partsOf(article, ctx.leaf);
  if (parts.commentLinks.length === 0) return null;
  const id = commentIdFromHrefs(parts.commentLinks.map(parts.hrefOf), ctx.baseUrl);
  if (!id || id.length > 100) return null;

  const labels = ctx.labels;
  const aria = labels ? parseArticleLabel(article.getAttribute('aria-label') ?? '', labels) : null;
  const authorLink = authorLinkOf(article, aria?.name ?? null, parts);
  const name = parts.textOf(authorLink) || aria?.name || '';
  if (name === '') return null;
  const author: Author = { name: name.slice(0, 300) };
  const profileUrl = authorLink ? profileUrlOf(parts.hrefOf(authorLink), ctx.baseUrl) : undefined;
  if (profileUrl) author.profileUrl = profileUrl.slice(0, 2000);

  const timeLink = timeLinkOf(article, authorLink, parts);
  let time: number | null = null;
  if (labels) {
    time = timeLink ? parseRelativeTime(parts.textOf(timeLink), ctx.now, labels) : null;
    if (time === null && aria?.time) time = parseRelativeTime(aria.time, ctx.now, labels);
  }
  const permalink = timeLink
    ? (cleanHref(parts.hrefOf(timeLink), ctx.baseUrl, PERMALINK_PARAMS)?.slice(0, 2000) ?? null)
    : null;

  const { text, truncated } = readBody(article, parts.bodies);

  let depth = 0;
  let parentId: string | null = null;
  let parentAuthor: string | null = null;
  const first = ctx.parent === undefined ? parentCommentArticle(article) : ctx.parent;
  for (let up = first; up; up = parentCommentArticle(up)) {
    if (depth === 0) {
      let parent = ctx.parents?.get(up);
      if (!parent) {
        const upParts = partsOf(up);
        const upAria = labels ? parseArticleLabel(up.getAttribute('aria-label') ?? '', labels) : null;
        parent = {
          id: commentIdFromHrefs(upParts.commentLinks.map(upParts.hrefOf), ctx.baseUrl),
          author: upParts.textOf(authorLinkOf(up, upAria?.name ?? null, upParts)) || upAria?.name || null,
        };
        ctx.parents?.set(up, parent);
      }
      parentId = parent.id;
      parentAuthor = parent.author;
    }
    depth += 1;
    if (depth >= 50) break;
  }

  const replyingTo: string[] = [];
  if (depth === 0) {
    const postAuthor = ctx.postAuthor === undefined ? findPostAuthor(article) : ctx.postAuthor;
    if (postAuthor) replyingTo.push(postAuthor);
  } else {
    if (parentAuthor) replyingTo.push(parentAuthor);
    if (aria?.replyTo && !replyingTo.some((n) => sameName(n, aria.replyTo ?? '')))
      replyingTo.push(aria.replyTo);
  }

  const isBrand = isBrandName(name, ctx.brand);
  const local = !isBrand && ctx.repliedLocally.has(id);
  return {
    site: 'facebook',
    id,
    author,
    text: text.slice(0, 20_000),
    truncated,
    time,
    permalink,
    replyingTo: replyingTo.map((n) => n.slice(0, 300)),
    depth,
    parentId,
    isBrand,
    addressedToBrand: !isBrand && replyingTo.some((n) => isBrandName(n, ctx.brand)),
    answered: local,
    answeredBy: local ? 'local' : null,
  };
}

/**
 * Every comment article under `root`, `root` included, in document order; `leafRoot` when `root` is one and
 * holds no other.
 */
function commentArticles(root: ParentNode): { articles: Element[]; leafRoot: boolean } {
  const articles = listed(root.querySelectorAll(ARTICLE));
  // Telling an element by a property of its class asks the page nothing.
  if (!('matches' in root) || !(root as Element).matches(ARTICLE)) return { articles, leafRoot: false };
  const leafRoot = articles.length === 0;
  articles.unshift(root as Element);
  return { articles, leafRoot };
}

/** What a pass (see `ReadContext`) learned that holds for every root it reads. */
interface PassMemo {
  doc: Document | null;
  labels: FacebookLabels | null;
  /** For the element a comment sits in: the article around it, if any. Comments side by side share it. */
  arounds: Map<Element, Element | null>;
  /** For an article around comments: the comment it sits in, or null for a post. */
  holders: Map<Element, Element | null>;
  /** The author of the post around comments (null: the page's), looked up once per post. */
  postAuthors: Map<Element | null, string | null>;
}
const passMemos = new WeakMap<object, PassMemo>();

export function readItems(root: ParentNode, ctx: ReadContext): FoundItem[] {
  let memo = ctx.pass === undefined ? undefined : passMemos.get(ctx.pass);
  if (!memo) {
    const doc = docOf(root);
    memo = {
      doc,
      labels: doc ? pageLanguage(doc).labels : null,
      arounds: new Map(),
      holders: new Map(),
      postAuthors: new Map(),
    };
    if (ctx.pass !== undefined) passMemos.set(ctx.pass, memo);
  }
  const { doc, labels, arounds, holders, postAuthors } = memo;
  const parents = new Map<Element, { id: string | null; author: string | null }>();
  const seen = new Set<string>();
  const out: FoundItem[] = [];
  const { articles, leafRoot } = commentArticles(root);
  for (const article of articles) {
    try {
      let postAuthor: string | null | undefined;
      // The articles around this one: the comment it replies to, or else the post it is under.
      const holder = article.parentElement;
      let around = holder ? arounds.get(holder) : null;
      if (around === undefined) {
        around = (holder as Element).closest(ARTICLE);
        arounds.set(holder as Element, around);
      }
      let parent = around;
      if (around) {
        const known = holders.get(around);
        if (known !== undefined) parent = known;
        else {
          parent = isCommentArticle(around) ? around : parentCommentArticle(around);
          holders.set(around, parent);
        }
      }
      if (parent === null) {
        // Comments of one post share its author; look it up once per post.
        if (!postAuthors.has(around)) {
          const scope = around ?? doc;
          postAuthors.set(around, scope ? postAuthorOf(scope, ctx.baseUrl) : null);
        }
        postAuthor = postAuthors.get(around);
      }
      const leaf = leafRoot && article === root;
      const item = readComment(article, { ...ctx, labels, postAuthor, parents, parent, leaf });
      if (!item || seen.has(item.id)) continue;
      seen.add(item.id);
      out.push({ item, element: article });
    } catch {
      // One unreadable article must not hide the others; health reports what went missing.
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole conversation

/**
 * Brand membership, addressing and answers over every known item. A thread is a top-level comment and all its
 * replies; a comment counts as answered when the brand wrote anything later in the same thread (a reply to it,
 * or a reply further down that follows it), or when a reply to it was sent from this browser. Replies by other
 * people never answer a comment.
 */
export function link(
  items: readonly ConversationItem[],
  ctx: ReadContext,
  url: URL,
  memo?: LinkMemo,
): ConversationItem[] {
  // Names compare as `sameName` does; the brand's keys are made once and each item's once per item object.
  const brandKeys = new Set(ctx.brand.map(nameKey));
  const isBrandItem = (item: ConversationItem) => brandKeys.has(itemKeys(item).author);
  const onPostPage = pageKind(url) === 'post';
  const page = `${[...brandKeys].join('\n')}\n${onPostPage}\n${[...ctx.repliedLocally].join(' ')}`;

  const prev = memo?.state as LinkState | undefined;
  let same = 0;
  let byId: Map<string, ConversationItem>;
  /** Threads whose items may link differently: every item in them is linked again. */
  const touched = new Set<string>();
  if (prev && prev.page === page) {
    same = samePrefix(prev.items, items);
    byId = prev.byId;
    // What left the list (or moved within it) is forgotten, with the threads it was part of.
    for (let i = same; i < prev.items.length; i++) {
      const gone = prev.items[i] as ConversationItem;
      byId.delete(gone.id);
      touched.add(gone.id);
      touched.add(prev.rootIds[i] as string);
    }
    for (let i = same; i < items.length; i++) {
      const item = items[i] as ConversationItem;
      byId.set(item.id, item);
    }
  } else {
    byId = new Map(items.map((item) => [item.id, item]));
  }
  const rootOf = (item: ConversationItem): ConversationItem => {
    let current = item;
    for (let hops = 0; current.parentId !== null && hops < 60; hops += 1) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  // What arrived, and the threads it joined.
  for (let i = same; i < items.length; i++) {
    const item = items[i] as ConversationItem;
    touched.add(item.id);
    touched.add(rootOf(item).id);
  }
  // An earlier item is linked again when its thread was touched, or when the top of its thread as last seen
  // was a reply whose parent has now arrived or gone.
  const again = (i: number): boolean => {
    if (!prev || i >= same) return true;
    const above = prev.rootParentIds[i] as string | null;
    return touched.has(prev.rootIds[i] as string) || (above !== null && touched.has(above));
  };

  // Threads as last seen stand for the unchanged items; those linked again find theirs afresh.
  const roots: ConversationItem[] = prev ? prev.roots.slice(0, same) : [];
  const rootIds: string[] = prev ? prev.rootIds.slice(0, same) : [];
  const rootParentIds: (string | null)[] = prev ? prev.rootParentIds.slice(0, same) : [];
  const redo: number[] = [];
  // When items were only added (new comments scrolled in), the earlier items to link again are found through
  // the threads they were in, rather than by looking at every earlier item.
  const appended = prev !== undefined && same === prev.items.length;
  const threads = appended ? prev.threads : new Map<string, number[]>();
  const inThread = (key: string | null, i: number) => {
    if (key === null) return;
    const list = threads.get(key);
    if (list) list.push(i);
    else threads.set(key, [i]);
  };
  if (appended) {
    const earlier = new Set<number>();
    for (const id of touched) {
      for (const i of threads.get(id) ?? []) {
        if (i < same && again(i)) earlier.add(i);
      }
    }
    redo.push(...[...earlier].sort((a, b) => a - b));
    for (let i = same; i < items.length; i++) redo.push(i);
  } else {
    for (let i = 0; i < items.length; i++) if (again(i)) redo.push(i);
  }
  for (const i of redo) {
    const root = rootOf(items[i] as ConversationItem);
    // An item is listed under its thread and under the parent its thread's top names, whenever either changes.
    if (appended && (i >= same || rootIds[i] !== root.id || rootParentIds[i] !== root.parentId)) {
      inThread(root.id, i);
      inThread(root.parentId, i);
    }
    roots[i] = root;
    rootIds[i] = root.id;
    rootParentIds[i] = root.parentId;
  }
  // Linked afresh: every item is listed.
  if (!appended) {
    for (let i = 0; i < items.length; i++) {
      inThread(rootIds[i] as string, i);
      inThread(rootParentIds[i] as string | null, i);
    }
  }
  // Every item of a thread whose brand replies changed is in `redo`, so the last brand reply of each such
  // thread is found among them.
  const lastBrandAt = new Map<string, number>();
  for (const i of redo)
    if (isBrandItem(items[i] as ConversationItem)) lastBrandAt.set(rootIds[i] as string, i);

  const linked: ConversationItem[] = prev ? prev.linked.slice(0, items.length) : new Array(items.length);
  for (const i of redo) {
    const item = items[i] as ConversationItem;
    const root = roots[i] as ConversationItem;
    const isBrand = isBrandItem(item);
    const rootAddressee = itemKeys(root).replyingTo;
    const addressedToBrand =
      !isBrand &&
      ctx.brand.length > 0 &&
      (itemKeys(item).replyingTo.some((n) => brandKeys.has(n)) ||
        rootAddressee.some((n) => brandKeys.has(n)) ||
        // The post's author could not be read: on a post page the person is there to answer its comments.
        (rootAddressee.length === 0 && onPostPage));
    const thread = !isBrand && (lastBrandAt.get(root.id) ?? -1) > i;
    const local = !isBrand && ctx.repliedLocally.has(item.id);
    const answeredBy = thread ? 'thread' : local ? 'local' : null;
    linked[i] = withLinkedFields(lastLinked, item, {
      depth: item.depth,
      isBrand,
      addressedToBrand,
      answeredBy,
    });
  }
  // Ids are unique in a page's conversation; a list where they are not is linked afresh next time.
  if (memo)
    memo.state =
      byId.size === items.length
        ? ({ page, items, linked, roots, rootIds, rootParentIds, byId, threads } satisfies LinkState)
        : undefined;
  return linked;
}

/**
 * What one call of `link` leaves for the next. An item's linked fields depend on the page (brand, address,
 * replies sent from this browser) and on its thread: its own keys, its thread's top comment and the brand's
 * replies in it. When the next call has the same page, an item whose thread nothing joined or left comes out
 * as it did.
 */
interface LinkState {
  page: string;
  items: readonly ConversationItem[];
  linked: ConversationItem[];
  roots: ConversationItem[];
  rootIds: string[];
  /** The parent each thread's top item names, when it is a reply whose parent is not known. */
  rootParentIds: (string | null)[];
  byId: Map<string, ConversationItem>;
  /**
   * The items listed under each thread's top id and under the parent id that top names. Lists only grow, so an
   * entry may be out of date: it is checked against `rootIds` and `rootParentIds` before use.
   */
  threads: Map<string, number[]>;
}

function nameKey(name: string): string {
  return clean(name).toLocaleLowerCase();
}

/*
 * Linking runs over every known comment each time new ones arrive: what it derives from one item is kept per
 * item object (an item is replaced, never changed, when its comment is read again), and an item whose linked
 * fields come out the same keeps its previous linked object.
 */
const keysOf = new WeakMap<ConversationItem, { author: string; replyingTo: string[] }>();
const lastLinked = new WeakMap<ConversationItem, ConversationItem>();

function itemKeys(item: ConversationItem): { author: string; replyingTo: string[] } {
  let k = keysOf.get(item);
  if (!k) {
    k = { author: nameKey(item.author.name), replyingTo: item.replyingTo.map(nameKey) };
    keysOf.set(item, k);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

export function pageKind(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  const first = parts[0] ?? '';
  if (parts.length === 0 || first === 'home.php') return 'feed';
  if (['permalink.php', 'story.php', 'photo.php', 'photo', 'video.php'].includes(first)) return 'post';
  if (first === 'groups' && (parts[2] === 'posts' || parts[2] === 'permalink')) return 'post';
  if (first === 'watch' && url.searchParams.has('v')) return 'post';
  if (['posts', 'videos', 'photos', 'reel'].includes(parts[1] ?? '') && parts.length >= 3) return 'post';
  if (first === 'profile.php') return 'page';
  if (SECTIONS.has(first) || first.endsWith('.php')) return 'other';
  if (parts.length === 1 || (parts.length === 2 && !SECTIONS.has(parts[1] ?? ''))) return 'page';
  return 'other';
}

/** The page or profile the viewed post or page belongs to: the post header, else the page title. */
function viewedPageName(doc: Document): string | null {
  return postAuthorIn(doc) ?? (clean(doc.querySelector('h1')?.textContent) || null);
}

/**
 * The brand page the signed-in person manages, when the page shows it. Facebook gives two real signals:
 * - the comment box names the identity a comment will be posted as ("Comment as Acme Coffee"); when that
 *   identity is the page being viewed, the person is acting as that page;
 * - a page profile offers the people who manage it a "Switch into Acme Coffee's Page" control.
 * When the person comments as themselves on someone else's page neither signal names a page, and null is
 * returned so the side panel asks. Nothing else on the page (profile menus, meta tags) is trusted for this.
 */
export function signedInAccount(doc: Document): string | null {
  const { labels } = pageLanguage(doc);
  const tables = tablesToTry(labels);
  const viewed = viewedPageName(doc);
  if (viewed) {
    for (const el of postingAsCandidates(doc, tables)) {
      const label = clean(el.getAttribute('aria-label'));
      for (const table of tables) {
        for (const pattern of table.postingAs) {
          const m = pattern.exec(label);
          if (m?.[1] && sameName(m[1], viewed)) return viewed;
        }
      }
    }
  }
  for (const el of outsideArticles(doc, CONTROL)) {
    const text = `${clean(el.getAttribute('aria-label'))} ${clean(el.textContent)}`;
    for (const table of tables) {
      const m = table.switchInto.exec(text);
      if (m?.[1]) return clean(m[1]);
    }
  }
  return null;
}

/**
 * Elements that may say whom a comment posts as. Every Like and Reply control has an aria-label, so rather
 * than read them all, the labels are matched by their fixed beginning ("Comment as "), taken from each
 * pattern; a pattern without one falls back to reading every candidate.
 */
function postingAsCandidates(doc: Document, tables: readonly FacebookLabels[]): Element[] {
  const starts: string[] = [];
  for (const table of tables) {
    for (const pattern of table.postingAs) {
      const start = literalStart(pattern);
      if (!start) return Array.from(doc.querySelectorAll(POSTING_AS));
      starts.push(`[aria-label^="${start}"]`);
    }
  }
  if (starts.length === 0) return [];
  return Array.from(doc.querySelectorAll(starts.join(', '))).filter((el) => el.matches(POSTING_AS));
}

/** The plain words a case-sensitive pattern anchored at `^` starts with ("Comment as "), or null. */
export function literalStart(pattern: RegExp): string | null {
  if (pattern.flags.includes('i')) return null;
  const m = /^\^([^\\^$.|?*+()[\]{}"]+)(.?)/.exec(pattern.source);
  if (!m?.[1]) return null;
  // A quantifier after the last letter makes that letter optional or repeated: it is not part of the start.
  const start = /[?*{]/.test(m[2] ?? '') ? m[1].slice(0, -1) : m[1];
  return start === '' ? null : start;
}

/**
 * Elements matching `selector` outside every article: controls inside a post or a comment belong to it, not to
 * the page, and what a commenter wrote is never taken for the page's own controls. The query itself leaves
 * articles out, which spares looking at every control of every comment; each result is still checked, as some
 * DOM implementations (happy-dom, under the CLI) accept that query but do not apply it.
 */
function outsideArticles(doc: Document, selector: string): Element[] {
  let found: Element[];
  try {
    const parts = selector.split(',').map((part) => `${part.trim()}:not(${ARTICLE} *)`);
    found = Array.from(doc.querySelectorAll(parts.join(', ')));
  } catch {
    found = Array.from(doc.querySelectorAll(selector));
  }
  return found.filter((el) => el.closest(ARTICLE) === null);
}

// ---------------------------------------------------------------------------------------------------------------
// Composer

const lastFocused = new WeakMap<Document, HTMLElement>();

export function activeComposer(doc: Document): HTMLElement | null {
  const active = doc.activeElement;
  const focused = active instanceof Element ? (active.closest(COMPOSER) as HTMLElement | null) : null;
  if (focused) {
    lastFocused.set(doc, focused);
    return focused;
  }
  const remembered = lastFocused.get(doc);
  if (remembered?.isConnected) return remembered;
  const all = doc.querySelectorAll<HTMLElement>(COMPOSER);
  // With a single box on the page there is no doubt which one the person is using.
  return all.length === 1 ? (all[0] ?? null) : null;
}

/** Text of one Lexical block, leaving out the line breaks Lexical adds only to give the caret a line. */
function composerBlockText(block: Element): string {
  const managed: Element[] = Array.from(block.querySelectorAll('br')).filter((br) =>
    br.hasAttribute('data-lexical-managed-linebreak'),
  );
  let text = '';
  for (const node of Array.from(block.childNodes)) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !managed.includes(node as Element)) {
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      text += tag === 'br' ? '\n' : tag === 'img' ? (el.getAttribute('alt') ?? '') : inlineText(el, () => {});
    }
  }
  const last = block.lastChild;
  if (managed.length === 0 && last?.nodeType === 1 && (last as Element).tagName.toLowerCase() === 'br') {
    // Older Lexical builds mark nothing: an empty block is a lone <br>, a trailing line break is doubled.
    const before = last.previousSibling;
    const lone = before === null;
    const doubled = before?.nodeType === 1 && (before as Element).tagName.toLowerCase() === 'br';
    if (lone || doubled) text = text.slice(0, -1);
  }
  return text;
}

/** Lexical renders each paragraph as a block of `span[data-lexical-text]` runs; paragraphs join with \n. */
export function readComposer(composer: HTMLElement): string {
  const blocks = Array.from(composer.children).filter((el) => el.matches(COMPOSER_BLOCK));
  if (blocks.length === 0) return composerBlockText(composer);
  return blocks.map(composerBlockText).join('\n');
}

function authorNameOf(article: Element, labels: FacebookLabels | null): string {
  const aria = labels ? parseArticleLabel(article.getAttribute('aria-label') ?? '', labels) : null;
  return clean(authorLinkOf(article, aria?.name ?? null)?.textContent) || aria?.name || '';
}

/** The last comment by `name` before the composer, within `scope`. */
function commentByBefore(
  scope: ParentNode,
  composer: HTMLElement,
  name: string,
  labels: FacebookLabels | null,
) {
  let found: Element | null = null;
  for (const article of Array.from(scope.querySelectorAll(ARTICLE))) {
    // DOCUMENT_POSITION_FOLLOWING: the composer comes after this article.
    if (!(article.compareDocumentPosition(composer) & 4)) continue;
    if (!isCommentArticle(article)) continue;
    if (sameName(authorNameOf(article, labels), name)) found = article;
  }
  return found;
}

/** The name in a reply box's label ("Reply to NAME"), in the page's language or, if unknown, any table's. */
function replyBoxName(composer: HTMLElement, labels: FacebookLabels | null): string | null {
  const label = clean(composer.getAttribute('aria-label'));
  for (const table of tablesToTry(labels)) {
    const m = table.replyBox.exec(label);
    if (m?.[1]) return clean(m[1]);
  }
  return null;
}

/**
 * The comment a reply box answers, from where the box sits. Facebook opens the box inside the thread's
 * article, at the end of its reply list, and labels it "Reply to NAME". Replying to a reply opens the box in
 * the thread too, so when NAME is not the thread's author the answer is NAME's reply above the box. A box
 * outside any comment is labelled the same way right after NAME's comment. The post's own box: null.
 */
export function composerReplyTo(composer: HTMLElement, doc: Document): string | null {
  const base = baseOf(doc);
  const labels = pageLanguage(doc).labels;
  let up = composer.closest(ARTICLE);
  while (up && !isCommentArticle(up)) up = up.parentElement?.closest(ARTICLE) ?? null;
  const name = replyBoxName(composer, labels);
  if (up) {
    if (name && !sameName(authorNameOf(up, labels), name)) {
      const reply = commentByBefore(up, composer, name, labels);
      if (reply) return readIdOf(reply, base);
    }
    return readIdOf(up, base);
  }
  if (!name) return null;
  const article = commentByBefore(doc, composer, name, labels);
  return article ? readIdOf(article, base) : null;
}

export function submitButton(composer: HTMLElement, doc: Document): HTMLElement | null {
  const form = composer.closest(COMPOSER_FORM);
  if (!form) return null;
  // The page's own language first; a control worded in another table's language is still the submit control.
  const first = pageLanguage(doc).labels;
  const names = [first, ...LABEL_TABLES.filter((t) => t !== first)].flatMap((t) => t?.submit ?? []);
  for (const name of names) {
    for (const el of Array.from(form.querySelectorAll<HTMLElement>('[role="button"][aria-label]'))) {
      if (el.getAttribute('aria-label') === name) return el;
    }
  }
  return form.querySelector<HTMLElement>(SUBMIT_BY_ID);
}

function replyControlOf(article: Element, doc: Document): HTMLElement | null {
  const words = tablesToTry(pageLanguage(doc).labels).map((t) => t.reply);
  const bodies = own(article, BODY);
  return (
    (own(article, BUTTON) as HTMLElement[]).find(
      (el) => !isInside(el, bodies) && words.includes(clean(el.textContent)),
    ) ?? null
  );
}

function composerFor(doc: Document, id: string): HTMLElement | null {
  for (const composer of Array.from(doc.querySelectorAll<HTMLElement>(COMPOSER))) {
    if (composerReplyTo(composer, doc) === id) return composer;
  }
  return null;
}

/**
 * Clicks the comment's own Reply control and waits for the box Facebook opens for it. A box that was already
 * open for the comment is returned without clicking: a second click would add another mention of the author.
 */
export async function openReply(element: Element, doc: Document): Promise<HTMLElement | null> {
  try {
    const id = readIdOf(element, baseOf(doc));
    if (!id) return null;
    const open = composerFor(doc, id);
    if (open) return open;
    const control = replyControlOf(element, doc);
    if (!control) return null;
    control.click();
    const deadline = Date.now() + OPEN_REPLY_TIMEOUT_MS;
    for (;;) {
      const composer = composerFor(doc, id);
      if (composer) return composer;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch {
    return null;
  }
}

/**
 * The comment's own content column (name, text, action row), so the marker sits with the comment and above
 * its nested replies.
 */
export function markerHost(element: Element): Element {
  try {
    const links = ownCommentLinks(element);
    const timeLink = links[links.length - 1];
    const start = own(element, BUTTON).find((el) => !isInside(el, own(element, BODY))) ?? timeLink;
    // Climb from a control to the row that also holds the time link: that row's parent is the column.
    let row: Element | null = start ?? null;
    while (row && row !== element && timeLink && !row.contains(timeLink)) row = row.parentElement;
    const host = row?.parentElement;
    return host && host !== element && element.contains(host) ? host : element;
  } catch {
    return element;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Health

/** How many comments the health check inspects; enough to tell a broken selector from one odd comment. */
const HEALTH_SAMPLE = 40;

export function health(doc: Document, url: URL, found: number, msSinceLoad: number): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const { lang, labels } = pageLanguage(doc);
  // Articles are looked at one by one up to a sample: drift breaks every comment alike, and a long thread must
  // not make this slow.
  const articles = doc.querySelectorAll(ARTICLE);
  if (!labels && (lang !== '' || articles.length > 0)) {
    problems.push({ code: 'unknown-language', detail: (lang || 'none').slice(0, 300) });
  }
  const settled = msSinceLoad >= NO_ITEMS_AFTER_MS;
  const kind = pageKind(url);
  const comments: Element[] = [];
  let worded = 0;
  /** Articles worded as comments that carry no comment_id link: Facebook moved it. */
  let unlinked = 0;
  for (let i = 0; i < articles.length; i++) {
    if (comments.length >= HEALTH_SAMPLE && (!labels || worded >= HEALTH_SAMPLE)) break;
    const article = articles[i] as Element;
    // Links are looked up afresh, not through the cache of known comments, which would hide a re-render that
    // lost them.
    const linked = hasOwnCommentLink(article);
    if (linked && comments.length < HEALTH_SAMPLE) comments.push(article);
    if (labels && worded < HEALTH_SAMPLE) {
      const label = article.getAttribute('aria-label') ?? '';
      if (labels.commentBy.test(label) || labels.replyBy.test(label)) {
        worded++;
        if (!linked) unlinked++;
      }
    }
  }
  if (settled) {
    if (unlinked > 0) {
      problems.push({ code: 'selector-missing', detail: 'comment_id link' });
    } else if (kind === 'post' && found === 0) problems.push({ code: 'no-items' });
  }
  commentProblems(comments, problems);
  if (kind === 'post' && comments.length > 0 && postAuthorIn(doc) === null) {
    // Without the post's author, top-level comments do not know whom they answer.
    problems.push({ code: 'selector-missing', detail: 'post author' });
  }
  composerProblems(doc, url, settled, found, problems);
  return problems;
}

/** Missing in most of the sampled comments: one odd comment (a sticker, a deleted author) is not drift. */
function commentProblems(comments: readonly Element[], problems: HealthProblem[]): void {
  const mostOf = (count: number, of: number) => of > 0 && count * 2 > of;
  // Every comment has an author link and a time link; with only one, the time is taken for the author.
  const noAuthor = comments.filter((c) => {
    const author = authorLinkOf(c, null);
    return author === null || author === timeLinkOf(c, null);
  });
  if (mostOf(noAuthor.length, comments.length))
    problems.push({ code: 'selector-missing', detail: 'author link' });
  // Text blocks outside any body: the body lost the marker it is found by, and comments would read empty.
  const withText = comments.filter((c) => own(c, BODY).length > 0 || looseTextBlocks(c).length > 0);
  const bodiless = withText.filter((c) => own(c, BODY).length === 0);
  if (mostOf(bodiless.length, withText.length))
    problems.push({ code: 'selector-missing', detail: 'comment text' });
}

function looseTextBlocks(comment: Element): Element[] {
  return own(comment, BODY_BLOCK).filter(
    (block) => clean(block.textContent) !== '' && block.closest('a, [role="button"], [role="link"]') === null,
  );
}

/**
 * Every comment box must be one the coach can read, confirm and post from: a Lexical editor inside its form,
 * next to its submit control, written as paragraphs. (A box that does not say whom it posts as is not drift:
 * someone commenting as themselves sees "Write a comment", and the side panel asks which page is theirs.)
 */
function composerProblems(
  doc: Document,
  url: URL,
  settled: boolean,
  found: number,
  problems: HealthProblem[],
): void {
  const report = (code: HealthProblem['code'], detail: string) => {
    if (!problems.some((p) => p.code === code && p.detail === detail)) problems.push({ code, detail });
  };
  // One pass over the page finds every text box; the Lexical ones among them are the comment boxes.
  const boxes = Array.from(doc.querySelectorAll<HTMLElement>(ANY_TEXTBOX));
  for (const box of boxes.filter((el) => el.matches(COMPOSER)).slice(0, 5)) {
    if (box.closest(COMPOSER_FORM) === null) report('no-composer-editor', 'comment form');
    // Without the submit control an insertion cannot be confirmed; say which control went missing.
    else if (submitButton(box, doc) === null) report('no-composer-editor', 'Comment button');
    if (box.children.length > 0 && !Array.from(box.children).some((el) => el.matches(COMPOSER_BLOCK))) {
      report('no-composer-editor', 'paragraphs');
    }
  }
  const foreign = boxes.some((box) => !box.matches(COMPOSER) && box.closest(COMPOSER_FORM) !== null);
  if (foreign) problems.push({ code: 'no-composer-editor', detail: 'data-lexical-editor' });
  else if (settled && pageKind(url) === 'post' && found > 0 && boxes.length === 0) {
    problems.push({ code: 'no-composer-editor', detail: 'comment box' });
  }
}

// ---------------------------------------------------------------------------------------------------------------

function guard<A extends unknown[], R>(
  fn: (...args: A) => R,
  fallback: (...args: A) => R,
): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch {
      return fallback(...args);
    }
  };
}

export const facebookAdapter: SiteAdapter = {
  site: 'facebook',
  itemSelector: ARTICLE,
  isItem: guard(isCommentArticle, () => true),
  matches: guard(matches, () => false),
  pageKind: guard(pageKind, () => 'other'),
  readItems: guard(readItems, () => []),
  link: guard(link, (items) => items.map((item) => ({ ...item }))),
  signedInAccount: guard(signedInAccount, () => null),
  activeComposer: guard(activeComposer, () => null),
  readComposer: guard(readComposer, (composer) => composer.textContent ?? ''),
  composerReplyTo: guard(composerReplyTo, () => null),
  submitButton: guard(submitButton, () => null),
  openReply,
  markerHost: guard(markerHost, (element) => element),
  health: guard(health, () => []),
};
