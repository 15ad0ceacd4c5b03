import MiniSearch, { type SearchResult } from 'minisearch';
import * as twitterText from 'twitter-text';
import type { Intent, Playbook, Response } from '../playbook/schema';
import { fillVariables, firstName, type VariableValues } from '../playbook/variables';
import { LENGTH_LIMITS } from './check';
import { classify } from './classify';
import type { Classification, Platform, ReplyHistoryEntry, Suggestion } from './types';

const parseTweet =
  (twitterText as unknown as { default?: typeof twitterText }).default?.parseTweet ?? twitterText.parseTweet;

export interface SuggestOptions {
  k?: number;
  platform?: Platform;
  /** Where the reply will go; DM-only responses are not offered for public replies. */
  channel?: 'public' | 'dm';
  history?: readonly ReplyHistoryEntry[];
  author?: { name: string; handle?: string };
  /** Agent and brand values; author-derived values are filled from `author`. */
  values?: VariableValues;
  /** Reuse a classification the caller already has, instead of classifying again. */
  classification?: Classification;
  now?: number;
}

export interface Suggester {
  suggest(comment: string, options?: SuggestOptions): Suggestion[];
}

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am i me my we our ' +
    'you your it its this that these those there here do does did have has had just so very can could would ' +
    'should will shall may might must not no yes hi hey hello please thanks thank u ur im what who how when ' +
    'where which why all any some'
  ).split(' '),
);

/** Lower-case and strip the commonest English endings, so "delayed" finds "delay" and "orders" finds "order". */
function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 || STOPWORDS.has(t)) return null;
  if (t.length > 5 && t.endsWith('ing')) return t.slice(0, -3);
  if (t.length > 4 && t.endsWith('ed')) return t.slice(0, -2);
  if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) return t.slice(0, -1);
  return t;
}

const RELEVANCE_HALF = 6;
/** Terms found in more than this share of responses hardly rank anything. */
const MAX_DOC_SHARE = 0.2;
const MAX_QUERY_TERMS = 8;
/**
 * The index visits every response holding a query term, so the terms' response counts are capped together:
 * once the rarest terms reach the cap, commoner ones could only reorder what those already found, at a cost
 * that grows with the playbook.
 */
const MAX_POSTINGS = 1000;
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;
const CANDIDATES = 40;
const RECENT_MS = 24 * 60 * 60 * 1000;

function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SPLIT)) {
    const t = processTerm(raw);
    if (t !== null) out.push(t);
  }
  return out;
}

/**
 * A response as the index sees it: one field of terms separated by spaces. Title and trigger terms are
 * repeated by their weight, so a field's weight counts before the score saturates (BM25F) and each matching
 * response costs the index one posting rather than one per field, which keeps common words cheap on large
 * playbooks.
 */
interface IndexedResponse {
  id: number;
  text: string;
}

// Triggers are what managers wrote to be matched, so they weigh most; variants add the wording around them.
const TITLE_WEIGHT = 2;
const TRIGGER_WEIGHT = 3;
const splitTerms = (text: string): string[] => text.split(' ');
const sameTerm = (term: string): string => term;

function weighted(list: readonly string[], weight: number): string {
  const once = list.join(' ');
  return Array.from({ length: weight }, () => once).join(' ');
}

/**
 * The comment's searchable terms, rarest first: words no response uses cannot match and very common ones cannot
 * discriminate, and keeping only the rarest few bounds the work on long comments.
 */
function queryTerms(text: string, df: ReadonlyMap<string, number>, maxDf: number): string[] {
  const found = new Map<string, number>();
  for (const t of terms(text)) {
    if (found.has(t)) continue;
    const n = df.get(t) ?? 0;
    if (n === 0 || n > maxDf) continue;
    found.set(t, n);
  }
  const out: string[] = [];
  let postings = 0;
  for (const [t, n] of [...found].sort((a, b) => a[1] - b[1])) {
    if (out.length === MAX_QUERY_TERMS || (out.length > 0 && postings + n > MAX_POSTINGS)) break;
    out.push(t);
    postings += n;
  }
  return out;
}

