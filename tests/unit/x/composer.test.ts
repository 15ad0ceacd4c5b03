import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { xAdapter } from '../../../lib/sites/x/adapter';

/** A tweet as X renders it, reduced to what the adapter reads. */
function tweet(id: string, handle: string, text: string, focused = false): string {
  return `
    <article data-testid="tweet" role="article" tabindex="${focused ? '-1' : '0'}">
      <div data-testid="User-Name">
        <a href="/${handle}" role="link"><span>${handle} name</span></a>
        <a href="/${handle}" role="link" tabindex="-1"><span>@${handle}</span></a>
        <a href="/${handle}/status/${id}"><time datetime="2026-11-22T14:00:00.000Z">2h</time></a>
      </div>
      <div data-testid="tweetText" lang="en"><span>${text}</span></div>
      <div role="group"><button data-testid="reply" aria-label="Reply" type="button"></button></div>
    </article>`;
}

/** The Draft.js editor X mounts: one block per paragraph, an empty paragraph holds a <br>. */
function draftEditor(paragraphs: string[], testid = 'tweetTextarea_0'): string {
  const blocks = paragraphs
    .map((p, i) => {
      const inner = p === '' ? '<br data-text="true">' : `<span data-text="true">${p}</span>`;
      const key = `k${i}-0-0`;
      return `<div data-block="true" data-editor="e1" data-offset-key="${key}">
        <div data-offset-key="${key}" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">
          <span data-offset-key="${key}">${inner}</span>
        </div></div>`;
    })
    .join('');
  return `
    <div data-testid="${testid}RichTextInputContainer">
      <div class="DraftEditor-root"><div class="DraftEditor-editorContainer">
        <div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" tabindex="0"
          data-testid="${testid}" aria-label="Post text"><div data-contents="true">${blocks}</div></div>
      </div></div>
    </div>`;
}

const FOCUSED = '1992318840123456512';
const TOM = '1992322108379541504';

function statusPage(): void {
  document.body.innerHTML = `
    <div aria-label="Timeline: Conversation">
      <div data-testid="cellInnerDiv">${tweet(FOCUSED, 'acmecoffee', 'Our winter menu is here', true)}</div>
      <div data-testid="cellInnerDiv" id="inline">
        ${draftEditor(['Hi Tom,', '', 'sorry about the wait 😔'])}
        <button data-testid="tweetButtonInline" type="button" disabled>Reply</button>
      </div>
      <div data-testid="cellInnerDiv">${tweet(TOM, 'tomreid', 'Still waiting for my order')}</div>
    </div>`;
}

/** Opens a reply dialog the way X does: a modal dialog appended to the page. */
function openDialog(inner: string, replyTo?: string): HTMLElement {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  if (replyTo) dialog.setAttribute('data-reply-to', replyTo);
  dialog.innerHTML = inner;
  document.body.append(dialog);
  return dialog;
}

function editors(): HTMLElement[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>('[data-testid^="tweetTextarea_"][contenteditable="true"]'),
  );
}

