import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalEditor,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { facebookAdapter, OPEN_REPLY_TIMEOUT_MS } from '../../../lib/sites/facebook/adapter';
import { loadFixture, mountComposer, mountPostComposer } from './load';

function article(doc: Document, labelStart: string): Element {
  const el = doc.querySelector(`div[role="article"][aria-label^="${labelStart}"]`);
  if (!el) throw new Error(`no article ${labelStart}`);
  return el;
}

/** Where Facebook opens a reply box: at the end of the comment's reply list, inside its article. */
function replySlot(comment: Element): HTMLElement {
  const slot = comment.ownerDocument.createElement('div');
  const list = comment.querySelector(':scope > div:last-child') ?? comment;
  list.append(slot);
  return slot;
}

function write(editor: LexicalEditor, paragraphs: string[][]): void {
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const lines of paragraphs) {
        const p = $createParagraphNode();
        lines.forEach((line, i) => {
          if (i > 0) p.append($createLineBreakNode());
          if (line !== '') p.append($createTextNode(line));
        });
        root.append(p);
      }
    },
    { discrete: true },
  );
}

describe('the comment box', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadFixture('post.html');
  });

  it('reads paragraphs as Lexical renders them, blank lines included', () => {
    const { editor, element } = mountPostComposer(doc);
    write(editor, [['Hi Maria,'], [''], ['Thanks for the kind words!']]);
    expect(element.querySelectorAll('p')).toHaveLength(3);
    expect(facebookAdapter.readComposer(element)).toBe('Hi Maria,\n\nThanks for the kind words!');
  });

  it('reads soft line breaks inside a paragraph, including a trailing one', () => {
    const { editor, element } = mountPostComposer(doc);
    write(editor, [['first', 'second', '']]);
    expect(facebookAdapter.readComposer(element)).toBe('first\nsecond\n');
  });

  it('reads an empty box as empty text', () => {
    const { editor, element } = mountPostComposer(doc);
    write(editor, [['']]);
    expect(facebookAdapter.readComposer(element)).toBe('');
  });

  it('reads markup from Lexical builds that do not mark their caret line breaks', () => {
    const box = doc.createElement('div');
    box.innerHTML =
      '<p dir="auto"><span data-lexical-text="true">Hello </span><img alt="👋"><br><br></p>' +
      '<p dir="auto"><br></p><p dir="auto"><span data-lexical-text="true">Bye</span></p>';
    expect(facebookAdapter.readComposer(box)).toBe('Hello 👋\n\n\nBye');
  });

  it('says the post box replies to no comment', () => {
    const { element } = mountPostComposer(doc);
    expect(facebookAdapter.composerReplyTo(element, doc)).toBeNull();
  });

  it('reads which comment a reply box answers from where it sits', () => {
    const maria = article(doc, 'Comment by Maria Lopez');
    const { element } = mountComposer(replySlot(maria), 'Reply to Maria Lopez');
    expect(facebookAdapter.composerReplyTo(element, doc)).toBe('9001');
  });

  it('reads a reply box opened under a reply as answering that reply', () => {
    const liam = article(doc, 'Reply by Liam');
    const { element } = mountComposer(replySlot(liam), 'Reply to Liam O’Brien');
    expect(facebookAdapter.composerReplyTo(element, doc)).toBe('9105');
  });

  it('reads a box the thread opens for replying to one of its replies as answering that reply', () => {
    const nina = article(doc, 'Comment by Nina Patel');
    const { element } = mountComposer(replySlot(nina), 'Reply to Liam O’Brien');
    expect(facebookAdapter.composerReplyTo(element, doc)).toBe('9105');
  });

  it('reads a box under a reply, labelled with a nested reply’s author, as answering that nested reply', () => {
    const liam = article(doc, 'Reply by Liam');
    const { element } = mountComposer(replySlot(liam), 'Reply to Acme Coffee');
    expect(facebookAdapter.composerReplyTo(element, doc)).toBe('9106');
  });

  it('places a reply box rendered after the comment by the name in its label', () => {
    const daniel = article(doc, 'Comment by Daniel Kim');
    const after = doc.createElement('div');
    daniel.after(after);
    const { element } = mountComposer(after, 'Reply to Daniel Kim');
    expect(facebookAdapter.composerReplyTo(element, doc)).toBe('9011');
  });

  it('finds the submit control of the same form', () => {
    const { element, submit } = mountPostComposer(doc);
    const reply = mountComposer(replySlot(article(doc, 'Comment by James Carter')), 'Reply to James Carter');
    expect(facebookAdapter.submitButton(element, doc)).toBe(submit);
    expect(facebookAdapter.submitButton(reply.element, doc)).toBe(reply.submit);
  });

  it('finds the Spanish submit control on a Spanish page', () => {
    const es = loadFixture('post-es.html');
    const placeholder = es.querySelector('[data-fixture-composer="facebook"]');
    if (!placeholder) throw new Error('no placeholder');
    const { element, submit } = mountComposer(placeholder, 'Comentar como Acme Coffee', 'Comentar');
    expect(facebookAdapter.submitButton(element, es)).toBe(submit);
  });

  it('returns the focused box, then remembers it after focus moves away', () => {
    const post = mountPostComposer(doc);
    const reply = mountComposer(replySlot(article(doc, 'Comment by James Carter')), 'Reply to James Carter');
    expect(facebookAdapter.activeComposer(doc)).toBeNull();
    reply.element.focus();
    expect(facebookAdapter.activeComposer(doc)).toBe(reply.element);
    post.element.focus();
    expect(facebookAdapter.activeComposer(doc)).toBe(post.element);
    post.element.blur();
    expect(facebookAdapter.activeComposer(doc)).toBe(post.element);
  });

  it('returns the only box on the page even before it was focused', () => {
    const { element } = mountPostComposer(doc);
    expect(facebookAdapter.activeComposer(doc)).toBe(element);
  });
});

