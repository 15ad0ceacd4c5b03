import type { Token } from './text';

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when the text has too few words to tell. */
  code: string;
  /** Function words or script that decided it, for the reasons list. */
  evidence: string[];
}

// Scripts that identify a language (or a family we name by its main language) on their own.
const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Tamil}/gu, 'ta'],
];
// Latin, punctuation, symbols and emoji: no script check needed.
const NON_LATIN_LETTER = /[\u0370-\u1dff\u2e80-\ud7ff\uf900-\ufaff\uff66-\uffdc]/u;

// Short, frequent function words; words shared with English ("a", "me", "die", "on") are left out so that an
// English tweet quoting one foreign word stays English.
const STOPWORDS: Record<string, string> = {
  en: 'the and is are was were you your i my we our it this that with for have has not but what why how can will just do does did be been of to in',
  es: 'el la los las que de del y en es por para con una un su sus pero como más muy está están estoy tengo hola gracias porque también ya yo nos mi qué cuando',
  fr: 'le la les des est et une un du pour pas avec sur mais je tu nous vous très merci bonjour mon ma mes ce cette qui que dans sont avez êtes suis',
  de: 'der die das und ist nicht ich du wir sie ein eine mit auf für den dem zu ist sind bin haben hat aber auch noch danke bitte sehr mein meine kein',
  pt: 'o os as que de do da dos das em um uma é não com para por mas muito obrigado obrigada você eu meu minha está são tem também isso',
  it: 'il lo la gli le di che è e non un una per con sono ho ma anche molto grazie questo questa mio mia ci della del nel io',
  nl: 'de het een en is niet ik je wij we zijn van op te met voor maar ook heel bedankt dank mijn geen dat deze hebben heb',
  id: 'yang dan di ini itu dengan untuk tidak ada saya kami kita dari akan sudah juga bisa terima kasih apa',
  tr: 've bir bu da de için ile çok ne ben sen biz değil var yok ama gibi teşekkür',
};

/** Function word → the languages it belongs to: one lookup per word instead of one per language. */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [code, list] of Object.entries(STOPWORDS)) {
  for (const word of list.split(' ')) {
    const codes = LANGUAGES_OF.get(word) ?? [];
    if (!codes.includes(code)) codes.push(code);
    LANGUAGES_OF.set(word, codes);
  }
}

/**
 * Tells English from other languages cheaply: a script check, then counts of function words. It does not try
 * to be a general language identifier; it only has to avoid analysing non-English text as if it were English.
 */
export function detectLanguage(text: string, tokens: readonly Token[]): LanguageGuess {
  const letters = NON_LATIN_LETTER.test(text) ? text.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu, '') : '';
  for (const [re, code] of letters === '' ? [] : SCRIPTS) {
    const m = letters.match(re);
    // A name or an emoticon made of foreign characters should not flip an English tweet.
    if (m && m.length >= 3 && m.length * 2 >= letters.replace(/[^\p{L}]/gu, '').length * 0.5) {
      return { code, evidence: [`${m.slice(0, 3).join('')} (script)`] };
    }
  }
  const hits = new Map<string, string[]>();
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    const codes = LANGUAGES_OF.get(t.norm);
    if (!codes) continue;
    for (const code of codes) {
      const list = hits.get(code);
      if (list) list.push(t.norm);
      else hits.set(code, [t.norm]);
    }
  }
  const en = hits.get('en')?.length ?? 0;
  let best = 'en';
  let bestCount = en;
  for (const [code, list] of hits) {
    if (code !== 'en' && list.length > bestCount) {
      best = code;
      bestCount = list.length;
    }
  }
  if (best !== 'en' && bestCount >= 2 && bestCount >= 2 * en + 1) {
    return { code: best, evidence: hits.get(best)?.slice(0, 4) ?? [] };
  }
  if (en === 0 && words < 3) return { code: 'und', evidence: [] };
  return { code: 'en', evidence: hits.get('en')?.slice(0, 4) ?? [] };
}
