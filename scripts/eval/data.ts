/** Readers for the labelled sets in ../shared/data (see its SOURCES.md). Nothing here ships. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATA_DIR = resolve(process.cwd(), '..', 'shared', 'data');

export function dataAvailable(): boolean {
  return existsSync(DATA_DIR);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

export interface ComplaintRow {
  id: string;
  text: string;
  complaint: boolean;
  domain: string;
}

export function loadComplaints(): ComplaintRow[] {
  return parseCsv(readFileSync(join(DATA_DIR, 'complaints-dev.csv'), 'utf8')).map((r) => ({
    id: r.tweet_id ?? '',
    text: r.text ?? '',
    complaint: r.label === '1',
    domain: r.domain ?? '',
  }));
}

/** FNV-1a of the tweet id: a fixed split that does not depend on row order. */
export function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 1;
}

export interface SentimentRow {
  text: string;
  /** 0 negative, 1 neutral, 2 positive. */
  label: number;
}

export function loadTweetEval(): SentimentRow[] {
  const dir = join(DATA_DIR, 'tweeteval-sentiment');
  const texts = readFileSync(join(dir, 'val_text.txt'), 'utf8').split('\n');
  const labels = readFileSync(join(dir, 'val_labels.txt'), 'utf8').split('\n');
  const out: SentimentRow[] = [];
  labels.forEach((l, i) => {
    if (l.trim() === '') return;
    out.push({ text: texts[i] ?? '', label: Number(l) });
  });
  return out;
}

export interface SpamRow {
  text: string;
  spam: boolean;
  video: string;
}

export function loadYoutube(): SpamRow[] {
  const dir = join(DATA_DIR, 'youtube-spam');
  const out: SpamRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    for (const r of parseCsv(readFileSync(join(dir, file), 'utf8'))) {
      out.push({ text: (r.CONTENT ?? '').replace(/\uFEFF/g, ''), spam: r.CLASS === '1', video: file });
    }
  }
  return out;
}
