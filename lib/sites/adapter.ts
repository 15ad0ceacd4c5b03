import type { ConversationItem, HealthProblem, SiteId } from './model';

/** What an adapter needs to know to read a page; passed in so adapters stay pure and testable. */
export interface ReadContext {
  /** Brand account handles (X, lower case, no @) or page names (Facebook, as shown). */
  brand: readonly string[];
  /** "Now", for relative times ("2h") and ages. */
  now: Date;
  /** Base URL for resolving relative links. */
  baseUrl: string;
  /** Ids of items a reply was sent to from this browser (the ledger). */
  repliedLocally: ReadonlySet<string>;
  /**
   * The same object for reads made one after another in one task, when nothing on the page can change in
   * between (the runtime's slice of reading): what one read learned of an element then still holds for the
   * next, which need not ask the page again. Without it, everything remembered is checked first.
   */
  pass?: object;
}

/**
 * Where `link` keeps what it derived on its last call, so that the next call, on a conversation that changed
 * only at the end (the usual case: new tweets or comments scrolled in), re-derives only what the change can
 * reach. The caller owns it, one per page; what is inside belongs to the adapter. Without one, everything is
 * derived afresh. Either way the result is the same.
 */
export interface LinkMemo {
  state?: unknown;
}

/** One item found on the page plus the element it lives in, so the runtime can attach a marker to it. */
export interface FoundItem {
  item: ConversationItem;
  element: Element;
}

/**
 * One site. Everything site-specific lives behind this interface: selectors, label tables, the editor the site
 * uses. Functions take the DOM root and the context as parameters so the same code runs in the content script,
 * under happy-dom in unit tests, and in the `extract` CLI.
 */
export interface SiteAdapter {
  readonly site: SiteId;
  /**
   * The elements items are read from (a tweet, a comment). The page is split into these so it can be read a
   * part at a time, and an edit inside one means that item is read again.
   */
  readonly itemSelector: string;
  /**
   * Whether an element matching `itemSelector` is an item itself rather than a holder of items (a Facebook post
   * around its comments). A holder is not read as one part: its items are. Without this, every match is an item.
   */
  isItem?(element: Element): boolean;
  /** Does this adapter handle the URL? */
  matches(url: URL): boolean;
  /** 'status', 'notifications', 'timeline', 'post', … (free text per site, shown in health). */
  pageKind(url: URL): string;
  /**
   * Every item under `root` (a document, or a subtree that was just added). Items that cannot be read are left
   * out and reported by `health`. The result is in document order.
   */
  readItems(root: ParentNode, ctx: ReadContext): FoundItem[];
  /**
   * Fill in the fields that depend on the whole visible conversation (isBrand, addressedToBrand, answered) from
   * every item currently known, in document order. Pure apart from `memo`; returns new objects. `items` must
   * not be changed after the call while `memo` holds it.
   */
  link(items: readonly ConversationItem[], ctx: ReadContext, url: URL, memo?: LinkMemo): ConversationItem[];
  /** The signed-in account, read from the page, used as the brand when none is configured. */
  signedInAccount(doc: Document): string | null;
  /** The composer (editable element) that has focus or was last focused, or null. */
  activeComposer(doc: Document): HTMLElement | null;
  /** The plain text of a composer, as the site's editor holds it (paragraphs joined by \n). */
  readComposer(composer: HTMLElement): string;
  /** The item this composer replies to, when the page says so. */
  composerReplyTo(composer: HTMLElement, doc: Document): string | null;
  /** The site's submit button for this composer (Reply / Comment); used to verify insertion. Never clicked. */
  submitButton(composer: HTMLElement, doc: Document): HTMLElement | null;
  /** Open the site's reply box for an item (clicks the item's own Reply control). Resolves to the composer. */
  openReply(element: Element, doc: Document): Promise<HTMLElement | null>;
  /** Where the in-page marker goes inside an item element. */
  markerHost(element: Element): Element;
  /** Problems visible in the current page (no items where items were expected, missing editor, …). */
  health(doc: Document, url: URL, found: number, msSinceLoad: number): HealthProblem[];
}
