/**
 * Selector drift on facebook.com: Facebook ships new markup with every release. For every selector the Facebook
 * adapter exports, the post fixture (with its comment box mounted, as the page's script does) is broken where
 * that selector points, and the adapter must either say so through `health` or, for markup that is optional by
 * nature, keep reading the same comments. Either way it must stay silent in the page console and recover as
 * soon as the markup comes back. The words the adapter depends on (labels.ts) get the same treatment.

 */
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { facebookAdapter, NO_ITEMS_AFTER_MS } from '../../../lib/sites/facebook/adapter';
import { EN } from '../../../lib/sites/facebook/labels';
import * as selectors from '../../../lib/sites/facebook/selectors';
import type { HealthProblem } from '../../../lib/sites/model';
import { context, loadFixture, mountPostComposer, POST_URL } from '../facebook/load';
import {
  CONSOLE_METHODS,
  type Optional,
  type Reported,
  renameAttribute,
  retag,
  rewriteAttribute,
  type Snapshot,
} from './breaks';

type SelectorName = keyof typeof selectors;

/** Every export of the selectors module by name, so the table can be checked against all of them. */
const EXPORTS = new Map<string, unknown>(Object.entries(selectors));

const URL_OF_PAGE = new URL(POST_URL);
const SETTLED = Math.max(NO_ITEMS_AFTER_MS, 8000);
const BRAND = ['Acme Coffee'];

interface AbsentFromFixture {
  kind: 'absent';
  /** Why the post page has none of this markup; the case fails once the fixture gains some. */
  why: string;
  count: (doc: Document) => number;
}

/** An export of the selectors module that is not a selector (a list of URL parameters). */
interface NotASelector {
  kind: 'not-a-selector';
  why: string;
}

type DriftCase = Reported | Optional | AbsentFromFixture | NotASelector;

