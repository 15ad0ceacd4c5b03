import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FoundItem, ReadContext, SiteAdapter } from '../../../lib/sites/adapter';
import * as facebook from '../../../lib/sites/facebook/adapter';
import { type ConversationItem, conversationItemSchema, healthProblemSchema } from '../../../lib/sites/model';
import * as x from '../../../lib/sites/x/adapter';
import * as fbFixture from '../facebook/load';
import * as xFixture from '../x/load';
import { ODD_TEXT, SEED, within } from './bounds';

/** The attributes both sites' readers lean on; renaming or rewriting them is what a site redesign does. */
const ATTRIBUTES = ['data-testid', 'aria-label', 'href', 'role', 'datetime', 'lang', 'dir'] as const;
/** Reading a whole conversation page must stay interactive even when the markup is odd. */
const READ_MS = 1500;

interface Page {
  doc: Document;
  ctx: ReadContext;
  url: URL;
}

interface Reader {
  /** The site's own functions, unguarded, so an exception is seen rather than swallowed. */
  readItems(root: ParentNode, ctx: ReadContext): FoundItem[];
  link(items: readonly ConversationItem[], ctx: ReadContext, url: URL): ConversationItem[];
  health: SiteAdapter['health'];
  adapter: SiteAdapter;
}

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...ODD_TEXT, '', '2h', 'Reply', 'Comment by ', '@acmecoffee', 'Acme Coffee', 'See more'),
);

/** Edits land inside the tweets and comments most of the time: edits to the page's chrome prove little. */
function elementsOf(doc: Document): Element[] {
  const inside = Array.from(
    doc.body.querySelectorAll('article, article *, [role="article"], [role="article"] *'),
  );
  return inside.length > 0 ? inside : Array.from(doc.body.querySelectorAll('*'));
}

function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

/**
 * What must hold after any edits. Ids are unique unless an element was duplicated: a copied tweet or comment
 * keeps its id, and the scanner downstream keeps one item per id.
 */
