import { storage } from 'wxt/utils/storage';
import * as z from 'zod';
import type { ReplyHistoryEntry } from '../analysis/types';
import { normalizedEditDistance } from '../stats/edit-distance';
import {
  bucketMigrations,
  bucketSchema,
  type HandledEntry,
  handledEntrySchema,
  LEDGER_BUCKET_VERSION,
  type LedgerEntry,
  MAX_REPLY_TEXT,
  type PackedEntry,
  packEntry,
  type ReplyEntry,
  replyEntrySchema,
  type SeenEntry,
  seenEntrySchema,
  unpackEntry,
} from '../stats/entries';
import { DEFAULT_RETENTION_DAYS, entryTime, planPrune, pruneEntries, retentionCutoff } from '../stats/prune';
import { DAY_MS, utcDayKey } from '../stats/time';
import { defineStoredValue, type StoredValue } from './define';

/**
 * The local ledger: what this browser saw, replied to and marked handled. It is the only record the reports,
 * the duplicate-reply check and suggestion rotation read, and it never leaves the browser unless the user
 * exports it. No comment text is kept; the posted reply text is, since the duplicate check compares with it.
 *
 * Layout, chosen for ~50k entries inside storage.local's quota:
 * - one storage value per UTC day (`local:ledger.day.YYYY-MM-DD`), so recording rewrites only today's bucket
 *   and pruning removes whole days without rewriting them;
 * - entries packed as tuples, which takes roughly half the bytes of objects with repeated field names;
 * - an index of the days present (`local:ledger.days`), so reading a period never lists the whole storage.
 * Writers must live in one context (the background): the read-modify-write of a bucket is serialised inside a
 * store, not across contexts. The entry schemas live in `lib/stats/entries.ts` and are re-exported here.
 */

export {
  bucketMigrations,
  type HandledEntry,
  handledEntrySchema,
  LEDGER_BUCKET_VERSION,
  type LedgerEntry,
  ledgerEntrySchema,
  MAX_REPLY_TEXT,
  migrateBucketV1toV2,
  packEntry,
  type ReplyEntry,
  replyEntrySchema,
  type SeenEntry,
  seenEntrySchema,
  unpackEntry,
} from '../stats/entries';

const BUCKET_PREFIX = 'local:ledger.day.';
type BucketKey = `local:ledger.day.${string}`;

function bucketKey(day: string): BucketKey {
  return `${BUCKET_PREFIX}${day}`;
}

/**
 * A fresh definition per use, never a cached one: WXT stamps a value's version only on the first write
 * through a definition, so a long-lived definition would write an unversioned bucket after pruning removed
 * it, and the next start would migrate current data as if it were version 1.
 */
function bucketItem(day: string): StoredValue<PackedEntry[]> {
  return defineStoredValue(bucketKey(day), bucketSchema, {
    fallback: [],
    version: LEDGER_BUCKET_VERSION,
    migrations: bucketMigrations,
  });
}

const dayListSchema = z
  .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
  .transform((days) => [...new Set(days)].sort());

/** The days that have a bucket, oldest first. */
export const ledgerDays = defineStoredValue('local:ledger.days', dayListSchema, { fallback: [] });

/** How many days the ledger keeps (a setting; the default is 90). */
export const ledgerRetentionDays = defineStoredValue(
  'local:settings.ledgerRetentionDays',
  z.number().int().min(1).max(3650),
  { fallback: DEFAULT_RETENTION_DAYS },
);

// ---------- the store ----------

/** One item as the background saw it in a page snapshot. */
export interface SeenInput {
  platform: SeenEntry['platform'];
  itemId: string;
  intent: SeenEntry['intent'];
  /** The comment's own time, null when unknown. */
  addressedAt: number | null;
}

/**
 * A posted reply as the background knows it. Give either the edit distance or the suggestion that was
 * inserted (the distance is then measured here against the full text, before it is cut to `MAX_REPLY_TEXT`).
 */
export type ReplyInput = Omit<ReplyEntry, 'kind' | 'editDistance' | 'variant'> & {
  editDistance?: number | null;
  variant?: number | null;
  /** The suggestion inserted before the person edited it; null or absent when written from scratch. */
  suggestedText?: string | null;
};

export interface HandledInput {
  platform: HandledEntry['platform'];
  itemId: string;
  intent: HandledEntry['intent'];
  /** When it was marked; the `now` argument is used when absent. */
  at?: number;
}

/** Instants may be given as dates or epoch milliseconds. */
export type Instant = Date | number;
const toMs = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime());

