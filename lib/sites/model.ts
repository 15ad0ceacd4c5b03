import * as z from 'zod/mini';

/**
 * The shapes that cross the content script → background boundary. They use `zod/mini` because this file ships in
 * the content scripts, and every message a content script sends is parsed against them in the background.
 */

export const SITES = ['x', 'facebook'] as const;
export const siteIdSchema = z.enum(SITES);
export type SiteId = z.infer<typeof siteIdSchema>;

const shortText = z.string().check(z.maxLength(300));
const longText = z.string().check(z.maxLength(20_000));

export const authorSchema = z.object({
  /** Display name as shown on the page. */
  name: shortText,
  /** X handle without the leading @; absent on Facebook. */
  handle: z.optional(shortText),
  /** Profile link (absolute URL) when the page shows one. */
  profileUrl: z.optional(z.string().check(z.maxLength(2000))),
});
export type Author = z.infer<typeof authorSchema>;

export const conversationItemSchema = z.object({
  site: siteIdSchema,
  /** Site-native id: the tweet id on X, the comment id on Facebook. */
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  author: authorSchema,
  text: longText,
  /** The page shows only part of the text ("Show more", "See more"). */
  truncated: z.boolean(),
  /** Epoch milliseconds, or null when the page gave no time we could read. */
  time: z.nullable(z.number()),
  permalink: z.nullable(z.string().check(z.maxLength(2000))),
  /** Handles (X) or names (Facebook) this item replies to. */
  replyingTo: z.array(shortText).check(z.maxLength(50)),
  /** 0 for a top-level comment or tweet, 1+ for nested replies. */
  depth: z.number().check(z.int(), z.minimum(0), z.maximum(50)),
  parentId: z.nullable(z.string().check(z.maxLength(100))),
  /** Written by one of the brand's own accounts. */
  isBrand: z.boolean(),
  /** A reply in the brand's conversation, a mention of the brand, or a comment on the brand's post. */
  addressedToBrand: z.boolean(),
  /** The brand has replied in the visible thread, or a reply was sent from this browser. */
  answered: z.boolean(),
  answeredBy: z.nullable(z.enum(['thread', 'local'])),
});
export type ConversationItem = z.infer<typeof conversationItemSchema>;

export const healthProblemSchema = z.object({
  code: z.enum([
    'no-items',
    'no-composer-editor',
    'unknown-language',
    'selector-missing',
    'brand-unknown',
    'insert-failed',
  ]),
  /** Which selector or label failed, for the status line ("tweetText"). */
  detail: z.optional(shortText),
});
export type HealthProblem = z.infer<typeof healthProblemSchema>;

export const siteHealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'waiting']),
  problems: z.array(healthProblemSchema).check(z.maxLength(20)),
});
export type SiteHealth = z.infer<typeof siteHealthSchema>;

export const draftSchema = z.object({
  site: siteIdSchema,
  /** The item the open composer replies to, when the page says so. */
  replyToId: z.nullable(z.string().check(z.maxLength(100))),
  text: longText,
});
export type Draft = z.infer<typeof draftSchema>;

export const tabSnapshotSchema = z.object({
  site: siteIdSchema,
  url: z.string().check(z.maxLength(4000)),
  /** What kind of page this is: 'status', 'notifications', 'timeline', 'post', … */
  pageKind: shortText,
  /** The brand accounts the adapter used (configured, or read from the signed-in account). */
  brand: z.array(shortText).check(z.maxLength(50)),
  items: z.array(conversationItemSchema).check(z.maxLength(5000)),
  health: siteHealthSchema,
  draft: z.nullable(draftSchema),
  updatedAt: z.number(),
});
export type TabSnapshot = z.infer<typeof tabSnapshotSchema>;