function expectReadable(reader: Reader, page: Page, duplicated: boolean): void {
  const found = within(READ_MS, () => reader.readItems(page.doc, page.ctx));
  const items = found.map((f) => f.item);
  for (const item of items) {
    const parsed = conversationItemSchema.safeParse(item);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
  const ids = items.map((i) => i.id);
  if (!duplicated) expect(new Set(ids).size).toBe(ids.length);
  for (const { element } of found) expect(page.doc.contains(element)).toBe(true);

  const linked = within(READ_MS, () => reader.link(items, page.ctx, page.url));
  expect(linked.map((i) => i.id)).toEqual(ids);
  for (const item of linked) expect(conversationItemSchema.safeParse(item).success).toBe(true);

  const problems = reader.health(page.doc, page.url, items.length, 60_000);
  for (const p of problems) expect(healthProblemSchema.safeParse(p).success).toBe(true);

  // The guarded adapter must agree with the raw reader when nothing threw.
  expect(reader.adapter.readItems(page.doc, page.ctx).map((f) => f.item.id)).toEqual(ids);
}

interface Model {
  duplicated: boolean;
}
type Mutation = fc.Command<Model, Page>;

function command(name: string, apply: (page: Page) => void, reader: Reader): Mutation {
  return {
    check: () => true,
    run: (model, page) => {
      apply(page);
      if (name.startsWith('duplicate')) model.duplicated = true;
      // Reading the 300 kB X page takes tens of milliseconds; the raw reader runs after each edit so a failure
      // names the edit that broke it, the full set of checks once at the end.
      within(READ_MS, () => reader.readItems(page.doc, page.ctx));
    },
    toString: () => name,
  };
}

function mutations(reader: Reader): fc.Arbitrary<Mutation>[] {
  return [
    fc.nat().map((at) => command(`remove(${at})`, ({ doc }) => pick(elementsOf(doc), at)?.remove(), reader)),
    fc
      .tuple(fc.nat(), fc.constantFrom(...ATTRIBUTES), fc.constantFrom('data-x', 'aria-labelledby', 'title'))
      .map(([at, from, to]) =>
        command(
          `rename(${at}, ${from} → ${to})`,
          ({ doc }) => {
            const el = pick(Array.from(doc.body.querySelectorAll(`[${from}]`)), at);
            if (!el) return;
            el.setAttribute(to, el.getAttribute(from) ?? '');
            el.removeAttribute(from);
          },
          reader,
        ),
      ),
    fc
      .tuple(fc.nat(), fc.constantFrom(...ATTRIBUTES), text)
      .map(([at, name, value]) =>
        command(
          `rewrite(${at}, ${name}=${JSON.stringify(value)})`,
          ({ doc }) =>
            pick(Array.from(doc.body.querySelectorAll(`[${name}]`)), at)?.setAttribute(name, value),
          reader,
        ),
      ),
    fc.tuple(fc.nat(), text).map(([at, value]) =>
      command(
        `retext(${at}, ${JSON.stringify(value)})`,
        ({ doc }) => {
          const root =
            pick(Array.from(doc.body.querySelectorAll('article, [role="article"]')), at) ?? doc.body;
          const walker = doc.createTreeWalker(root, 4);
          const nodes: Text[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
          const node = pick(nodes, at);
          if (node) node.data = value;
        },
        reader,
      ),
    ),
    fc.nat().map((at) =>
      command(
        `duplicate(${at})`,
        ({ doc }) => {
          const el = pick(elementsOf(doc), at);
          el?.after(el.cloneNode(true));
        },
        reader,
      ),
    ),
    fc.tuple(fc.nat(), fc.nat()).map(([at, to]) =>
      command(
        `move(${at} → ${to})`,
        ({ doc }) => {
          const all = elementsOf(doc);
          const el = pick(all, at);
          const target = pick(all, to);
          if (el && target && !el.contains(target)) target.append(el);
        },
        reader,
      ),
    ),
  ];
}

/** Loads the fixture once, then gives every run a fresh copy of its body. */
function pageFactory(load: () => Document, ctx: ReadContext, url: string): () => Page {
  const doc = load();
  const pristine = doc.body.cloneNode(true) as HTMLElement;
  return () => {
    document.body.replaceWith(pristine.cloneNode(true));
    return { doc: document, ctx, url: new URL(url) };
  };
}

const SITES = [
  {
    name: 'X status conversation',
    reader: { readItems: x.readTweets, link: x.linkItems, health: x.xHealth, adapter: x.xAdapter },
    page: () =>
      pageFactory(
        () => xFixture.loadFixture('status-conversation.html', xFixture.STATUS_URL),
        xFixture.context(['acmecoffee']),
        xFixture.STATUS_URL,
      ),
    runs: 25,
  },
  {
    name: 'Facebook post',
    reader: {
      readItems: facebook.readItems,
      link: facebook.link,
      health: facebook.health,
      adapter: facebook.facebookAdapter,
    },
    page: () =>
      pageFactory(
        () => fbFixture.loadFixture('post.html'),
        fbFixture.context(['Acme Coffee']),
        fbFixture.POST_URL,
      ),
    runs: 50,
  },
] as const;

afterAll(() => {
  document.body.replaceChildren();
});

describe.each(SITES)('reading the $name after random edits to its markup', ({ reader, page, runs }) => {
  it('reads the untouched fixture, so the edits start from a page with items', () => {
    const fresh = page()();
    expect(reader.readItems(fresh.doc, fresh.ctx).length).toBeGreaterThan(1);
  });

  it('never throws and returns well-formed, unique items within the time bound after every edit', () => {
    const fresh = page();
    fc.assert(
      fc.property(fc.commands(mutations(reader), { maxCommands: 8 }), (cmds) => {
        const model: Model = { duplicated: false };
        const real = fresh();
        fc.modelRun(() => ({ model, real }), cmds);
        expectReadable(reader, real, model.duplicated);
      }),
      { seed: SEED, numRuns: runs },
    );
  }, 60_000);
});
