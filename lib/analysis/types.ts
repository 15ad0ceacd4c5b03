import type { Intent } from '../playbook/schema';

/**
 * Result types of the analysis engine. Every result is plain JSON (no Maps, Dates or class instances) because
 * results cross extension messaging between the background and the side panel.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type UrgencyLevel = 'low' | 'normal' | 'high';
export type Platform = 'x' | 'facebook';

/** A word or pattern that decided part of a verdict; offsets are into the analysed text. */
export interface Reason {
  /** What the span is evidence of: 'negative', 'positive', 'negation', 'complaint', 'question', … */
  signal: string;
  text: string;
  start: number;
  end: number;
}

export interface ClassifyContext {
  /** The brand's own handles (without @); mentions of them are not evidence of anything. */
  brandHandles?: readonly string[];
}

export interface Classification {
  intent: Intent;
  /** 0..1 per intent; the highest is not always the intent, because spam and complaints take precedence. */
  intents: Record<Intent, number>;
  sentiment: { label: SentimentLabel; score: number };
  /** A complaint reports a problem or a broken expectation; negative feelings alone are not one. */
  complaint: boolean;
  complaintScore: number;
  urgency: { level: UrgencyLevel; score: number };
  /** ISO 639-1 code, or 'und' when there are too few words to tell. */
  language: string;
  /** False when the text is not English: it is then marked, and no intent or sentiment is guessed. */
  analysed: boolean;
  reasons: Reason[];
}

/** The voice settings `promo` needs; a whole playbook fits. */
export interface PromoPolicy {
  voice?: { promoThreshold?: number };
}

export type PromoRule =
  | 'call-to-action'
  | 'price'
  | 'percentage'
  | 'discount-code'
  | 'link'
  | 'hashtags'
  | 'exclamations'
  | 'we-not-you'
  | 'impersonal';

export interface PromoReason {
  rule: PromoRule;
  text: string;
  start: number;
  end: number;
  /** How much this reason added to the score. */
  weight: number;
  /** A concrete way to make the draft more human. */
  tip: string;
}

export interface PromoResult {
  score: number;
  promotional: boolean;
  threshold: number;
  reasons: PromoReason[];
}

export type CheckRule =
  | 'banned-phrase'
  | 'private-detail-request'
  | 'private-detail-shared'
  | 'offer-too-high'
  | 'offer-wrong-intent'
  | 'offer-unknown'
  | 'tone'
  | 'shouting'
  | 'length'
  | 'duplicate'
  | 'unfilled-variable';

export type Severity = 'error' | 'warning' | 'info';

export interface CheckIssue {
  rule: CheckRule;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

/** One reply the team sent, as the ledger records it. */
export interface ReplyHistoryEntry {
  text: string;
  /** Epoch milliseconds. */
  at: number;
  responseId?: string;
  variant?: number;
  itemId?: string;
}

export interface Suggestion {
  responseId: string;
  title: string;
  /** Index of the chosen variant in the response. */
  variant: number;
  /** The variant with variables filled; missing ones stay as `{name}`. */
  text: string;
  missing: string[];
  score: number;
  /** Why it matched, in plain words ("matches the complaint intent", "trigger: late"). */
  why: string[];
  /** False when no variant fits the platform's length limit once filled. */
  fits: boolean;
}
