import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvCell,
  exportFileName,
  JSON_EXPORT_FORMAT,
  toCsv,
  toJson,
} from '../../../lib/stats/export';
import { type LedgerEntry, ledgerEntrySchema } from '../../../lib/storage/ledger';

const ENTRIES: LedgerEntry[] = [
  {
    kind: 'reply',
    platform: 'x',
    itemId: '100',
    intent: 'complaint',
    responseId: 'late-order',
    variant: 1,
    editDistance: 0.25,
    promoScore: 0.1,
    promotional: false,
    offerIds: ['sorry-10', 'free-shipping'],
    commentAt: Date.parse('2026-11-20T10:00:00Z'),
    postedAt: Date.parse('2026-11-20T10:30:00Z'),
    text: 'Hi Ana, "so sorry", could you DM us?\nThanks',
  },
  {
    kind: 'seen',
    platform: 'facebook',
    itemId: 'c1',
    intent: 'question',
    addressedAt: null,
    seenAt: Date.parse('2026-11-20T09:00:00Z'),
  },
  { kind: 'handled', platform: 'x', itemId: '7', intent: null, at: Date.parse('2026-11-21T08:00:00Z') },
];

/** A small RFC 4180 reader, enough to prove the writer's output reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with the documented columns in their stable order', () => {
    const header = toCsv([]).split('\r\n')[0];
    expect(header).toBe(
      'agent,kind,platform,item_id,intent,at,comment_at,response_id,variant,edit_distance,promo_score,' +
        'promotional,offer_ids,time_to_reply_s,text',
    );
    expect(header?.split(',')).toEqual([...CSV_COLUMNS]);
  });

  it('writes one line per entry in time order, ended by CRLF', () => {
    const csv = toCsv(ENTRIES, { agent: 'Sam' });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[1])).toEqual(['kind', 'seen', 'reply', 'handled']);
    expect(rows[1]).toEqual([
      'Sam',
      'seen',
      'facebook',
      'c1',
      'question',
      '2026-11-20T09:00:00.000Z',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(rows[2]).toEqual([
      'Sam',
      'reply',
      'x',
      '100',
      'complaint',
      '2026-11-20T10:30:00.000Z',
      '2026-11-20T10:00:00.000Z',
      'late-order',
      '1',
      '0.25',
      '0.1',
      'false',
      'sorry-10;free-shipping',
      '1800',
      'Hi Ana, "so sorry", could you DM us?\nThanks',
    ]);
    expect(rows[3]?.slice(0, 6)).toEqual(['Sam', 'handled', 'x', '7', '', '2026-11-21T08:00:00.000Z']);
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('keeps text that a spreadsheet would run as a formula inert', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('guards the reply text and the agent name too', () => {
    const reply = ENTRIES[0];
    if (reply?.kind !== 'reply') throw new Error('fixture changed');
    const rows = parseCsv(toCsv([{ ...reply, text: '=1+1' }], { agent: '@boss' }));
    expect(rows[1]?.[0]).toBe("'@boss");
    expect(rows[1]?.[14]).toBe("'=1+1");
  });
});

describe('JSON export', () => {
  it('wraps the entries, in time order, with the format and the agent', () => {
    const doc = JSON.parse(toJson(ENTRIES, { agent: 'Sam' }));
    expect(doc.format).toBe(JSON_EXPORT_FORMAT);
    expect(doc.agent).toBe('Sam');
    expect(doc.entries.map((e: LedgerEntry) => e.kind)).toEqual(['seen', 'reply', 'handled']);
  });

  it('writes entries that parse back with the ledger schema unchanged', () => {
    const doc = JSON.parse(toJson(ENTRIES));
    expect(doc.agent).toBeNull();
    const back = doc.entries.map((e: unknown) => ledgerEntrySchema.parse(e));
    expect(back).toEqual([ENTRIES[1], ENTRIES[0], ENTRIES[2]]);
  });
});

describe('file names', () => {
  it('names exports by date so they sort', () => {
    expect(exportFileName('csv', new Date('2026-11-23T18:00:00Z'))).toBe('reciprocity-ledger-2026-11-23.csv');
    expect(exportFileName('json', new Date('2026-11-23T18:00:00Z'))).toBe(
      'reciprocity-ledger-2026-11-23.json',
    );
  });
});
