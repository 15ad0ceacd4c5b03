import type { Suggestion as AnalysisSuggestion, ReplyHistoryEntry } from '../analysis';
import type { Intent, Playbook } from '../playbook/schema';
import type { PlaybookSource } from '../playbook/state';
import { fillVariables, type VariableValues } from '../playbook/variables';
import type { OfferInfo, PlaybookStatus, ThankYouOption } from './types';

/**
 * Pure builders for the answers the side panel asks the background for. They live with the panel because the
 * panel defines the shapes; the background calls them with what it has in storage.
 */

/** How long "what changed" stays on screen after an update. */
export const CHANGES_SHOWN_MS = 3 * 24 * 60 * 60 * 1000;

export interface ActiveForStatus {
  playbook: Pick<Playbook, 'name'>;
  source: PlaybookSource;
  version: string;
  activatedAt: number | null;
}

export interface StoredStatus {
  lastError: { message: string; problems: readonly { message: string }[] } | null;
}

export interface StoredDiff {
  summary: string;
  at: number;
  diff: { toVersion: string };
}

export function panelPlaybookStatus(
  active: ActiveForStatus,
  status: StoredStatus,
  diff: StoredDiff | null,
  now: Date,
): PlaybookStatus {
  const errors: string[] = [];
  if (status.lastError) {
    errors.push(status.lastError.message);
    for (const p of status.lastError.problems.slice(0, 5)) errors.push(p.message);
  }
  // An old summary, or one about a version that is no longer active, would only confuse.
  const fresh = diff && diff.diff.toVersion === active.version && now.getTime() - diff.at <= CHANGES_SHOWN_MS;
  return {
    name: active.playbook.name,
    version: active.version,
    source: active.source,
    updatedAt: active.activatedAt,
    errors,
    changes: fresh ? diff.summary : null,
  };
}

/**
 * The offers staff may make here: those the suggested responses include, and whose rules allow the item's
 * intent. Same problem, same offer: nothing else is shown.
 */
export function allowedOffers(
  playbook: Playbook,
  intent: Intent,
  responseIds: readonly string[],
): OfferInfo[] {
  const referenced = new Set<string>();
  for (const id of responseIds) {
    for (const offerId of playbook.responses.find((r) => r.id === id)?.offers ?? []) referenced.add(offerId);
  }
  return playbook.offers
    .filter((o) => referenced.has(o.id) && (!o.allowedIntents || o.allowedIntents.includes(intent)))
    .map((o) => ({
      id: o.id,
      label: o.label,
      ...(o.maxPercent === undefined ? {} : { maxPercent: o.maxPercent }),
      ...(o.note === undefined ? {} : { note: o.note }),
    }));
}

/**
 * A thank-you for a praise item: the best-ranked suggestion whose response is meant for praise, with every
 * variant of that response filled, and the variant the team used last from the reply history.
 */
export function thankYouOption(
  itemId: string,
  playbook: Playbook,
  suggestions: readonly AnalysisSuggestion[],
  values: VariableValues,
  history: readonly ReplyHistoryEntry[],
): ThankYouOption | null {
  for (const s of suggestions) {
    const response = playbook.responses.find((r) => r.id === s.responseId);
    if (!response?.intents.includes('praise') || response.channel === 'dm') continue;
    let last: ReplyHistoryEntry | null = null;
    for (const h of history) {
      if (h.responseId === response.id && h.variant !== undefined && (!last || h.at > last.at)) last = h;
    }
    return {
      itemId,
      responseId: response.id,
      title: response.title,
      variants: response.variants.map((v) => fillVariables(v, values).text),
      lastVariant: last?.variant ?? null,
    };
  }
  return null;
}
