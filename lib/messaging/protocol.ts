import * as z from 'zod/mini';
import type { check, classify, promo, suggest } from '../analysis';
import type { OfferInfo, PlaybookStatus as PanelPlaybookStatus, ThankYouOption } from '../sidepanel/types';
import { draftSchema, siteIdSchema, tabSnapshotSchema } from '../sites/model';
import { snapshotPatchSchema } from '../sites/snapshot-patch';

/**
 * Every message Reciprocity sends, in one place. Three directions:
 * - content script → background (`ContentRequests`): untrusted input from a page's world; every payload is
 *   parsed with the schema below before a handler sees it;
 * - extension pages (side panel, options) → background (`UiRequests`): parsed too, they are cheap to check;
 * - background → content script (`TabRequests`) and background → extension pages (`UiEvents`).
 * Responses are produced by our own code and typed, not parsed.
 */

const itemId = z.string().check(z.minLength(1), z.maxLength(100));
const replyText = z.string().check(z.minLength(1), z.maxLength(10_000));
const tabId = z.number().check(z.int(), z.minimum(0));

// ---------- content script → background ----------

export const contentRequestSchemas = {
  /** The page's items, health and draft changed: everything, sent first and whenever a patch cannot apply. */
  snapshot: tabSnapshotSchema,
  /** The same, as the items that changed since the last snapshot the background confirmed. */
  snapshotPatch: snapshotPatchSchema,
  /** The draft in the focused composer changed (debounced); the answer feeds the coach chip. */
  draft: z.nullable(draftSchema),
  /** What the adapter needs to read the page: the brand's accounts and items replied to from this browser. */
  pageContext: z.object({ site: siteIdSchema }),
  /** The site's composer submitted and the brand's reply appeared: a reply was posted. */
  replyPosted: z.object({
    site: siteIdSchema,
    itemId: z.nullable(itemId),
    text: z.string().check(z.maxLength(20_000)),
  }),
  /** The user pressed "Coach reply" on a marker. */
  coachReply: z.object({ itemId }),
} as const;

export type AnalysisOf<F extends (...args: never[]) => unknown> = ReturnType<F>;
export type Classification = AnalysisOf<typeof classify>;
export type PromoReport = AnalysisOf<typeof promo>;
export type CheckIssues = AnalysisOf<typeof check>;
export type Suggestions = AnalysisOf<typeof suggest>;

/** One thing the coach says about a draft: a promotion reason or a policy issue, with the words it is about. */
export interface CoachNote {
  /** 'promo:cta', 'check:banned-phrase', … */
  rule: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  /** A concrete way to fix it. */
  tip?: string;
  /** Offsets into the draft text; equal when the note is about the draft as a whole. */
  start: number;
  end: number;
}

/** The coach's view of a draft, shared by the in-page chip and the side panel. */
export interface DraftReport {
  text: string;
  promoScore: number;
  promotional: boolean;
  promoThreshold: number;
  notes: CoachNote[];
  /** Weighted length on X, characters on Facebook. */
  length: number;
  limit: number | null;
  looksGood: boolean;
}

export interface PageContext {
  brand: string[];
  repliedLocally: string[];
  /** Markers are off when the user turned them off in settings. */
  markers: boolean;
}

export interface CoachReplyResult {
  /** The side panel took the item; otherwise the page shows these in a small popover. */
  panelOpen: boolean;
  suggestions: { responseId: string; text: string }[];
}

export interface ItemLabel {
  intent: string;
  complaint: boolean;
}

export interface ContentResponses {
  /** Labels for the markers ("Unanswered · 3h · complaint"), by item id. */
  snapshot: { labels: Record<string, ItemLabel> };
  /** `applied: false`: the background had nothing to patch (or another page); send the whole snapshot. */
  snapshotPatch: { applied: boolean; labels: Record<string, ItemLabel> };
  draft: DraftReport | null;
  pageContext: PageContext;
  replyPosted: { recorded: boolean };
  coachReply: CoachReplyResult;
}

// ---------- background → content script ----------

