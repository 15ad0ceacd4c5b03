import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS, HOUR_MS } from '../../../lib/stats/time';
import {
  createLedgerStore,
  type LedgerStore,
  ledgerRetentionDays,
  MAX_REPLY_TEXT,
  migrateBucketV1toV2,
  type ReplyInput,
} from '../../../lib/storage/ledger';

const at = (iso: string): number => Date.parse(iso);
const NOW = new Date('2026-11-23T12:00:00Z');

const reply = (overrides: Partial<ReplyInput> = {}): ReplyInput => ({
  platform: 'x',
  itemId: '100',
  intent: 'complaint',
  responseId: 'late-order',
  variant: 1,
  editDistance: 0.2,
  promoScore: 0.1,
  promotional: false,
  offerIds: ['sorry-10'],
  commentAt: at('2026-11-23T11:00:00Z'),
  postedAt: at('2026-11-23T11:30:00Z'),
  text: 'Sorry Ana, could you DM us the order number?',
  ...overrides,
});

async function raw(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

let store: LedgerStore;

beforeEach(() => {
  fakeBrowser.reset();
  store = createLedgerStore();
});

describe('recording items seen', () => {
  it('records each item once, however often the page shows it', async () => {
    const items = [
      {
        platform: 'x' as const,
        itemId: '1',
        intent: 'question' as const,
        addressedAt: at('2026-11-23T09:00:00Z'),
      },
      { platform: 'x' as const, itemId: '2', intent: 'praise' as const, addressedAt: null },
      { platform: 'x' as const, itemId: '1', intent: 'question' as const, addressedAt: null },
    ];
    expect(await store.recordSeen(items, NOW)).toBe(2);
    expect(await store.recordSeen(items, new Date(NOW.getTime() + HOUR_MS))).toBe(0);
    const entries = await store.readLedger();
    expect(entries).toEqual([
      {
        kind: 'seen',
        platform: 'x',
        itemId: '1',
        intent: 'question',
        addressedAt: at('2026-11-23T09:00:00Z'),
        seenAt: NOW.getTime(),
      },
      {
        kind: 'seen',
        platform: 'x',
        itemId: '2',
        intent: 'praise',
        addressedAt: null,
        seenAt: NOW.getTime(),
      },
    ]);
  });

  it('tells the same id on two platforms apart', async () => {
    const seen = await store.recordSeen(
      [
        { platform: 'x', itemId: '7', intent: 'other', addressedAt: null },
        { platform: 'facebook', itemId: '7', intent: 'other', addressedAt: null },
      ],
      NOW,
    );
    expect(seen).toBe(2);
  });

  it('remembers items seen on an earlier day after the background restarts', async () => {
    await store.recordSeen([{ platform: 'x', itemId: '1', intent: 'question', addressedAt: null }], NOW);
    const restarted = createLedgerStore();
    const later = new Date(NOW.getTime() + 2 * DAY_MS);
    expect(
      await restarted.recordSeen(
        [{ platform: 'x', itemId: '1', intent: 'question', addressedAt: null }],
        later,
      ),
    ).toBe(0);
  });

  it('skips an item it cannot store without losing the rest of the snapshot', async () => {
    const recorded = await store.recordSeen(
      [
        { platform: 'x', itemId: 'x'.repeat(500), intent: 'question', addressedAt: null },
        { platform: 'x', itemId: '2', intent: 'question', addressedAt: null },
      ],
      NOW,
    );
    expect(recorded).toBe(1);
    expect((await store.readLedger()).map((e) => e.itemId)).toEqual(['2']);
  });

  it('records items again when the storage was cleared behind its back', async () => {
    const item = { platform: 'x' as const, itemId: '1', intent: 'question' as const, addressedAt: null };
    await store.recordSeen([item], NOW);
    await fakeBrowser.storage.local.clear();
    expect(await store.recordSeen([item], NOW)).toBe(1);
    expect(await store.readLedger()).toHaveLength(1);
  });

  it('loses nothing when snapshots arrive at the same time', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.recordSeen([{ platform: 'x', itemId: String(i), intent: 'question', addressedAt: null }], NOW),
      ),
    );
    expect(await store.readLedger()).toHaveLength(20);
  });
});

