import { afterEach, describe, expect, it } from 'vitest';
import {
  BRIDGE_REQUEST,
  BRIDGE_RESULT,
  serveEditorBridge,
  strategiesFor,
  TARGET_ATTR,
} from '~/lib/sites/editors/bridge';

/** Send a raw request as any page script could, and collect the answers. */
function request(detail: unknown): Promise<unknown[]> {
  const answers: unknown[] = [];
  const listener = (e: Event) => answers.push(JSON.parse((e as CustomEvent<string>).detail));
  document.addEventListener(BRIDGE_RESULT, listener);
  document.dispatchEvent(new CustomEvent(BRIDGE_REQUEST, { detail }));
  return new Promise((resolve) =>
    setTimeout(() => {
      document.removeEventListener(BRIDGE_RESULT, listener);
      resolve(answers);
    }, 20),
  );
}

serveEditorBridge();

describe('the page-world insertion bridge', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('ignores requests that are not a JSON string with a nonce and a text', async () => {
    expect(await request({ nonce: 'a', text: 'b' })).toEqual([]);
    expect(await request('not json')).toEqual([]);
    expect(await request(JSON.stringify({ nonce: 1, text: 'b' }))).toEqual([]);
  });

  it('refuses to touch an element that is not an editable box', async () => {
    const div = document.createElement('div');
    div.setAttribute(TARGET_ATTR, 'n1');
    div.textContent = 'page content';
    document.body.append(div);
    const answers = await request(JSON.stringify({ nonce: 'n1', text: 'injected' }));
    expect(answers).toEqual([
      { nonce: 'n1', ok: false, strategy: null, changedWrongly: false, error: 'editor not found' },
    ]);
    expect(div.textContent).toBe('page content');
  });

  it('answers that nothing was found when no element carries the nonce', async () => {
    const answers = await request(JSON.stringify({ nonce: 'missing', text: 'x' }));
    expect(answers).toMatchObject([{ ok: false, error: 'editor not found' }]);
  });

  it('picks the strategies each editor understands, Draft.js paste first, Lexical beforeinput first', () => {
    const lexical = document.createElement('div');
    lexical.setAttribute('data-lexical-editor', 'true');
    expect(strategiesFor(lexical)[0]).toBe('beforeinput');
    expect(strategiesFor(document.createElement('div'))[0]).toBe('paste');
  });
});
