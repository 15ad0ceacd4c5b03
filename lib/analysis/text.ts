/**
 * Social-text tokenizer shared by every analyser. Tokens keep their offsets into the original string so that
 * reasons and issues can be highlighted in the draft or the comment.
 */

export type TokenKind =
  | 'url'
  | 'handle'
  | 'hashtag'
  | 'emoticon'
  | 'money'
  | 'number'
  | 'word'
  | 'emoji'
  | 'punct';

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
// No `i` flag: case-insensitive matching with Unicode property classes is several times slower in V8, and this
// runs on every comment and every keystroke.
const TOKEN = new RegExp(
  [
    // Trailing punctuation ends a sentence, not the link.
    String.raw`((?:[hH][tT][tT][pP][sS]?:\/\/|www\.)[^\s<>"]*[^\s<>".,!?;:)'\]]|[a-zA-Z0-9][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)*\.(?:com|net|org|io|co|ly|me|gl|be|us|uk)\b(?:\/[^\s<>"]*[^\s<>".,!?;:)'\]])?)`,
    String.raw`(@[A-Za-z0-9_]{1,30})`,
    String.raw`(#[\p{L}\p{N}_]+)`,
    String.raw`((?<![\p{L}\p{N}])(?:[:;=8][\-o*']?[)\](\[dDpP\/\\|@3*]|<\/?3)(?![\p{L}\p{N}]))`,
    String.raw`([$€£¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|USD|EUR|GBP|dollars|euros|bucks)\b)`,
    String.raw`(\d[\d,]*(?:\.\d+)?(?:\s?%|\p{L}+)?)`,
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’]\p{L}+)*)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)`,
    String.raw`([!?¡¿]+|[.,;:…]+|[-–—]+)`,
  ].join('|'),
  'gu',
);

/** The kind of each capture group of TOKEN, in order. */
const KINDS: TokenKind[] = [
  'url',
  'handle',
  'hashtag',
  'emoticon',
  'money',
  'number',
  'word',
  'emoji',
  'punct',
];

function normalise(kind: TokenKind, text: string): string {
  if (kind === 'emoticon' || kind === 'emoji') return text;
  let s = text.toLowerCase();
  if (s.includes('’')) s = s.replace(/’/g, "'");
  // "soooo" and "goooood" are the same word as "so" and "good" to a lexicon; three repeats mark emphasis.
  if (kind === 'word' && hasTriple(s)) s = s.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return s;
}

function hasTriple(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s[i] === s[i - 1] && s[i] === s[i - 2]) return true;
  return false;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  // An exec loop with numbered groups: named groups and matchAll allocate more on this hot path.
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let kind: TokenKind = 'punct';
    for (let g = 1; g <= KINDS.length; g++) {
      if (m[g] !== undefined) {
        kind = KINDS[g - 1] ?? 'punct';
        break;
      }
    }
    out.push({ kind, text: m[0], norm: normalise(kind, m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Three or more letters, all upper case: shouting, unless it is a short acronym. */
/** True when the text has letters and none of them is lower case. */
export function noLowerCase(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

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
