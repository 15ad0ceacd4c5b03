import MiniSearch from 'minisearch';
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
  ('a an the and or but if of to in on at by for with from as is are was were be been being am i me my we our ' +
    'you your it its this that these those there here do does did have has had just so very can could would ' +
    'should will shall may might must not no yes hi hey hello please thanks thank u ur im what who how when ' +
    'where which why all any some').split(' '),
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

interface Doc {
  id: number;
  title: string;
  triggers: string;
  variants: string;
}

const RELEVANCE_HALF = 6;
const CANDIDATES = 40;
const RECENT_MS = 24 * 60 * 60 * 1000;

/** Builds the search index for a playbook once; `suggest` then ranks in well under a millisecond. */
export function createSuggester(playbook: Playbook): Suggester {
  const responses = playbook.responses;
  const index = new MiniSearch<Doc>({
    fields: ['title', 'triggers', 'variants'],
    idField: 'id',
    processTerm,
    searchOptions: { boost: { triggers: 3, title: 2, variants: 1 }, combineWith: 'OR', processTerm },
  });
  index.addAll(
    responses.map((r, id) => ({
      id,
      title: r.title,
      triggers: r.triggers.join(' | '),
      variants: r.variants.map((v) => v.replace(/\{[a-z_]+\}/g, ' ')).join(' '),
    })),
  );
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
      const hits = index.search(comment).slice(0, CANDIDATES);
      for (const hit of hits) {
        const i = hit.id as number;
        const r = responses[i];
        if (!r || !usable(r)) continue;
        const rel = hit.score / (hit.score + RELEVANCE_HALF);
        scored.set(i, { score: 0.5 * rel, why: [`words: ${hit.terms.slice(0, 4).join(', ')}`] });
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
      for (const [i, entry] of ranked) {
        const r = responses[i] as Response;
        const order = r.variants
          .map((_, v) => v)
          .sort((a, b) => (lastUse.get(`${r.id}#${a}`) ?? -1) - (lastUse.get(`${r.id}#${b}`) ?? -1) || a - b);
        let chosen: Picked | null = null;
        let first: Picked | null = null;
        for (const v of order) {
          const filled = fillVariables(r.variants[v] ?? '', values);
          const candidate = { variant: v, text: filled.text, missing: [...filled.missing, ...filled.unknown] };
          first ??= candidate;
          if (measure(filled.text, platform) <= limit) {
            chosen = candidate;
            break;
          }
        }
        const pick = chosen ?? first;
        if (!pick) continue;
        const why = [...entry.why];
        if (!chosen) why.push(`longer than ${platform === 'x' ? 'X' : 'Facebook'} allows`);
        if ((lastUse.get(`${r.id}#${pick.variant}`) ?? -1) < 0 && r.variants.length > 1) why.push('variant not used recently');
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

function measure(text: string, platform: Platform): number {
  return platform === 'x' ? parseTweet(text).weightedLength : text.length;
}

function containsPhrase(haystack: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(phrase, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + phrase.length];
    if ((before === undefined || !/\w/.test(before)) && (after === undefined || !/\w/.test(after))) return true;
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
