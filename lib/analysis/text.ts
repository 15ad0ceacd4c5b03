/**
 * Social-text tokenizer shared by every analyser. Tokens keep their offsets into the original string so that
 * reasons and issues can be highlighted in the draft or the comment.
 */

export type TokenKind = 'url' | 'handle' | 'hashtag' | 'emoticon' | 'money' | 'number' | 'word' | 'emoji' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The token as written. */
  text: string;
  /** Lower-cased, apostrophes normalised, elongations ("soooo") squeezed. */
  norm: string;
  start: number;
  end: number;
}

// Order matters: the first alternative that matches at a position wins.
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|ly|me|gl|be|us|uk)(?:\/[^\s<>"]*)?)`,
    String.raw`(?<handle>@[A-Za-z0-9_]{1,30})`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]+)`,
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[:;=8][\-o*']?[)\](\[dDpP\/\\|@3*]|<\/?3)(?![\p{L}\p{N}]))`,
    String.raw`(?<money>[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|dollars|euros|bucks)\b)`,
    String.raw`(?<number>\d[\d,]*(?:\.\d+)?(?:\s?%|[\p{L}]+)?)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’][\p{L}]+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)`,
    String.raw`(?<punct>[!?¡¿]+|[.,;:…]+|[-–—]+)`,
  ].join('|'),
  'giu',
);

const KINDS: TokenKind[] = ['url', 'handle', 'hashtag', 'emoticon', 'money', 'number', 'word', 'emoji', 'punct'];

function normalise(kind: TokenKind, text: string): string {
  if (kind === 'emoticon' || kind === 'emoji') return text;
  let s = text.toLowerCase().replace(/’/g, "'");
  // "soooo" and "goooood" are the same word as "so" and "good" to a lexicon; three repeats mark emphasis.
  if (kind === 'word') s = s.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return s;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of text.matchAll(TOKEN)) {
    const groups = m.groups;
    if (!groups) continue;
    let kind: TokenKind = 'punct';
    for (const k of KINDS) {
      if (groups[k] !== undefined) {
        kind = k;
        break;
      }
    }
    out.push({ kind, text: m[0], norm: normalise(kind, m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Three or more letters, all upper case: shouting, unless it is a short acronym. */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Words and hashtags reduced to lower-case terms for bag-of-words models; handles and links become one symbol. */
export function terms(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.kind) {
      case 'word':
        out.push(t.norm);
        break;
      case 'hashtag':
        out.push(t.norm.slice(1));
        break;
      case 'handle':
        out.push('<handle>');
        break;
      case 'url':
        out.push('<url>');
        break;
      case 'money':
        out.push('<money>');
        break;
      case 'number':
        out.push(t.norm.endsWith('%') ? '<percent>' : '<number>');
        break;
      case 'emoji':
      case 'emoticon':
        out.push(t.text);
        break;
      case 'punct':
        if (t.text.includes('!')) out.push('!');
        if (t.text.includes('?')) out.push('?');
        break;
    }
  }
  return out;
}