describe('X composer', () => {
  beforeEach(() => {
    statusPage();
  });

  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('reads the draft as Draft.js holds it, one line per paragraph, blank lines kept', () => {
    const [inline] = editors();
    expect(xAdapter.readComposer(inline as HTMLElement)).toBe('Hi Tom,\n\nsorry about the wait 😔');
  });

  it('reads an empty editor as empty text', () => {
    document.body.innerHTML = draftEditor(['']);
    expect(xAdapter.readComposer(editors()[0] as HTMLElement)).toBe('');
  });

  it('follows the editor that has focus, and keeps it when focus moves elsewhere', () => {
    openDialog(draftEditor(['From the dialog']));
    const [inline, inDialog] = editors();
    inline?.focus();
    expect(xAdapter.activeComposer(document)).toBe(inline);
    inline?.blur();
    expect(xAdapter.activeComposer(document)).toBe(inline);
    inDialog?.focus();
    expect(xAdapter.activeComposer(document)).toBe(inDialog);
  });

  it('offers the open reply dialog before anything has focus', () => {
    document.body.innerHTML = `${draftEditor(['inline'])}
      <div role="dialog" aria-modal="true">${draftEditor(['dialog'])}</div>`;
    const dialogEditor = editors()[1];
    expect(xAdapter.activeComposer(document)).toBe(dialogEditor);
  });

  it('has no composer on a page without an editor', () => {
    document.body.innerHTML = tweet(TOM, 'tomreid', 'hello');
    expect(xAdapter.activeComposer(document)).toBeNull();
  });

  it('replies from the inline box to the focused tweet of the status page', () => {
    const [inline] = editors();
    expect(xAdapter.composerReplyTo(inline as HTMLElement, document)).toBe(FOCUSED);
  });

  it('replies from a dialog to the tweet the dialog names', () => {
    const dialog = openDialog(
      `<div>Replying to <a href="/tomreid">@tomreid</a></div>${draftEditor([''])}
      <button data-testid="tweetButton" type="button" disabled>Reply</button>`,
      TOM,
    );
    const inDialog = editors()[1] as HTMLElement;
    expect(xAdapter.composerReplyTo(inDialog, document)).toBe(TOM);
    expect(xAdapter.submitButton(inDialog, document)).toBe(
      dialog.querySelector('[data-testid="tweetButton"]'),
    );
  });

  it('matches a dialog\'s "Replying to" handle to a visible tweet when the dialog names no tweet', () => {
    openDialog(`<div>Replying to <div><a href="/tomreid" role="link"><span>@tomreid</span></a></div></div>
      ${draftEditor([''])}<button data-testid="tweetButton" type="button">Reply</button>`);
    expect(xAdapter.composerReplyTo(editors()[1] as HTMLElement, document)).toBe(TOM);
  });

  it('uses the time link of the tweet shown inside a dialog', () => {
    openDialog(`
      <div><a href="/tomreid/status/${TOM}"><time datetime="2026-11-22T14:13:00.000Z">20h</time></a></div>
      <div>Replying to <a href="/acmecoffee" role="link"><span>@acmecoffee</span></a></div>
      ${draftEditor([''])}`);
    expect(xAdapter.composerReplyTo(editors()[1] as HTMLElement, document)).toBe(TOM);
  });

  it("finds the inline box's own Reply button", () => {
    const [inline] = editors();
    expect(xAdapter.submitButton(inline as HTMLElement, document)).toBe(
      document.querySelector('#inline [data-testid="tweetButtonInline"]'),
    );
  });

  it("opens a reply with the tweet's Reply button and resolves to the editor that appears", async () => {
    const tom = document.querySelectorAll('article')[1] as Element;
    let clicks = 0;
    tom.querySelector('[data-testid="reply"]')?.addEventListener('click', () => {
      clicks += 1;
      setTimeout(() => openDialog(draftEditor(['']), TOM), 120);
    });
    const composer = await xAdapter.openReply(tom, document);
    expect(clicks).toBe(1);
    expect(composer).not.toBeNull();
    expect(composer?.closest('[role="dialog"]')?.getAttribute('data-reply-to')).toBe(TOM);
  });

  it('gives up after three seconds when no composer appears', async () => {
    vi.useFakeTimers();
    const tom = document.querySelectorAll('article')[1] as Element;
    let settled: HTMLElement | null | 'pending' = 'pending';
    const opening = xAdapter.openReply(tom, document).then((c) => {
      settled = c;
    });
    await vi.advanceTimersByTimeAsync(2900);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    await opening;
    expect(settled).toBeNull();
  });

  it('resolves null at once for an element without a Reply button', async () => {
    const bare = document.createElement('div');
    document.body.append(bare);
    await expect(xAdapter.openReply(bare, document)).resolves.toBeNull();
  });

  it("puts the marker next to the author's name", () => {
    const article = document.querySelector('article') as Element;
    const host = xAdapter.markerHost(article);
    expect(host.querySelector('[data-testid="User-Name"]')).not.toBeNull();
    expect(article.contains(host)).toBe(true);
  });
});
