import type { ConversationItem } from './model';

/** The fields linking decides from the whole conversation. */
export type LinkedFields = Pick<
  ConversationItem,
  'depth' | 'isBrand' | 'addressedToBrand' | 'answered' | 'answeredBy'
>;

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
    last.answered === fields.answered &&
    last.answeredBy === fields.answeredBy
  ) {
    return last;
  }
  const linked: ConversationItem = {
    ...item,
    author: { ...item.author },
    replyingTo: [...item.replyingTo],
    ...fields,
  };
  made.set(item, linked);
  return linked;
}