describe('recording replies and handled items', () => {
  it('keeps every field the reports need', async () => {
    const entry = await store.recordReply(reply());
    expect(entry.kind).toBe('reply');
    expect(await store.readLedger()).toEqual([{ kind: 'reply', ...reply() }]);
  });

  it('cuts very long reply text to the stored maximum', async () => {
    const entry = await store.recordReply(reply({ text: 'a'.repeat(MAX_REPLY_TEXT + 50) }));
    expect(entry.text).toHaveLength(MAX_REPLY_TEXT);
  });

  it('refuses a reply whose edit distance is out of range', async () => {
    await expect(store.recordReply(reply({ editDistance: 1.5 }))).rejects.toThrow();
    expect(await store.readLedger()).toEqual([]);
  });

  it('measures the edit distance against the suggestion that was inserted', async () => {
    const { editDistance: _given, variant: _variant, ...rest } = reply();
    const entry = await store.recordReply({ ...rest, suggestedText: 'Thanks Ana!', text: 'Thanks Bob!' });
    expect(entry.editDistance).toBeCloseTo(3 / 11, 10);
    expect(entry.variant).toBeNull();
  });

  it('records no edit distance for a reply written from scratch', async () => {
    const { editDistance: _unused, ...rest } = reply();
    expect((await store.recordReply({ ...rest, suggestedText: null })).editDistance).toBeNull();
  });

  it('takes times as epoch milliseconds as well as dates', async () => {
    await store.recordSeen(
      [{ platform: 'x', itemId: '1', intent: 'question', addressedAt: null }],
      NOW.getTime(),
    );
    await store.recordHandled({ platform: 'x', itemId: '1', intent: 'question', at: NOW.getTime() + 5 });
    expect((await store.readLedger()).map((e) => e.kind)).toEqual(['seen', 'handled']);
    expect((await store.readLedger())[1]).toMatchObject({ at: NOW.getTime() + 5 });
  });

  it('records an item marked handled once', async () => {
    const item = { platform: 'facebook' as const, itemId: 'c1', intent: 'spam' as const };
    expect(await store.recordHandled(item, NOW)).toBe(true);
    expect(await store.recordHandled(item, NOW)).toBe(false);
    expect(await store.readLedger()).toEqual([{ kind: 'handled', ...item, at: NOW.getTime() }]);
  });
});

describe('storage layout', () => {
  it('stores one packed bucket per UTC day and lists the days', async () => {
    await store.recordReply(reply({ postedAt: at('2026-11-22T23:59:00Z') }));
    await store.recordSeen([{ platform: 'x', itemId: '5', intent: 'other', addressedAt: null }], NOW);
    expect(await raw('ledger.days')).toEqual(['2026-11-22', '2026-11-23']);
    expect(await raw('ledger.day.2026-11-23')).toEqual([['s', 'x', '5', 'other', null, NOW.getTime()]]);
    expect(await raw('ledger.day.2026-11-22$')).toEqual({ v: 2 });
    expect(await raw('ledger.day.2026-11-23$')).toEqual({ v: 2 });
  });

  it('reads entries in time order and only those in the range asked for', async () => {
    await store.recordReply(reply({ itemId: 'b', postedAt: at('2026-11-23T08:00:00Z') }));
    await store.recordReply(reply({ itemId: 'a', postedAt: at('2026-11-21T08:00:00Z') }));
    await store.recordReply(reply({ itemId: 'c', postedAt: at('2026-11-22T08:00:00Z') }));
    const all = await store.readLedger();
    expect(all.map((e) => e.itemId)).toEqual(['a', 'c', 'b']);
    const some = await store.readLedger({
      from: new Date('2026-11-22T00:00:00Z'),
      to: at('2026-11-23T08:00:00Z'),
    });
    expect(some.map((e) => e.itemId)).toEqual(['c']);
  });

  it('drops a damaged entry without losing the rest of its day', async () => {
    await fakeBrowser.storage.local.set({
      'ledger.days': ['2026-11-23'],
      'ledger.day.2026-11-23': [
        ['s', 'x', '1', 'praise', null, 5],
        ['s', 'myspace', '2', 'praise', null, 6],
      ],
      'ledger.day.2026-11-23$': { v: 2 },
    });
    const entries = await store.readLedger();
    expect(entries.map((e) => e.itemId)).toEqual(['1']);
  });
});

