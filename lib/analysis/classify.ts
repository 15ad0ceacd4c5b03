import type { Intent } from '../playbook/schema';
import { sentimentFeatures, spamFeatures } from './features';
import { detectLanguage } from './language';
import { explain, type LinearModel, predict, unpack } from './linear';
import { SENTIMENT_MODEL, SPAM_MODEL } from './models.gen';
import { scoreLexicon } from './sentiment';
import { type Token, tokenize } from './text';
import type { Classification, ClassifyContext, Reason, SentimentLabel, UrgencyLevel } from './types';

/** The learned parts of the classifier; the evaluation swaps in models trained without the scored fold. */
export interface ClassifierModels {
  sentiment: LinearModel;
  spam: LinearModel;
}

export const SPAM_THRESHOLD = 0.5;
/** Above this, self-promotion wins over complaint cues ("please help me, check out my channel"). */
export const SPAM_OVER_COMPLAINT = 0.8;

let shipped: ClassifierModels | undefined;
function shippedModels(): ClassifierModels {
  shipped ??= { sentiment: unpack(SENTIMENT_MODEL), spam: unpack(SPAM_MODEL) };
  return shipped;
}

interface Cue {
  re: RegExp;
  weight: number;
  signal: string;
}

// Complaint cues: a problem, a failure, a wait, a demand for a fix. Each counts once.
const COMPLAINT_CUES: Cue[] = [
  {
    re: /\b(?:can'?t|cannot|won'?t|unable to|not letting|not allowing|not being allowed|no longer|stopped|refus\w+ to)\b|\b(?:couldn'?t|wouldn'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|haven'?t|hasn'?t|not|never)\s+(?:\w+\s+)?(?:get|log|load|work|working|open|connect|receive|received|arrive|arrived|access|find|use|see|sign|order|pay|download|update|print|send|sent|charge|start|turn|play|stream|reach|hear|call|book|check|deliver|delivered|come|came|show|showing|answer|answered|respond|responded|fix|fixed|help|helped|refund|refunded|ship|shipped|let|recognize|sync|install|accept)\b/gi,
    weight: 1.1,
    signal: 'failure',
  },
  {
    re: /\b(?:still|(?:not )?heard back|expect a (?:response|reply)|yet again|again|any updates?|any answers?|any news|reply to my|check my dms?|get back to me|heard nothing|hung up|on hold|no update|no response|no reply|no answer|no one|nobody|ignored|ignoring|waiting|waited|been trying|keep getting|keeps|every time|for (?:over )?(?:an? |\d+ |two |three |several )?(?:hours?|days?|weeks?|months?)|(?:\d+|two|three|four|five|several) (?:hours?|days?|weeks?|months?|times))\b/gi,
    weight: 0.8,
    signal: 'waiting',
  },
  {
    re: /\b(?:no (?:power|internet|signal|service|email|wifi|hot water|reason)|help!?|need help|please help|assist|advi[cs]e|broken|broke|ripped|torn|smell\w*|removed|disappeared|mistreated|ruin\w*|crap|damaged|faulty|defective|missing|wrong|error|errors|issue|issues|problem|problems|glitch|bug|bugs|crash(?:es|ed|ing)?|fail(?:s|ed|ing|ure)?|outage|down|delay(?:s|ed)?|late|cancel(?:l?ed|lation)?|lost|stuck|slow|overcharged|charged|double charged|refund|scam|rip ?off|disconnect(?:ed|s)?|dropped|leaking|expired|stale|cold|dirty|rude)\b/gi,
    weight: 0.7,
    signal: 'problem',
  },
  {
    re: /\b(?:not impressed|regret\w*|unreliable|stinks|shocking|beware|pricey|overpriced|too expensive|price (?:increase|rise|hike)s?|supposed to|was told|terrible|horrible|awful|worst|pathetic|disgusting|unacceptable|ridiculous|useless|disappointed|disappointing|frustrat\w*|annoy\w*|furious|angry|fed up|sick of|tired of|joke|shambles|nightmare|poor|sucks?|hate|wtf|smh|ugh|seriously|really\?|come on)\b/gi,
    weight: 0.8,
    signal: 'frustration',
  },
  {
    re: /\b(?:why (?:is|are|does|do|did|can'?t|won'?t|isn'?t|hasn'?t|haven'?t|would|am|was|were|the hell|on earth)|how (?:come|long|many times|hard is it|is it possible)|what happened|what is going on|what'?s going on|where is my|where'?s my|when will (?:my|i|you (?:fix|sort))|fix (?:this|it|your)|sort (?:it|this) out|do better|get it together|explain why|give me my money back|bring back|please (?:clean|fix|sort|look into))\b/gi,
    weight: 0.9,
    signal: 'demand',
  },
];

// Against a complaint: thanks and praise without a problem, plain questions about products and plans.
const NOT_COMPLAINT_CUES: Cue[] = [
  {
    re: /\b(?:thanks?|thank you|thx|ty|love|loving|loved|awesome|amazing|great|excellent|fantastic|brilliant|perfect|best|appreciate\w*|impressed|happy|glad|kudos|shout ?out|congrat\w*|well done|good job|wonderful|delicious|yum\w*)\b/gi,
    weight: -0.7,
    signal: 'praise',
  },
  {
    re: /\b(?:do you (?:have|sell|ship|stock|carry|offer|know)|will you (?:be|have)|are you (?:open|hiring|going)|is there|when (?:is|are|does|do) (?:the|your|it)|can i (?:get|buy|order|use)|where can i|how do i|how can i|any (?:plans|chance)|what time|which)\b/gi,
    weight: -0.5,
    signal: 'question-about-offer',
  },
  {
    re: /\b(?:win|winner|giveaway|contest|competition|follow(?:ed)? (?:back|me)|retweet|rt|dm me|check out|enter|vote|excited|can'?t wait|cant wait)\b/gi,
    weight: -0.5,
    signal: 'engagement',
  },
];

// The spam model learned from comments under music videos; on brand replies it needs a self-promotion cue too.
const SELF_PROMO =
  /\b(?:my (?:channel|videos?|page|music|songs?|site|website|blog|store|shop|profile|account|youtube|insta\w*)|(?:check|look) (?:it |this )?out|check (?:me|my|our|us)|check\b.{0,30}\bout\b|(?:sub|add|follow) (?:me|us)|win (?:an?|free)|subscribe|sub ?4 ?sub|subs?crib\w*|follow (?:me|my)|visit (?:my|our)|click (?:here|this|the link)|giveaway|free (?:money|gift|iphone|followers)|earn (?:money|\$)|make money|work from home|whatsapp|promo code|discount code|dm me for)\b/i;

const QUESTION_START =
  /^(?:\s*[@#][^\s@#]*)*\s*(?:who|what|when|where|why|how|which|is|are|do|does|did|can|could|will|would|should|has|have|any)\b/i;
const REQUEST =
  /\b(?:please|pls|plz|can you|could you|would you|will you|i need|i want|i'?d like|i would like|send me|dm me|let me know|help me|help!|looking for|is it possible|kindly|need help)\b/gi;
const PRAISE =
  /\b(?:thanks?|thank you|thx|love|loving|loved|awesome|amazing|great|excellent|fantastic|brilliant|perfect|best|appreciate\w*|impressed|kudos|wonderful|delicious|well done|good job|shout ?out)\b/gi;
const URGENT =
  /\b(?:urgent(?:ly)?|asap|immediately|right now|emergency|today|tonight|stranded|hacked|fraud|stolen|unauthori[sz]ed|charged twice|double charged|locked out|allerg\w*|sick|hospital|safety|danger\w*|police|lawyer|legal action|leaving now)\b/gi;

/** Pushes up to `limit` matches of a cue as reasons and returns how many it pushed. */
function matches(text: string, cue: Cue, reasons: Reason[], limit = 3): number {
  let n = 0;
  const re = cue.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && n < limit; m = re.exec(text)) {
    reasons.push({ signal: cue.signal, text: m[0], start: m.index, end: m.index + m[0].length });
    n++;
  }
  return n;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Everything the classifier decided, for one text, with the spans that decided it. */
export function classify(text: string, context: ClassifyContext = {}): Classification {
  return classifyWith(shippedModels(), text, context);
}

export function classifyWith(
  models: ClassifierModels,
  text: string,
  context: ClassifyContext = {},
): Classification {
  const tokens = tokenize(text);
  const brand = new Set((context.brandHandles ?? []).map((h) => `@${h.replace(/^@/, '').toLowerCase()}`));
  const content: Token[] =
    brand.size > 0 ? tokens.filter((t) => !(t.kind === 'handle' && brand.has(t.norm))) : tokens;
  const language = detectLanguage(text, content);
  const intents: Record<Intent, number> = {
    praise: 0,
    question: 0,
    complaint: 0,
    request: 0,
    spam: 0,
    other: 0,
  };
  if (language.code !== 'en' && language.code !== 'und') {
    intents.other = 1;
    return {
      intent: 'other',
      intents,
      sentiment: { label: 'neutral', score: 0 },
      complaint: false,
      complaintScore: 0,
      urgency: { level: 'normal', score: 0 },
      language: language.code,
      analysed: false,
      reasons: [{ signal: 'language', text: language.evidence.join(' '), start: 0, end: text.length }],
    };
  }

  const { sentiment: sentimentModel, spam: spamModel } = models;
  const reasons: Reason[] = [];
  const lex = scoreLexicon(text, content);
  const sFeatures = sentimentFeatures(text, content, lex);
  const p = predict(sentimentModel, sFeatures);
  const pNeg = p[0] ?? 0;
  const pNeu = p[1] ?? 0;
  const pPos = p[2] ?? 0;
  const label: SentimentLabel =
    pNeg >= pNeu && pNeg >= pPos ? 'negative' : pPos >= pNeu ? 'positive' : 'neutral';
  const score = Math.round((pPos - pNeg) * 1000) / 1000;
  for (const c of lex.contributions) {
    if (Math.abs(c.valence) < 0.5) continue;
    const signal = c.sarcastic ? 'sarcasm' : c.negated ? 'negated' : c.valence > 0 ? 'positive' : 'negative';
    reasons.push({ signal, text: text.slice(c.start, c.end), start: c.start, end: c.end });
  }
  if (lex.sarcasm) reasons.push({ signal: 'sarcasm-marker', ...lex.sarcasm });
  if (lex.contributions.length === 0 && label !== 'neutral') {
    // The lexicon was silent, so name the words the learned model leaned on.
    const cls = label === 'negative' ? 0 : 2;
    for (const [name] of explain(sentimentModel, sFeatures, cls, 2)) {
      const word = name.startsWith('w:') ? name.slice(2) : '';
      const tok = content.find((t) => t.norm === word || t.text === word);
      if (tok) reasons.push({ signal: label, text: tok.text, start: tok.start, end: tok.end });
    }
  }

  // Complaint: problem cues minus praise and product questions, with the sentiment as one more cue.
  let complaintRaw = -0.35;
  for (const cue of COMPLAINT_CUES) if (matches(text, cue, reasons) > 0) complaintRaw += cue.weight;
  const praiseReasons: Reason[] = [];
  for (const cue of NOT_COMPLAINT_CUES) if (matches(text, cue, praiseReasons) > 0) complaintRaw += cue.weight;
  complaintRaw += 1.6 * pNeg - 0.8 * pPos;
  if (lex.sarcasm) complaintRaw += 0.6;
  if (/\?!|!\?/.test(text)) complaintRaw += 0.3;
  const complaintScore = Math.round(sigmoid(2 * complaintRaw) * 1000) / 1000;
  const complaint = complaintScore >= 0.5;

  const promoCue = SELF_PROMO.exec(text);
  const linkCue = content.find((t) => t.kind === 'url');
  // Replies to brands often carry photo and status links, so only links elsewhere count as a cue.
  const outsideLink =
    linkCue !== undefined &&
    !/^(?:https?:\/\/)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)\//i.test(linkCue.text);
  // Without a cue the text cannot be called spam, so the model is not consulted.
  const spamP = promoCue || outsideLink ? (predict(spamModel, spamFeatures(text, content))[1] ?? 0) : 0;
  const questionLike = /\?/.test(text) || QUESTION_START.test(text);
  const requestReasons: Reason[] = [];
  const requestHits = matches(text, { re: REQUEST, weight: 0, signal: 'request' }, requestReasons);
  const praiseHits = matches(text, { re: PRAISE, weight: 0, signal: 'praise' }, praiseReasons, 3);

  intents.spam = Math.round(spamP * 1000) / 1000;
  intents.complaint = complaintScore;
  intents.question = questionLike ? 0.7 : 0;
  intents.request = Math.min(1, requestHits * 0.45);
  intents.praise =
    Math.round(Math.min(1, pPos * 0.6 + praiseHits * 0.25 + (label === 'positive' ? 0.1 : 0)) * 1000) / 1000;
  intents.other = 0.3;
  let intent: Intent;
  if (spamP >= (complaint ? SPAM_OVER_COMPLAINT : SPAM_THRESHOLD)) intent = 'spam';
  else if (complaint) intent = 'complaint';
  else {
    intent = 'other';
    let best = intents.other;
    for (const i of ['question', 'request', 'praise'] as const) {
      if (intents[i] > best) {
        best = intents[i];
        intent = i;
      }
    }
  }
  if (intent === 'praise') reasons.push(...praiseReasons.filter((r) => r.signal === 'praise'));
  if (intent === 'request') reasons.push(...requestReasons);
  if (intent === 'question') {
    const q = text.indexOf('?');
    if (q >= 0) reasons.push({ signal: 'question', text: '?', start: q, end: q + 1 });
  }
  if (intent === 'spam') {
    if (promoCue) {
      reasons.push({
        signal: 'spam',
        text: promoCue[0],
        start: promoCue.index,
        end: promoCue.index + promoCue[0].length,
      });
    }
    if (linkCue) reasons.push({ signal: 'spam', ...pick(linkCue) });
  }

  let urgencyRaw = complaint ? 0.35 : 0;
  URGENT.lastIndex = 0;
  for (const m of text.matchAll(URGENT)) {
    urgencyRaw += 0.3;
    reasons.push({ signal: 'urgent', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  if (/!{2,}/.test(text)) urgencyRaw += 0.1;
  if (label === 'negative') urgencyRaw += 0.15 * pNeg;
  const urgencyScore = Math.round(Math.min(1, urgencyRaw) * 1000) / 1000;
  const level: UrgencyLevel = urgencyScore >= 0.6 ? 'high' : urgencyScore >= 0.3 ? 'normal' : 'low';

  return {
    intent,
    intents,
    sentiment: { label, score },
    complaint,
    complaintScore,
    urgency: { level, score: urgencyScore },
    language: language.code,
    analysed: true,
    reasons: dedupe(reasons),
  };
}

function pick(t: Token): { text: string; start: number; end: number } {
  return { text: t.text, start: t.start, end: t.end };
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons
    .filter((r) => {
      const key = `${r.signal}:${r.start}:${r.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}
