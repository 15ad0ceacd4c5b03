import { editorText, insertionLanded } from './text';

/**
 * The page-world half of insertion. The isolated content script marks the target editor with a one-time nonce
 * and asks for an insertion with a DOM event; this half dispatches the events the site's editor understands
 * (they must be created by page-world code to be trusted by Firefox) and answers with what happened.
 *
 * What a page script could do with this channel: ask us to insert text into its own editor, which it can do
 * itself anyway. It cannot make the extension read, fetch or send anything.
 */

export const BRIDGE_REQUEST = 'reciprocity:insert-request';
export const BRIDGE_RESULT = 'reciprocity:insert-result';
export const TARGET_ATTR = 'data-reciprocity-target';

export type BridgeStrategy = 'paste' | 'beforeinput' | 'execCommand';

export interface BridgeRequest {
  nonce: string;
  text: string;
}

export interface BridgeResult {
  nonce: string;
  ok: boolean;
  strategy: BridgeStrategy | null;
  /** The editor changed but not as intended; nothing more was tried so nothing is doubled. */
  changedWrongly: boolean;
  error?: string;
}

/** Draft.js takes pastes well; Lexical takes `beforeinput` with a DataTransfer. */
export function strategiesFor(editable: Element): BridgeStrategy[] {
  if (editable.getAttribute('data-lexical-editor') === 'true') return ['beforeinput', 'execCommand', 'paste'];
  return ['paste', 'execCommand'];
}

function transfer(text: string): DataTransfer {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  return dt;
}

function dispatch(editable: HTMLElement, strategy: BridgeStrategy, text: string): void {
  if (strategy === 'paste') {
    editable.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer(text), bubbles: true, cancelable: true }),
    );
  } else if (strategy === 'beforeinput') {
    editable.dispatchEvent(
      new InputEvent('beforeinput', {
        inputType: 'insertText',
        data: null,
        dataTransfer: transfer(text),
        bubbles: true,
        cancelable: true,
      }),
    );
  } else {
    // Deprecated but still the only way to "type" into some editors; loses blank lines in multi-line text.
    document.execCommand('insertText', false, text);
  }
}

/** Long enough for the editor to apply an event and re-render (Draft.js and Lexical both do within a frame). */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 32));

/**
 * Put the caret where the user left it, never over a selection: a selected range is collapsed to its end so
 * that inserting cannot replace what the user wrote.
 */
async function prepareCaret(editable: HTMLElement): Promise<{ before: string; after: string }> {
  if (document.activeElement !== editable) editable.focus();
  await settle();
  const sel = document.getSelection();
  if (sel && sel.rangeCount > 0 && editable.contains(sel.anchorNode)) {
    if (!sel.isCollapsed) {
      sel.collapseToEnd();
      await settle();
    }
    const caret = sel.getRangeAt(0);
    const head = document.createRange();
    head.selectNodeContents(editable);
    head.setEnd(caret.endContainer, caret.endOffset);
    const tail = document.createRange();
    tail.selectNodeContents(editable);
    tail.setStart(caret.endContainer, caret.endOffset);
    return { before: head.toString(), after: tail.toString() };
  }
  return { before: '', after: '' };
}

export async function insertIntoEditor(
  editable: HTMLElement,
  text: string,
): Promise<Omit<BridgeResult, 'nonce'>> {
  const around = await prepareCaret(editable);
  const before = editorText(editable);
  // Keep word boundaries between the user's text and ours.
  const lead = around.before.length > 0 && !/\s$/.test(around.before) ? ' ' : '';
  const trail = around.after.length > 0 && !/^\s/.test(around.after) ? ' ' : '';
  const toInsert = `${lead}${text}${trail}`;
  for (const strategy of strategiesFor(editable)) {
    if (strategy === 'execCommand' && toInsert.includes('\n\n')) continue;
    try {
      dispatch(editable, strategy, toInsert);
    } catch (err) {
      return { ok: false, strategy: null, changedWrongly: false, error: String(err) };
    }
    await settle();
    const after = editorText(editable);
    if (insertionLanded(before, after, text)) return { ok: true, strategy, changedWrongly: false };
    if (after !== before) return { ok: false, strategy, changedWrongly: true };
  }
  return { ok: false, strategy: null, changedWrongly: false };
}

export function serveEditorBridge(): void {
  document.addEventListener(BRIDGE_REQUEST, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let request: BridgeRequest;
    try {
      const parsed = JSON.parse(detail) as Partial<BridgeRequest>;
      if (typeof parsed.nonce !== 'string' || typeof parsed.text !== 'string') return;
      request = { nonce: parsed.nonce, text: parsed.text };
    } catch {
      return;
    }
    const target = document.querySelector<HTMLElement>(`[${TARGET_ATTR}="${CSS.escape(request.nonce)}"]`);
    const answer = (result: Omit<BridgeResult, 'nonce'>): void => {
      document.dispatchEvent(
        new CustomEvent(BRIDGE_RESULT, { detail: JSON.stringify({ ...result, nonce: request.nonce }) }),
      );
    };
    if (target?.getAttribute('contenteditable') !== 'true') {
      answer({ ok: false, strategy: null, changedWrongly: false, error: 'editor not found' });
      return;
    }
    insertIntoEditor(target, request.text).then(answer, (err: unknown) =>
      answer({ ok: false, strategy: null, changedWrongly: false, error: String(err) }),
    );
  });
}
