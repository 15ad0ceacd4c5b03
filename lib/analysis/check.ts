import * as twitterText from 'twitter-text';
import type { Intent, Playbook } from '../playbook/schema';
import { findVariables } from '../playbook/variables';
import { classify } from './classify';
import type { CheckIssue, Platform, ReplyHistoryEntry } from './types';

export interface CheckOptions {
  playbook: Playbook;
  /** The comment being answered; its intent decides which offers are allowed. */
  replyTo?: { text: string; intent?: Intent };
  /** Replies sent recently, newest or oldest first. */
  history?: readonly ReplyHistoryEntry[];
  platform?: Platform;
  /** Epoch milliseconds; only history newer than the duplicate window counts. */
  now?: number;
}

/** X counts weighted characters; Facebook comments stop at 8,000 characters. */
export const LENGTH_LIMITS: Record<Platform, number> = { x: 280, facebook: 8000 };
// twitter-text is CommonJS: Node's ESM loader exposes it under `default`, bundlers as named exports.
const parseTweet =
  (twitterText as unknown as { default?: typeof twitterText }).default?.parseTweet ?? twitterText.parseTweet;

const DUPLICATE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const DUPLICATE_HISTORY = 200;
/** Word-pair overlap above which two replies read as the same text with a name swapped. */
const NEAR_DUPLICATE = 0.7;

// Details that belong in a private message even when the playbook forgets to list them.
const DEFAULT_PRIVATE = [
  'order number',
  'email address',
  'phone number',
  'home address',
  'account number',
  'password',
  'card number',
  'date of birth',
  'postcode',
  'zip code',
];
const DM = /\b(?:dm|dms|d\.m\.|direct message|private message|privately|in private|message us|inbox|pm)\b/i;

const SHARED_DETAILS: { re: RegExp; what: string }[] = [
  // The lookbehind starts a match only at the beginning of a run, so a long word is not retried at every letter.
  { re: /(?<![\w.+-])[\w.+-]+@[\w-]+\.[a-z]{2,}(?:\.[a-z]{2,})?/gi, what: 'an email address' },
  {
    re: /(?<![\w%])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{3,5}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?(?![\w%])/g,
    what: 'a phone number',
  },
  { re: /\b(?:\d{4}[\s-]){3}\d{1,7}\b/g, what: 'a card number' },
  {
    re: /#\d{5,}\b|\b(?:order|account|booking|reference|ref|ticket|case)(?: number| no\.?| #)?:?\s*#?(?=[A-Z-]*\d)[A-Z0-9-]{5,}\b/gi,
    what: 'an order or account number',
  },
  {
    re: /\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Close|Court)\b/g,
    what: 'a street address',
  },
];

const TONE: { re: RegExp; message: string }[] = [
  {
    re: /\b(?:calm down|relax|chill out|settle down)\b/gi,
    message: 'Telling someone to calm down reads as dismissive. Acknowledge how they feel instead.',
  },
  {
    re: /\bas (?:i|we) (?:already |have )?(?:said|stated|mentioned|explained|told you)\b|\bas (?:previously|already) (?:stated|mentioned|explained)\b|\blike i said\b/gi,
    message: 'Repeating "as I said" sounds impatient. Explain it again simply, as if for the first time.',
  },
  {
    re: /\byou (?:should|must|could) have\b|\bif you had (?:read|followed|checked)\b|\byou (?:didn'?t|failed to|forgot to) (?:read|follow|check)\b|\b(?:your|the customer'?s?) (?:own )?fault\b|\buser error\b/gi,
    message: 'This blames the customer. Say what you will do to fix it rather than what they did wrong.',
  },
  {
    re: /\b(?:not|isn'?t|wasn'?t) our (?:fault|problem|responsibility)\b|\bnothing (?:we|i) can do\b|\bthere'?s nothing (?:more )?(?:we|i) can do\b|\bnot my (?:problem|job)\b/gi,
    message: 'This sounds like a closed door. Say what you can do, even if it is small.',
  },
  {
    re: /\b(?:obviously|clearly|simply|just) (?:you|read|follow|check|click)\b|\bwith (?:all )?due respect\b|\bno offen[cs]e,? but\b|\bi'?m sorry you feel\b|\bsorry if you (?:feel|felt)\b/gi,
    message: 'This wording talks down to the person. Apologise for the problem itself and keep it plain.',
  },
];

