import * as z from 'zod';
import sampleYaml from '~/assets/playbook.sample.yaml?raw';
import { loadPlaybook } from '../playbook/load';
import type { Playbook } from '../playbook/schema';
import {
  type ActivePlaybook,
  activePlaybookSchema,
  type DiffRecord,
  diffRecordSchema,
  INITIAL_STATUS,
  type PlaybookSource,
  type PlaybookStatus,
  playbookStatusSchema,
  type Subscription,
  subscriptionSchema,
} from '../playbook/state';
import type { PlaybookStore } from '../playbook/sync';
import { defineStoredValue } from './define';

/** The playbook staff run on; null until a file, URL or policy supplies one (meanwhile, the sample). */
export const activePlaybookItem = defineStoredValue(
  'local:playbook.active',
  activePlaybookSchema.nullable(),
  {
    fallback: null,
    version: 1,
  },
);

/** URL subscription settings chosen in the options page. */
export const subscriptionItem = defineStoredValue(
  'local:playbook.subscription',
  subscriptionSchema.nullable(),
  {
    fallback: null,
    version: 1,
  },
);

/** What the options page and side panel show: source, version, when fetched, the last error. */
export const playbookStatusItem = defineStoredValue('local:playbook.status', playbookStatusSchema, {
  fallback: INITIAL_STATUS,
  version: 1,
});

/** What the most recent update changed, for "Playbook updated to 2026.11.2: 3 new replies, 1 changed". */
export const lastDiffItem = defineStoredValue('local:playbook.lastDiff', diffRecordSchema.nullable(), {
  fallback: null,
  version: 1,
});

/**
 * Written by the options page to ask the background for a refresh now (after subscribing, or the "Check now"
 * button). A storage change reaches the service worker without a message round-trip and survives it sleeping.
 */
export const refreshRequestItem = defineStoredValue(
  'local:playbook.refreshRequest',
  z.object({ at: z.number(), reason: z.string().max(100) }).nullable(),
  { fallback: null, version: 1 },
);

export const playbookStore: PlaybookStore = {
  getActive: () => activePlaybookItem.get(),
  setActive: (value) => activePlaybookItem.set(value),
  getSubscription: () => subscriptionItem.get(),
  setSubscription: async (value) => {
    if (value === null) await subscriptionItem.remove();
    else await subscriptionItem.set(value);
  },
  getStatus: () => playbookStatusItem.get(),
  setStatus: (value) => playbookStatusItem.set(value),
  setLastDiff: (value) => lastDiffItem.set(value),
};

export const SAMPLE_PLAYBOOK_TEXT: string = sampleYaml;

let sample: Playbook | undefined;

/** The bundled sample, parsed once. It is linted in tests, so a failure here is a build defect. */
export function samplePlaybook(): Playbook {
  if (sample) return sample;
  const res = loadPlaybook(SAMPLE_PLAYBOOK_TEXT, { format: 'yaml' });
  if (!res.ok) throw new Error(`the bundled sample playbook is invalid: ${res.errors[0]?.message ?? ''}`);
  sample = res.playbook;
  return sample;
}

export interface ActivePlaybookView {
  playbook: Playbook;
  source: PlaybookSource;
  version: string;
  location?: string;
  activatedAt: number | null;
  verified: boolean;
}

function view(active: ActivePlaybook | null): ActivePlaybookView {
  if (active) {
    return {
      playbook: active.playbook,
      source: active.source,
      version: active.version,
      location: active.location,
      activatedAt: active.activatedAt,
      verified: active.verified,
    };
  }
  const playbook = samplePlaybook();
  return { playbook, source: 'sample', version: playbook.version, activatedAt: null, verified: false };
}

/** The playbook in force: the stored one, or the bundled sample when nothing has been loaded yet. */
export async function getActivePlaybook(): Promise<ActivePlaybookView> {
  return view(await activePlaybookItem.get());
}

export function watchActivePlaybook(callback: (value: ActivePlaybookView) => void): () => void {
  return activePlaybookItem.watch((active) => callback(view(active)));
}

export async function getPlaybookStatus(): Promise<PlaybookStatus> {
  return playbookStatusItem.get();
}

export async function getLastDiff(): Promise<DiffRecord | null> {
  return lastDiffItem.get();
}

export type { ActivePlaybook, DiffRecord, PlaybookStatus, Subscription };
