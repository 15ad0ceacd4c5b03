import { statsStrings } from './strings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait as people say it: "40 min", "1 h 5 min", "2 d 3 h". Rounded to the minute, then to the hour. */
export function formatDuration(ms: number | null): string {
  const d = statsStrings.duration;
  if (ms === null) return statsStrings.none;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return d.lessThanMinute;
  if (minutes < 60) return d.minutes(minutes);
  if (minutes < DAY / MINUTE) return d.hours(Math.floor(minutes / 60), minutes % 60);
  const hours = Math.round(ms / HOUR);
  return d.days(Math.floor(hours / 24), hours % 24);
}

/** A share as a whole percentage; a share of nothing is shown as a dash, not as 0%. */
export function formatPercent(value: number | null): string {
  return value === null ? statsStrings.none : `${Math.round(value * 100)}%`;
}

/** The label under a chart column: the hour for a one-day chart, the date otherwise. */
export function formatPointLabel(start: number, unit: 'hour' | 'day', timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    unit === 'hour' ? { hour: 'numeric', timeZone } : { month: 'short', day: 'numeric', timeZone };
  return new Intl.DateTimeFormat(undefined, options).format(start);
}
