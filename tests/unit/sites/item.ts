import type { ConversationItem } from '~/lib/sites/model';

/** A conversation item for tests of the generic scanning code: addressed to the brand and waiting. */
export function item(id: string, over: Partial<ConversationItem> = {}): ConversationItem {
  return {
    site: 'x',
    id,
    author: { name: `Person ${id}`, handle: `p${id}` },
    text: `text ${id}`,
    truncated: false,
    time: 1000,
    permalink: null,
    replyingTo: [],
    depth: 0,
    parentId: null,
    isBrand: false,
    addressedToBrand: true,
    answered: false,
    answeredBy: null,
    ...over,
  };
}
