/**
 * Selector drift on facebook.com: Facebook ships new markup with every release. For every selector the Facebook
 * adapter exports, the post fixture (with its comment box mounted, as the page's script does) is broken where
 * that selector points, and the adapter must either say so through `health` or, for markup that is optional by
 * nature, keep reading the same comments. Either way it must stay silent in the page console and recover as
 * soon as the markup comes back. The words the adapter depends on (labels.ts) get the same treatment.
 *
 * Known gaps: breaking these selectors degrades what the adapter reads, yet `health` reports nothing, so they
 * have no drift case here until `health` learns to notice them:
 * - LINK: with the author links gone, the permalink's "3d" is taken for the author's name, silently.
 * - BODY: every comment reads as empty text.
 * - POST_AUTHOR: top-level comments no longer know whom they answer, and the signed-in page is lost.
 * - POSTING_AS: the signed-in page ("Comment as …") is no longer found.
 * - COMPOSER_BLOCK: the comment box's text is read without its paragraph breaks.
 * - COMPOSER_FORM: without the form the submit control is not found, and the checks that would say so are
 *   skipped because they only look at boxes inside a form.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { FoundItem } from '../../../lib/sites/adapter';
import { facebookAdapter, NO_ITEMS_AFTER_MS } from '../../../lib/sites/facebook/adapter';
import { EN } from '../../../lib/sites/facebook/labels';
import * as selectors from '../../../lib/sites/facebook/selectors';
import type { HealthProblem } from '../../../lib/sites/model';
import { context, loadFixture, mountPostComposer, POST_URL } from '../facebook/load';

type SelectorName = keyof typeof selectors;

/** Every export of the selectors module by name, so the table can be checked against all of them. */
const EXPORTS = new Map<string, unknown>(Object.entries(selectors));

const URL_OF_PAGE = new URL(POST_URL);
const SETTLED = Math.max(NO_ITEMS_AFTER_MS, 8000);
const BRAND = ['Acme Coffee'];

const KNOWN_GAPS: readonly SelectorName[] = [
  'LINK',
  'BODY',
  'POST_AUTHOR',
  'POSTING_AS',
  'COMPOSER_BLOCK',
  'COMPOSER_FORM',
];

/** Undoes one break, putting the markup back exactly as it was. */
type Restore = () => void;

interface Reported {
  kind: 'reported';
  /** What the break does to the page. */
  how: string;
  breakIt: (doc: Document) => Restore;
  problem: HealthProblem;
}

interface Optional {
  kind: 'optional';
  how: string;
  breakIt: (doc: Document) => Restore;
  /** What may change while the markup is broken; everything else must read as before. */
  check: (before: Snapshot, after: Snapshot) => void;
}

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

interface Snapshot {
  ids: string[];
  items: FoundItem['item'][];
  signedIn: string | null;
}

function all(doc: Document, selector: string): Element[] {
  const found = Array.from(doc.querySelectorAll(selector));
  if (found.length === 0) throw new Error(`the fixture has nothing matching ${selector}`);
  return found;
}

/** Renames an attribute on every element matching `selector`, as a release that renames a role does. */
function renameAttribute(selector: string, attribute: string): (doc: Document) => Restore {
  return (doc) => {
    const renamed = all(doc, selector).map((el) => {
      const value = el.getAttribute(attribute) ?? '';
      el.removeAttribute(attribute);
      el.setAttribute(`data-drifted-${attribute}`, value);
      return { el, value };
    });
    return () => {
      for (const { el, value } of renamed) {
        el.removeAttribute(`data-drifted-${attribute}`);
        el.setAttribute(attribute, value);
      }
    };
  };
}

/** Changes an attribute's value on every element matching `selector`. */
function rewriteAttribute(
  selector: string,
  attribute: string,
  rewrite: (value: string) => string,
): (doc: Document) => Restore {
  return (doc) => {
    const changed = all(doc, selector).map((el) => {
      const value = el.getAttribute(attribute) ?? '';
      el.setAttribute(attribute, rewrite(value));
      return { el, value };
    });
    return () => {
      for (const { el, value } of changed) el.setAttribute(attribute, value);
    };
  };
}

/**
 * Applies `breakIt` to a fresh render of the page, as a new Facebook release serves it: the adapter remembers
 * which article elements it already knew as comments, so drift is only visible on elements it has not read.
 * Restoring puts the original elements back.
 */
function rerendered(breakIt: (doc: Document) => Restore): (doc: Document) => Restore {
  return (doc) => {
    const original = Array.from(doc.body.childNodes);
    doc.body.replaceChildren(...original.map((node) => node.cloneNode(true)));
    breakIt(doc);
    return () => doc.body.replaceChildren(...original);
  };
}

const CASES: Partial<Record<SelectorName, DriftCase>> = {
  ARTICLE: {
    kind: 'reported',
    how: 'comment articles lose role="article"',
    breakIt: renameAttribute(selectors.ARTICLE, 'role'),
    problem: { code: 'no-items' },
  },
  COMMENT_ID_LINK: {
    kind: 'reported',
    how: 'links carry the comment id under another parameter name',
    breakIt: rerendered(
      rewriteAttribute(selectors.COMMENT_ID_LINK, 'href', (href) => href.replace(/comment_id=/g, 'cid=')),
    ),
    problem: { code: 'selector-missing', detail: 'comment_id link' },
  },
  BUTTON: {
    kind: 'reported',
    how: 'controls lose their button role, the comment box\'s "Comment" control among them',
    breakIt: renameAttribute(selectors.BUTTON, 'role'),
    problem: { code: 'selector-missing', detail: 'Comment button' },
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
    problem: { code: 'selector-missing', detail: 'Comment button' },
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
  mountPostComposer(doc);
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
  return { ids: items.map((i) => i.id), items, signedIn: facebookAdapter.signedInAccount(doc) };
}

function healthOf(doc: Document, found: number): HealthProblem[] {
  return facebookAdapter.health(doc, URL_OF_PAGE, found, SETTLED);
}

const CONSOLE_METHODS = ['log', 'warn', 'error', 'info', 'debug'] as const;

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
    expect(back.ids).toEqual(base.ids);
    expect(back.items).toEqual(base.items);
    expect(healthOf(doc, back.ids.length)).toEqual([]);
    expectSilentConsole();
  }

  it('has a drift case or a listed gap for every selector the adapter exports', () => {
    const covered = [...Object.keys(CASES), ...KNOWN_GAPS].sort();
    expect(covered).toEqual([...EXPORTS.keys()].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('starts from a healthy fixture with comments read', () => {
    const doc = load();
    const base = snapshot(doc);
    expect(base.ids.length).toBeGreaterThan(10);
    expect(base.signedIn).toBe('Acme Coffee');
    expect(healthOf(doc, base.ids.length)).toEqual([]);
    expectSilentConsole();
  });

  for (const [name, drift] of Object.entries(CASES)) {
    if (!drift) continue;
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
