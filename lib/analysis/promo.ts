import type { PromoPolicy, PromoReason, PromoResult, PromoRule } from './types';

interface Rule {
  rule: PromoRule;
  re: RegExp;
  /** Added to the score by the first match. */
  first: number;
  /** Added by each further match, up to `cap` in total. */
  more: number;
  cap: number;
  tip: string;
}

// Patterns are compiled once; `promo` runs on every keystroke in the side panel.
const RULES: Rule[] = [
  {
    rule: 'call-to-action',
    re: /\b(?:buy|shop|order|book|subscribe|sign up|join|register|download|grab|get|claim|try)(?: (?:it|yours|one|them|now|today|yours today))? now\b|\b(?:shop|order|buy|book) (?:today|online|here)\b|\bclick (?:here|the link|below|now)\b|\btap (?:the )?link\b|\blink in (?:our )?bio\b|\b(?:visit|check out) our\b|\bfollow us\b|\bdon'?t miss(?: out)?\b|\blimited[- ]time\b|\bwhile (?:stocks|supplies) last\b|\bhurry\b|\bact fast\b|\bgrab (?:yours|one|it)\b|\bget yours\b|\bsign up\b|\bsubscribe\b|\blearn more\b|\bavailable now\b|\bpre-?order\b|\bshop (?:the|our)\b|\bends (?:soon|tonight|today|sunday|midnight)\b|\bexclusive (?:offer|deal)\b|\bbest[- ]selling\b/gi,
    first: 0.3,
    more: 0.12,
    cap: 0.5,
    tip: 'Answer the person first; if a link or product helps them, offer it as help, not as an order.',
  },
  {
    rule: 'price',
    re: /[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:usd|eur|gbp|dollars|euros|pounds|bucks)\b|\bonly \d+(?:\.\d{2})?\b|\b(?:from|just) [$€£]\s?\d/gi,
    first: 0.2,
    more: 0.08,
    cap: 0.3,
    tip: 'Leave prices out of a reply unless the person asked for one.',
  },
  {
    rule: 'percentage',
    re: /\b\d{1,3}\s?%(?:\s?off)?|\b(?:half[- ]price|bogo|buy one,? get one|free shipping|free delivery|sale|discount(?:ed)?|deal of the day|save (?:up to|big|now))\b/gi,
    first: 0.25,
    more: 0.08,
    cap: 0.35,
    tip: 'Only mention a discount when the playbook allows it for this problem, and say why you are offering it.',
  },
  {
    rule: 'discount-code',
    re: /\b(?:use|with|enter|apply|redeem)\s+(?:the\s+|our\s+)?(?:promo\s+|discount\s+|coupon\s+|voucher\s+)?code:?\s+[A-Z0-9]{3,}\b|\b(?:promo|discount|coupon|voucher) code\b|\bcode:?\s+[A-Z][A-Z0-9]{3,}\b/gi,
    first: 0.35,
    more: 0.1,
    cap: 0.4,
    tip: 'Send codes in a private message to the person they are for, not in a public reply.',
  },
  {
    rule: 'link',
    re: /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi,
    first: 0.12,
    more: 0.08,
    cap: 0.25,
    tip: 'One link is plenty; say in words what the person will find there.',
  },
  {
    rule: 'hashtags',
    re: /#[\p{L}\p{N}_]+/gu,
    first: 0,
    more: 0.1,
    cap: 0.3,
    tip: 'Drop the campaign hashtags: a reply to a person does not need them.',
  },
  {
    rule: 'exclamations',
    re: /!+/g,
    first: 0,
    more: 0.06,
    cap: 0.2,
    tip: 'Keep it to one exclamation mark; warmth comes from the words, not the punctuation.',
  },
];

const WE = /\b(?:we|we're|we've|we'll|our|ours|us)\b/gi;
const YOU = /\b(?:you|you're|you've|you'll|your|yours|u|ur)\b/gi;
const PERSONAL = /[?]|@\w|\{(?:first_name|name|handle)\}|\b(?:hi|hey|hello|dear|thanks|thank you|sorry)\b/i;

const WE_TIP = 'Talk about the person: use "you" and "your" more than "we" and "our".';
const IMPERSONAL_TIP = 'Add a personal touch: greet the person by name or ask them a question.';

/**
 * How much a draft reads like an advert. Each reason is a span with a fix; the score combines the reasons'
 * weights as independent evidence (1 − Π(1 − w)), so no single mild signal crosses the threshold alone.
 */
export function promo(text: string, policy: PromoPolicy = {}): PromoResult {
  const threshold = policy.voice?.promoThreshold ?? 0.5;
  const reasons: PromoReason[] = [];
  let keep = 1;
  let signals = 0;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let total = 0;
    let n = 0;
    for (const m of text.matchAll(rule.re)) {
      const add = Math.max(0, Math.min(n === 0 ? rule.first : rule.more, rule.cap - total));
      n++;
      // Hashtags and exclamation marks only count from the second one on: one is ordinary.
      if (add === 0 && (rule.rule === 'hashtags' || rule.rule === 'exclamations') && n === 1) continue;
      total += add;
      reasons.push({
        rule: rule.rule,
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        weight: round(add),
        tip: rule.tip,
      });
    }
    if (total > 0) {
      keep *= 1 - total;
      if (rule.rule !== 'exclamations') signals++;
    }
  }
  WE.lastIndex = 0;
  YOU.lastIndex = 0;
  const we = [...text.matchAll(WE)];
  const you = (text.match(YOU) ?? []).length;
  if (we.length >= 2 && we.length > you) {
    const w = Math.min(0.25, 0.08 * (we.length - you));
    keep *= 1 - w;
    signals++;
    for (const m of we.slice(0, 5)) {
      reasons.push({
        rule: 'we-not-you',
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        weight: round(w / Math.min(5, we.length)),
        tip: WE_TIP,
      });
    }
  }
  // The absence of a question or greeting only matters once something else already reads as selling.
  if (signals > 0 && text.trim().length > 0 && !PERSONAL.test(text)) {
    keep *= 1 - 0.15;
    reasons.push({ rule: 'impersonal', text, start: 0, end: text.length, weight: 0.15, tip: IMPERSONAL_TIP });
  }
  const score = round(1 - keep);
  reasons.sort((a, b) => a.start - b.start || b.weight - a.weight);
  return { score, promotional: score > threshold, threshold, reasons };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
