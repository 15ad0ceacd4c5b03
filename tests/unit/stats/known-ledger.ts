import type { LedgerEntry, ReplyEntry, SeenEntry } from '../../../lib/storage/ledger';

/** Times in the week of 17–23 November 2026, written 'DD' + 'THH:MM' (UTC). */
export const at = (iso: string): number => Date.parse(`2026-11-${iso}:00Z`);

const seen = (
  platform: SeenEntry['platform'],
  itemId: string,
  intent: SeenEntry['intent'],
  addressedAt: string | null,
  seenAt: string,
): SeenEntry => ({
  kind: 'seen',
  platform,
  itemId,
  intent,
  addressedAt: addressedAt === null ? null : at(addressedAt),
  seenAt: at(seenAt),
});

const reply = (fields: Partial<ReplyEntry> & Pick<ReplyEntry, 'postedAt' | 'text'>): ReplyEntry => ({
  kind: 'reply',
  platform: 'x',
  itemId: null,
  intent: null,
  responseId: null,
  variant: null,
  editDistance: null,
  promoScore: 0,
  promotional: false,
  offerIds: [],
  commentAt: null,
  ...fields,
});

/**
 * A week of one person's work, 17–23 November, with every expected number worked out by hand in the report
 * tests. The comments name the replies r1 to r9.
 */
export const LEDGER: LedgerEntry[] = [
  // Seen before the week: only lends its comment time to r5.
  seen('x', '0', 'question', '15T09:00', '15T09:05'),
  seen('x', '1', 'complaint', '20T10:00', '20T10:05'),
  seen('x', '2', 'question', '20T11:00', '20T11:01'),
  seen('x', '3', 'praise', '21T09:00', '21T09:10'),
  seen('facebook', 'c4', 'complaint', null, '21T12:00'),
  seen('facebook', 'c5', 'spam', '22T08:00', '22T08:00'),
  seen('x', '8', 'complaint', '22T09:50', '22T10:00'),
  seen('x', '6', 'request', '23T07:00', '23T07:30'),
  seen('facebook', 'c9', 'question', '23T09:00', '23T10:00'),
  // Seen after the week.
  seen('x', '7', 'praise', '24T00:30', '24T01:00'),

  // r1: 30 min, offer given.
  reply({
    itemId: '1',
    intent: 'complaint',
    responseId: 'late-order',
    variant: 0,
    editDistance: 0.1,
    promoScore: 0.2,
    offerIds: ['sorry-10'],
    commentAt: at('20T10:00'),
    postedAt: at('20T10:30'),
    text: 'Sorry about the wait, please DM us your order number.',
  }),
  // r2: comment time from the seen entry, 2 h; promotional.
  reply({
    itemId: '2',
    intent: 'question',
    responseId: 'faq-hours',
    variant: 1,
    editDistance: 0.6,
    promoScore: 0.7,
    promotional: true,
    postedAt: at('20T13:00'),
    text: 'We open at 8am! Visit our shop and use code COFFEE5',
  }),
  // r8: a second reply to item 1, 90 min, thanks.
  reply({
    itemId: '1',
    intent: 'complaint',
    responseId: 'late-order',
    variant: 0,
    editDistance: 0.2,
    promoScore: 0.1,
    offerIds: ['sorry-10'],
    commentAt: at('20T10:00'),
    postedAt: at('20T11:30'),
    text: 'We have chased it, thanks for waiting.',
  }),
  // r3: 5 min, a thank-you because it answers praise.
  reply({
    itemId: '3',
    intent: 'praise',
    responseId: 'thanks-praise',
    variant: 0,
    editDistance: 0,
    commentAt: at('21T09:00'),
    postedAt: at('21T09:05'),
    text: 'So glad you enjoyed it!',
  }),
  // r4: no comment time anywhere; same situation as r1 but no offer; thanks in the text.
  reply({
    platform: 'facebook',
    itemId: 'c4',
    intent: 'complaint',
    responseId: 'late-order',
    variant: 1,
    editDistance: 0.5,
    promoScore: 0.1,
    postedAt: at('21T12:30'),
    text: 'Thanks for telling us, we are on it.',
  }),
  // r5: answers an item seen before the week, 48 h; promotional.
  reply({
    itemId: '0',
    intent: 'question',
    responseId: 'faq-hours',
    variant: 0,
    editDistance: 0.8,
    promoScore: 0.6,
    promotional: true,
    postedAt: at('17T09:00'),
    text: 'Visit our website for hours',
  }),
  // r6: written from scratch to an unknown item; promotional, an offer, "thank you".
  reply({
    promoScore: 0.9,
    promotional: true,
    offerIds: ['free-shipping'],
    postedAt: at('22T15:00'),
    text: 'Big sale this weekend, thank you for following!',
  }),
  // r7: 40 min, offer given.
  reply({
    itemId: '6',
    intent: 'request',
    responseId: 'refund-howto',
    variant: 0,
    editDistance: 0.3,
    offerIds: ['sorry-10'],
    commentAt: at('23T07:00'),
    postedAt: at('23T07:40'),
    text: 'Here is how to ask for a refund.',
  }),
  // r9: after the week, so c9 stays unanswered in it.
  reply({ platform: 'facebook', itemId: 'c9', intent: 'question', postedAt: at('24T01:00'), text: 'Hi!' }),

  { kind: 'handled', platform: 'facebook', itemId: 'c5', intent: 'spam', at: at('22T08:05') },
  { kind: 'handled', platform: 'x', itemId: '2', intent: 'question', at: at('20T13:01') },
  // The same item marked again (two merged exports): counted once.
  { kind: 'handled', platform: 'facebook', itemId: 'c5', intent: 'spam', at: at('22T09:00') },
];

export const WEEK = { from: at('17T00:00'), to: at('24T00:00'), now: new Date(at('23T18:00')) };
