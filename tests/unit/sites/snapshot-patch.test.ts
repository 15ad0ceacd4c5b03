import { describe, expect, it } from 'vitest';
import type { ConversationItem, TabSnapshot } from '../../../lib/sites/model';
import {
  applyPatch,
  type SnapshotPatch,
  SnapshotSender,
  snapshotPatchSchema,
} from '../../../lib/sites/snapshot-patch';
import { item } from './item';

const URL_OF_PAGE = 'https://x.com/acmecoffee/status/1';

function snapshot(items: ConversationItem[]): TabSnapshot {
  return {
    site: 'x',
    url: URL_OF_PAGE,
    pageKind: 'status',
    brand: ['acmecoffee'],
    items,
    health: { status: 'ok', problems: [] },
    draft: null,
    updatedAt: 1,
  };
}

function patch(
  upsert: ConversationItem[],
  order: string[],
  over: Partial<SnapshotPatch> = {},
): SnapshotPatch {
  return {
    site: 'x',
    url: URL_OF_PAGE,
    pageKind: 'status',
    brand: ['acmecoffee'],
    health: { status: 'ok', problems: [] },
    updatedAt: 2,
    upsert,
    order,
    ...over,
  };
}

describe('snapshot patches', () => {
  it('replace changed items, add new ones, drop the ones no longer listed and keep page order', () => {
    const base = snapshot([item('1'), item('2'), item('3')]);
    const edited = item('2', { text: 'text 2, expanded' });
    const merged = applyPatch(base, patch([edited, item('4')], ['4', '1', '2']));
    expect(merged?.items).toEqual([item('4'), item('1'), edited]);
    expect(merged?.updatedAt).toBe(2);
    expect(merged?.draft).toBeNull();
    expect(merged && 'upsert' in merged).toBe(false);
  });

  it('carries the new health, brand and page kind', () => {
    const problems = [{ code: 'selector-missing' as const, detail: 'User-Name' }];
    const merged = applyPatch(
      snapshot([item('1')]),
      patch([], ['1'], { health: { status: 'degraded', problems }, brand: ['acme'] }),
    );
    expect(merged?.health.problems).toEqual(problems);
    expect(merged?.brand).toEqual(['acme']);
  });

  it('cannot apply without a base, to another page, or when an id is unknown', () => {
    expect(applyPatch(null, patch([item('1')], ['1']))).toBeNull();
    expect(applyPatch(snapshot([item('1')]), patch([], ['1'], { url: 'https://x.com/home' }))).toBeNull();
    expect(applyPatch(snapshot([item('1')]), patch([], ['1', '9']))).toBeNull();
  });

  it('are validated like every other message', () => {
    expect(snapshotPatchSchema.safeParse(patch([item('1')], ['1'])).success).toBe(true);
    expect(snapshotPatchSchema.safeParse({ ...patch([], []), order: [''] }).success).toBe(false);
    expect(snapshotPatchSchema.safeParse({ ...patch([], []), upsert: [{ id: '1' }] }).success).toBe(false);
  });
});

describe('the sender', () => {
  it('sends everything until the background confirms, then only the items whose object changed', () => {
    const sender = new SnapshotSender();
    const one = item('1');
    const two = item('2');
    expect(sender.canPatch()).toBe(false);
    expect(sender.changed([one, two])).toEqual([one, two]);
    sender.confirm([one, two]);
    expect(sender.canPatch()).toBe(true);
    expect(sender.changed([one, two])).toEqual([]);
    const twoAgain = { ...two, answered: true, answeredBy: 'thread' as const };
    const three = item('3');
    expect(sender.changed([one, twoAgain, three])).toEqual([twoAgain, three]);
    sender.reset();
    expect(sender.canPatch()).toBe(false);
  });

  it('round-trips: the background rebuilds exactly what the page holds', () => {
    const sender = new SnapshotSender();
    let page = [item('1'), item('2'), item('3')];
    let held: TabSnapshot | null = snapshot(page);
    sender.confirm(page);
    for (let step = 0; step < 20; step++) {
      page = page
        .filter((_, i) => (i + step) % 5 !== 0)
        .map((it, i) => (i % 3 === step % 3 ? { ...it, text: `${it.text}!` } : it))
        .concat(item(String(100 + step)));
      held = applyPatch(
        held,
        patch(
          sender.changed(page),
          page.map((i) => i.id),
        ),
      );
      sender.confirm(page);
      expect(held?.items).toEqual(page);
    }
  });
});
