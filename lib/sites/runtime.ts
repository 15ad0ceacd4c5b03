import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DraftReport, InsertResult, ItemLabel, PageContext } from '../messaging/protocol';
import { sendToBackground, serveTab } from '../messaging/transport';
import type { ReadContext, SiteAdapter } from './adapter';
import { requestInsert } from './editors/client';
import { samePrefix } from './linked';
import type { ConversationItem, HealthProblem, SiteHealth, TabSnapshot } from './model';
import { ItemStore, needsReply, rootsToRead } from './scanner';
import { SnapshotSender } from './snapshot-patch';
import { type Chip, createChip, createMarker, createPopover, type Marker, shortAge } from './ui';

/** How long to gather mutations before reading them: long enough to batch a scroll, short enough to feel live. */
const BATCH_MS = 120;
const DRAFT_DEBOUNCE_MS = 180;
const SNAPSHOT_THROTTLE_MS = 400;
const HEALTH_GRACE_MS = 8000;
/** How long one look over the page for markup changes stays good. */
const HEALTH_EVERY_MS = 2000;
/** How often markers already on the page update the age they show. */
const AGES_EVERY_MS = 30_000;
/** New waiting items are watched for coming near the screen in idle time, but no later than this. */
const WATCH_WITHIN_MS = 200;
/** How far beyond the screen items get their markers, so they are in place before they scroll into view. */
const MARKER_MARGIN = '500% 0px';
/** Looking for the signed-in account again: soon after a change, then up to this seldom while it holds. */
const SIGNED_IN_AGAIN_MS = 2000;
const SIGNED_IN_AT_MOST_MS = 60_000;
/** Longest stretch the coach reads before giving the page its main thread back. */
const SLICE_MS = 6;
/** A slice looks at the clock before its first root and then after every this many. */
const CLOCK_EVERY = 4;
/** While a long page is read in the background, how often the conversation is re-linked and markers updated. */
const RELINK_EVERY_MS = 250;
/** Background reading waits for idle time, but no longer than this on a page that is never idle. */
const IDLE_TIMEOUT_MS = 1000;
/** A page with no more top-level items than this is read at once, whatever is on screen. */
const READ_AT_ONCE = 40;

/**
 * The coach in a page: reads the site through its adapter, keeps the background informed, puts markers on the
 * items that still need an answer, coaches the active reply box and inserts replies. Everything is tied to the
 * content script context, so navigation away and extension updates release it all.
 */
