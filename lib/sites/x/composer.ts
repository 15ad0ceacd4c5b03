import { normalizeHandle, ownElements, quoteRoots, readRichText, replyButtonOf } from './read';
import {
  COMPOSER_EDITOR,
  DIALOG,
  DIALOG_SUBMIT,
  DRAFT_BLOCK,
  DRAFT_TEXT,
  FOCUSED_TWEET,
  INLINE_SUBMIT,
  PROFILE_HREF,
  REPLY_TO_ATTRIBUTE,
  STATUS_LINK,
  TIME,
  TWEET,
  USER_NAME,
} from './selectors';

/** The editor last seen with focus, per page: the coach keeps following it while focus is in the panel. */
const lastFocused = new WeakMap<Document, HTMLElement>();

function editorOf(el: Element | null): HTMLElement | null {
  return (el?.closest(COMPOSER_EDITOR) as HTMLElement | null) ?? null;
}

export function activeComposer(doc: Document): HTMLElement | null {
  const focused = editorOf(doc.activeElement);
  if (focused) {
    lastFocused.set(doc, focused);
    return focused;
  }
  const last = lastFocused.get(doc);
  if (last?.isConnected) return last;
  // An open reply dialog is where the user is about to type, even before it takes focus.
  const inDialog = editorOf(doc.querySelector(`${DIALOG} ${COMPOSER_EDITOR}`));
  return inDialog ?? editorOf(doc.querySelector(COMPOSER_EDITOR));
}

/**
 * Draft.js keeps one `div[data-block]` per paragraph with its text in `span[data-text]`; an empty paragraph
 * holds only a `<br>`. Reading blocks (not `textContent`) keeps the line breaks the user typed.
 */
export function readComposer(composer: HTMLElement): string {
  const blocks = Array.from(composer.querySelectorAll(DRAFT_BLOCK));
  if (blocks.length === 0) return readRichText(composer);
  return blocks
    .map((block) =>
      Array.from(block.querySelectorAll(DRAFT_TEXT))
        .map((span) => span.textContent ?? '')
        .join(''),
    )
    .join('\n');
}

/** The id in the tweet's own permalink, skipping quoted tweets. */
export function tweetId(article: Element): string | null {
  const quotes = quoteRoots(article);
  for (const link of ownElements(article, STATUS_LINK, quotes)) {
    const m = /\/status\/(\d{1,30})/.exec(link.getAttribute('href') ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

function authorHandle(article: Element): string | null {
  for (const link of ownElements(article, `${USER_NAME} ${PROFILE_HREF}`)) {
    const m = /^@([A-Za-z0-9_]{1,15})$/.exec(readRichText(link).trim());
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * Which tweet a reply dialog answers. Our fixture dialogs say so in an attribute; real X shows the tweet
 * being answered inside the dialog (with its time link) and a "Replying to @handle" line, which is matched
 * against the tweets visible behind the dialog.
 */
function dialogReplyTo(dialog: Element, doc: Document): string | null {
  const marked = dialog.getAttribute(REPLY_TO_ATTRIBUTE);
  if (marked) return marked;
  const timeLink = dialog.querySelector(TIME)?.closest(STATUS_LINK);
  const fromTime = /\/status\/(\d{1,30})/.exec(timeLink?.getAttribute('href') ?? '')?.[1];
  if (fromTime) return fromTime;
  const handles = Array.from(dialog.querySelectorAll(PROFILE_HREF))
    .map((a) => /^@([A-Za-z0-9_]{1,15})$/.exec(readRichText(a).trim())?.[1])
    .filter((h): h is string => h !== undefined)
    .map(normalizeHandle);
  const first = handles[0];
  if (!first) return null;
  const behind = Array.from(doc.querySelectorAll(TWEET)).filter((t) => !dialog.contains(t));
  const byAuthor = behind.filter((t) => normalizeHandle(authorHandle(t) ?? '') === first);
  const focused = byAuthor.find((t) => t.matches(FOCUSED_TWEET));
  const chosen = focused ?? byAuthor[0];
  return chosen ? tweetId(chosen) : null;
}

/**
 * The tweet a composer replies to: the dialog's tweet, or for the inline box under the focused tweet of a
 * status page, that focused tweet. Failing both, the nearest tweet above the composer.
 */
export function composerReplyTo(composer: HTMLElement, doc: Document): string | null {
  const dialog = composer.closest(DIALOG);
  if (dialog) return dialogReplyTo(dialog, doc);
  const focused = doc.querySelector(FOCUSED_TWEET);
  if (focused) return tweetId(focused);
  const above = Array.from(doc.querySelectorAll(TWEET)).filter(
    (t) => (t.compareDocumentPosition(composer) & 4) !== 0,
  );
  const nearest = above[above.length - 1];
  return nearest ? tweetId(nearest) : null;
}

/** The Reply button belonging to this composer: the closest one found walking up from the editor. */
export function submitButton(composer: HTMLElement, doc: Document): HTMLElement | null {
  const dialog = composer.closest(DIALOG);
  if (dialog) return dialog.querySelector<HTMLElement>(DIALOG_SUBMIT);
  for (let el: Element | null = composer.parentElement; el; el = el.parentElement) {
    const button = el.querySelector<HTMLElement>(INLINE_SUBMIT);
    if (button) return button;
  }
  return doc.querySelector<HTMLElement>(INLINE_SUBMIT);
}

/**
 * Clicks the tweet's own Reply button and waits for X to show a composer: a dialog editor, or any editor that
 * was not there before. Resolves null when none shows up in time (the button is missing, X is slow, the
 * account cannot reply).
 */
export async function openReplyComposer(
  element: Element,
  doc: Document,
  timeoutMs = 3000,
): Promise<HTMLElement | null> {
  const article = element.matches(TWEET) ? element : (element.querySelector(TWEET) ?? element.closest(TWEET));
  const button = article ? replyButtonOf(article) : null;
  if (!button) return null;
  const before = new Set(Array.from(doc.querySelectorAll(COMPOSER_EDITOR)));
  const find = (): HTMLElement | null => {
    const inDialog = editorOf(doc.querySelector(`${DIALOG} ${COMPOSER_EDITOR}`));
    if (inDialog) return inDialog;
    const fresh = Array.from(doc.querySelectorAll(COMPOSER_EDITOR)).find((e) => !before.has(e));
    return editorOf(fresh ?? null);
  };
  button.click();
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      try {
        const found = find();
        if (found) resolve(found);
        else if (Date.now() - started >= timeoutMs) resolve(null);
        else setTimeout(check, 50);
      } catch {
        // The page changed under us (navigation, teardown): report no composer rather than hang.
        resolve(null);
      }
    };
    check();
  });
}
