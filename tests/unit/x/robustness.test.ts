import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversationItemSchema } from '../../../lib/sites/model';
import { xAdapter } from '../../../lib/sites/x/adapter';
import { CELL } from '../../../lib/sites/x/selectors';
import { context, loadFixture, STATUS_URL } from './load';

const url = new URL(STATUS_URL);
const ATTRIBUTES = [
  'data-testid',
  'href',
  'datetime',
  'role',
  'tabindex',
  'alt',
  'data-block',
  'contenteditable',
];

const mutation = fc.record({
  op: fc.constantFrom('remove', 'strip', 'text', 'move'),
  target: fc.nat(),
  other: fc.nat(),
  attribute: fc.constantFrom(...ATTRIBUTES),
  text: fc.string({ maxLength: 40 }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(root: Element, m: Mutation): void {
  const all = Array.from(root.querySelectorAll('*'));
  const target = all[m.target % Math.max(all.length, 1)];
  if (!target) return;
  if (m.op === 'remove') target.remove();
  else if (m.op === 'strip') target.removeAttribute(m.attribute);
  else if (m.op === 'text') target.textContent = m.text;
  else {
    const other = all[m.other % all.length];
    // Only moves a real DOM allows: never an element into itself or its own subtree.
    if (other && other !== target && !other.contains(target)) target.append(other);
  }
}

/** A few rows of the conversation page: the focused tweet, the reply box, plain, joined and quoting replies. */
let rows = '';

describe('the X adapter on damaged markup', () => {
  beforeAll(() => {
    loadFixture('status-conversation.html', STATUS_URL);
    const cells = Array.from(document.querySelectorAll(CELL));
    rows = [0, 1, 2, 3, 6, 7, 10, 11]
      .map((i) => cells[i]?.outerHTML ?? '')
      .join('')
      .concat(`<div data-testid="tweetTextarea_0RichTextInputContainer"><div contenteditable="true" role="textbox"
        data-testid="tweetTextarea_0"><div data-block="true"><span data-text="true">Hi</span></div></div></div>`);
  });

  it('never throws and only ever returns items that fit the shared model', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        document.body.innerHTML = `<div id="timeline">${rows}</div>`;
        const root = document.getElementById('timeline') as Element;
        for (const m of mutations) apply(root, m);
        const ctx = context(['acmecoffee'], ['1992322108379541504']);
        const found = xAdapter.readItems(document, ctx);
        const linked = xAdapter.link(
          found.map((f) => f.item),
          ctx,
          url,
        );
        for (const item of linked) expect(conversationItemSchema.safeParse(item).success).toBe(true);
        for (const f of found) expect(f.element.isConnected).toBe(true);
        for (const el of Array.from(root.querySelectorAll('*')).slice(0, 15)) {
          xAdapter.readItems(el, ctx);
          xAdapter.markerHost(el);
        }
        xAdapter.health(document, url, found.length, 60_000);
        xAdapter.signedInAccount(document);
        const composer = xAdapter.activeComposer(document);
        if (composer) {
          xAdapter.readComposer(composer);
          xAdapter.composerReplyTo(composer, document);
          xAdapter.submitButton(composer, document);
        }
      }),
      { numRuns: 30, seed: 20261123 },
    );
  }, 60_000);

  it('reads the undamaged rows completely', () => {
    document.body.innerHTML = `<div id="timeline">${rows}</div>`;
    const items = xAdapter.readItems(document, context(['acmecoffee'])).map((f) => f.item);
    expect(items).toHaveLength(7);
    for (const item of items) expect(conversationItemSchema.safeParse(item).success).toBe(true);
  });
});