export function startCoach(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const doc = document;
  const loadedAt = performance.now();
  /**
   * Timers that do nothing once the extension is gone. The context's own timers do the same, but each adds a
   * listener that stays until the page unloads; the coach sets several per batch of changes on a long session.
   */
  const timer = (run: () => void, ms: number): number =>
    window.setTimeout(() => {
      if (ctx.isValid) run();
    }, ms);
  const idle = (run: (deadline: IdleDeadline) => void, timeout: number): number =>
    window.requestIdleCallback(
      (deadline) => {
        if (ctx.isValid) run(deadline);
      },
      { timeout },
    );
  const store = new ItemStore(adapter);
  /** What the background last confirmed, so snapshots carry only what changed. */
  const sender = new SnapshotSender();
  const markers = new Map<string, { marker: Marker; element: Element }>();
  let labels: Record<string, ItemLabel> = {};
  let pageContext: PageContext = { brand: [], repliedLocally: [], markers: true };
  let url = new URL(location.href);
  let pending: MutationRecord[] = [];
  let batchTimer: number | null = null;
  let snapshotTimer: number | null = null;
  let lastSnapshotAt = 0;
  let insertProblem: HealthProblem | null = null;
  /** The page's markup is not what the adapter knows: markers would be guesses, so they pause until it is. */
  let layoutBroken = false;
  /** A reply the user is about to post: matched against the brand's next new item. */
  let awaitingPost: { replyTo: string | null; text: string; until: number } | null = null;

  /**
   * The signed-in account stands in for the brand when the playbook names none. Finding it looks over the
   * whole page, which is not free on a long one, so it is never done while reading: it is looked up in idle
   * time soon after the page loads, then again with the health check, less and less often while the answer
   * stays the same. A changed answer re-links what was read.
   */
  let signedIn: { account: string | null; at: number; every: number } | null = null;
  const lookUpSignedIn = (): void => {
    if (!ctx.isValid) return;
    const account = safe(() => adapter.signedInAccount(doc), null);
    const last = signedIn;
    const first = last === null;
    const changed = account !== (last?.account ?? null);
    const every =
      last === null || changed ? SIGNED_IN_AGAIN_MS : Math.min(last.every * 2, SIGNED_IN_AT_MOST_MS);
    signedIn = { account, at: performance.now(), every };
    if (changed) readRoots([]);
    if (first || changed) scheduleSnapshot();
  };

  /** What reading knows of the brand, made again only when the page context or the signed-in account changes. */
  let known: {
    from: PageContext;
    account: string | null;
    brand: readonly string[];
    replied: Set<string>;
  } | null = null;
  const readContext = (): ReadContext => {
    const configured = pageContext.brand;
    const account = configured.length === 0 ? (signedIn?.account ?? null) : null;
    if (known?.from !== pageContext || known.account !== account) {
      known = {
        from: pageContext,
        account,
        brand: configured.length > 0 ? configured : account ? [account] : [],
        replied: new Set(pageContext.repliedLocally),
      };
    }
    return {
      brand: known.brand,
      now: new Date(),
      baseUrl: location.href,
      repliedLocally: known.replied,
      pass: {},
    };
  };

  /**
   * The adapter's health check looks over the page; on a long page that is not free, so it runs in idle time,
   * at most every couple of seconds, and a snapshot goes out whenever its answer changes. A snapshot sent while
   * the answer is fresh asks for another look once it is due, so a change is never left unreported.
   */
  let checked: { at: number; empty: boolean; href: string; problems: HealthProblem[] } | null = null;
  let healthIdle: number | null = null;
  let recheckTimer: number | null = null;
  const refreshHealth = (): void => {
    healthIdle = null;
    const now = performance.now();
    const problems = safe(() => adapter.health(doc, url, store.size(), now - loadedAt), []);
    // A user-timing entry, as for reading: the benchmark reports what checking costs the page.
    performance.measure('reciprocity:health', { start: now, end: performance.now() });
    sweepWaiting();
    if (pageContext.brand.length === 0 && (signedIn === null || now - signedIn.at >= signedIn.every)) {
      lookUpSignedIn();
    }
    const before = checked?.href === url.href ? JSON.stringify(checked.problems) : null;
    checked = { at: now, empty: store.size() === 0, href: url.href, problems };
    if (JSON.stringify(problems) !== before) scheduleSnapshot();
  };
  const adapterHealth = (): HealthProblem[] => {
    const now = performance.now();
    const fresh =
      checked !== null &&
      checked.empty === (store.size() === 0) &&
      checked.href === url.href &&
      now - checked.at < HEALTH_EVERY_MS;
    if (!fresh && healthIdle === null) {
      healthIdle = idle(refreshHealth, IDLE_TIMEOUT_MS);
    } else if (fresh && recheckTimer === null) {
      recheckTimer = timer(() => {
        recheckTimer = null;
        scheduleSnapshot();
      }, HEALTH_EVERY_MS);
    }
    return checked?.href === url.href ? [...checked.problems] : [];
  };

  const health = (): SiteHealth => {
    const problems = adapterHealth();
    if (insertProblem) problems.push(insertProblem);
    // Unknown only once the page was looked at for the signed-in account.
    if (pageContext.brand.length === 0 && signedIn !== null && signedIn.account === null) {
      problems.push({ code: 'brand-unknown' });
    }
    const waiting = performance.now() - loadedAt < HEALTH_GRACE_MS && store.size() === 0;
    return {
      status: problems.length > 0 ? 'degraded' : waiting ? 'waiting' : 'ok',
      problems: problems.slice(0, 20),
    };
  };

  // ---------- markers ----------

  const coach = async (itemId: string): Promise<void> => {
    const el = store.elementOf(itemId);
    if (el) await adapter.openReply(el, doc);
    const res = await sendToBackground('coachReply', { itemId }).catch(() => null);
    if (!res || res.panelOpen || !el) return;
    const pop = createPopover(doc, res.suggestions, (text) => {
      void insert(itemId, text);
    });
    adapter.markerHost(el).append(pop);
  };

  /**
   * Markers are made only for items on or near the screen: a long thread can have hundreds of unanswered
   * comments, and putting a marker into each would make the page lay out hundreds of elements nobody sees.
   * An IntersectionObserver says which waiting items are near; a marker, once made, stays while its item waits.
   *
   * Syncing looks only at what changed since the last sync: items whose linked object is new (linking keeps
   * the object of an item that came out the same) and items whose element came near the screen. What was
   * synced is remembered per id, so a long conversation costs a look-up per item, not a look at the page.
   */
  const near = new WeakSet<Element>();
  /** Elements of items waiting for a reply, watched for coming near the screen, and their item ids. */
  const watchedIds = new Map<Element, string>();
  const waiting = new Map<string, Element>();
  /** The linked item each id had when markers were last synced. */
  const synced = new Map<string, ConversationItem>();
  let shown: boolean | null = null;
  let agesAt = 0;
  const watcher = new IntersectionObserver(
    (entries) => {
      const arrived = new Set<string>();
      for (const entry of entries) {
        if (!entry.isIntersecting) {
          near.delete(entry.target);
          continue;
        }
        near.add(entry.target);
        const id = watchedIds.get(entry.target);
        if (id !== undefined) arrived.add(id);
      }
      if (arrived.size > 0 && ctx.isValid) syncMarkers(arrived);
    },
    { rootMargin: MARKER_MARGIN },
  );

  /**
   * Watching starts once the page has laid out what it just added: asking to watch an element of a page that
   * is not laid out yet makes the browser lay it out there and then, inside the coach's slice.
   */
  let toWatch: Element[] = [];
  let watchIdle: number | null = null;
  const watchSoon = (el: Element): void => {
    toWatch.push(el);
    if (watchIdle !== null) return;
    watchIdle = idle(() => {
      watchIdle = null;
      const els = toWatch;
      toWatch = [];
      for (const e of els) if (watchedIds.has(e)) watcher.observe(e);
    }, WATCH_WITHIN_MS);
  };

  const unwatch = (id: string): void => {
    const el = waiting.get(id);
    if (!el) return;
    waiting.delete(id);
    watchedIds.delete(el);
    watcher.unobserve(el);
  };

  const dropMarker = (id: string): void => {
    markers.get(id)?.marker.el.remove();
    markers.delete(id);
  };

  const markerLabel = (item: ConversationItem, now: number): { text: string; intent: string | null } => {
    const label = labels[item.id];
    const parts = [shortAge(item.time, now), label?.complaint ? 'complaint' : (label?.intent ?? '')];
    return { text: parts.filter(Boolean).join(' · '), intent: label?.intent ?? null };
  };

  /** Brings one item's watch and marker in line with whether it waits, where it is, and what it says. */
  const syncItem = (item: ConversationItem, show: boolean, now: number): void => {
    const el = show && needsReply(item) ? store.elementOf(item.id) : null;
    if (waiting.get(item.id) !== el) unwatch(item.id);
    if (!el) {
      dropMarker(item.id);
      return;
    }
    if (!waiting.has(item.id)) {
      waiting.set(item.id, el);
      watchedIds.set(el, item.id);
      watchSoon(el);
    }
    let entry = markers.get(item.id);
    // A marker still in place on the same element stays; only a new or re-rendered element is looked at.
    if (entry && (entry.element !== el || !entry.marker.el.isConnected)) {
      dropMarker(item.id);
      entry = undefined;
    }
    if (!entry) {
      if (!near.has(el)) return;
      const host = safe(() => adapter.markerHost(el), null);
      if (!host) return;
      const marker = createMarker(doc, () => void coach(item.id));
      host.append(marker.el);
      entry = { marker, element: el };
      markers.set(item.id, entry);
    }
    const { text, intent } = markerLabel(item, now);
    entry.marker.update(text, intent);
  };

  /**
   * The list last synced. Linking hands back the same objects, in a list that starts the same, for what did
   * not change, so only the part after the first difference needs a look: a batch of new items at the end of
   * a long thread costs a look at the batch.
   */
  let syncedList: readonly ConversationItem[] = [];

  /** `also`: ids to look at even if their item is unchanged ('all' after the page's markers were toggled). */
  const syncMarkers = (also: ReadonlySet<string> | 'all' = new Set()): void => {
    const now = Date.now();
    const show = pageContext.markers && !layoutBroken;
    const all = also === 'all' || show !== shown;
    shown = show;
    const list = store.all();
    const from = all ? 0 : samePrefix(syncedList, list);
    syncedList = list;
    for (let i = from; i < list.length; i++) {
      const item = list[i] as ConversationItem;
      if (!all && synced.get(item.id) === item && !also.has(item.id)) continue;
      synced.set(item.id, item);
      syncItem(item, show, now);
    }
    // Items asked for by id in the unchanged part were synced as they are, so the map holds them.
    if (!all && from > 0 && also.size > 0) {
      const tail = new Set<string>();
      for (let i = from; i < list.length; i++) tail.add((list[i] as ConversationItem).id);
      for (const id of also) {
        const item = tail.has(id) ? undefined : synced.get(id);
        if (item) syncItem(item, show, now);
      }
    }
    // Markers already on the page show their age as of now; ages move by the minute, so twice a minute will do.
    if (!all && now - agesAt < AGES_EVERY_MS) return;
    agesAt = now;
    for (const [id, entry] of markers) {
      const item = synced.get(id);
      if (!item) {
        dropMarker(id);
        unwatch(id);
        continue;
      }
      const { text, intent } = markerLabel(item, now);
      entry.marker.update(text, intent);
    }
  };

  /**
   * Items whose element left the page (a recycled cell, a collapsed thread) are let go, so the page's old
   * elements are not kept alive by the watch; an item shown again is read again and watched anew. Runs in idle
   * time, with the health check.
   */
  const sweepWaiting = (): void => {
    for (const [id, el] of waiting) {
      if (el.isConnected) continue;
      unwatch(id);
      dropMarker(id);
      synced.delete(id);
    }
    // Items the store let go of (the oldest, past its limit) are forgotten here too.
    if (synced.size > store.size() + 500) {
      const known = new Set(store.all().map((i) => i.id));
      for (const id of synced.keys()) if (!known.has(id)) synced.delete(id);
    }
  };

  /** Everything the page showed is forgotten: navigation, or the extension going away. */
  const releaseMarkers = (): void => {
    for (const { marker } of markers.values()) marker.el.remove();
    markers.clear();
    watcher.disconnect();
    toWatch = [];
    watchedIds.clear();
    waiting.clear();
    synced.clear();
    syncedList = [];
  };

  // ---------- snapshots ----------

  const sendSnapshot = async (): Promise<void> => {
    snapshotTimer = null;
    lastSnapshotAt = performance.now();
    const pageHealth = health();
    const broken = pageHealth.problems.some((p) => p.code === 'selector-missing');
    if (broken !== layoutBroken) {
      layoutBroken = broken;
      syncMarkers('all');
    }
    const items = store.all().slice(-5000);
    const base = {
      site: adapter.site,
      url: location.href,
      pageKind: adapter.pageKind(url),
      brand: [...readContext().brand],
      health: pageHealth,
      updatedAt: Date.now(),
    };
    type Sent = { labels: Record<string, ItemLabel>; whole: boolean } | null;
    const whole = (): Promise<Sent> =>
      sendToBackground('snapshot', { ...base, items, draft: null } satisfies TabSnapshot)
        .then((r) => ({ labels: r.labels, whole: true }))
        .catch(() => null);
    const sending: Promise<Sent> = sender.canPatch()
      ? sendToBackground('snapshotPatch', {
          ...base,
          upsert: sender.changed(items),
          order: items.map((i) => i.id),
        })
          .then((r) => (r.applied ? { labels: r.labels, whole: false } : whole()))
          .catch(() => whole())
      : whole();
    // Checking health, building the snapshot and handing it to the browser all happen on the page's thread.
    performance.measure('reciprocity:snapshot', {
      start: lastSnapshotAt,
      end: performance.now(),
      detail: { items: items.length },
    });
    const res = await sending;
    if (!res) {
      // Nothing confirmed: the next snapshot goes whole.
      sender.reset();
      return;
    }
    sender.confirm(items);
    if (!ctx.isValid) return;
    labels = res.whole ? res.labels : { ...labels, ...res.labels };
    syncMarkers(res.whole ? 'all' : new Set(Object.keys(res.labels)));
  };

  const scheduleSnapshot = (): void => {
    if (snapshotTimer !== null) return;
    const wait = Math.max(0, SNAPSHOT_THROTTLE_MS - (performance.now() - lastSnapshotAt));
    snapshotTimer = timer(() => void sendSnapshot(), wait);
  };

  // ---------- scanning ----------

  /**
   * Roots waiting to be read. What is on screen (and what the page just added) is read at once, in slices so
   * the site's main thread is never held for long; the rest of a long page is read when the page is idle.
   */
  let urgent: ParentNode[] = [];
  let later: ParentNode[] = [];
  let sliceTimer: number | null = null;
  let idleHandle: number | null = null;
  let lastRelinkAt = Number.NEGATIVE_INFINITY;
  let relinkWanted = false;

  /**
   * A user-timing entry for one stretch of reading work since `start`: the benchmark reads these to measure
   * the coach's cost in a real page. `found` items were read, `background` of them off screen in idle time,
   * and `linkMs` of the time went into linking and markers.
   */
  const measureRead = (start: number, { found = 0, background = 0, linkMs = 0 } = {}): void => {
    performance.measure('reciprocity:read', {
      start,
      end: performance.now(),
      detail: { found, pending: urgent.length + later.length, background, linkMs },
    });
  };

  /** `since`: when the work this slice finishes began (sorting out a batch of changes), if before it. */
  const readSlice = (deadline?: IdleDeadline, since?: number): void => {
    const t0 = since ?? performance.now();
    const rc = readContext();
    const found: ReturnType<SiteAdapter['readItems']> = [];
    // What roots that already left the page held: a cell recycled before it was read.
    const gone: ReturnType<SiteAdapter['readItems']> = [];
    let background = 0;
    let taken = 0;
    const hasTime = (): boolean =>
      // The clock is asked every few roots: asking costs about as much as reading a small root does.
      taken++ % CLOCK_EVERY !== 0 ||
      (performance.now() - t0 < SLICE_MS &&
        // A page that is never idle still gets read: when the wait times out, a normal slice is taken.
        (deadline === undefined || deadline.didTimeout || deadline.timeRemaining() > 1));
    while (hasTime()) {
      let root = urgent.shift();
      if (!root && deadline !== undefined) {
        root = later.shift();
        if (root) background++;
      }
      if (!root) break;
      const into = (root as Node).isConnected ? found : gone;
      for (const f of safe(() => adapter.readItems(root, rc), [])) into.push(f);
    }
    if (gone.length > 0) {
      // Read out of the page, an item misses what around it tells (the tweet above, the comment it replies
      // under): it is kept only when nothing better is known of it.
      const seen = new Set(found.map((f) => f.item.id));
      for (const f of gone) {
        if (seen.has(f.item.id) || store.has(f.item.id)) continue;
        seen.add(f.item.id);
        found.push(f);
      }
    }
    const changed = store.merge(found);
    if (changed.size > 0 || found.length > 0) relinkWanted = true;
    // Linking looks at the whole conversation: do it once what is on screen is read, and while a long page is
    // read in the background, a few times a second rather than after every slice.
    const now = performance.now();
    let linkMs = 0;
    if (
      relinkWanted &&
      urgent.length === 0 &&
      (later.length === 0 || now - lastRelinkAt >= RELINK_EVERY_MS)
    ) {
      relinkWanted = false;
      lastRelinkAt = now;
      const linkStart = performance.now();
      const before = awaitingPost ? new Set(store.all().map((i) => i.id)) : null;
      const linked = store.relink(rc, url);
      if (before) detectPosted(linked.filter((i) => !before.has(i.id)));
      scheduleSnapshot();
      syncMarkers();
      linkMs = performance.now() - linkStart;
    }
    measureRead(t0, { found: found.length, background, linkMs });
    scheduleReading();
  };

  const scheduleReading = (): void => {
    // A link still owed while the background reads is settled by the next idle slice, not by spinning here.
    if (urgent.length > 0 || (relinkWanted && later.length === 0)) {
      // Each waiting callback clears its own handle: a slice run for another reason (a batch of changes) leaves
      // it waiting, and one of each kind is ever scheduled.
      sliceTimer ??= timer(() => {
        sliceTimer = null;
        readSlice();
      }, 0);
    } else if (later.length > 0 && idleHandle === null) {
      idleHandle = idle((deadline) => {
        idleHandle = null;
        readSlice(deadline);
      }, IDLE_TIMEOUT_MS);
    }
  };

  const readRoots = (roots: readonly ParentNode[], { onScreenFirst = false } = {}): void => {
    const { near, rest } = onScreenFirst ? splitByViewport(roots) : { near: roots, rest: [] };
    for (const r of near) urgent.push(r);
    for (const r of rest) later.push(r);
    relinkWanted = true;
    scheduleReading();
  };

  /**
   * The whole page, split into its top-level items so it can be read in slices. A page whose items are not
   * marked as articles is read as one root.
   */
  const pageRoots = (): ParentNode[] => {
    const roots: Element[] = [];
    const all = doc.querySelectorAll(adapter.itemSelector);
    // Document order puts an item nested in another (a reply in its comment) right after its outer item.
    let outer = null as Element | null;
    let holdsItems = false;
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      if (outer?.contains(el)) {
        // The first nested match shows the outer one holds others: a holder that is no item itself (a post
        // around its comments) gives way to what it holds, so a long thread is still read in parts.
        if (holdsItems || !adapter.isItem || adapter.isItem(outer)) {
          holdsItems = true;
          continue;
        }
        roots.pop();
      }
      roots.push(el);
      outer = el;
      holdsItems = false;
    }
    return roots.length > 0 ? roots : [doc];
  };

  /**
   * A batch of changes: what it added is read there and then, in the same slice and the same task, as the page
   * just drew it (a slice already waiting is taken over). Sorting out what changed is part of reading it.
   */
  const flush = (): void => {
    batchTimer = null;
    const t0 = performance.now();
    const records = pending;
    pending = [];
    const roots = rootsToRead(records, adapter.itemSelector, adapter.isItem);
    if (roots.length === 0) {
      measureRead(t0);
      return;
    }
    for (const r of roots) urgent.push(r);
    relinkWanted = true;
    if (sliceTimer !== null) {
      clearTimeout(sliceTimer);
      sliceTimer = null;
    }
    readSlice(undefined, t0);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) pending.push(r);
    if (batchTimer === null) batchTimer = timer(flush, BATCH_MS);
  });

  const fullScan = (): void => {
    store.clear();
    signedIn = null;
    if (pageContext.brand.length === 0) idle(lookUpSignedIn, IDLE_TIMEOUT_MS);
    sender.reset();
    labels = {};
    releaseMarkers();
    urgent = [];
    later = [];
    const t0 = performance.now();
    readRoots(pageRoots(), { onScreenFirst: true });
    // Finding the page's items and what is on screen is part of the first read.
    measureRead(t0);
    scheduleSnapshot();
  };

  // ---------- posted replies ----------

  const detectPosted = (fresh: readonly { id: string; isBrand: boolean; text: string }[]): void => {
    if (!awaitingPost) return;
    if (Date.now() > awaitingPost.until) {
      awaitingPost = null;
      return;
    }
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const wanted = norm(awaitingPost.text);
    const posted = fresh.find(
      (i) => i.isBrand && wanted.length > 0 && norm(i.text).includes(wanted.slice(0, 200)),
    );
    if (!posted) return;
    const { replyTo, text } = awaitingPost;
    awaitingPost = null;
    void sendToBackground('replyPosted', { site: adapter.site, itemId: replyTo, text }).then(async () => {
      pageContext = await sendToBackground('pageContext', { site: adapter.site }).catch(() => pageContext);
      // Re-link what is known: the item just answered from this browser is no longer waiting.
      readRoots([]);
    });
  };

  /** Remember what is being submitted; the reply counts as posted only when it shows up in the thread. */
  const noteSubmit = (composer: HTMLElement): void => {
    const text = safe(() => adapter.readComposer(composer), '');
    if (!text.trim()) return;
    awaitingPost = {
      replyTo: safe(() => adapter.composerReplyTo(composer, doc), null),
      text,
      until: Date.now() + 60_000,
    };
  };

  // ---------- the coach chip ----------

  let chip: Chip | null = null;
  let chipComposer: HTMLElement | null = null;
  let draftTimer: number | null = null;

  const attachChip = (composer: HTMLElement): void => {
    if (chipComposer === composer && chip?.el.isConnected) return;
    chip?.el.remove();
    chip = createChip(doc);
    chipComposer = composer;
    const anchor = composer.closest('form') ?? composer.parentElement?.parentElement ?? composer;
    anchor.after(chip.el);
    chip.update(null);
  };

  const sendDraft = async (): Promise<void> => {
    draftTimer = null;
    const composer = chipComposer;
    if (!composer?.isConnected) return;
    const text = safe(() => adapter.readComposer(composer), '');
    const draft = {
      site: adapter.site,
      replyToId: safe(() => adapter.composerReplyTo(composer, doc), null),
      text,
    };
    const report: DraftReport | null = await sendToBackground('draft', text.trim() ? draft : null).catch(
      () => null,
    );
    if (ctx.isValid && chipComposer === composer) chip?.update(report);
  };

  const onTyping = (): void => {
    // Typing itself does nothing but restart a timer: the draft is read and checked once the user pauses.
    if (draftTimer !== null) clearTimeout(draftTimer);
    draftTimer = timer(() => void sendDraft(), DRAFT_DEBOUNCE_MS);
  };

  ctx.addEventListener(doc, 'focusin', () => {
    const composer = safe(() => adapter.activeComposer(doc), null);
    if (composer) {
      attachChip(composer);
      onTyping();
    }
  });
  ctx.addEventListener(doc, 'input', (e: Event) => {
    if (chipComposer && e.target instanceof Node && chipComposer.contains(e.target)) onTyping();
  });
  ctx.addEventListener(
    doc,
    'click',
    (e: Event) => {
      const composer = chipComposer;
      if (!composer || !(e.target instanceof Element)) return;
      const submit = safe(() => adapter.submitButton(composer, doc), null);
      if (submit?.contains(e.target)) noteSubmit(composer);
    },
    { capture: true },
  );
  ctx.addEventListener(
    doc,
    'keydown',
    (e: KeyboardEvent) => {
      const composer = chipComposer;
      if (!composer || !(e.target instanceof Node) || !composer.contains(e.target)) return;
      // Facebook posts a comment on Enter; X on Ctrl/Cmd+Enter.
      if (e.key === 'Enter' && (adapter.site === 'facebook' ? !e.shiftKey : e.ctrlKey || e.metaKey))
        noteSubmit(composer);
    },
    { capture: true },
  );

  // ---------- insertion ----------

  const composerFor = async (itemId: string | null): Promise<HTMLElement | null> => {
    const active = safe(() => adapter.activeComposer(doc), null);
    if (active && (itemId === null || safe(() => adapter.composerReplyTo(active, doc), null) === itemId))
      return active;
    if (itemId === null) return active;
    const el = store.elementOf(itemId);
    if (!el) return null;
    return adapter.openReply(el, doc);
  };

  const insert = async (itemId: string | null, text: string): Promise<InsertResult> => {
    const composer = await composerFor(itemId);
    if (!composer) {
      return {
        ok: false,
        strategy: null,
        message: 'Could not open the reply box for this item. Copy the reply instead.',
      };
    }
    attachChip(composer);
    const result = await requestInsert(composer, text);
    const submit = safe(() => adapter.submitButton(composer, doc), null);
    const enabled =
      submit !== null && !submit.hasAttribute('disabled') && submit.getAttribute('aria-disabled') !== 'true';
    onTyping();
    if (result.ok && enabled) {
      insertProblem = null;
      return { ok: true, strategy: result.strategy, message: 'Inserted. Review it, then post it yourself.' };
    }
    insertProblem = {
      code: 'insert-failed',
      detail: result.error?.slice(0, 200) ?? result.strategy ?? 'unknown',
    };
    scheduleSnapshot();
    if (result.changedWrongly) {
      return {
        ok: false,
        strategy: result.strategy,
        message: 'The reply box changed unexpectedly; check its text before posting.',
      };
    }
    return {
      ok: false,
      strategy: 'clipboard',
      message: result.ok
        ? 'Inserted, but the site has not enabled its Reply button. Check the reply box.'
        : 'The reply box did not accept the text. It was copied: paste it with Ctrl+V.',
    };
  };

  serveTab(
    {
      insert: (d) => insert(d.itemId, d.text),
      reveal: async (d) => {
        const el = store.elementOf(d.itemId);
        if (!el) return { found: false };
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        // It is about to be on screen: its marker is made now rather than when the scroll gets there.
        near.add(el);
        syncMarkers(new Set([d.itemId]));
        markers.get(d.itemId)?.marker.flash();
        return { found: true };
      },
    },
    browser.runtime.id,
  );

  // ---------- lifecycle ----------

  const start = async (): Promise<void> => {
    pageContext = await sendToBackground('pageContext', { site: adapter.site }).catch(() => pageContext);
    if (!ctx.isValid) return;
    fullScan();
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    // Health needs time: a page with no items yet may simply still be loading.
    timer(() => scheduleSnapshot(), HEALTH_GRACE_MS + 100);
  };

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // The Navigation API reports the new address before location.href changes: take it from the event.
    url = new URL(event.newUrl.href);
    awaitingPost = null;
    fullScan();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    releaseMarkers();
    urgent = [];
    later = [];
    chip?.el.remove();
    store.clear();
  });
  void start();
}

/**
 * Splits a long page's top-level items, which are in visual order, into those on or near the screen and the
 * rest (those below first, then those above: people scroll down). The split point is found by bisection, so
 * only a handful of items are measured.
 */
function splitByViewport(roots: readonly ParentNode[]): { near: ParentNode[]; rest: ParentNode[] } {
  if (roots.length <= READ_AT_ONCE || !roots.every((r) => 'getBoundingClientRect' in r)) {
    return { near: [...roots], rest: [] };
  }
  const els = roots as readonly Element[];
  const height = window.innerHeight || 800;
  // On screen, plus half a screen below where the reader is heading.
  const top = 0;
  const bottom = height * 1.5;
  /** The first index whose item satisfies `past`, assuming it holds for a suffix of the list. */
  const bisect = (past: (rect: DOMRect) => boolean): number => {
    let lo = 0;
    let hi = els.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const el = els[mid];
      if (el && past(el.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const first = bisect((r) => r.bottom >= top);
  const end = Math.max(
    first + 1,
    bisect((r) => r.top > bottom),
  );
  return { near: els.slice(first, end), rest: [...els.slice(end), ...els.slice(0, first)] };
}

/** Adapters must not throw into the page; if one does anyway, the coach degrades instead of breaking the site. */
function safe<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