/** Builds the search index for a playbook once; `suggest` then ranks in well under a millisecond. */
export function createSuggester(playbook: Playbook): Suggester {
  const responses = playbook.responses;
  // Terms are prepared here once, so the index only splits on spaces and the same terms give document counts.
  const df = new Map<string, number>();
  const docs: IndexedResponse[] = responses.map((r, id) => {
    const title = terms(r.title);
    const trigger = terms(r.triggers.join(' | '));
    const variants = terms(r.variants.map((v) => v.replace(/\{[a-z_]+\}/g, ' ')).join(' | '));
    for (const t of new Set([...title, ...trigger, ...variants])) df.set(t, (df.get(t) ?? 0) + 1);
    const text = [weighted(title, TITLE_WEIGHT), weighted(trigger, TRIGGER_WEIGHT), variants.join(' ')];
    return { id, text: text.filter((part) => part !== '').join(' ') };
  });
  const index = new MiniSearch<IndexedResponse>({
    fields: ['text'],
    tokenize: splitTerms,
    processTerm: sameTerm,
    // Exact terms only: comments are short and fuzzy or prefix expansion would cost far more than it finds.
    // Plain BM25 (no BM25+ floor), so a term's weight follows its rarity and relevance stays on the scale
    // RELEVANCE_HALF was chosen for.
    searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false, bm25: { k: 1.2, b: 0.7, d: 0 } },
  });
  index.addAll(docs);
  const maxDf = Math.max(20, Math.floor(MAX_DOC_SHARE * responses.length));
  const triggers = responses.map((r) => r.triggers.map((t) => t.toLowerCase()));
  const byIntent = new Map<Intent, number[]>();
  responses.forEach((r, i) => {
    for (const intent of r.intents) {
      const list = byIntent.get(intent) ?? [];
      list.push(i);
      byIntent.set(intent, list);
    }
  });

  return {
    suggest(comment, options = {}) {
      const k = options.k ?? 3;
      if (k <= 0) return [];
      const platform = options.platform ?? 'x';
      const channel = options.channel ?? 'public';
      const now = options.now ?? Date.now();
      const c = options.classification ?? classify(comment, { brandHandles: playbook.brand.accounts.x });
      const lower = comment.toLowerCase();
      const usable = (r: Response) =>
        r.channel === channel && (!r.platforms || r.platforms.includes(platform));

      const scored = new Map<number, { score: number; why: string[] }>();
      const query = queryTerms(comment, df, maxDf);
      const hits = query.length === 0 ? [] : index.search(query.join(' '));
      for (let h = 0; h < hits.length && h < CANDIDATES; h++) {
        const hit = hits[h] as SearchResult;
        const i = hit.id as number;
        const r = responses[i];
        if (!r || !usable(r)) continue;
        // The index multiplies a response's score by how many query terms it matched; intent and triggers
        // already reward the better match, so the sum of term scores is what the relevance curve expects.
        const raw = hit.score / hit.queryTerms.length;
        const rel = raw / (raw + RELEVANCE_HALF);
        scored.set(i, { score: 0.5 * rel, why: [`words: ${hit.queryTerms.slice(0, 4).join(', ')}`] });
      }
      // When the words match little, responses for the comment's intent are still worth offering.
      if (scored.size < k * 2) {
        for (const i of byIntent.get(c.intent) ?? []) {
          if (scored.size >= k * 2 + CANDIDATES / 4) break;
          const r = responses[i];
          if (!r || scored.has(i) || !usable(r)) continue;
          scored.set(i, { score: 0, why: [] });
        }
      }

      const lastUse = new Map<string, number>();
      for (const h of options.history ?? []) {
        if (!h.responseId) continue;
        const key = `${h.responseId}#${h.variant ?? -1}`;
        if ((lastUse.get(key) ?? -1) < h.at) lastUse.set(key, h.at);
        if ((lastUse.get(h.responseId) ?? -1) < h.at) lastUse.set(h.responseId, h.at);
      }

      for (const [i, entry] of scored) {
        const r = responses[i] as Response;
        if (r.intents.includes(c.intent)) {
          entry.score += 0.35;
          entry.why.unshift(`matches the ${c.intent} intent`);
        } else {
          const second = r.intents.find((intent) => intent !== c.intent && c.intents[intent] >= 0.5);
          if (second) {
            entry.score += 0.15;
            entry.why.push(`also reads as ${second}`);
          }
        }
        const trig = triggers[i]?.find((t) => containsPhrase(lower, t));
        if (trig) {
          entry.score += 0.15;
          entry.why.push(`trigger: ${trig}`);
        }
        const used = lastUse.get(r.id);
        if (used !== undefined && now - used < RECENT_MS) {
          entry.score -= 0.05;
          entry.why.push('used in the last day');
        }
      }

      const ranked = [...scored].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, k * 3);
      const values = fillValues(playbook, options);
      const limit = LENGTH_LIMITS[platform];
      const out: Suggestion[] = [];
      let fitting = 0;
      for (const [i, entry] of ranked) {
        // Ranked best first: once k fit, the rest cannot outrank them (a response that does not fit scores half).
        if (fitting >= k) break;
        const r = responses[i] as Response;
        const order = r.variants
          .map((_, v) => v)
          .sort((a, b) => (lastUse.get(`${r.id}#${a}`) ?? -1) - (lastUse.get(`${r.id}#${b}`) ?? -1) || a - b);
        let chosen: Picked | null = null;
        let first: Picked | null = null;
        for (const v of order) {
          const filled = fillVariables(r.variants[v] ?? '', values);
          const candidate = {
            variant: v,
            text: filled.text,
            missing: [...filled.missing, ...filled.unknown],
          };
          first ??= candidate;
          if (fits(filled.text, platform, limit)) {
            chosen = candidate;
            break;
          }
        }
        const pick = chosen ?? first;
        if (!pick) continue;
        if (chosen) fitting++;
        const why = [...entry.why];
        if (!chosen) why.push(`longer than ${platform === 'x' ? 'X' : 'Facebook'} allows`);
        if ((lastUse.get(`${r.id}#${pick.variant}`) ?? -1) < 0 && r.variants.length > 1) {
          why.push('variant not used recently');
        }
        out.push({
          responseId: r.id,
          title: r.title,
          variant: pick.variant,
          text: pick.text,
          missing: pick.missing,
          score: Math.round(Math.max(0, Math.min(1, chosen ? entry.score : entry.score * 0.5)) * 1000) / 1000,
          why,
          fits: chosen !== null,
        });
      }
      return out.sort((a, b) => b.score - a.score).slice(0, k);
    },
  };
}

