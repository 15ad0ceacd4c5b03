/**
 * Every selector the Facebook adapter uses. Facebook's class names are generated and change with every release
 * ("x1n2onr6"), so nothing here uses a class: only roles, ARIA attributes, link shapes and the editor's own
 * data attributes, which the site keeps stable for accessibility and for Lexical itself.
 */

/** Posts, comments and replies are all `role="article"`; a comment is told apart by its own comment_id link. */
export const ARTICLE = 'div[role="article"]';

/**
 * The comment's permalink (its visible relative time, "2h") and, on real pages, the author links too: Facebook
 * appends `comment_id` (and `reply_comment_id` for replies) to every link inside a comment.
 */
export const COMMENT_ID_LINK = 'a[href*="comment_id="]';

/** Any link; the author's name link is the first one with text outside the comment body. */
export const LINK = 'a[href]';

/**
 * The comment body: the text sits in `div[dir="auto"]` blocks under a `span[lang]` that carries the language
 * Facebook detected for the comment (not the UI language).
 */
export const BODY = 'span[lang]';
export const BODY_BLOCK = 'div[dir="auto"]';

/** Action controls ("Like", "Reply", "See more") are divs with a button role, not `<button>`. */
export const BUTTON = 'div[role="button"], span[role="button"]';

/** Facebook's comment and reply box: a Lexical editor. */
export const COMPOSER = 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';
/** Any rich text box; one without `data-lexical-editor` means Facebook has changed editors. */
export const ANY_TEXTBOX = 'div[role="textbox"][contenteditable="true"]';
/** Lexical renders each paragraph as a block and each text run as a span with this marker. */
export const COMPOSER_BLOCK = 'p, div[dir]';
export const COMPOSER_FORM = 'form';
/**
 * The submit control. It is found by its aria-label in the page's language (labels.ts); this id is a second
 * route Facebook has used for the same control.
 */
export const SUBMIT_BY_ID = '#focused-state-composer-submit';

/**
 * The post's header, whose first link (`LINK`) is the post's author: the block Facebook marks as the
 * profile name, or the heading of a post. Headers are found first and their links second: a query for the
 * links through their headers checks the ancestors of every link on the page, which is slow on a long thread.
 */
export const POST_HEADER = '[data-ad-rendering-role="profile_name"], h2, h3';

/**
 * Elements whose aria-label may name the identity a comment will be posted as ("Comment as Acme Coffee"): the
 * comment box itself and the identity picker beside it.
 */
export const POSTING_AS =
  '[role="textbox"][aria-label], [role="button"][aria-label], [aria-haspopup][aria-label]';
/** Controls whose words may offer to switch into a page the person manages. */
export const CONTROL = '[role="button"], [role="link"]';

/** Parts of a link that only track the click and are not part of the address. */
export const TRACKING_PARAMS = ['__cft__[0]', '__tn__', '__cft__', 'ref', 'refid', 'paipv', 'eav'] as const;
