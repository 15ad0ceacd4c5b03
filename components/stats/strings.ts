import type { Intent } from '../../lib/playbook/schema';
import type { Period, ReplyTimeBand } from '../../lib/stats/report';

/** Every word the reports show, in one place so they can move to the locale file as they are. */
export const statsStrings = {
  title: 'Reports',
  loading: 'Loading the reports…',
  periodLegend: 'Period',
  periods: { today: 'Today', '7d': '7 days', '30d': '30 days', '90d': '90 days' } satisfies Record<
    Period,
    string
  >,
  empty: 'Nothing recorded in this period yet. Replies you post and comments you see will show up here.',
  none: '—',
  showNumbers: 'Show the numbers',
  hour: 'Hour',
  day: 'Day',

  kpi: {
    replies: 'Replies sent',
    responseRate: 'Response rate',
    responseRateDetail: (answered: number, relevant: number) =>
      `${answered} of ${relevant} comment${relevant === 1 ? '' : 's'} answered`,
    medianTime: 'Median time to reply',
    p90Time: '9 in 10 answered within',
    timeDetail: (count: number) => `over ${count} repl${count === 1 ? 'y' : 'ies'} with a known comment time`,
    thanks: 'Thank-yous sent',
    thanksDetail: (share: string) => `${share} of replies`,
    promotional: 'Promotion-heavy replies',
    promotionalDetail: (count: number, replies: number) => `${count} of ${replies} replies`,
    handled: (count: number) => `${count} marked handled without a reply`,
  },

  activity: {
    heading: 'Comments and replies',
    seen: 'Comments needing an answer',
    replies: 'Replies sent',
    summary: (seen: number, replies: number, unit: 'hour' | 'day') =>
      `${seen} comments needing an answer and ${replies} replies, by ${unit}.`,
  },

  replyTime: {
    heading: 'How long people waited',
    bands: {
      under15m: 'Under 15 min',
      under1h: '15–60 min',
      under4h: '1–4 h',
      under24h: '4–24 h',
      over24h: 'Over a day',
    } satisfies Record<ReplyTimeBand, string>,
    summary: (parts: string) => `Replies by waiting time: ${parts}.`,
  },

  topResponses: {
    heading: 'Most used responses',
    response: 'Response',
    uses: 'Uses',
    edited: 'Edited on average',
    empty: 'No playbook responses used in this period.',
  },

  rewritten: {
    heading: 'Responses staff rewrite heavily',
    hint: 'Staff change these a lot before posting. The playbook owner may want to reword them.',
    item: (id: string, uses: number, edited: string) =>
      `${id}: ${edited} rewritten on average over ${uses} uses`,
  },

  offers: {
    heading: 'Offers by situation',
    hint: 'Same problem, same offer: a situation with different answers is worth a look.',
    situation: 'Situation',
    replies: 'Replies',
    given: 'Offers given',
    check: 'Same offer each time?',
    consistent: 'Yes',
    inconsistent: 'No, it varied',
    anyResponse: 'written from scratch',
    unknownIntent: 'unclassified',
    empty: 'No offers given in this period.',
  },

  intents: {
    praise: 'Praise',
    question: 'Question',
    complaint: 'Complaint',
    request: 'Request',
    spam: 'Spam',
    other: 'Other',
  } satisfies Record<Intent, string>,

  data: {
    heading: 'Your data',
    note: 'This record stays in this browser. Export it to share it with your manager.',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    deleteAll: 'Delete all data…',
  },

  confirm: {
    title: 'Delete all recorded data?',
    body:
      'This removes every reply, seen comment and handled item recorded in this browser. Reports start ' +
      'again from zero, and this cannot be undone. Export first if you want to keep a copy.',
    confirm: 'Delete everything',
    cancel: 'Keep my data',
    working: 'Deleting…',
    failed: 'The data could not be deleted. Try again.',
    done: 'All recorded data was deleted.',
  },

  duration: {
    lessThanMinute: 'under 1 min',
    minutes: (m: number) => `${m} min`,
    hours: (h: number, m: number) => (m === 0 ? `${h} h` : `${h} h ${m} min`),
    days: (d: number, h: number) => (h === 0 ? `${d} d` : `${d} d ${h} h`),
  },
} as const;

export type StatsStrings = typeof statsStrings;