export interface LedgerRange {
  /** Inclusive. */
  from?: Instant;
  /** Exclusive. */
  to?: Instant;
}

export interface LedgerStore {
  /** Records the items not recorded before (by platform and id); returns how many were new. */
  recordSeen(items: readonly SeenInput[], now: Instant): Promise<number>;
  /** Records a posted reply; the text is cut to `MAX_REPLY_TEXT`. */
  recordReply(entry: ReplyInput): Promise<ReplyEntry>;
  /** Records that an item was marked handled; false when it already was. */
  recordHandled(item: HandledInput, now?: Instant): Promise<boolean>;
  /** Entries in time order, optionally only those in a range. */
  readLedger(range?: LedgerRange): Promise<LedgerEntry[]>;
  /** Removes entries older than the retention (the stored setting when not given); returns how many went. */
  pruneLedger(now: Instant, retentionDays?: number): Promise<number>;
  deleteAllLedgerData(): Promise<void>;
  /** Replies posted in the last `days` days, newest first. */
  replyHistory(now: Instant, days?: number): Promise<ReplyHistoryEntry[]>;
}

const identity = (platform: string, itemId: string): string => `${platform}\u0000${itemId}`;

export function createLedgerStore(): LedgerStore {
  // Writes queue behind each other: two snapshots arriving together would otherwise both read today's bucket
  // and the second write would drop the first one's entries.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  // Which items were already seen or handled, loaded once from storage and kept in step with every write, so
  // a snapshot does not read 90 buckets to decide what is new. `days` is the day index it was built against:
  // if the index changes behind the store's back (storage cleared by hand, another build), it is built again.
  interface Known {
    seen: Set<string>;
    handled: Set<string>;
    days: string;
  }
  let known: Known | null = null;
  const signature = (days: readonly string[]): string => [...new Set(days)].sort().join(',');

  const readDays = async (days: readonly string[]): Promise<LedgerEntry[]> => {
    const buckets = await Promise.all(days.map((day) => bucketItem(day).get()));
    return buckets.flatMap((bucket) => bucket.map(unpackEntry));
  };

  const loadKnown = async (): Promise<Known> => {
    const days = await ledgerDays.get();
    if (known && known.days === signature(days)) return known;
    const entries = await readDays(days);
    const next: Known = { seen: new Set<string>(), handled: new Set<string>(), days: signature(days) };
    for (const entry of entries) {
      if (entry.kind === 'seen') next.seen.add(identity(entry.platform, entry.itemId));
      if (entry.kind === 'handled') next.handled.add(identity(entry.platform, entry.itemId));
    }
    known = next;
    return next;
  };

  const prune = async (now: number, retentionDays: number): Promise<number> => {
    const days = await ledgerDays.get();
    const cutoff = retentionCutoff(now, retentionDays);
    const plan = planPrune(days, cutoff);
    let removed = 0;
    // Dropped days are read only to count them; pruning runs once a day, so the count is worth the read.
    for (const day of plan.drop) removed += (await bucketItem(day).get()).length;
    const emptied: string[] = [];
    for (const day of plan.trim) {
      const item = bucketItem(day);
      const entries = (await item.get()).map(unpackEntry);
      const kept = pruneEntries(entries, cutoff);
      removed += entries.length - kept.length;
      if (kept.length === 0) emptied.push(day);
      else if (kept.length < entries.length) await item.set(kept.map(packEntry));
    }
    const gone = [...plan.drop, ...emptied];
    if (gone.length === 0 && removed === 0) return 0;
    await storage.removeItems(gone.map((day) => ({ key: bucketKey(day), options: { removeMeta: true } })));
    const goneSet = new Set(gone);
    await ledgerDays.set(days.filter((day) => !goneSet.has(day)));
    known = null;
    return removed;
  };

  /** Appends to each entry's day. The first write of a new day also prunes: retention needs no timer. */
  const append = async (entries: readonly LedgerEntry[], now: number): Promise<void> => {
    if (entries.length === 0) return;
    const byDay = new Map<string, PackedEntry[]>();
    for (const entry of entries) {
      const day = utcDayKey(entryTime(entry));
      const list = byDay.get(day) ?? [];
      list.push(packEntry(entry));
      byDay.set(day, list);
    }
    // The index is written before the buckets: an interruption in between then leaves a listed day with no
    // bucket (read as empty) rather than a bucket nobody can find, read or delete.
    const days = await ledgerDays.get();
    const added = [...byDay.keys()].filter((day) => !days.includes(day));
    if (added.length > 0) {
      await ledgerDays.set([...days, ...added]);
      if (known)
        known = known.days === signature(days) ? { ...known, days: signature([...days, ...added]) } : null;
    }
    for (const [day, packed] of byDay) await bucketItem(day).update((current) => [...current, ...packed]);
    if (added.length > 0) await prune(now, await ledgerRetentionDays.get());
  };

  return {
    recordSeen: (items, now) =>
      serial(async () => {
        const state = await loadKnown();
        const fresh: SeenEntry[] = [];
        for (const item of items) {
          const key = identity(item.platform, item.itemId);
          if (state.seen.has(key)) continue;
          // One odd item (an id too long, say) is skipped alone rather than costing the whole snapshot.
          const parsed = seenEntrySchema.safeParse({ kind: 'seen', ...item, seenAt: toMs(now) });
          if (!parsed.success) continue;
          state.seen.add(key);
          fresh.push(parsed.data);
        }
        await append(fresh, toMs(now));
        return fresh.length;
      }),

    recordReply: ({ suggestedText, ...input }) =>
      serial(async () => {
        const measured =
          suggestedText === undefined || suggestedText === null
            ? null
            : normalizedEditDistance(suggestedText, input.text);
        const entry = replyEntrySchema.parse({
          ...input,
          kind: 'reply',
          variant: input.variant ?? null,
          editDistance: input.editDistance ?? measured,
          text: input.text.slice(0, MAX_REPLY_TEXT),
        });
        await append([entry], entry.postedAt);
        return entry;
      }),

    recordHandled: (item, now) =>
      serial(async () => {
        const at = item.at ?? (now === undefined ? undefined : toMs(now));
        if (at === undefined) throw new Error('recordHandled needs the time the item was marked');
        const state = await loadKnown();
        const key = identity(item.platform, item.itemId);
        if (state.handled.has(key)) return false;
        const entry = handledEntrySchema.parse({ kind: 'handled', ...item, at });
        state.handled.add(key);
        await append([entry], at);
        return true;
      }),

    readLedger: async (range = {}) => {
      const from = range.from === undefined ? Number.NEGATIVE_INFINITY : toMs(range.from);
      const to = range.to === undefined ? Number.POSITIVE_INFINITY : toMs(range.to);
      const fromDay = Number.isFinite(from) ? utcDayKey(from) : '';
      const toDay = Number.isFinite(to) ? utcDayKey(to) : '\uffff';
      const days = (await ledgerDays.get()).filter((day) => day >= fromDay && day <= toDay);
      return (await readDays(days))
        .filter((entry) => {
          const at = entryTime(entry);
          return at >= from && at < to;
        })
        .sort((a, b) => entryTime(a) - entryTime(b));
    },

    pruneLedger: (now, retentionDays) =>
      serial(async () => prune(toMs(now), retentionDays ?? (await ledgerRetentionDays.get()))),

    deleteAllLedgerData: () =>
      serial(async () => {
        // Every ledger key in storage, not only the indexed days: deleting must leave nothing behind.
        const stored = Object.keys(await storage.snapshot('local'));
        const keys = stored.filter((key) => key.startsWith('ledger.')).map((key) => `local:${key}` as const);
        await storage.removeItems(keys);
        known = { seen: new Set(), handled: new Set(), days: signature([]) };
      }),

    replyHistory: async (now, days = 7) => {
      const to = toMs(now);
      const from = to - days * DAY_MS;
      const fromDay = utcDayKey(from);
      const toDay = utcDayKey(to);
      const inRange = (await ledgerDays.get()).filter((day) => day >= fromDay && day <= toDay);
      const history: ReplyHistoryEntry[] = [];
      for (const entry of await readDays(inRange)) {
        if (entry.kind !== 'reply' || entry.postedAt < from || entry.postedAt > to) continue;
        const item: ReplyHistoryEntry = { text: entry.text, at: entry.postedAt };
        if (entry.responseId !== null) item.responseId = entry.responseId;
        if (entry.variant !== null) item.variant = entry.variant;
        if (entry.itemId !== null) item.itemId = entry.itemId;
        history.push(item);
      }
      return history.sort((a, b) => b.at - a.at);
    },
  };
}

/** The background's ledger. Other contexts may read it but should ask the background to write. */
const defaultStore = createLedgerStore();

export const recordSeen = defaultStore.recordSeen;
export const recordReply = defaultStore.recordReply;
export const recordHandled = defaultStore.recordHandled;
export const readLedger = defaultStore.readLedger;
export const pruneLedger = defaultStore.pruneLedger;
export const deleteAllLedgerData = defaultStore.deleteAllLedgerData;
export const replyHistory = defaultStore.replyHistory;
