import type { ConversationItem } from './model';

/** The fields linking decides from the whole conversation; `answered` follows from `answeredBy`. */
export type LinkedFields = Pick<ConversationItem, 'depth' | 'isBrand' | 'addressedToBrand' | 'answeredBy'>;

/** How many leading items of two lists are the very same objects. */
export function samePrefix(a: readonly ConversationItem[], b: readonly ConversationItem[]): number {
  const max = Math.min(a.length, b.length);
  let same = 0;
  while (same < max && a[same] === b[same]) same++;
  return same;
}

/**
 * `item` with its linked fields. Linking runs again whenever items arrive; an item whose fields come out as
 * they did last time keeps the object made then (`made` remembers it per item read), so what did not change
 * stays the same object downstream, where snapshot patches and marker syncing compare by identity.
 */
export function withLinkedFields(
  made: WeakMap<ConversationItem, ConversationItem>,
  item: ConversationItem,
  fields: LinkedFields,
): ConversationItem {
  const last = made.get(item);
  if (
    last &&
    last.depth === fields.depth &&
    last.isBrand === fields.isBrand &&
    last.addressedToBrand === fields.addressedToBrand &&
    last.answeredBy === fields.answeredBy
  ) {
    return last;
  }
  // Written out rather than spread: this runs for every new item of every batch.
  const linked: ConversationItem = {
    site: item.site,
    id: item.id,
    author: { ...item.author },
    text: item.text,
    truncated: item.truncated,
    time: item.time,
    permalink: item.permalink,
    replyingTo: item.replyingTo.slice(),
    depth: fields.depth,
    parentId: item.parentId,
    isBrand: fields.isBrand,
    addressedToBrand: fields.addressedToBrand,
    answered: fields.answeredBy !== null,
    answeredBy: fields.answeredBy,
  };
  made.set(item, linked);
  return linked;
}
