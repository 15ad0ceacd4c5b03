/**
 * Facebook's interface words, one table per UI language. The adapter reads comments by structure first (the
 * comment_id link, the nesting of articles); these tables cover what only the words say: which article is a
 * comment or a reply and by whom, the visible relative times, the action controls and the composer labels.
 *
 * Adding a language means adding one table here; nothing else in the adapter changes.
 */

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface FacebookLabels {
  /** Primary language subtag as in `<html lang>` ("en", "es"). */
  readonly lang: string;
  /** Article aria-label of a top-level comment: "Comment by NAME 2 hours ago"; group 1 is the name. */
  readonly commentBy: RegExp;
  /** Article aria-label of a reply: "Reply by NAME to OTHER's comment 1 hour ago"; groups: name, other. */
  readonly replyBy: RegExp;
  /** Trailing time phrase of an aria-label ("2 hours ago", "a week ago", "Just now"), removed before names. */
  readonly ariaTime: RegExp;
  /** Text of the action controls under a comment. */
  readonly reply: string;
  readonly like: string;
  /** The "See more" control inside a truncated comment body. */
  readonly seeMore: readonly string[];
  /** aria-label of the composer's submit button. */
  readonly submit: readonly string[];
  /** Composer aria-label naming the identity a comment is posted as: "Comment as NAME"; group 1 = name. */
  readonly postingAs: readonly RegExp[];
  /** Reply composer aria-label: "Reply to NAME"; group 1 = name. */
  readonly replyBox: RegExp;
  /** Page-profile control offered to people who manage the page: "Switch into NAME's Page". */
  readonly switchInto: RegExp;
  /** Relative times. */
  readonly justNow: readonly string[];
  readonly yesterday: string;
  /** "5m", "2 h", "3 días": maps the unit word (lower case) to a unit. */
  readonly units: Readonly<Record<string, TimeUnit>>;
  /** "2 hours ago" / "hace 2 horas": where the number sits relative to the unit; {n} {unit}. */
  readonly agoPattern: RegExp;
  /** "a", "an", "un", "una": the number one written as a word. */
  readonly one: readonly string[];
  /** Month names, lower case, January first; abbreviations allowed as extra entries per month. */
  readonly months: readonly (readonly string[])[];
  /** "March 3", "March 3 at 10:02 AM", "March 3, 2024": groups month, day, year?, time?. */
  readonly datePattern: RegExp;
  /** Which group of `datePattern` holds what. */
  readonly dateGroups: { month: number; day: number; year: number; time: number };
  /** "Yesterday at 3:15 PM": group 1 = time. */
  readonly yesterdayAt: RegExp;
}

const EN_UNITS: Record<string, TimeUnit> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  mo: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};

export const EN: FacebookLabels = {
  lang: 'en',
  commentBy: /^Comment by (.+)$/,
  replyBy: /^Reply by (.+?) to (.+?)['’]s? comment\b/,
  ariaTime:
    /\s+(?:(?:about\s+)?(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now|yesterday(?:\s+at\s+.+)?)$/i,
  reply: 'Reply',
  like: 'Like',
  seeMore: ['See more', 'See More'],
  submit: ['Comment', 'Post comment', 'Reply'],
  postingAs: [/^Comment as (.+)$/, /^Answer as (.+)$/, /^Reply as (.+)$/],
  replyBox: /^Reply to (.+)$/,
  switchInto: /Switch into (.+?)['’]s? Page/,
  justNow: ['just now', 'now'],
  yesterday: 'yesterday',
  units: EN_UNITS,
  agoPattern: /^(?:about\s+)?(\d+|an?)\s+([a-z]+)\s+ago$/i,
  one: ['a', 'an'],
  months: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  datePattern: /^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:\s+at\s+(.+))?$/i,
  dateGroups: { month: 1, day: 2, year: 3, time: 4 },
  yesterdayAt: /^yesterday\s+at\s+(.+)$/i,
};

/**
 * Spanish, partial: enough to read comments, replies, times and the composer. Spanish Facebook writes
 * "Comentario de NOMBRE hace 2 horas" and "Respuesta de NOMBRE al comentario de OTRO hace 1 hora".
 */
export const ES: FacebookLabels = {
  lang: 'es',
  commentBy: /^Comentario de (.+)$/,
  replyBy: /^Respuesta de (.+?) al comentario de (.+?)(?=\s+hace\s|\s+justo ahora|\s+ayer|$)/,
  ariaTime:
    /\s+(?:hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|a[nñ]os?)|justo ahora|ahora|ayer(?:\s+a\s+las?\s+.+)?)$/i,
  reply: 'Responder',
  like: 'Me gusta',
  seeMore: ['Ver más'],
  submit: ['Comentar', 'Publicar comentario', 'Responder'],
  postingAs: [/^Comentar como (.+)$/, /^Responder como (.+)$/],
  replyBox: /^Responder a (.+)$/,
  switchInto: /Cambiar a la página (?:de )?(.+?)(?:\s+para\b|$)/,
  justNow: ['justo ahora', 'ahora'],
  yesterday: 'ayer',
  units: {
    s: 'second',
    seg: 'second',
    segundo: 'second',
    segundos: 'second',
    min: 'minute',
    minuto: 'minute',
    minutos: 'minute',
    h: 'hour',
    hora: 'hour',
    horas: 'hour',
    d: 'day',
    día: 'day',
    días: 'day',
    dia: 'day',
    dias: 'day',
    sem: 'week',
    semana: 'week',
    semanas: 'week',
    mes: 'month',
    meses: 'month',
    a: 'year',
    año: 'year',
    años: 'year',
  },
  agoPattern: /^hace\s+(\d+|una?)\s+([a-záéíóúñ]+)$/i,
  one: ['un', 'una'],
  months: [
    ['enero', 'ene'],
    ['febrero', 'feb'],
    ['marzo', 'mar'],
    ['abril', 'abr'],
    ['mayo', 'may'],
    ['junio', 'jun'],
    ['julio', 'jul'],
    ['agosto', 'ago'],
    ['septiembre', 'setiembre', 'sept', 'sep'],
    ['octubre', 'oct'],
    ['noviembre', 'nov'],
    ['diciembre', 'dic'],
  ],
  datePattern: /^(\d{1,2})\s+de\s+([a-záéíóúñ]+)\.?(?:\s+de\s+(\d{4}))?(?:\s+a\s+las?\s+(.+))?$/i,
  dateGroups: { month: 2, day: 1, year: 3, time: 4 },
  yesterdayAt: /^ayer\s+a\s+las?\s+(.+)$/i,
};

export const LABEL_TABLES: readonly FacebookLabels[] = [EN, ES];

/** The table for a BCP 47 tag ("en", "en-GB", "es-LA"), or null when the language has no table. */
export function labelsForLang(lang: string | null | undefined): FacebookLabels | null {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LABEL_TABLES.find((table) => table.lang === primary) ?? null;
}

/** The table whose comment or reply wording matches an article aria-label, for pages without `<html lang>`. */
export function labelsForAriaLabel(label: string): FacebookLabels | null {
  return LABEL_TABLES.find((table) => table.commentBy.test(label) || table.replyBy.test(label)) ?? null;
}
