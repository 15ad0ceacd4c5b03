import type { FacebookLabels, TimeUnit } from './labels';

const UNIT_MS: Record<TimeUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  // Facebook rounds to whole months and years in aria-labels only ("2 months ago"); the exact day is lost anyway.
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** Comments older than this are not something the page would show as a relative count. */
const MAX_COUNT = 10_000;

function normalise(text: string): string {
  // Facebook separates number and unit with a no-break space in some locales ("2 h").
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function countOf(word: string, labels: FacebookLabels): number | null {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n <= MAX_COUNT ? n : null;
  }
  return labels.one.includes(word.toLowerCase()) ? 1 : null;
}

function unitOf(word: string, labels: FacebookLabels): TimeUnit | null {
  return labels.units[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Minutes after midnight for "3:15 PM", "10:02 AM", "15:15", "3 PM"; null when unreadable. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*m?\.?$/i.exec(normalise(text));
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23 || m[2] === undefined) {
    // A bare number without a.m./p.m. or minutes is not a clock time.
    return null;
  }
  return hours * 60 + minutes;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function monthIndex(word: string, labels: FacebookLabels): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return labels.months.findIndex((names) => names.includes(w));
}

function atClock(day: Date, clock: string | undefined): number | null {
  if (clock === undefined) return day.getTime();
  const minutes = parseClock(clock);
  if (minutes === null) return null;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes).getTime();
}

/**
 * The time a Facebook timestamp stands for, as epoch milliseconds, or null when the text is not a time in this
 * language. Reads the short forms under comments ("Just now", "5m", "2h", "3d", "1w", "1y"), the long forms
 * of aria-labels ("2 hours ago", "a week ago"), "Yesterday" with or without a clock time, and dates with or
 * without year and time ("March 3", "March 3 at 10:02 AM", "March 3, 2024").
 *
 * Dates and clock times are read in the browser's local time zone, which is the zone Facebook writes them in.
 * A day without a clock time stands for the start of that day. A date without a year is the most recent such
 * date that is not in the future.
 */
export function parseRelativeTime(text: string, now: Date, labels: FacebookLabels): number | null {
  const t = normalise(text);
  if (t === '' || t.length > 80) return null;
  const lower = t.toLowerCase();
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) return null;

  if (labels.justNow.includes(lower)) return nowMs;

  const short = /^(\d+)\s?([^\d\s]+)$/.exec(t);
  if (short) {
    const n = countOf(short[1] ?? '', labels);
    const unit = unitOf(short[2] ?? '', labels);
    if (n !== null && unit !== null) return nowMs - n * UNIT_MS[unit];
  }

  const ago = labels.agoPattern.exec(t);
  if (ago) {
    const n = countOf(ago[1] ?? '', labels);
    const unit = unitOf(ago[2] ?? '', labels);
    if (n !== null && unit !== null) return nowMs - n * UNIT_MS[unit];
    return null;
  }

  const yesterday = startOfDay(new Date(nowMs - UNIT_MS.day));
  if (lower === labels.yesterday) return yesterday.getTime();
  const yesterdayAt = labels.yesterdayAt.exec(t);
  if (yesterdayAt) return notFuture(atClock(yesterday, yesterdayAt[1]), nowMs);

  const date = labels.datePattern.exec(t);
  if (date) {
    const g = labels.dateGroups;
    const month = monthIndex(date[g.month] ?? '', labels);
    const day = Number(date[g.day]);
    if (month < 0 || !(day >= 1 && day <= 31)) return null;
    const yearText = date[g.year];
    let year = yearText === undefined ? now.getFullYear() : Number(yearText);
    let candidate = new Date(year, month, day);
    // Reject "February 31": Date rolls it over into March.
    if (candidate.getMonth() !== month) return null;
    if (yearText === undefined && candidate.getTime() > nowMs) {
      year -= 1;
      candidate = new Date(year, month, day);
      if (candidate.getMonth() !== month) return null;
    }
    return notFuture(atClock(candidate, date[g.time]), nowMs);
  }
  return null;
}

/** Facebook never shows a time ahead of now; allow an hour for clock skew, reject the rest as misread. */
function notFuture(time: number | null, nowMs: number): number | null {
  return time !== null && time <= nowMs + UNIT_MS.hour ? time : null;
}
