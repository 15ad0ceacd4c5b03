import { check, classify, createSuggester, promo } from '../analysis';
import type { Classification, ReplyHistoryEntry, Suggestion } from '../analysis/types';
import type { CoachNote, DraftReport, ItemLabel } from '../messaging/protocol';
import { xLength } from '../playbook/lint';
import type { Playbook } from '../playbook/schema';
import type { VariableValues } from '../playbook/variables';
import { firstName } from '../playbook/variables';
import type { ConversationItem, SiteId } from '../sites/model';
import { needsReply } from '../sites/scanner';

/**
 * The background's use of the analysis engine: cached classifications for queue items, one search index per
 * active playbook, and the mapping from engine results to the coach's view of a draft.
 */

const LIMITS: Record<SiteId, number | null> = { x: 280, facebook: 8000 };

export class Coach {
  private classifications = new Map<string, Classification>();
  private suggester: ReturnType<typeof createSuggester> | null = null;
  private suggesterFor: Playbook | null = null;

  classifyItem(item: ConversationItem, brand: readonly string[]): Classification {
    const key = `${item.site}:${item.id}:${item.text}`;
    let c = this.classifications.get(key);
    if (!c) {
      c = classify(item.text, { brandHandles: brand });
      if (this.classifications.size > 20_000) this.classifications.clear();
      this.classifications.set(key, c);
    }
    return c;
  }

  /** Labels for the markers of the items that need a reply. */
  labels(items: readonly ConversationItem[], brand: readonly string[]): Record<string, ItemLabel> {
    const out: Record<string, ItemLabel> = {};
    for (const item of items) {
      if (!needsReply(item)) continue;
      const c = this.classifyItem(item, brand);
      out[item.id] = { intent: c.analysed ? c.intent : 'not English', complaint: c.complaint };
    }
    return out;
  }

  suggest(
    playbook: Playbook,
    item: ConversationItem,
    opts: { k: number; history: ReplyHistoryEntry[]; agent: { name?: string; initials?: string } | null },
  ): Suggestion[] {
    if (this.suggesterFor !== playbook) {
      this.suggester = createSuggester(playbook);
      this.suggesterFor = playbook;
    }
    const values = variableValues(playbook, item, opts.agent);
    return (this.suggester as ReturnType<typeof createSuggester>).suggest(item.text, {
      k: opts.k,
      platform: item.site,
      history: opts.history,
      values,
      classification: this.classifyItem(item, []),
    });
  }

  report(
    text: string,
    playbook: Playbook,
    site: SiteId,
    replyTo: ConversationItem | null,
    history: ReplyHistoryEntry[],
  ): DraftReport {
    const p = promo(text, playbook);
    const issues = check(text, {
      playbook,
      platform: site,
      history,
      replyTo: replyTo ? { text: replyTo.text, intent: this.classifyItem(replyTo, []).intent } : undefined,
    });
    const notes: CoachNote[] = [
      ...issues.map((i) => ({
        rule: `check:${i.rule}`,
        severity: i.severity,
        message: i.message,
        start: i.start,
        end: i.end,
      })),
      ...p.reasons.map((r) => ({
        rule: `promo:${r.rule}`,
        severity: (p.promotional ? 'warning' : 'info') as CoachNote['severity'],
        message: promoMessage(r.rule),
        tip: r.tip,
        start: r.start,
        end: r.end,
      })),
    ];
    const lengthIssue = issues.find((i) => i.rule === 'length');
    const length = site === 'x' ? xLength(text) : [...text].length;
    return {
      text,
      promoScore: p.score,
      promotional: p.promotional,
      promoThreshold: p.threshold,
      notes,
      length,
      limit: LIMITS[site],
      looksGood: !p.promotional && issues.every((i) => i.severity === 'info') && !lengthIssue,
    };
  }
}

function promoMessage(rule: string): string {
  const messages: Record<string, string> = {
    'call-to-action': 'Call to action',
    price: 'Price',
    percentage: 'Percentage',
    'discount-code': 'Discount code',
    link: 'Link',
    hashtags: 'Hashtags',
    exclamations: 'Exclamation marks',
    'we-not-you': 'About us, not about them',
    impersonal: 'No question or personal touch',
  };
  return messages[rule] ?? rule;
}

export function variableValues(
  playbook: Playbook,
  item: ConversationItem,
  agent: { name?: string; initials?: string } | null,
): VariableValues {
  const name = item.author.name.trim();
  return {
    name: name || undefined,
    first_name: firstName(name) || undefined,
    handle: item.author.handle ? `@${item.author.handle}` : undefined,
    brand: playbook.brand.name,
    agent_name: agent?.name || undefined,
    agent_initials: agent?.initials || undefined,
    signoff: playbook.brand.signoff,
  };
}
