/** The analysis engine: pure functions used by the background, the side panel and the CLI. */
export { type CheckOptions, check, LENGTH_LIMITS } from './check';
export { classify } from './classify';
export { detectLanguage, type LanguageGuess } from './language';
export { promo } from './promo';
export { createSuggester, type Suggester, type SuggestOptions, suggest } from './suggest';
export type {
  CheckIssue,
  CheckRule,
  Classification,
  ClassifyContext,
  Platform,
  PromoPolicy,
  PromoReason,
  PromoResult,
  PromoRule,
  Reason,
  ReplyHistoryEntry,
  SentimentLabel,
  Severity,
  Suggestion,
  UrgencyLevel,
} from './types';
