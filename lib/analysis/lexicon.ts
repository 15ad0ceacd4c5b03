import { VADER_PACKED } from './lexicon.gen';

let vader: Map<string, number> | undefined;

/** Word → valence (−4..4) from the VADER lexicon, parsed on first use. */
export function valences(): Map<string, number> {
  if (vader) return vader;
  const map = new Map<string, number>();
  for (const entry of VADER_PACKED.split('\t')) {
    const bar = entry.lastIndexOf('|');
    map.set(entry.slice(0, bar), Number(entry.slice(bar + 1)));
  }
  // Words whose everyday sense in replies to brands differs from the lexicon's.
  for (const [w, v] of EXTRA) map.set(w, v);
  vader = map;
  return map;
}

// Emoji carry much of the feeling in social text and the lexicon has none; values on the lexicon's scale.
const EXTRA: [string, number][] = [
  ['😀', 2],
  ['😃', 2],
  ['😄', 2.2],
  ['😁', 2],
  ['😆', 1.8],
  ['😊', 2],
  ['🙂', 1.2],
  ['😍', 2.8],
  ['🥰', 2.8],
  ['😘', 2],
  ['🤩', 2.6],
  ['😂', 1.2],
  ['🤣', 1.4],
  ['😉', 1],
  ['😎', 1.5],
  ['❤', 2.6],
  ['❤️', 2.6],
  ['💕', 2.4],
  ['💖', 2.4],
  ['💯', 1.6],
  ['👍', 1.6],
  ['👏', 1.8],
  ['🙌', 1.8],
  ['🎉', 2],
  ['🔥', 1.2],
  ['✨', 1],
  ['🙏', 1],
  ['😢', -2],
  ['😭', -1.8],
  ['😞', -2],
  ['😔', -1.8],
  ['😟', -1.6],
  ['😕', -1.2],
  ['🙁', -1.4],
  ['☹', -1.6],
  ['😠', -2.4],
  ['😡', -2.8],
  ['🤬', -3],
  ['😤', -1.8],
  ['👎', -2],
  ['💔', -2.2],
  ['😒', -1.6],
  ['🙄', -1.6],
  ['😩', -2],
  ['😫', -2],
  ['🤮', -2.6],
  ['🤢', -2],
  ['😱', -1.2],
  ['😬', -0.8],
  // Customer-care words the general lexicon misses or scores neutral.
  ['refund', -0.8],
  ['broken', -2],
  ['delayed', -1.2],
  ['cancelled', -1.2],
  ['canceled', -1.2],
  ['unacceptable', -2.6],
  ['rude', -2],
  ['useless', -2.4],
  ['ridiculous', -2.2],
  ['overcharged', -2],
  ['scam', -2.6],
  ['worst', -3.1],
  ['sucks', -1.5],
  ['wtf', -2],
  ['smh', -1.4],
  ['ugh', -1.6],
  ['meh', -0.8],
];

/** Words that strengthen the next sentiment word ("really", "so"), with their effect. */
export const BOOSTERS = new Map<string, number>(
  [
    'absolutely',
    'amazingly',
    'completely',
    'deeply',
    'enormously',
    'entirely',
    'especially',
    'exceptionally',
    'extremely',
    'fully',
    'greatly',
    'highly',
    'hugely',
    'incredibly',
    'insanely',
    'most',
    'particularly',
    'purely',
    'quite',
    'really',
    'remarkably',
    'so',
    'such',
    'super',
    'thoroughly',
    'too',
    'totally',
    'tremendously',
    'truly',
    'utterly',
    'very',
    'way',
    'fucking',
    'freaking',
    'frickin',
    'damn',
    'hella',
    'mega',
  ]
    .map((w): [string, number] => [w, 0.293])
    .concat(
      [
        'barely',
        'hardly',
        'kinda',
        'kindof',
        'less',
        'little',
        'marginally',
        'partly',
        'scarcely',
        'slightly',
        'somewhat',
        'sorta',
        'occasionally',
      ].map((w): [string, number] => [w, -0.293]),
    ),
);

/** Words that flip the polarity of what follows within a short window. */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'nowhere',
  'without',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'shouldnt',
  'couldnt',
  'havent',
  'hasnt',
  'hadnt',
  'aint',
  'neva',
  'nope',
  'lack',
  'lacks',
  'lacking',
]);

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}
