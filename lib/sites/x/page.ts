import { normalizeHandle, readRichText, statusFromPath } from './read';
import { ACCOUNT_SWITCHER, PROFILE_TAB } from './selectors';

const HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);

/** First path segments that are X's own pages, not profiles. */
const RESERVED = new Set([
  'account',
  'bookmarks',
  'communities',
  'compose',
  'explore',
  'hashtag',
  'home',
  'i',
  'intent',
  'jobs',
  'lists',
  'login',
  'logout',
  'messages',
  'notifications',
  'premium',
  'privacy',
  'search',
  'settings',
  'share',
  'signup',
  'tos',
]);

/** Profile tabs that list the profile's own tweets and replies. */
const PROFILE_TABS = new Set(['with_replies', 'media', 'likes', 'highlights', 'articles']);

const HANDLE_PATTERN = /^[A-Za-z0-9_]{1,15}$/;

export type XPageKind = 'status' | 'notifications' | 'home' | 'profile' | 'search' | 'other';

export function matchesX(url: URL): boolean {
  return HOSTS.has(url.hostname.toLowerCase());
}

export function xPageKind(url: URL): XPageKind {
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const [first, second] = parts;
  if (statusFromPath(url.pathname) || (first === 'i' && parts[1] === 'web' && parts[2] === 'status')) {
    return 'status';
  }
  if (first === undefined || first === 'home') return 'home';
  if (first === 'notifications') return 'notifications';
  if (first === 'search' || first === 'hashtag') return 'search';
  if (!RESERVED.has(first.toLowerCase()) && HANDLE_PATTERN.test(first)) {
    if (second === undefined || PROFILE_TABS.has(second)) return 'profile';
  }
  return 'other';
}

/** Pages where tweets are expected; an empty one after a while means X changed under us. */
export function expectsTweets(kind: XPageKind): boolean {
  return kind !== 'other';
}

/** The account whose conversation a status page shows (`/handle/status/ID`), and that tweet's id. */
export function statusOfPage(url: URL): { handle: string | null; id: string } | null {
  const ref = statusFromPath(url.pathname);
  if (ref) return ref;
  const web = /^\/i\/web\/status\/(\d{1,30})/.exec(url.pathname);
  return web?.[1] ? { handle: null, id: web[1] } : null;
}

/**
 * The signed-in account as shown by X: the account menu in the side nav contains "Display Name @handle";
 * on narrow layouts that menu is gone and the Profile tab's link (`/handle`) is read instead.
 */
export function signedInHandle(doc: Document): string | null {
  const switcher = doc.querySelector(ACCOUNT_SWITCHER);
  if (switcher) {
    const m = /@([A-Za-z0-9_]{1,15})/.exec(readRichText(switcher));
    if (m?.[1]) return m[1];
  }
  const tab = doc.querySelector(PROFILE_TAB);
  const segment = (tab?.getAttribute('href') ?? '').split('/').filter((p) => p !== '')[0] ?? '';
  return HANDLE_PATTERN.test(segment) ? segment : null;
}

/**
 * The brand's X accounts: the playbook's `brand.accounts.x` when it names any, otherwise the account signed
 * in on this page (staff usually reply while signed in as the brand). Lower case, without @.
 */
export function brandAccounts(configured: readonly string[] | undefined, doc: Document): string[] {
  const fromPlaybook = (configured ?? []).map(normalizeHandle).filter((h) => h !== '');
  if (fromPlaybook.length > 0) return Array.from(new Set(fromPlaybook));
  const signedIn = signedInHandle(doc);
  return signedIn ? [normalizeHandle(signedIn)] : [];
}
