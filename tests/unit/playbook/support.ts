import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import {
  type ActivePlaybook,
  type DiffRecord,
  INITIAL_STATUS,
  type ManagedPolicy,
  type PlaybookStatus,
  type Subscription,
} from '../../../lib/playbook/state';
import type { PlaybookStore, SyncEnv } from '../../../lib/playbook/sync';

// Tests run from the project root.
export const SAMPLE_TEXT = readFileSync('assets/playbook.sample.yaml', 'utf8');

/** A small valid playbook as a plain object, to be bent into the broken shapes under test. */
export function basePlaybook(): Record<string, unknown> {
  return {
    schema: 'reciprocity/playbook@1',
    name: 'Test playbook',
    version: '1.0.0',
    brand: { name: 'Acme Coffee', accounts: { x: ['acmecoffee'] }, signoff: '^{agent_initials}' },
    voice: { bannedPhrases: ['calm down'], privateDetails: ['order number'] },
    offers: [{ id: 'sorry-10', label: '10% off', maxPercent: 10, allowedIntents: ['complaint'] }],
    responses: [
      {
        id: 'thanks',
        title: 'Thank you',
        intents: ['praise'],
        triggers: ['love'],
        variants: ['Thank you, {first_name}! {signoff}'],
      },
      {
        id: 'late-order',
        title: 'Order running late',
        intents: ['complaint'],
        triggers: ['late'],
        offers: ['sorry-10'],
        variants: ['Sorry {first_name}, could you DM us the order number? {signoff}'],
      },
    ],
  };
}

export const toYaml = (value: unknown): string => stringify(value);

/** Storage in a plain object, with the same contract as the extension storage items. */
export class MemoryStore implements PlaybookStore {
  active: ActivePlaybook | null = null;
  subscription: Subscription | null = null;
  status: PlaybookStatus = INITIAL_STATUS;
  lastDiff: DiffRecord | null = null;
  async getActive() {
    return this.active;
  }
  async setActive(value: ActivePlaybook) {
    this.active = structuredClone(value);
  }
  async getSubscription() {
    return this.subscription;
  }
  async setSubscription(value: Subscription | null) {
    this.subscription = value;
  }
  async getStatus() {
    return this.status;
  }
  async setStatus(value: PlaybookStatus) {
    this.status = structuredClone(value);
  }
  async setLastDiff(value: DiffRecord) {
    this.lastDiff = value;
  }
}

export function memoryEnv(overrides: Partial<SyncEnv> & { policy?: ManagedPolicy } = {}): SyncEnv & {
  store: MemoryStore;
} {
  const store = overrides.store instanceof MemoryStore ? overrides.store : new MemoryStore();
  let clock = Date.parse('2026-11-23T09:00:00Z');
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
    readPolicy: async () => overrides.policy ?? {},
    ...overrides,
    store,
  };
}