const CASES: Record<SelectorName, DriftCase> = {
  LINK: {
    kind: 'reported',
    how: "authors' names stop being links, leaving the time as the only link",
    breakIt: renameAttribute(
      `${selectors.ARTICLE} ${selectors.LINK}:not(${selectors.COMMENT_ID_LINK})`,
      'href',
    ),
    problem: { code: 'selector-missing', detail: 'author link' },
  },
  BODY: {
    kind: 'reported',
    how: 'comment bodies lose the lang attribute they are found by',
    breakIt: renameAttribute(`${selectors.ARTICLE} ${selectors.BODY}`, 'lang'),
    problem: { code: 'selector-missing', detail: 'comment text' },
  },
  POST_HEADER: {
    kind: 'reported',
    how: "the post header's author link moves out of the known header shapes",
    breakIt: renameAttribute(
      selectors.POST_HEADER.split(',')
        .map((header) => `${header.trim()} ${selectors.LINK}`)
        .join(', '),
      'href',
    ),
    problem: { code: 'selector-missing', detail: 'post author' },
  },
  POSTING_AS: {
    kind: 'optional',
    how: 'the comment box stops saying whom it posts as: the page is no longer known from it, so the side panel asks (brand-unknown) while the comments read as before',
    breakIt: renameAttribute(`${selectors.COMPOSER}[aria-label]`, 'aria-label'),
    check: (before, after) => {
      expect(before.signedIn).toBe('Acme Coffee');
      expect(after).toEqual({ ...before, signedIn: null });
    },
  },
  COMPOSER_BLOCK: {
    kind: 'reported',
    how: 'Lexical paragraphs are rendered as plain divs',
    breakIt: retag(`${selectors.COMPOSER} > p`, 'div'),
    problem: { code: 'no-composer-editor', detail: 'paragraphs' },
  },
  COMPOSER_FORM: {
    kind: 'reported',
    how: 'the comment box is no longer inside a form',
    breakIt: retag(selectors.COMPOSER_FORM, 'div'),
    problem: { code: 'no-composer-editor', detail: 'comment form' },
  },
  ARTICLE: {
    kind: 'reported',
    how: 'comment articles lose role="article"',
    breakIt: renameAttribute(selectors.ARTICLE, 'role'),
    problem: { code: 'no-items' },
  },
  COMMENT_ID_LINK: {
    kind: 'reported',
    how: 'links carry the comment id under another parameter name',
    // Rewritten in place: comments the adapter already knew must not hide the drift.
    breakIt: rewriteAttribute(selectors.COMMENT_ID_LINK, 'href', (href) =>
      href.replace(/comment_id=/g, 'cid='),
    ),
    problem: { code: 'selector-missing', detail: 'comment_id link' },
  },
  BUTTON: {
    kind: 'reported',
    how: 'controls lose their button role, the comment box\'s "Comment" control among them',
    breakIt: renameAttribute(selectors.BUTTON, 'role'),
    problem: { code: 'no-composer-editor', detail: 'Comment button' },
  },
  COMPOSER: {
    kind: 'reported',
    how: 'the comment box loses data-lexical-editor (another editor took over)',
    breakIt: renameAttribute(selectors.COMPOSER, 'data-lexical-editor'),
    problem: { code: 'no-composer-editor', detail: 'data-lexical-editor' },
  },
  ANY_TEXTBOX: {
    kind: 'reported',
    how: 'the comment box is no longer contenteditable',
    breakIt: renameAttribute(selectors.ANY_TEXTBOX, 'contenteditable'),
    problem: { code: 'no-composer-editor', detail: 'comment box' },
  },
  BODY_BLOCK: {
    kind: 'optional',
    how: 'comment bodies lose their div[dir="auto"] blocks: only the paragraph breaks are lost',
    breakIt: renameAttribute(`${selectors.BODY} ${selectors.BODY_BLOCK}`, 'dir'),
    check: (before, after) => {
      expect(before.items.some((i) => i.text.includes('\n'))).toBe(true);
      const withoutBreaks = before.items.map((i) => ({ ...i, text: i.text.replace(/\n/g, '') }));
      expect(after).toEqual({ ...before, items: withoutBreaks });
    },
  },
  SUBMIT_BY_ID: {
    kind: 'absent',
    why: 'the submit control is found by its label; the id route is a fallback this page does not use',
    count: (doc) => doc.querySelectorAll(selectors.SUBMIT_BY_ID).length,
  },
  CONTROL: {
    kind: 'absent',
    why: 'the fixture offers no "Switch into … Page" control; the signed-in page comes from the comment box',
    count: (doc) =>
      Array.from(doc.querySelectorAll(selectors.CONTROL)).filter((el) =>
        EN.switchInto.test(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`),
      ).length,
  },
  TRACKING_PARAMS: {
    kind: 'not-a-selector',
    why: 'URL parameters dropped from permalinks; nothing in the page to break',
  },
};

/** The words the adapter reads, broken the way a translation or rewording would. */
const LABEL_CASES: Record<string, Reported> = {
  'the submit label (EN.submit)': {
    kind: 'reported',
    how: 'the "Comment" control is reworded',
    breakIt: (doc) => {
      const control = doc.querySelector(`${selectors.COMPOSER_FORM} [role="button"][aria-label="Comment"]`);
      if (!control) throw new Error('the comment box has no Comment control');
      control.setAttribute('aria-label', 'Send');
      return () => control.setAttribute('aria-label', 'Comment');
    },
    problem: { code: 'no-composer-editor', detail: 'Comment button' },
  },
  'the page language (<html lang>)': {
    kind: 'reported',
    how: 'the page switches to a language without a label table',
    breakIt: (doc) => {
      const root = doc.documentElement;
      const lang = root.getAttribute('lang') ?? '';
      root.setAttribute('lang', 'fr');
      return () => root.setAttribute('lang', lang);
    },
    problem: { code: 'unknown-language', detail: 'fr' },
  },
};

function load(): Document {
  const doc = loadFixture('post.html');
  const { editor } = mountPostComposer(doc);
  // Two paragraphs, as someone mid-way through a reply has typed them.
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const text of ['Thanks for all the kind words,', 'see you at the counter!']) {
        root.append($createParagraphNode().append($createTextNode(text)));
      }
    },
    { discrete: true },
  );
  return doc;
}

function snapshot(doc: Document): Snapshot {
  const ctx = context(BRAND);
  const found = facebookAdapter.readItems(doc, ctx);
  const items = facebookAdapter.link(
    found.map((f) => f.item),
    ctx,
    URL_OF_PAGE,
  );
  const composers = Array.from(doc.querySelectorAll<HTMLElement>(selectors.COMPOSER)).map((box) => ({
    text: facebookAdapter.readComposer(box),
    replyTo: facebookAdapter.composerReplyTo(box, doc),
    submit: facebookAdapter.submitButton(box, doc) !== null,
  }));
  return { ids: items.map((i) => i.id), items, signedIn: facebookAdapter.signedInAccount(doc), composers };
}

function healthOf(doc: Document, found: number): HealthProblem[] {
  return facebookAdapter.health(doc, URL_OF_PAGE, found, SETTLED);
}

describe('Facebook selector drift', () => {
  let spies: MockInstance[] = [];

  beforeEach(() => {
    spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  function expectSilentConsole(): void {
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  }

  function expectReportedAndRecovered(drift: Reported): void {
    const doc = load();
    const base = snapshot(doc);
    expect(healthOf(doc, base.ids.length)).toEqual([]);

    const restore = drift.breakIt(doc);
    let broken: Snapshot | undefined;
    expect(() => {
      broken = snapshot(doc);
    }).not.toThrow();
    expect(healthOf(doc, broken?.ids.length ?? 0)).toContainEqual(drift.problem);
    expectSilentConsole();

    restore();
    const back = snapshot(doc);
    expect(back).toEqual(base);
    expect(healthOf(doc, back.ids.length)).toEqual([]);
    expectSilentConsole();
  }

  it('has a drift case for every selector the adapter exports', () => {
    expect(Object.keys(CASES).sort()).toEqual([...EXPORTS.keys()].sort());
  });

  it('starts from a healthy fixture with comments read', () => {
    const doc = load();
    const base = snapshot(doc);
    expect(base.ids.length).toBeGreaterThan(10);
    expect(base.signedIn).toBe('Acme Coffee');
    expect(base.composers).toEqual([
      { text: 'Thanks for all the kind words,\nsee you at the counter!', replyTo: null, submit: true },
    ]);
    expect(healthOf(doc, base.ids.length)).toEqual([]);
    expectSilentConsole();
  });

  for (const [name, drift] of Object.entries(CASES)) {
    if (drift.kind === 'reported') {
      it(`reports ${drift.problem.code} when ${drift.how} (${name}), then recovers`, () => {
        expectReportedAndRecovered(drift);
      });
    } else if (drift.kind === 'optional') {
      it(`keeps reading when ${drift.how} (${name}), then recovers`, () => {
        const doc = load();
        const base = snapshot(doc);
        expect(healthOf(doc, base.ids.length)).toEqual([]);

        const restore = drift.breakIt(doc);
        let broken: Snapshot | undefined;
        expect(() => {
          broken = snapshot(doc);
        }).not.toThrow();
        if (!broken) throw new Error('nothing was read');
        drift.check(base, broken);
        expect(healthOf(doc, broken.ids.length)).toEqual([]);
        expectSilentConsole();

        restore();
        const back = snapshot(doc);
        expect(back).toEqual(base);
        expect(healthOf(doc, back.ids.length)).toEqual([]);
        expectSilentConsole();
      });
    } else if (drift.kind === 'absent') {
      it(`has no markup to break for ${name} on a post page: ${drift.why}`, () => {
        expect(drift.count(load())).toBe(0);
      });
    } else {
      it(`exports ${name}, which is not a selector: ${drift.why}`, () => {
        const value = EXPORTS.get(name);
        expect(Array.isArray(value)).toBe(true);
      });
    }
  }

  for (const [name, drift] of Object.entries(LABEL_CASES)) {
    it(`reports ${drift.problem.code} when ${drift.how} (${name}), then recovers`, () => {
      expectReportedAndRecovered(drift);
    });
  }
});