describe('retention', () => {
  const seenOn = (iso: string, itemId: string) =>
    store.recordSeen([{ platform: 'x', itemId, intent: 'question', addressedAt: null }], new Date(iso));

  it('defaults to 90 days', async () => {
    expect(await ledgerRetentionDays.get()).toBe(90);
  });

  it('removes entries older than the retention and the storage they used', async () => {
    await ledgerRetentionDays.set(365);
    await seenOn('2026-11-10T10:00:00Z', 'old');
    await seenOn('2026-11-20T06:00:00Z', 'edge-old');
    await seenOn('2026-11-20T18:00:00Z', 'edge-new');
    await seenOn('2026-11-22T10:00:00Z', 'new');
    const removed = await store.pruneLedger(NOW, 3);
    expect(removed).toBe(2);
    expect((await store.readLedger()).map((e) => e.itemId)).toEqual(['edge-new', 'new']);
    expect(await raw('ledger.day.2026-11-10')).toBeUndefined();
    expect(await raw('ledger.day.2026-11-10$')).toBeUndefined();
    expect(await raw('ledger.days')).toEqual(['2026-11-20', '2026-11-22']);
  });

  it('uses the retention setting when none is given', async () => {
    await ledgerRetentionDays.set(365);
    await seenOn('2026-10-01T10:00:00Z', 'october');
    await seenOn('2026-11-22T10:00:00Z', 'new');
    await ledgerRetentionDays.set(30);
    expect(await store.pruneLedger(NOW)).toBe(1);
    expect((await store.readLedger()).map((e) => e.itemId)).toEqual(['new']);
  });

  it('prunes by itself when the first entry of a new day is written', async () => {
    await ledgerRetentionDays.set(365);
    await seenOn('2026-09-01T10:00:00Z', 'september');
    await ledgerRetentionDays.set(30);
    await seenOn('2026-11-22T10:00:00Z', 'yesterday');
    expect((await store.readLedger()).map((e) => e.itemId)).toEqual(['yesterday']);
  });

  it('lets an item pruned away be recorded again when it shows up later', async () => {
    await ledgerRetentionDays.set(365);
    await seenOn('2026-09-01T10:00:00Z', 'again');
    await store.pruneLedger(NOW, 30);
    expect(await seenOn('2026-11-23T10:00:00Z', 'again')).toBe(1);
  });
});

describe('deleting all data', () => {
  it('removes every ledger key, even a day missing from the index, and keeps the settings', async () => {
    await ledgerRetentionDays.set(30);
    await store.recordReply(reply());
    await fakeBrowser.storage.local.set({ 'ledger.day.2026-01-01': [['s', 'x', 'lost', 'praise', null, 1]] });
    await store.deleteAllLedgerData();
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left.filter((key) => key.startsWith('ledger.'))).toEqual([]);
    expect(await ledgerRetentionDays.get()).toBe(30);
    expect(await store.readLedger()).toEqual([]);
  });

  it('starts afresh: items seen before are recorded again, in versioned buckets', async () => {
    const item = { platform: 'x' as const, itemId: '1', intent: 'praise' as const, addressedAt: null };
    await store.recordSeen([item], NOW);
    await store.deleteAllLedgerData();
    expect(await store.recordSeen([item], NOW)).toBe(1);
    expect(await raw('ledger.day.2026-11-23$')).toEqual({ v: 2 });
  });
});

