import type { LinkMemo, ReadContext } from '../adapter';
import { samePrefix, withLinkedFields } from '../linked';
import type { ConversationItem } from '../model';
import { statusOfPage, xPageKind } from './page';
import { brandSet, mentionedHandles, normalizeHandle } from './read';

/*
 * How "answered" is decided on X.
 *
 * X lists a conversation in document order: the tweets above the focused one, the focused tweet, then each
 * reply followed by the replies X chose to show under it. A reply the brand answered has the brand's reply
 * right below it, in the same thread segment.
 *
 * The thread segment of a tweet T is T plus the tweets that follow it while they stay in T's thread: a tweet
 * joined to one already in the segment by X's thread line (its `parentId`), or a brand tweet that replies to
 * T's author. The first other tweet ends the segment.
 *
 * T is answered when:
 *  - a later brand tweet in its segment is joined to T by the thread line, or lists T's author in its
 *    "Replying to" (answeredBy 'thread'); or
 *  - T is the focused tweet of a status page and a later brand tweet that X lists as a direct reply to it
 *    (not joined to another reply by the thread line) names T's author in "Replying to", or names nobody
 *    because X left the line out: X lists the focused tweet's replies below it, each starting a segment of
 *    its own (answeredBy 'thread'); or
 *  - T's id is in `ctx.repliedLocally`: a reply to it was sent from this browser (answeredBy 'local').
 * The brand's own tweets wait for nobody: they are never addressed to the brand, keep `answered` false, and
 * `unansweredItems` leaves them out.
 *
 * T is addressed to the brand when it is not the brand's own and it lists a brand account in "Replying to",
 * mentions @brand in its text, or sits in the brand's conversation (a status page of a brand tweet, or one
 * with a brand tweet in the thread above the focused tweet).
 *
 * Handles compare case-insensitively and without '@'.
 */

/*
 * Linking runs over the whole conversation each time new tweets arrive, so what it derives from one item is
 * remembered per item object (items are replaced, never changed, when a tweet is read again), and an item whose
 * linked fields come out the same keeps its previous linked object.
 */
interface Keys {
  author: string;
  replyingTo: string[];
  mentions: string[];
}
const keysOf = new WeakMap<ConversationItem, Keys>();
const lastLinked = new WeakMap<ConversationItem, ConversationItem>();

function keys(item: ConversationItem): Keys {
  let k = keysOf.get(item);
  if (!k) {
    k = {
      author: normalizeHandle(item.author.handle ?? ''),
      replyingTo: item.replyingTo.map(normalizeHandle),
      mentions: item.text.includes('@') ? mentionedHandles(item.text).map(normalizeHandle) : [],
    };
    keysOf.set(item, k);
  }
  return k;
}

/**
 * Whether the thread below `index` holds the brand's answer to it, and the last index looked at to decide
 * (`items.length` when the decision depends on what follows the end of the list).
 */
function answeredInThread(
  items: readonly ConversationItem[],
  index: number,
  brand: ReadonlySet<string>,
): { answered: boolean; reach: number } {
  const asked = items[index];
  if (!asked) return { answered: false, reach: index };
  const author = keys(asked).author;
  const segment = new Set([asked.id]);
  for (let j = index + 1; j < items.length; j++) {
    const next = items[j];
    if (!next) return { answered: false, reach: j };
    const joined = next.parentId !== null && segment.has(next.parentId);
    const nextKeys = keys(next);
    if (brand.has(nextKeys.author)) {
      const repliesToAuthor = nextKeys.replyingTo.includes(author);
      if (next.parentId === asked.id || repliesToAuthor) return { answered: true, reach: j };
      if (!joined) return { answered: false, reach: j };
    } else if (!joined) {
      return { answered: false, reach: j };
    }
    segment.add(next.id);
  }
  return { answered: false, reach: items.length };
}

