import type { LedgerEntry } from './entries';
import { entryTime } from './prune';
import { timeToReply, utcDayKey } from './time';

/**
 * Exports for managers who combine several staff members' ledgers in a spreadsheet or a script. The columns
 * and the JSON layout are a contract: add new columns at the end, never rename or reorder them.
 *
 * CSV columns, in order:
 * - `agent`            who exported the file (empty when not given)
 * - `kind`             seen | reply | handled
 * - `platform`         x | facebook
 * - `item_id`          the site's id of the comment or post (empty for a reply to an unknown item)
 * - `intent`           praise | question | complaint | request | spam | other (empty when unknown)
 * - `at`               when it happened (seen, posted, marked handled), ISO 8601 UTC
 * - `comment_at`       when the comment was written, ISO 8601 UTC (seen and reply rows, when known)
 * - `response_id`      playbook response used (reply rows)
 * - `variant`          index of the response's variant, from 0 (reply rows)
 * - `edit_distance`    0..1, how much the suggestion was changed before posting (reply rows)
 * - `promo_score`      0..1, how promotional the posted reply read (reply rows)
 * - `promotional`      true | false: above the playbook's threshold (reply rows)
 * - `offer_ids`        offers included, separated by `;` (reply rows)
 * - `time_to_reply_s`  seconds from comment to reply (reply rows, when the comment time is known)
 * - `text`             the posted reply (reply rows); comment text is never stored, so never exported
 */
export const CSV_COLUMNS = [
  'agent',
  'kind',
  'platform',
  'item_id',
  'intent',
  'at',
  'comment_at',
  'response_id',
  'variant',
  'edit_distance',
  'promo_score',
  'promotional',
  'offer_ids',
  'time_to_reply_s',
  'text',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Identifies the JSON export's layout for whoever reads it back. */
export const JSON_EXPORT_FORMAT = 'reciprocity/ledger-export@1';

/** Spreadsheets read a file as UTF-8 only when it starts with this mark; prefix it when saving a CSV file. */
export const CSV_BOM = '\uFEFF';

export interface ExportOptions {
  /** The exporting person's name, so merged files still say whose replies they were. */
  agent?: string | null;
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/**
 * One cell, RFC 4180 style: quoted when it holds a comma, quote or line break, quotes doubled. A cell that a
 * spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage return that hides one)
 * gets a leading apostrophe: reply text is typed by people on a public site and must stay text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(entry: LedgerEntry, agent: string): Record<CsvColumn, string> {
  const cells: Record<CsvColumn, string> = {
    agent,
    kind: entry.kind,
    platform: entry.platform,
    item_id: entry.itemId ?? '',
    intent: entry.intent ?? '',
    at: iso(entryTime(entry)),
    comment_at: '',
    response_id: '',
    variant: '',
    edit_distance: '',
    promo_score: '',
    promotional: '',
    offer_ids: '',
    time_to_reply_s: '',
    text: '',
  };
  if (entry.kind === 'seen') cells.comment_at = iso(entry.addressedAt);
  if (entry.kind === 'reply') {
    const wait = timeToReply(entry.commentAt, entry.postedAt);
    Object.assign(cells, {
      comment_at: iso(entry.commentAt),
      response_id: entry.responseId ?? '',
      variant: entry.variant === null ? '' : String(entry.variant),
      edit_distance: entry.editDistance === null ? '' : String(entry.editDistance),
      promo_score: String(entry.promoScore),
      promotional: String(entry.promotional),
      offer_ids: entry.offerIds.join(';'),
      time_to_reply_s: wait === null ? '' : String(Math.round(wait / 1000)),
      text: entry.text,
    });
  }
  return cells;
}

const byTime = (entries: readonly LedgerEntry[]): LedgerEntry[] =>
  [...entries].sort((a, b) => entryTime(a) - entryTime(b));

/** The ledger as CSV: a header line, then one line per entry in time order, lines ended by CRLF. */
export function toCsv(entries: readonly LedgerEntry[], options: ExportOptions = {}): string {
  const agent = options.agent ?? '';
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of byTime(entries)) {
    const cells = row(entry, agent);
    lines.push(CSV_COLUMNS.map((column) => csvCell(cells[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  agent: string | null;
  /** Entries in time order, shaped like `ledgerEntrySchema`, times in epoch milliseconds. */
  entries: LedgerEntry[];
}

/** The ledger as JSON, entries exactly as `ledgerEntrySchema` describes them. */
export function toJson(entries: readonly LedgerEntry[], options: ExportOptions = {}): string {
  const document: JsonExport = {
    format: JSON_EXPORT_FORMAT,
    agent: options.agent ?? null,
    entries: byTime(entries),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file name that sorts by date: `reciprocity-ledger-2026-11-23.csv`. */
export function exportFileName(kind: 'csv' | 'json', now: Date): string {
  return `reciprocity-ledger-${utcDayKey(now.getTime())}.${kind}`;
}