describe('reply history for the duplicate check and rotation', () => {
  it('lists the last week of replies, newest first, in the analysis engine shape', async () => {
    await store.recordReply(reply({ itemId: 'old', postedAt: NOW.getTime() - 8 * DAY_MS, text: 'old' }));
    await store.recordReply(reply({ itemId: 'a', postedAt: NOW.getTime() - 2 * DAY_MS, text: 'first' }));
    await store.recordReply(
      reply({
        itemId: null,
        responseId: null,
        variant: null,
        postedAt: NOW.getTime() - HOUR_MS,
        text: 'second',
      }),
    );
    expect(await store.replyHistory(NOW)).toEqual([
      { text: 'second', at: NOW.getTime() - HOUR_MS },
      { text: 'first', at: NOW.getTime() - 2 * DAY_MS, responseId: 'late-order', variant: 1, itemId: 'a' },
    ]);
    expect(await store.replyHistory(NOW, 1)).toHaveLength(1);
  });
});

describe('migrating the bucket format', () => {
  const v1Seen = {
    kind: 'seen',
    platform: 'facebook',
    itemId: 'c9',
    intent: 'complaint',
    addressedAt: 1000,
    seenAt: at('2026-11-23T08:00:00Z'),
  };

  it('v1 → v2 packs object entries as tuples and drops what does not parse', () => {
    expect(migrateBucketV1toV2([v1Seen, { kind: 'seen', itemId: 3 }])).toEqual([
      ['s', 'facebook', 'c9', 'complaint', 1000, v1Seen.seenAt],
    ]);
  });

  it('v1 → v2 keeps entries that are already packed and treats a non-list as empty', () => {
    const packed = ['h', 'x', '1', null, 5];
    expect(migrateBucketV1toV2([packed])).toEqual([packed]);
    expect(migrateBucketV1toV2({ entries: [] })).toEqual([]);
  });

  it('reads a version 1 bucket found in storage and rewrites it as version 2', async () => {
    await fakeBrowser.storage.local.set({ 'ledger.days': ['2026-11-23'], 'ledger.day.2026-11-23': [v1Seen] });
    expect(await store.readLedger()).toEqual([v1Seen]);
    expect(await raw('ledger.day.2026-11-23')).toEqual([
      ['s', 'facebook', 'c9', 'complaint', 1000, v1Seen.seenAt],
    ]);
    expect(await raw('ledger.day.2026-11-23$')).toEqual({ v: 2 });
  });
});

describe('a full ledger', () => {
  it('reads 50,000 entries over 90 days and still tells new items from old ones', async () => {
    const days: string[] = [];
    const data: Record<string, unknown> = {};
    for (let d = 0; d < 90; d++) {
      const start = Date.parse('2026-08-26T00:00:00Z') + d * DAY_MS;
      const day = new Date(start).toISOString().slice(0, 10);
      days.push(day);
      data[`ledger.day.${day}`] = Array.from({ length: 556 }, (_, i) => [
        's',
        'x',
        `${d}-${i}`,
        'question',
        null,
        start + i * 1000,
      ]);
      data[`ledger.day.${day}$`] = { v: 2 };
    }
    await fakeBrowser.storage.local.set({ ...data, 'ledger.days': days });
    const started = performance.now();
    expect(await store.readLedger()).toHaveLength(90 * 556);
    const item = (itemId: string) => ({
      platform: 'x' as const,
      itemId,
      intent: 'other' as const,
      addressedAt: null,
    });
    expect(await store.recordSeen([item('45-100'), item('brand-new')], NOW)).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
