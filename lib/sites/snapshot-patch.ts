import * as z from 'zod/mini';
import { type ConversationItem, conversationItemSchema, type TabSnapshot, tabSnapshotSchema } from './model';

/**
 * A snapshot sent as what changed since the last one the background confirmed: the items that are new or
 * different, and the order of every item by id. A long page then costs the page's thread a copy of a few items
 * per update, not of all of them.
 */
export const snapshotPatchSchema = z.object({
  site: tabSnapshotSchema.shape.site,
  url: tabSnapshotSchema.shape.url,
  pageKind: tabSnapshotSchema.shape.pageKind,
  brand: tabSnapshotSchema.shape.brand,
  health: tabSnapshotSchema.shape.health,
  updatedAt: tabSnapshotSchema.shape.updatedAt,
  /** Items that are new or changed since the confirmed snapshot. */
  upsert: z.array(conversationItemSchema).check(z.maxLength(5000)),
  /** Every item's id, in page order; ids not listed are gone. */
  order: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(5000)),
});
export type SnapshotPatch = z.infer<typeof snapshotPatchSchema>;

/**
 * The snapshot a patch makes of `base`, or null when it cannot be applied (no base, another page, an id the
 * base does not know): the sender then sends the whole snapshot.
 */
export function applyPatch(base: TabSnapshot | null, patch: SnapshotPatch): TabSnapshot | null {
  if (!base || base.site !== patch.site || base.url !== patch.url) return null;
  const byId = new Map(base.items.map((item) => [item.id, item]));
  for (const item of patch.upsert) byId.set(item.id, item);
  const items: ConversationItem[] = [];
  for (const id of patch.order) {
    const item = byId.get(id);
    if (!item) return null;
    items.push(item);
  }
  const { upsert: _upsert, order: _order, ...rest } = patch;
  return { ...base, ...rest, items };
}

/**
 * The content script's side: remembers the items of the last snapshot the background confirmed, by object
 * (linking keeps an unchanged item's object), to tell which items a new snapshot must carry.
 */
export class SnapshotSender {
  private confirmed: Map<string, ConversationItem> | null = null;

  /** Whether the background holds a snapshot to patch; after `reset` the next snapshot is sent whole. */
  canPatch(): boolean {
    return this.confirmed !== null;
  }

  /** The items of `items` that the confirmed snapshot lacks or holds in another version. */
  changed(items: readonly ConversationItem[]): ConversationItem[] {
    const confirmed = this.confirmed;
    if (!confirmed) return [...items];
    return items.filter((item) => confirmed.get(item.id) !== item);
  }

  /** The background now holds exactly `items`. */
  confirm(items: readonly ConversationItem[]): void {
    this.confirmed = new Map(items.map((item) => [item.id, item]));
  }

  reset(): void {
    this.confirmed = null;
  }
}
