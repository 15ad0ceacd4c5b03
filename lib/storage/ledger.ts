import { storage } from 'wxt/utils/storage';
import * as z from 'zod';
import { intentSchema } from '../playbook/schema';
import { SITES } from '../sites/model';
import { DEFAULT_RETENTION_DAYS, entryTime, planPrune, pruneEntries, retentionCutoff } from '../stats/prune';
import { DAY_MS, utcDayKey } from '../stats/time';
import { defineStoredValue, type StoredValue } from './define';

/**
 * The local ledger: what this browser saw, replied to and marked handled. It is the only record the reports,
 * the duplicate-reply check and suggestion rotation read, and it never leaves the browser unless the user
 * exports it. No comment text is kept; the posted reply text is, because the duplicate check compares against it.
 *
 * Layout, chosen for ~50k entries inside storage.local's quota:
 * - one storage value per UTC day (`local:ledger.day.YYYY-MM-DD`), so recording rewrites only today's bucket
 *   and pruning drops whole days without reading them;
 * - entries packed as tuples, which takes roughly half the bytes of objects with repeated field names;
 * - an index of the days present (`local:ledger.days`), so reading a period never lists the whole storage.
 * Writers must live in one context (the background): the read-modify-write of a bucket is serialised inside a
 * store, not across contexts.
 */

const platformSchema = z.enum(SITES);
const itemIdSchema = z.string().min(1).max(100);
const timeSchema = z.number().int().nonnegative();
const responseIdSchema = z.string().min(1).max(100);

/** The longest reply text kept: enough for the duplicate check, bounded so one paste cannot fill the quota. */
export const MAX_REPLY_TEXT = 5000;

export const seenEntrySchema = z.object({
  kind: z.literal('seen'),
  platform: platformSchema,
  itemId: itemIdSchema,
  intent: intentSchema,
  /** When the comment was written (the page's time), null when the page showed none. */
  addressedAt: timeSchema.nullable(),
  seenAt: timeSchema,
});

export const replyEntrySchema = z.object({
  kind: z.literal('reply'),
  platform: platformSchema,
  /** The item replied to; null when the composer did not say which item it answered. */
  itemId: itemIdSchema.nullable(),
  intent: intentSchema.nullable(),
  /** The playbook response the text came from; null for a reply written from scratch. */
  responseId: responseIdSchema.nullable(),
  variant: z.number().int().min(0).max(1000).nullable(),
  /** 0 = posted as suggested, 1 = nothing in common; null when there was no suggestion. */
  editDistance: z.number().min(0).max(1).nullable(),
  promoScore: z.number().min(0).max(1),
  /** Above the playbook's promotion threshold when posted. */
  promotional: z.boolean(),
  offerIds: z.array(z.string().min(1).max(80)).max(20),
  /** When the comment replied to was written, when known. */
  commentAt: timeSchema.nullable(),
  postedAt: timeSchema,
  text: z.string().max(MAX_REPLY_TEXT),
});

export const handledEntrySchema = z.object({
  kind: z.literal('handled'),
  platform: platformSchema,
  itemId: itemIdSchema,
  intent: intentSchema.nullable(),
  at: timeSchema,
});

export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  seenEntrySchema,
  replyEntrySchema,
  handledEntrySchema,
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type SeenEntry = z.infer<typeof seenEntrySchema>;
export type ReplyEntry = z.infer<typeof replyEntrySchema>;
export type HandledEntry = z.infer<typeof handledEntrySchema>;

// ---------- stored format ----------

