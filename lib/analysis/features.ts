import type { Features } from './linear';
import type { LexiconScore } from './sentiment';
import { isAllCaps, type Token, terms } from './text';

function addTerms(f: Features, tokens: readonly Token[], pairs: boolean): void {
  let prev = '^';
  for (const term of terms(tokens)) {
    f.set(`w:${term}`, 1);
    if (pairs) f.set(`w:${prev}_${term}`, 1);
    prev = term;
  }
}

/** Features for the sentiment model: the lexicon's verdict plus words and word pairs. */
export function sentimentFeatures(text: string, tokens: readonly Token[], lex: LexiconScore): Features {
  const f: Features = new Map();
  f.set('lex:compound', lex.compound);
  f.set('lex:signed', lex.compound * Math.abs(lex.compound));
  f.set('lex:positive', Math.min(lex.positive, 8) / 4);
  f.set('lex:negative', Math.min(lex.negative, 8) / 4);
  f.set('lex:none', lex.contributions.length === 0 ? 1 : 0);
  if (lex.negations > 0) f.set('lex:negation', 1);
  if (lex.sarcasm) f.set('lex:sarcasm', 1);
  if (/!/.test(text)) f.set('p:bang', 1);
  if (/\?/.test(text)) f.set('p:question', 1);
  // Word pairs over-fit the small sentiment set; single words generalise better there.
  addTerms(f, tokens, false);
  return f;
}

const PROMO_WORDS =
  /\b(?:check (?:it )?out|my (?:channel|video|page|music|song|site|website|blog)|subscribe|sub4sub|follow me|please (?:like|share|visit)|visit|free|win|money|earn|click|giveaway)\b/i;

/** Features for spam and self-promotion in comments. */
export function spamFeatures(text: string, tokens: readonly Token[]): Features {
  const f: Features = new Map();
  let urls = 0;
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind === 'url') urls++;
    if (t.kind === 'word') {
      words++;
      if (t.text.length >= 3 && isAllCaps(t.text)) caps++;
    }
  }
  if (urls > 0) f.set('s:url', 1);
  if (PROMO_WORDS.test(text)) f.set('s:promo-words', 1);
  f.set('s:long', Math.min(words, 60) / 60);
  if (words > 0 && caps / words > 0.3) f.set('s:caps', 1);
  addTerms(f, tokens, true);
  return f;
}
