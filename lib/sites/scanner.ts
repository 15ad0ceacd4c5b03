import type { FoundItem, LinkMemo, ReadContext, SiteAdapter } from './adapter';
import type { ConversationItem } from './model';

/**
 * The generic half of reading a page: it keeps every item seen on this page by id (X recycles timeline cells,
 * so an item's element may leave the DOM while the item is still part of the conversation), remembers which
 * element currently shows it, and re-links the conversation after each batch. Pure apart from the DOM nodes it is
 * handed; the runtime decides when to call it.
 */
export class ItemStore {
  private items = new Map<string, ConversationItem>();
  private elements = new Map<string, WeakRef<Element>>();
  /** The items in order, kept while batches only add new ones; null when it must be made again. */
  private ordered: ConversationItem[] | null = [];
  private linked: ConversationItem[] = [];
  private memo: LinkMemo = {};

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly maxItems = 5000,
  ) {}

  /** Merge what a batch found. Returns the ids that are new or whose content changed. */
  merge(found: readonly FoundItem[]): Set<string> {
    const changed = new Set<string>();
    for (const { item, element } of found) {
      const old = this.items.get(item.id);
      if (!old || old.text !== item.text || old.truncated !== item.truncated || old.time !== item.time) {
        changed.add(item.id);
      }
      // Re-inserting moves the id to the end of the Map's order, which keeps document order for recycled cells.
      if (old) {
        this.items.delete(item.id);
        this.ordered = null;
      } else {
        this.ordered?.push(item);
      }
      this.items.set(item.id, item);
      this.elements.set(item.id, new WeakRef(element));
    }
    while (this.items.size > this.maxItems) {
      this.ordered = null;
      const oldest = this.items.keys().next().value as string;
      this.items.delete(oldest);
      this.elements.delete(oldest);
      changed.add(oldest);
    }
    return changed;
  }

  /** Re-derive isBrand / addressedToBrand / answered for the whole conversation. */
  relink(ctx: ReadContext, url: URL): ConversationItem[] {
    this.ordered ??= [...this.items.values()];
    // A copy: linking remembers the list it was given, and this one grows.
    this.linked = this.adapter.link(this.ordered.slice(), ctx, url, this.memo);
    return this.linked;
  }

  all(): readonly ConversationItem[] {
    return this.linked;
  }

  get(id: string): ConversationItem | undefined {
    return this.linked.find((i) => i.id === id) ?? this.items.get(id);
  }

  /** The element that shows an item now, if it is still in the page. */
  elementOf(id: string): Element | null {
    const el = this.elements.get(id)?.deref();
    return el?.isConnected ? el : null;
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  size(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
    this.elements.clear();
    this.ordered = [];
    this.linked = [];
    this.memo = {};
  }
}

/** Items someone is waiting on: addressed to the brand, not by the brand, not yet answered. */
export function needsReply(item: ConversationItem): boolean {
  return item.addressedToBrand && !item.isBrand && !item.answered;
}

/**
 * From the nodes a MutationObserver reported, the roots worth reading: added elements, and the item an edited
 * node sits in (text expanded by "Show more", a cell recycled in place). Items added on their own into an
 * item (replies into their comment) are read by themselves, without reading the one they went into again;
 * anything else added into an item may change it, and it is read again. Roots inside another root are dropped.
 *
 * An element added and taken out again within the batch (a fast scroll recycles a cell before its batch is
 * read) is kept: it was in the page, it still holds what it showed, and nothing else would read it. Whoever
 * reads it knows it from `isConnected`.
 */
export function rootsToRead(
  records: readonly MutationRecord[],
  itemSelector: string,
  isItem?: (element: Element) => boolean,
): Element[] {
  const roots = new Set<Element>();
  // One read tells our own elements (RECIPROCITY-MARKER, …) from the page's; a text node is named `#text`.
  const ours = (n: Node): boolean => n.nodeName.startsWith('RECIPROCITY-');
  // Records of one batch mostly share their target: each element is asked about once.
  const asked = new Map<Element, boolean>();
  const itemOrNot = (el: Element): boolean => {
    if (!isItem) return true;
    let yes = asked.get(el);
    if (yes === undefined) {
      yes = isItem(el);
      asked.set(el, yes);
    }
    return yes;
  };
  const isAnItem = (n: Node): boolean =>
    n.nodeType === 1 && (n as Element).matches(itemSelector) && itemOrNot(n as Element);
  // Whether every root is an element added by records on one target, and nothing was taken out. None of them
  // can sit inside another: to get there it would have been added into that other root or below it, which a
  // record on there would say. (A root taken out of the page may be changed unwatched, so a batch that took
  // anything out gets the look-up below.)
  const firstTarget = records[0]?.target ?? null;
  let oneParent = firstTarget !== null;
  for (const r of records) {
    if (oneParent && (r.target !== firstTarget || r.removedNodes.length > 0)) oneParent = false;
    let foreign = false;
    const added: Node[] = [];
    // Indexed: the page's node list answers an index directly, where a for-of asks it through an iterator.
    const nodes = r.addedNodes;
    for (let i = 0, count = nodes.length; i < count; i++) {
      const n = nodes[i] as Node;
      if (ours(n)) continue;
      foreign = true;
      added.push(n);
      if (n.nodeType === 1) roots.add(n as Element);
    }
    const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    // Our own markers and chips live inside items: adding them must not make the item be read again.
    if (!target || target.closest('reciprocity-marker, reciprocity-chip, reciprocity-popover')) continue;
    let owner = target.closest(itemSelector);
    // A holder of items (a post around its comments) is not read as one part.
    while (owner && !itemOrNot(owner)) owner = owner.parentElement?.closest(itemSelector) ?? null;
    if (!owner) continue;
    if (r.type === 'characterData' || (foreign && !added.every(isAnItem))) {
      roots.add(owner);
      oneParent = false;
    }
  }
  const all = [...roots];
  // Rows added side by side (the usual batch) cannot hold one another.
  if (oneParent) return all;
  const first = all[0]?.parentElement ?? null;
  if (first && all.every((el) => el.parentElement === first)) return all;
  // Otherwise each root looks up its ancestors for another root. What one look-up learns about an ancestor (it
  // is a root or inside one, or not) is kept, so roots side by side stop at their shared parent.
  const covered = new Map<Element, boolean>();
  const insideAnother = (el: Element): boolean => {
    const path: Element[] = [];
    let inside = false;
    for (let up = el.parentElement; up; up = up.parentElement) {
      const known = covered.get(up);
      if (known !== undefined) {
        inside = known;
        break;
      }
      path.push(up);
      if (roots.has(up)) {
        inside = true;
        break;
      }
    }
    for (const up of path) covered.set(up, inside);
    return inside;
  };
  return all.filter((el) => !insideAnother(el));
}
