import type { Intent } from '../playbook/schema';
import type { ConversationItem, SiteId, TabSnapshot } from '../sites/model';

/**
 * The side panel's view of what the background sends. The panel renders these shapes only; `api.ts` turns
 * protocol responses into them, so the components do not change when the analysis results grow new fields.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface ItemAnalysis {
  intent: Intent;
  /** A complaint is its own judgement, not just negative sentiment. */
  complaint: boolean;
  sentiment: { label: SentimentLabel; score: number };
  /** False when the text is not in a language the coach reads: no intent or sentiment was guessed. */
  analysed: boolean;
  /** The words or patterns that decided it, quoted on the chips ("still waiting"). */
  reasons: { signal: string; text: string }[];
}

export interface QueueEntry {
  item: ConversationItem;
  analysis: ItemAnalysis;
}

export interface Agent {
  name?: string;
  initials?: string;
}

export type NoteSeverity = 'error' | 'warning' | 'info';

/** One thing the coach says about a draft: a promotion reason or a policy issue, with the words it is about. */
export interface CoachNote {
  /** 'promo:cta', 'check:banned-phrase', … */
  rule: string;
  severity: NoteSeverity;
  message: string;
  /** A concrete way to fix it. */
  tip?: string;
  /** Offsets into the draft; equal when the note is about the draft as a whole. */
  start: number;
  end: number;
}

export interface DraftCoachReport {
  /** The draft the report is about, so spans can be highlighted. */
  text: string;
  platform: SiteId;
  /** 0..1 */
  promoScore: number;
  promotional: boolean;
  notes: CoachNote[];
  /** Weighted length on X, characters on Facebook. */
  length: number;
  limit: number | null;
  looksGood: boolean;
}

export interface PanelTabState {
  tabId: number;
  snapshot: TabSnapshot | null;
  /** Analysis of every unanswered item that needs the brand, by item id. */
  analyses: Record<string, ItemAnalysis>;
  /** The reply box that has focus on the page, checked. */
  draft: DraftCoachReport | null;
  /** null until the agent answered (or skipped) the first-run question. */
  agent: Agent | null;
}

export interface Suggestion {
  responseId: string;
  title: string;
  /** Filled from the page; variables without a value stay as `{name}`. */
  text: string;
  /** Index of the playbook variant used, when known. */
  variant: number | null;
  missing: string[];
  /** Why this response matched, in a few words. */
  why: string[];
  /** False when no variant fits the platform's length limit once filled. */
  fits: boolean;
}

export interface OfferInfo {
  id: string;
  label: string;
  maxPercent?: number;
  note?: string;
}

export interface SuggestionSet {
  suggestions: Suggestion[];
  /** Offers the playbook allows for this situation, with their limits. */
  offers: OfferInfo[];
}

export interface ThankYouOption {
  itemId: string;
  responseId: string;
  title: string;
  /** Every variant of the thank-you response, filled for this person. */
  variants: string[];
  /** The variant this team used last for the response, from the reply history. */
  lastVariant: number | null;
}

export type PlaybookSource = 'sample' | 'file' | 'url' | 'policy';

export interface PlaybookStatus {
  name: string;
  version: string;
  source: PlaybookSource;
  /** Epoch ms the active version became active, null for the bundled sample. */
  updatedAt: number | null;
  /** Errors of the last load or refresh; the previous good playbook stays active. */
  errors: string[];
  /** "Playbook updated to 2026.11.2: 3 new replies, 1 changed", after an update. */
  changes: string | null;
}

export interface ActiveTab {
  id: number;
  url: string | null;
}

export interface InsertOutcome {
  ok: boolean;
  /** The user has to paste: the text is on the clipboard. */
  clipboard: boolean;
  message: string;
}

export type PanelEvent =
  | { type: 'tabChanged'; tabId: number }
  | { type: 'focusItem'; tabId: number; itemId: string }
  | { type: 'playbookChanged' };