describe('opening a reply box', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadFixture('post.html');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function replyControl(comment: Element): HTMLElement {
    const control = Array.from(comment.querySelectorAll<HTMLElement>('div[role="button"]')).find(
      (el) => el.textContent === 'Reply' && el.closest('div[role="article"]') === comment,
    );
    if (!control) throw new Error('no Reply control');
    return control;
  }

  it('clicks the comment’s own Reply control and resolves with the box that appears under it', async () => {
    const james = article(doc, 'Comment by James Carter');
    const clicked = vi.fn();
    replyControl(james).addEventListener('click', () => {
      clicked();
      setTimeout(() => mountComposer(replySlot(james), 'Reply to James Carter'), 120);
    });
    const composer = await facebookAdapter.openReply(james, doc);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(composer?.getAttribute('aria-label')).toBe('Reply to James Carter');
    expect(composer && facebookAdapter.composerReplyTo(composer, doc)).toBe('9002');
  });

  it('clicks only the reply control of that comment, not one of its nested replies', async () => {
    const maria = article(doc, 'Comment by Maria Lopez');
    const nested = replyControl(article(doc, 'Reply by Acme Coffee to Maria'));
    const nestedClick = vi.fn();
    nested.addEventListener('click', nestedClick);
    replyControl(maria).addEventListener('click', () =>
      mountComposer(replySlot(maria), 'Reply to Maria Lopez'),
    );
    const composer = await facebookAdapter.openReply(maria, doc);
    expect(nestedClick).not.toHaveBeenCalled();
    expect(composer && facebookAdapter.composerReplyTo(composer, doc)).toBe('9001');
  });

  it('returns a reply box that is already open without clicking again', async () => {
    const james = article(doc, 'Comment by James Carter');
    const { element } = mountComposer(replySlot(james), 'Reply to James Carter');
    const clicked = vi.fn();
    replyControl(james).addEventListener('click', clicked);
    await expect(facebookAdapter.openReply(james, doc)).resolves.toBe(element);
    expect(clicked).not.toHaveBeenCalled();
  });

  it('resolves null when no box appears within the time limit', async () => {
    vi.useFakeTimers();
    const james = article(doc, 'Comment by James Carter');
    let settled: HTMLElement | null | undefined;
    const pending = facebookAdapter.openReply(james, doc).then((c) => {
      settled = c;
    });
    await vi.advanceTimersByTimeAsync(OPEN_REPLY_TIMEOUT_MS - 200);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(400);
    await pending;
    expect(settled).toBeNull();
  });

  it('resolves null for an element that is not a comment', async () => {
    const post = doc.querySelector('[aria-labelledby=":r2:"]');
    if (!post) throw new Error('no post');
    await expect(facebookAdapter.openReply(post, doc)).resolves.toBeNull();
  });
});

describe('the marker host', () => {
  it('is the comment’s own content column, above its nested replies', () => {
    const doc = loadFixture('post.html');
    const maria = article(doc, 'Comment by Maria Lopez');
    const host = facebookAdapter.markerHost(maria);
    expect(host).not.toBe(maria);
    expect(maria.contains(host)).toBe(true);
    expect(host.textContent).toContain('Best pumpkin spice latte');
    expect(host.querySelector('div[role="article"]')).toBeNull();
    expect(Array.from(host.querySelectorAll('div[role="button"]')).map((b) => b.textContent)).toEqual([
      'Like',
      'Reply',
    ]);
  });

  it('falls back to the element itself for markup it does not know', () => {
    const el = document.createElement('div');
    expect(facebookAdapter.markerHost(el)).toBe(el);
  });
});
