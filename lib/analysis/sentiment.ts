import { BOOSTERS, isNegator, valences } from './lexicon';
import { isAllCaps, noLowerCase, type Token } from './text';

/** A word or symbol that moved the sentiment, with the adjustments applied to it. */
export interface Contribution {
  text: string;
  start: number;
  end: number;
  /** Final valence on the lexicon's −4..4 scale after negation, boosters and emphasis. */
  valence: number;
  negated: boolean;
  boosted: boolean;
  sarcastic: boolean;
}

export interface LexiconScore {
  /** Normalised sum, −1..1, as in VADER. */
  compound: number;
  positive: number;
  negative: number;
  contributions: Contribution[];
  negations: number;
  sarcasm: { text: string; start: number; end: number } | null;
}

const NEGATION_WINDOW = 3;
const BUT = new Set(['but', 'however', 'although', 'though', 'yet']);
// Phrases that, next to a complaint, turn praise words into their opposite ("great job losing my bag").
const SARCASM =
  /#sarcasm\b|\/s\b|\byeah,? right\b|\boh (?:great|joy|wonderful|brilliant|perfect|lovely)\b|\bthanks (?:a lot|for nothing)\b|\bjust (?:great|perfect|wonderful|brilliant|fantastic)\b|\bgreat job\b|\bwell done\b|\bnice one\b|\blove (?:how|that|it when|waiting|being|getting|paying)\b|\bso much for\b|\bwhat a (?:joke|surprise)\b|\bthanks? for (?:ruining|nothing|wasting)\b|\bgotta love\b|\bbrilliant\b(?=.*\b(?:again|still|not|never)\b)/i;

/**
 * Lexicon sentiment in the manner of VADER (Hutto & Gilbert, 2014): valences from the lexicon adjusted for
 * negation, boosters, ALL-CAPS emphasis, contrast after "but", exclamation marks and sarcasm markers.
 */
export function scoreLexicon(text: string, tokens: readonly Token[]): LexiconScore {
  const lex = valences();
  const shoutingEverywhere = noLowerCase(text);
  const contributions: Contribution[] = [];
  let negations = 0;
  let butAt = -1;
  let lastWordIdx: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'punct' && /[.!?;]/.test(t.text)) {
      // A sentence boundary ends negation and booster scope.
      lastWordIdx = [];
      continue;
    }
    if (t.kind === 'word' && BUT.has(t.norm)) butAt = contributions.length;
    const key =
      t.kind === 'hashtag' ? t.norm.slice(1) : t.kind === 'emoji' ? t.text.replace(/\uFE0F/g, '') : t.norm;
    let v = t.kind === 'emoticon' ? lex.get(t.text) : lex.get(key);
    if (v === undefined && t.kind === 'emoji') v = lex.get(t.text);
    if (t.kind === 'word' && isNegator(t.norm)) negations++;
    if (v !== undefined && !(t.kind === 'word' && (BOOSTERS.has(t.norm) || isNegator(t.norm)))) {
      let boosted = false;
      let negated = false;
      const window = lastWordIdx.slice(-NEGATION_WINDOW);
      for (let d = 0; d < window.length; d++) {
        const prev = tokens[window[window.length - 1 - d] ?? -1];
        if (!prev) continue;
        const b = BOOSTERS.get(prev.norm);
        if (b !== undefined) {
          v += Math.sign(v) * b * (1 - 0.05 * d) * (isAllCaps(prev.text) && !shoutingEverywhere ? 2 : 1);
          boosted = true;
        }
        if (isNegator(prev.norm)) negated = true;
      }
      if (t.kind === 'word' && t.text.length >= 3 && isAllCaps(t.text) && !shoutingEverywhere) {
        v += Math.sign(v) * 0.733;
        boosted = true;
      }
      if (negated) v *= -0.74;
      contributions.push({
        text: t.text,
        start: t.start,
        end: t.end,
        valence: v,
        negated,
        boosted,
        sarcastic: false,
      });
    }
    if (t.kind === 'word' || t.kind === 'emoji' || t.kind === 'emoticon') lastWordIdx.push(i);
  }
  if (butAt >= 0) {
    for (let i = 0; i < contributions.length; i++) {
      const c = contributions[i];
      if (c) c.valence *= i < butAt ? 0.5 : 1.5;
    }
  }
  let sarcasm: LexiconScore['sarcasm'] = null;
  const sm = SARCASM.exec(text);
  // These markers are sarcastic on their own; the others only next to something negative.
  if (sm && (contributions.some((c) => c.valence < 0) || /#sarcasm|\/s\b|yeah,? right|^oh /i.test(sm[0]))) {
    sarcasm = { text: sm[0], start: sm.index, end: sm.index + sm[0].length };
    for (const c of contributions) {
      if (c.valence > 0) {
        c.valence *= -0.5;
        c.sarcastic = true;
      }
    }
  }
  let sum = 0;
  let positive = 0;
  let negative = 0;
  for (const c of contributions) {
    sum += c.valence;
    if (c.valence > 0) positive += c.valence;
    else negative -= c.valence;
  }
  const bangs = Math.min(4, (text.match(/!/g) ?? []).length);
  if (sum !== 0) sum += Math.sign(sum) * bangs * 0.292;
  const compound = sum / Math.sqrt(sum * sum + 15);
  return { compound, positive, negative, contributions, negations, sarcasm };
}