export const tabRequestSchemas = {
  /** Open the site's reply box for the item (or use the open one) and insert the text. */
  insert: z.object({ itemId: z.nullable(itemId), text: replyText }),
  /** Scroll the item into view and flash its marker. */
  reveal: z.object({ itemId }),
} as const;

export type InsertStrategy = 'paste' | 'beforeinput' | 'execCommand' | 'clipboard';

export interface InsertResult {
  ok: boolean;
  /** The strategy that landed the text; 'clipboard' means the user must paste. */
  strategy: InsertStrategy | null;
  /** Shown to the user when ok is false or the clipboard was used. */
  message: string;
}

export interface TabResponses {
  insert: InsertResult;
  reveal: { found: boolean };
}

// ---------- extension pages → background ----------

const agentSchema = z.object({
  name: z.optional(z.string().check(z.maxLength(100))),
  initials: z.optional(z.string().check(z.maxLength(10))),
});

export const uiRequestSchemas = {
  /** Everything the side panel shows for a tab. */
  tabState: z.object({ tabId }),
  /** Suggestions for one item of a tab. */
  suggestions: z.object({
    tabId,
    itemId,
    k: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10))),
  }),
  /** Check an arbitrary draft (the panel's editable suggestion). */
  checkDraft: z.object({
    tabId: z.nullable(tabId),
    text: z.string().check(z.maxLength(20_000)),
    platform: siteIdSchema,
    replyToId: z.nullable(itemId),
  }),
  /** Insert a reply into the tab's page. */
  insert: z.object({
    tabId,
    itemId: z.nullable(itemId),
    text: replyText,
    responseId: z.nullable(z.string().check(z.maxLength(100))),
    /** Which variant of the response was offered, so thank-yous rotate and the ledger knows. */
    variant: z.optional(z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(100)))),
    suggestedText: z.nullable(z.string().check(z.maxLength(20_000))),
  }),
  /** Mark an item handled without replying (e.g. spam). */
  markHandled: z.object({ tabId, itemId }),
  /** The agent's name and initials, asked once. */
  setAgent: agentSchema,
  /** Delete every ledger entry (the user confirmed). */
  deleteLedger: z.object({}),
  /** The active playbook as the side panel shows it. */
  playbookStatus: z.object({}),
  /** Every variant of the best thank-you for a praise item, filled, and the variant used last. */
  thankYou: z.object({ tabId, itemId }),
  /** The offers the playbook allows for an item, given the responses suggested for it. */
  offers: z.object({
    tabId,
    itemId,
    responseIds: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(10)),
  }),
} as const;

export interface QueueEntry {
  itemId: string;
  classification: Classification;
}

export interface TabState {
  tabId: number;
  snapshot: import('../sites/model').TabSnapshot | null;
  /** Analysis of every relevant, unanswered item, by id. */
  queue: QueueEntry[];
  draftReport: DraftReport | null;
  agent: { name?: string; initials?: string } | null;
}

export interface UiResponses {
  tabState: TabState;
  suggestions: Suggestions;
  checkDraft: DraftReport;
  insert: InsertResult;
  markHandled: { ok: true };
  setAgent: { ok: true };
  deleteLedger: { ok: true };
  playbookStatus: PanelPlaybookStatus;
  thankYou: ThankYouOption | null;
  offers: OfferInfo[];
}

// ---------- background → extension pages (events, no response) ----------

export interface UiEvents {
  /** A tab's snapshot, draft report or the active playbook changed: the panel re-reads `tabState`. */
  tabChanged: { tabId: number };
  /** The panel should select this item (from "Coach reply" on the page). */
  focusItem: { tabId: number; itemId: string };
  playbookChanged: Record<string, never>;
  /** A reply was recorded, an item marked handled, or the ledger deleted: reports re-read. */
  ledgerChanged: Record<string, never>;
}

export type ContentRequest = {
  [K in keyof typeof contentRequestSchemas]: z.infer<(typeof contentRequestSchemas)[K]>;
};
export type TabRequest = { [K in keyof typeof tabRequestSchemas]: z.infer<(typeof tabRequestSchemas)[K]> };
export type UiRequest = { [K in keyof typeof uiRequestSchemas]: z.infer<(typeof uiRequestSchemas)[K]> };