const nullableTime = timeSchema.nullable();
const packedSeenSchema = z.tuple([
  z.literal('s'),
  platformSchema,
  itemIdSchema,
  intentSchema,
  nullableTime,
  timeSchema,
]);
const packedReplySchema = z.tuple([
  z.literal('r'),
  platformSchema,
  itemIdSchema.nullable(),
  intentSchema.nullable(),
  responseIdSchema.nullable(),
  z.number().int().min(0).max(1000).nullable(),
  z.number().min(0).max(1).nullable(),
  z.number().min(0).max(1),
  z.boolean(),
  z.array(z.string().min(1).max(80)).max(20),
  nullableTime,
  timeSchema,
  z.string().max(MAX_REPLY_TEXT),
]);
const packedHandledSchema = z.tuple([
  z.literal('h'),
  platformSchema,
  itemIdSchema,
  intentSchema.nullable(),
  timeSchema,
]);
const packedEntrySchema = z.union([packedSeenSchema, packedReplySchema, packedHandledSchema]);
type PackedEntry = z.infer<typeof packedEntrySchema>;

/**
 * A day's bucket. Entries that do not parse are dropped one by one rather than failing the whole bucket, so a
 * single damaged entry never costs the rest of the day.
 */
const bucketSchema = z.array(z.unknown()).transform((raw): PackedEntry[] =>
  raw.flatMap((value) => {
    const parsed = packedEntrySchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  }),
);

export function packEntry(entry: LedgerEntry): PackedEntry {
  switch (entry.kind) {
    case 'seen':
      return ['s', entry.platform, entry.itemId, entry.intent, entry.addressedAt, entry.seenAt];
    case 'reply':
      return [
        'r',
        entry.platform,
        entry.itemId,
        entry.intent,
        entry.responseId,
        entry.variant,
        entry.editDistance,
        entry.promoScore,
        entry.promotional,
        entry.offerIds,
        entry.commentAt,
        entry.postedAt,
        entry.text,
      ];
    case 'handled':
      return ['h', entry.platform, entry.itemId, entry.intent, entry.at];
  }
}

export function unpackEntry(packed: PackedEntry): LedgerEntry {
  switch (packed[0]) {
    case 's': {
      const [, platform, itemId, intent, addressedAt, seenAt] = packed;
      return { kind: 'seen', platform, itemId, intent, addressedAt, seenAt };
    }
    case 'r': {
      const [, platform, itemId, intent, responseId, variant, editDistance, promoScore, promotional] = packed;
      const [, , , , , , , , , offerIds, commentAt, postedAt, text] = packed;
      return {
        kind: 'reply',
        platform,
        itemId,
        intent,
        responseId,
        variant,
        editDistance,
        promoScore,
        promotional,
        offerIds,
        commentAt,
        postedAt,
        text,
      };
    }
    case 'h': {
      const [, platform, itemId, intent, at] = packed;
      return { kind: 'handled', platform, itemId, intent, at };
    }
  }
}

/** The bucket format's version; see `bucketMigrations`. */
export const LEDGER_BUCKET_VERSION = 2;

/**
 * v1 → v2: version 1 kept each entry as an object shaped like `ledgerEntrySchema`; version 2 packs them as
 * tuples. Entries already packed are kept, so running the step twice is harmless.
 */
export function migrateBucketV1toV2(old: unknown): unknown[] {
  if (!Array.isArray(old)) return [];
  return old.flatMap((value: unknown) => {
    if (Array.isArray(value)) return [value];
    const parsed = ledgerEntrySchema.safeParse(value);
    return parsed.success ? [packEntry(parsed.data)] : [];
  });
}

export const bucketMigrations = { 2: migrateBucketV1toV2 };

const BUCKET_PREFIX = 'local:ledger.day.';
type BucketKey = `local:ledger.day.${string}`;

function bucketKey(day: string): BucketKey {
  return `${BUCKET_PREFIX}${day}`;
}

/**
 * A fresh definition per use, never a cached one: WXT stamps a value's version only on the first write through
 * a definition, so a long-lived definition would write an unversioned bucket after pruning removed it, and the
 * next start would migrate current data as if it were version 1.
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

export type ReplyInput = Omit<ReplyEntry, 'kind'>;

export interface HandledInput {
  platform: HandledEntry['platform'];
  itemId: string;
  intent: HandledEntry['intent'];
}

/** The shape the duplicate-reply check and suggestion rotation read. */
export interface ReplyHistoryItem {
  text: string;
  at: number;
  responseId?: string;
  variant?: number;
  itemId?: string;
}

