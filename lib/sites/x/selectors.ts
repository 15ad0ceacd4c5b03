/**
 * Every CSS selector the X adapter uses. X ships atomic, generated class names that change with each deploy,
 * so nothing here depends on a class: only `data-testid`s, ARIA roles and element structure, checked against
 * real captures in `../shared/fixtures/x-real/` and against our own fixture pages.
 */

/** One row of a virtualised timeline. Rows are absolutely positioned but kept in visual order in the DOM. */
export const CELL = '[data-testid="cellInnerDiv"]';

/** One tweet. The focused tweet of a status page is the same element with `tabindex="-1"`. */
export const TWEET = 'article[data-testid="tweet"]';

/** The focused tweet on a status page: the only tweet X renders without a tab stop. */
export const FOCUSED_TWEET = 'article[data-testid="tweet"][tabindex="-1"]';

/**
 * A quoted tweet inside a tweet. It has no test id of its own: X renders it as a clickable `div[role="link"]`
 * holding its own User-Name, time and tweetText, so every lookup inside a tweet must skip this subtree. The
 * verified badge next to a display name is also a `div[role="link"]`; only one holding a User-Name is a
 * quote.
 */
export const QUOTE_CANDIDATE = 'div[role="link"]';

/** Display name and @handle block; on timelines it also holds the time link. */
export const USER_NAME = '[data-testid="User-Name"]';

/** Links to a profile: `/handle`. */
export const PROFILE_HREF = 'a[href^="/"]';

/** The avatar; the thread line X draws between connected tweets is an empty sibling right after it. */
export const AVATAR = '[data-testid="Tweet-User-Avatar"]';

/** Post time. On timelines it sits in User-Name; on the focused tweet it sits below the text. */
export const TIME = 'time[datetime]';

/** The permalink around the time (`/handle/status/ID`). */
export const STATUS_LINK = 'a[href*="/status/"]';

/** The tweet body: `<span>`s of text, `<a>` links, and emoji as `<img alt>`. */
export const TWEET_TEXT = '[data-testid="tweetText"]';

/** "Show more" under a long tweet; an `<a>` on timelines, a `<button>` or `<div>` elsewhere. */
export const SHOW_MORE = '[data-testid="tweet-text-show-more-link"]';

/** "Alice reposted" / "Pinned" line above a tweet; its links name someone other than the author. */
export const SOCIAL_CONTEXT = '[data-testid="socialContext"]';

/** Link cards; their links are never "Replying to" handles. */
export const CARD = '[data-testid="card.wrapper"]';

/** Action row buttons. A liked tweet shows `unlike` instead of `like`, a reposted one `unretweet`. */
export const REPLY_BUTTON = '[data-testid="reply"]';
export const RETWEET_BUTTON = '[data-testid="retweet"], [data-testid="unretweet"]';
export const LIKE_BUTTON = '[data-testid="like"], [data-testid="unlike"]';

/** Signed-in account: the account menu at the bottom of the side nav contains the "@handle" text. */
export const ACCOUNT_SWITCHER = '[data-testid="SideNav_AccountSwitcher_Button"]';

/** Signed-in account, second source: the Profile tab links to `/handle`. */
export const PROFILE_TAB = 'a[data-testid="AppTabBar_Profile_Link"]';

/** The reply dialog opened by a tweet's Reply button. */
export const DIALOG = 'div[role="dialog"][aria-modal="true"]';

/**
 * The Draft.js editor. The container's test id starts with the same prefix
 * (`tweetTextarea_0RichTextInputContainer`) and X also has a `tweetTextarea_0_label`, so the editor is told
 * apart by being the contenteditable textbox.
 */
export const COMPOSER_EDITOR = '[data-testid^="tweetTextarea_"][contenteditable="true"][role="textbox"]';

/** The box around the editor; present even before Draft.js has rendered into it. */
export const COMPOSER_CONTAINER = '[data-testid^="tweetTextarea_"][data-testid$="RichTextInputContainer"]';

/** Draft.js renders each paragraph as a block and its text in `data-text` spans. */
export const DRAFT_BLOCK = 'div[data-block="true"]';
export const DRAFT_TEXT = 'span[data-text="true"]';

/** Submit button of the inline composer under the focused tweet. */
export const INLINE_SUBMIT = 'button[data-testid="tweetButtonInline"]';

/** Submit button of the reply dialog. */
export const DIALOG_SUBMIT = 'button[data-testid="tweetButton"]';

/** Our fixture pages mark the tweet a reply dialog answers; real X does not, and we fall back to the page. */
export const REPLY_TO_ATTRIBUTE = 'data-reply-to';
