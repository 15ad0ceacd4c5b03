import * as z from 'zod';
import { intentSchema } from '../playbook/schema';
import { SITES } from '../sites/model';

/**
 * The ledger's entries and the packed form they are stored in. Kept free of extension APIs so that scripts,
 * the command line and tests can validate an exported ledger with the same schema the extension writes.
 */

const platformSchema = z.enum(SITES);
const itemIdSchema = z.string().min(1).max(100);
// Pages give times that are whole milliseconds, but a fractional one is still a time, not a reason to drop
// it.
const timeSchema = z.number().nonnegative().finite();
const responseIdSchema = z.string().min(1).max(100);

/** Longest reply text kept: enough for the duplicate check, bounded so a paste cannot fill the quota. */
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
export type PackedEntry = z.infer<typeof packedEntrySchema>;

/**
 * A day's bucket. Entries that do not parse are dropped one by one rather than failing the whole bucket, so a
 * single damaged entry never costs the rest of the day.
 */
export const bucketSchema = z.array(z.unknown()).transform((raw): PackedEntry[] =>
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