export interface LedgerRange {
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
}

export interface LedgerStore {
  /** Records the items not recorded before (by platform and id); returns how many were new. */
  recordSeen(items: readonly SeenInput[], now: Date): Promise<number>;
  /** Records a posted reply; the text is cut to `MAX_REPLY_TEXT`. */
  recordReply(entry: ReplyInput): Promise<ReplyEntry>;
  /** Records that an item was marked handled; false when it already was. */
  recordHandled(item: HandledInput, now: Date): Promise<boolean>;
  /** Entries in time order, optionally only those in a range. */
  readLedger(range?: LedgerRange): Promise<LedgerEntry[]>;
  /** Removes entries older than the retention (the stored setting when not given); returns how many went. */
  pruneLedger(now: Date, retentionDays?: number): Promise<number>;
  deleteAllLedgerData(): Promise<void>;
  /** Replies posted in the last `days` days, newest first. */
  replyHistory(now: Date, days?: number): Promise<ReplyHistoryItem[]>;
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

  // Which items were already seen or handled, loaded once from storage and kept in step with every write, so a
  // snapshot does not read 90 buckets to decide what is new.
  let known: { seen: Set<string>; handled: Set<string> } | null = null;

  const readDays = async (days: readonly string[]): Promise<LedgerEntry[]> => {
    const buckets = await Promise.all(days.map((day) => bucketItem(day).get()));
    return buckets.flatMap((bucket) => bucket.map(unpackEntry));
  };

  const loadKnown = async (): Promise<{ seen: Set<string>; handled: Set<string> }> => {
    if (known) return known;
    const entries = await readDays(await ledgerDays.get());
    const next = { seen: new Set<string>(), handled: new Set<string>() };
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

  /** Appends to each entry's day; the first write of a new day also prunes, which keeps retention automatic. */
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
    if (added.length > 0) await ledgerDays.set([...days, ...added]);
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
          const entry = seenEntrySchema.parse({ kind: 'seen', ...item, seenAt: now.getTime() });
          state.seen.add(key);
          fresh.push(entry);
        }
        await append(fresh, now.getTime());
        return fresh.length;
      }),

    recordReply: (input) =>
      serial(async () => {
        const entry = replyEntrySchema.parse({
          ...input,
          kind: 'reply',
          text: input.text.slice(0, MAX_REPLY_TEXT),
        });
        await append([entry], entry.postedAt);
        return entry;
      }),

    recordHandled: (item, now) =>
      serial(async () => {
        const state = await loadKnown();
        const key = identity(item.platform, item.itemId);
        if (state.handled.has(key)) return false;
        const entry = handledEntrySchema.parse({ kind: 'handled', ...item, at: now.getTime() });
        state.handled.add(key);
        await append([entry], now.getTime());
        return true;
      }),

    readLedger: async (range = {}) => {
      const { from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY } = range;
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
      serial(async () => prune(now.getTime(), retentionDays ?? (await ledgerRetentionDays.get()))),

    deleteAllLedgerData: () =>
      serial(async () => {
        // Every ledger key in storage, not only the indexed days: deleting must leave nothing behind.
        const stored = Object.keys(await storage.snapshot('local'));
        const keys = stored.filter((key) => key.startsWith('ledger.')).map((key) => `local:${key}` as const);
        await storage.removeItems(keys);
        known = { seen: new Set(), handled: new Set() };
      }),

    replyHistory: async (now, days = 7) => {
      const to = now.getTime();
      const from = to - days * DAY_MS;
      const fromDay = utcDayKey(from);
      const toDay = utcDayKey(to);
      const inRange = (await ledgerDays.get()).filter((day) => day >= fromDay && day <= toDay);
      const history: ReplyHistoryItem[] = [];
      for (const entry of await readDays(inRange)) {
        if (entry.kind !== 'reply' || entry.postedAt < from || entry.postedAt > to) continue;
        const item: ReplyHistoryItem = { text: entry.text, at: entry.postedAt };
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
