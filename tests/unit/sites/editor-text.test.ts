import { describe, expect, it } from 'vitest';
import { editorText, insertionLanded } from '~/lib/sites/editors/text';

function html(markup: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = markup;
  return el;
}

describe('reading an editor as its model holds it', () => {
  it('joins Draft.js blocks with line breaks and reads empty blocks as empty lines', () => {
    const el = html(
      '<div data-contents="true">' +
        '<div data-block="true"><div><span><span data-text="true">Hi Ana,</span></span></div></div>' +
        '<div data-block="true"><div><span><br data-text="true"></span></div></div>' +
        '<div data-block="true"><div><span><span data-text="true">so sorry.</span></span></div></div>' +
        '</div>',
    );
    expect(editorText(el)).toBe('Hi Ana,\n\nso sorry.');
  });

  it('joins Lexical paragraphs and keeps line breaks inside one paragraph', () => {
    const el = html(
      '<p><span data-lexical-text="true">one</span><br><span data-lexical-text="true">two</span></p><p><br></p><p><span>three</span></p>',
    );
    expect(editorText(el)).toBe('one\ntwo\n\nthree');
  });

  it('reads an empty editor as empty text', () => {
    expect(editorText(html('<p><br></p>'))).toBe('');
  });
});

describe('checking that an insertion landed', () => {
  it('accepts the suggestion inserted once at the caret with the user text intact', () => {
    expect(insertionLanded('Hello there', 'Hello Thanks a lot! there', 'Thanks a lot!')).toBe(true);
  });
  it('accepts a separating space added at the seam', () => {
    expect(insertionLanded('Hi', 'Hi Thanks!', 'Thanks!')).toBe(true);
  });
  it('rejects a doubled insertion', () => {
    expect(insertionLanded('Hi', 'Hi Thanks! Thanks!', 'Thanks!')).toBe(false);
  });
  it('rejects an insertion that replaced what the user had typed', () => {
    expect(insertionLanded('my draft', 'Thanks!', 'Thanks!')).toBe(false);
  });
  it('rejects an editor that did not change', () => {
    expect(insertionLanded('Hi', 'Hi', 'Thanks!')).toBe(false);
  });
  it('counts an insertion that already appeared in the draft once more', () => {
    expect(insertionLanded('Thanks! and', 'Thanks! and Thanks!', 'Thanks!')).toBe(true);
  });
});

describe('an insertion inside a word', () => {
  it('is accepted with the separating space the caret needed', () => {
    expect(insertionLanded('latte', 'la Thanks! tte', 'Thanks!')).toBe(true);
  });
});