// Upper-case words that are names or acronyms, not shouting.
const ACRONYMS = new Set([
  'DM',
  'DMS',
  'FAQ',
  'ASAP',
  'USA',
  'UK',
  'EU',
  'OK',
  'ID',
  'URL',
  'PIN',
  'PDF',
  'APP',
  'IOS',
  'TV',
  'PM',
  'AM',
  'UPS',
  'USPS',
  'FEDEX',
  'DHL',
  'VAT',
  'GST',
  'SKU',
  'HQ',
  'CEO',
  'NYC',
  'LOL',
  'BTW',
  'FYI',
  'RSVP',
  'PS',
  'EST',
  'PST',
  'GMT',
  'UTC',
  'CET',
  'BST',
  'MST',
  'CST',
  'COVID',
  'HTTP',
  'HTTPS',
  'WWW',
  'SMS',
  'GPS',
  'USB',
  'PC',
]);

interface Compiled {
  banned: RegExp | null;
  privateDetails: { phrase: string; re: RegExp }[];
}

const compiled = new WeakMap<Playbook, Compiled>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a case-insensitive pattern that respects word edges where the phrase has them. */
function phrasePattern(phrase: string): string {
  const body = escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+');
  const head = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const tail = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return `${head}${body}${tail}`;
}

function compile(playbook: Playbook): Compiled {
  let c = compiled.get(playbook);
  if (c) return c;
  const banned = playbook.voice.bannedPhrases;
  const details = [
    ...new Set([...playbook.voice.privateDetails, ...DEFAULT_PRIVATE].map((d) => d.toLowerCase())),
  ];
  c = {
    banned: banned.length > 0 ? new RegExp(banned.map(phrasePattern).join('|'), 'gi') : null,
    privateDetails: details.map((phrase) => ({ phrase, re: new RegExp(phrasePattern(phrase), 'gi') })),
  };
  compiled.set(playbook, c);
  return c;
}

const normalised = new WeakMap<ReplyHistoryEntry, { text: string; pairs: Set<string> }>();
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+|@\w+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
function normalisedEntry(e: ReplyHistoryEntry): { text: string; pairs: Set<string> } {
  let n = normalised.get(e);
  if (n === undefined) {
    const text = normalise(e.text);
    n = { text, pairs: pairs(text.split(' ')) };
    normalised.set(e, n);
  }
  return n;
}

function pairs(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** The sentence around `index`, for "is this detail asked for by DM?" decisions. */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10; // . ! ? newline
}

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !isSentenceEnd(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && !isSentenceEnd(text.charCodeAt(b))) b++;
  return text.slice(a, b + 1);
}