function answersFocused(
  items: readonly ConversationItem[],
  index: number,
  brand: ReadonlySet<string>,
): boolean {
  const focused = items[index];
  if (!focused) return false;
  const author = keys(focused).author;
  for (let j = index + 1; j < items.length; j++) {
    const next = items[j];
    if (!next) continue;
    const k = keys(next);
    if (
      brand.has(k.author) &&
      (next.parentId === null || next.parentId === focused.id) &&
      (k.replyingTo.length === 0 || k.replyingTo.includes(author))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * What one call leaves for the next. An item's linked fields depend on the page (brand, address, focused
 * tweet, replies sent from this browser), on the items above it (its depth) and on the items below it up to
 * `reach`. So when the next call has the same page and the same items up to some index, every item before
 * that index whose reach also ends before it comes out as it did.
 */
interface LinkState {
  page: string;
  focused: number;
  brandConversation: boolean;
  items: readonly ConversationItem[];
  linked: ConversationItem[];
  reach: Int32Array;
  depthById: Map<string, number>;
}

/** Completes isBrand, addressedToBrand, answered and depth from every item currently visible. */
export function linkItems(
  items: readonly ConversationItem[],
  ctx: ReadContext,
  url: URL,
  memo?: LinkMemo,
): ConversationItem[] {
  const brand = brandSet(ctx.brand);
  const isBrandItem = (item: ConversationItem) => brand.has(keys(item).author);

  let brandConversation = false;
  let focused = -1;
  if (xPageKind(url) === 'status') {
    const page = statusOfPage(url);
    if (page?.handle && brand.has(normalizeHandle(page.handle))) brandConversation = true;
    focused = items.findIndex((item) => item.id === page?.id);
    if (focused >= 0 && items.slice(0, focused + 1).some(isBrandItem)) brandConversation = true;
  }

  const page = `${[...brand].join(' ')}\n${url.href}\n${[...ctx.repliedLocally].join(' ')}`;
  const prev = memo?.state as LinkState | undefined;
  // How many leading items are the very same objects as last time, on the same page.
  let same = 0;
  let depthById = new Map<string, number>();
  if (
    prev &&
    prev.page === page &&
    prev.focused === focused &&
    prev.brandConversation === brandConversation
  ) {
    same = samePrefix(prev.items, items);
    // Depths of the unchanged items stand; those of the items after them are worked out again.
    depthById = prev.depthById;
    for (let i = same; i < prev.items.length; i++) depthById.delete((prev.items[i] as ConversationItem).id);
  }

  // Unchanged items whose reach ends before the first change are taken as they were; the rest are linked.
  const linked: ConversationItem[] = prev ? prev.linked.slice(0, same) : [];
  const reach = new Int32Array(items.length);
  if (prev) reach.set(prev.reach.subarray(0, same));
  const redo: number[] = [];
  for (let index = 0; index < same; index++) if ((reach[index] as number) >= same) redo.push(index);
  for (let index = same; index < items.length; index++) redo.push(index);
  for (const index of redo) {
    const item = items[index] as ConversationItem;
    const isBrand = isBrandItem(item);
    let depth: number;
    if (prev && index < same) {
      // Depth comes from the items above, which are unchanged; the map also holds items below by now.
      depth = (prev.linked[index] as ConversationItem).depth;
    } else {
      const parentDepth = item.parentId === null ? undefined : depthById.get(item.parentId);
      depth = Math.min(parentDepth === undefined ? 0 : parentDepth + 1, 50);
      depthById.set(item.id, depth);
    }

    const k = keys(item);
    const addressedToBrand =
      !isBrand &&
      (brandConversation || k.replyingTo.some((h) => brand.has(h)) || k.mentions.some((h) => brand.has(h)));

    let answeredBy: ConversationItem['answeredBy'] = null;
    // The brand's own tweets are not looked through, and depend on nothing below them.
    reach[index] = index;
    if (!isBrand) {
      const thread = answeredInThread(items, index, brand);
      reach[index] = index === focused ? items.length : thread.reach;
      const inThread = thread.answered || (index === focused && answersFocused(items, index, brand));
      if (inThread) answeredBy = 'thread';
      else if (ctx.repliedLocally.has(item.id)) answeredBy = 'local';
    }
    linked[index] = withLinkedFields(lastLinked, item, { depth, isBrand, addressedToBrand, answeredBy });
  }
  // Ids are unique in a page's conversation; a list where they are not is linked afresh next time.
  if (memo)
    memo.state =
      depthById.size === items.length
        ? ({ page, focused, brandConversation, items, linked, reach, depthById } satisfies LinkState)
        : undefined;
  return linked;
}

/** Items that still wait for the brand: addressed to it, not its own, not answered. */
export function unansweredItems(items: readonly ConversationItem[]): ConversationItem[] {
  return items.filter((item) => item.addressedToBrand && !item.isBrand && !item.answered);
}