interface Picked {
  variant: number;
  text: string;
  missing: string[];
}

function fits(text: string, platform: Platform, limit: number): boolean {
  if (platform !== 'x') return text.length <= limit;
  // No character weighs more than 2 and no link more than 23, so most replies fit without parsing them.
  let dots = 0;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) dots++;
  if (text.length * 2 + dots * 23 <= limit) return true;
  return parseTweet(text).weightedLength <= limit;
}

function containsPhrase(haystack: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(phrase, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + phrase.length];
    if ((before === undefined || !/\w/.test(before)) && (after === undefined || !/\w/.test(after)))
      return true;
    from = at + 1;
  }
}

function fillValues(playbook: Playbook, options: SuggestOptions): VariableValues {
  const values: VariableValues = { brand: playbook.brand.name };
  if (playbook.brand.signoff) values.signoff = playbook.brand.signoff;
  const author = options.author;
  if (author) {
    const name = author.name.trim();
    if (name) values.name = name;
    const first = firstName(name);
    if (first) values.first_name = first;
    if (author.handle) values.handle = `@${author.handle.replace(/^@/, '')}`;
  }
  return { ...values, ...options.values };
}

const suggesters = new WeakMap<Playbook, Suggester>();

/** Top `k` responses for a comment. Builds (and caches per playbook object) the index on first use. */
export function suggest(comment: string, playbook: Playbook, options: SuggestOptions = {}): Suggestion[] {
  let s = suggesters.get(playbook);
  if (!s) {
    s = createSuggester(playbook);
    suggesters.set(playbook, s);
  }
  return s.suggest(comment, options);
}