/** Policy and tone checks for a draft reply. Issues are sorted by position; offsets are UTF-16 indices. */
export function check(draft: string, options: CheckOptions): CheckIssue[] {
  const { playbook } = options;
  const platform = options.platform ?? 'x';
  const issues: CheckIssue[] = [];
  const rules = compile(playbook);

  if (rules.banned) {
    rules.banned.lastIndex = 0;
    for (const m of draft.matchAll(rules.banned)) {
      issues.push({
        rule: 'banned-phrase',
        severity: 'error',
        message: `"${m[0]}" is on the playbook's list of phrases not to use. Say it in your own warmer words.`,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }

  for (const { phrase, re } of rules.privateDetails) {
    re.lastIndex = 0;
    for (const m of draft.matchAll(re)) {
      if (DM.test(sentenceAround(draft, m.index, m.index + m[0].length))) continue;
      issues.push({
        rule: 'private-detail-request',
        severity: 'warning',
        message: `Ask for the ${phrase} by DM instead: "Could you send us your ${phrase} by DM?"`,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  for (const { re, what } of SHARED_DETAILS) {
    re.lastIndex = 0;
    for (const m of draft.matchAll(re)) {
      if ((m[0].match(/\d/g) ?? []).length < 7 && what === 'a phone number') continue;
      issues.push({
        rule: 'private-detail-shared',
        severity: 'error',
        message: `This looks like ${what}. Personal details go in a private message, never in a public reply.`,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }

  checkOffers(draft, options, issues);

  for (const { re, message } of TONE) {
    re.lastIndex = 0;
    for (const m of draft.matchAll(re)) {
      issues.push({ rule: 'tone', severity: 'warning', message, start: m.index, end: m.index + m[0].length });
    }
  }

  const shouting = findShouting(draft);
  if (shouting) {
    issues.push({
      rule: 'shouting',
      severity: 'warning',
      message:
        'Several words are in capitals, which reads as shouting. Use normal case and let the words carry it.',
      ...shouting,
    });
  }

  const limit = LENGTH_LIMITS[platform];
  if (platform === 'x') {
    const over = xLength(draft, limit);
    if (over) {
      issues.push({
        rule: 'length',
        severity: 'error',
        message: over.exact
          ? `This is ${over.length} characters as X counts them; the limit is ${limit}. Trim ${over.length - limit} or move the details to a DM.`
          : `This is over ${over.length} characters as X counts them; the limit is ${limit}. Shorten it a lot or move the details to a DM.`,
        start: over.validEnd + 1,
        end: draft.length,
      });
    }
  } else if (draft.length > limit) {
    issues.push({
      rule: 'length',
      severity: 'error',
      message: `This is ${draft.length} characters; Facebook comments stop at ${limit}. Shorten it.`,
      start: limit,
      end: draft.length,
    });
  }

  const duplicate = findDuplicate(draft, options);
  if (duplicate) issues.push(duplicate);

  for (const v of findVariables(draft)) {
    issues.push({
      rule: 'unfilled-variable',
      severity: 'error',
      message: v.known
        ? `{${v.name}} has not been filled in. Replace it before posting.`
        : `{${v.name}} is not a variable the playbook knows. Replace it with the right words before posting.`,
      start: v.start,
      end: v.end,
    });
  }

  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}

const URLISH = /(?:https?:\/\/|www\.)\S+/g;
const PREFIX = 700;

/**
 * X's weighted length when it is over the limit. twitter-text is linear in the text's length, so for long
 * drafts (typed one key at a time) a cheap lower bound proves the draft is over, and only a prefix is parsed to
 * find where the allowed part ends.
 */
function xLength(draft: string, limit: number): { length: number; exact: boolean; validEnd: number } | null {
  if (draft.length > PREFIX * 1.5) {
    // Every character weighs at least 1 except links, which count as 23 whatever their length.
    let bound = draft.length;
    URLISH.lastIndex = 0;
    for (let m = URLISH.exec(draft); m !== null; m = URLISH.exec(draft))
      bound -= Math.max(0, m[0].length - 23);
    if (bound > limit) {
      const space = draft.indexOf(' ', PREFIX);
      const head = parseTweet(draft.slice(0, space < 0 ? PREFIX : space));
      if (head.weightedLength > limit)
        return { length: Math.max(bound, head.weightedLength), exact: false, validEnd: head.validRangeEnd };
    }
  }
  const parsed = parseTweet(draft);
  if (parsed.weightedLength <= limit) return null;
  return { length: parsed.weightedLength, exact: true, validEnd: parsed.validRangeEnd };
}

const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent\b)/gi;
const OFFER_WORDS =
  /\b(?:discount|voucher|coupon|promo code|gift card|store credit|on the house|free of charge|complimentary|money off)\b/gi;

// The comment being answered stays the same while the reply is typed, so remember its intent.
let lastReply: { text: string; intent: Intent } | null = null;
function replyIntent(text: string): Intent {
  if (lastReply?.text !== text) lastReply = { text, intent: classify(text).intent };
  return lastReply.intent;
}

function checkOffers(draft: string, options: CheckOptions, issues: CheckIssue[]): void {
  const offers = options.playbook.offers;
  const mentions: { start: number; end: number; percent: number | null }[] = [];
  PERCENT.lastIndex = 0;
  for (const m of draft.matchAll(PERCENT)) {
    const sentence = sentenceAround(draft, m.index, m.index + m[0].length);
    // "100% sure" is not an offer; a percentage is one when the sentence talks about money off.
    if (
      !/\b(?:off|discount|refund|credit|voucher|coupon|code|save|saving|reduction|cheaper)\b/i.test(sentence)
    )
      continue;
    mentions.push({ start: m.index, end: m.index + m[0].length, percent: Number(m[1]) });
  }
  if (mentions.length === 0) {
    OFFER_WORDS.lastIndex = 0;
    for (const m of draft.matchAll(OFFER_WORDS))
      mentions.push({ start: m.index, end: m.index + m[0].length, percent: null });
  }
  if (mentions.length === 0) return;
  if (offers.length === 0) {
    for (const m of mentions) {
      issues.push({
        rule: 'offer-unknown',
        severity: 'error',
        message: 'The playbook has no approved offers. Check with your manager before promising anything.',
        start: m.start,
        end: m.end,
      });
    }
    return;
  }
  const intent = options.replyTo ? (options.replyTo.intent ?? replyIntent(options.replyTo.text)) : undefined;
  const max = Math.max(...offers.map((o) => o.maxPercent ?? 0));
  for (const m of mentions) {
    if (m.percent !== null && m.percent > max) {
      issues.push({
        rule: 'offer-too-high',
        severity: 'error',
        message:
          max > 0
            ? `${m.percent}% is more than any approved offer allows (at most ${max}%). Offer ${max}% or less.`
            : `No approved offer gives a percentage off. Use one of the playbook's offers instead.`,
        start: m.start,
        end: m.end,
      });
      continue;
    }
    const fitting = offers.filter((o) => m.percent === null || (o.maxPercent ?? 0) >= m.percent);
    if (intent === undefined) continue;
    const allowed = fitting.filter((o) => !o.allowedIntents || o.allowedIntents.includes(intent));
    if (allowed.length === 0) {
      const example = fitting[0];
      const forWhat = example?.allowedIntents?.join(' or ') ?? 'other cases';
      issues.push({
        rule: 'offer-wrong-intent',
        severity: 'warning',
        message: `"${example?.label ?? 'This offer'}" is for ${forWhat} comments, and this one reads as ${intent}. Same problem, same offer: keep offers to the cases they are for.`,
        start: m.start,
        end: m.end,
      });
    }
  }
}

// Candidate shouted words: three or more capitals (Latin-1 included) standing alone.
const CAPS_WORD =
  /(?<![A-Za-z\u00c0-\u00ff])[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de']{2,}(?![A-Za-z\u00c0-\u00ff])/g;

function findShouting(draft: string): { start: number; end: number } | null {
  let count = 0;
  let first = -1;
  let last = -1;
  CAPS_WORD.lastIndex = 0;
  for (let m = CAPS_WORD.exec(draft); m !== null; m = CAPS_WORD.exec(draft)) {
    const w = m[0];
    if (ACRONYMS.has(w.replace(/'.*$/, ''))) continue;
    count++;
    if (first < 0) first = m.index;
    last = m.index + w.length;
  }
  if (count >= 3) return { start: first, end: last };
  // Two capitalised words are shouting only in a very short reply ("NOT OK").
  if (count === 2 && (draft.match(/[\p{L}]+/gu) ?? []).length <= 4) return { start: first, end: last };
  return null;
}

function findDuplicate(draft: string, options: CheckOptions): CheckIssue | null {
  const history = options.history;
  if (!history || history.length === 0) return null;
  const mine = normalise(draft);
  const words = mine.split(' ');
  if (words.length < 3) return null;
  const now = options.now ?? Date.now();
  const mineSet = pairs(words);
  let checked = 0;
  for (let i = history.length - 1; i >= 0 && checked < DUPLICATE_HISTORY; i--) {
    const e = history[i];
    if (!e || now - e.at > DUPLICATE_WINDOW_MS) continue;
    checked++;
    const theirs = normalisedEntry(e);
    let similar = theirs.text === mine;
    // The overlap cannot reach the bar when one text is much longer than the other.
    const ratio = theirs.pairs.size / Math.max(1, mineSet.size);
    if (!similar && ratio >= NEAR_DUPLICATE && ratio <= 1 / NEAR_DUPLICATE) {
      const other = theirs.pairs;
      let shared = 0;
      for (const p of mineSet) if (other.has(p)) shared++;
      const union = mineSet.size + other.size - shared;
      similar = union > 0 && shared / union >= NEAR_DUPLICATE;
    }
    if (similar) {
      const hours = Math.max(1, Math.round((now - e.at) / 3_600_000));
      return {
        rule: 'duplicate',
        severity: 'warning',
        message: `This is nearly the same as a reply sent ${hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`} ago. X treats repeated identical replies as spam: change the wording or use another variant.`,
        start: 0,
        end: draft.length,
      };
    }
  }
  return null;
}
