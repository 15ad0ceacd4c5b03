import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerPlainText } from '@lexical/plain-text';
import { createEditor, type LexicalEditor } from 'lexical';
import type { ReadContext } from '../../../lib/sites/adapter';
import type { ConversationItem } from '../../../lib/sites/model';

export const POST_URL = 'https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123';
/** Monday 23 November 2026, noon, local time: the fixtures' relative times count back from here. */
export const NOW = new Date(2026, 10, 23, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

interface HappyWindow {
  happyDOM?: { setURL(url: string): void };
}

/**
 * Puts one of our fixture pages into the test document at its real address. The page's fixture script is
 * dropped: these tests read the markup as written.
 */
export function loadFixture(name: string, url = POST_URL): Document {
  const html = readFileSync(join(__dirname, '../../fixtures/facebook', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  (window as unknown as HappyWindow).happyDOM?.setURL(url);
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

export function context(brand: readonly string[], repliedLocally: Iterable<string> = []): ReadContext {
  return { brand, now: NOW, baseUrl: POST_URL, repliedLocally: new Set(repliedLocally) };
}

/** The comments a brand still owes an answer, as the queue shows them. */
export function unansweredIds(items: readonly ConversationItem[]): string[] {
  return items.filter((i) => !i.isBrand && i.addressedToBrand && !i.answered).map((i) => i.id);
}

export interface MountedComposer {
  editor: LexicalEditor;
  element: HTMLElement;
  submit: HTMLElement;
}

/**
 * Replaces a composer placeholder with a real Lexical editor in the shape Facebook renders: a form holding the
 * textbox (labelled like Facebook's) and the "Comment" submit control.
 */
export function mountComposer(placeholder: Element, label: string, submitLabel = 'Comment'): MountedComposer {
  const doc = placeholder.ownerDocument;
  const form = doc.createElement('form');
  form.setAttribute('role', 'presentation');
  const element = doc.createElement('div');
  element.setAttribute('role', 'textbox');
  element.setAttribute('contenteditable', 'true');
  element.setAttribute('aria-label', label);
  element.setAttribute('spellcheck', 'true');
  const submit = doc.createElement('div');
  submit.setAttribute('role', 'button');
  submit.setAttribute('aria-label', submitLabel);
  submit.setAttribute('aria-disabled', 'true');
  form.append(element, submit);
  placeholder.replaceWith(form);
  const editor = createEditor({
    namespace: 'comment',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(element);
  registerPlainText(editor);
  return { editor, element, submit };
}

/** Mounts the post's own comment box the way the page's script does, labelled from `data-label`. */
export function mountPostComposer(doc: Document): MountedComposer {
  const placeholder = doc.querySelector('[data-fixture-composer="facebook"]');
  if (!placeholder) throw new Error('the fixture has no composer placeholder');
  return mountComposer(placeholder, placeholder.getAttribute('data-label') ?? '');
}
