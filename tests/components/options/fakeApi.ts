import { readFileSync } from 'node:fs';
import type { ActionResult, OptionsApi, OptionsState, SubscriptionInput } from '../../../lib/options/types';
import { loadPlaybook } from '../../../lib/playbook/load';
import type { ManagedPolicy } from '../../../lib/playbook/state';
import { importPlaybookFile, type SyncEnv, type SyncOutcome } from '../../../lib/playbook/sync';
import { MemoryStore } from '../../unit/playbook/support';

export const SAMPLE_TEXT = readFileSync('assets/playbook.sample.yaml', 'utf8');

/**
 * The options API over in-memory storage, running the real import, validation and signature code. It only
 * fakes what needs a browser: permission prompts, downloads and the background fetch.
 */
export class FakeOptionsApi implements OptionsApi {
  readonly store = new MemoryStore();
  readonly saved: { name: string; text: string; mime: string }[] = [];
  readonly subscriptions: SubscriptionInput[] = [];
  private listeners = new Set<(s: OptionsState) => void>();
  private clock = Date.parse('2026-11-23T09:00:00Z');

  constructor(private policy: ManagedPolicy = {}) {}

  private env(): SyncEnv {
    return {
      store: this.store,
      fetch: () => Promise.reject(new Error('no network in component tests')),
      now: () => {
        this.clock += 1000;
        return new Date(this.clock);
      },
      readPolicy: async () => this.policy,
    };
  }

  async load(): Promise<OptionsState> {
    const active = this.store.active;
    const sample = loadPlaybook(SAMPLE_TEXT);
    if (!sample.ok) throw new Error('sample invalid');
    const playbook = active?.playbook ?? sample.playbook;
    return {
      active: {
        name: playbook.name,
        version: playbook.version,
        source: active?.source ?? 'sample',
        location: active?.location,
        activatedAt: active?.activatedAt ?? null,
        verified: active?.verified ?? false,
        responses: playbook.responses.length,
        text: active?.text ?? SAMPLE_TEXT,
        format: active?.format ?? 'yaml',
      },
      status: this.store.status,
      subscription: this.store.subscription,
      policy: this.policy,
      locked: this.policy.lockSource === true || this.policy.playbook !== undefined,
      lastDiff: this.store.lastDiff,
    };
  }

  watch(listener: (s: OptionsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async notify(): Promise<void> {
    const state = await this.load();
    for (const l of this.listeners) l(state);
  }

  async importFile(file: { name: string; text: string; signature?: string }): Promise<ActionResult> {
    const outcome = await importPlaybookFile(this.env(), file);
    await this.notify();
    return toResult(outcome);
  }

  async subscribe(input: SubscriptionInput): Promise<ActionResult> {
    this.subscriptions.push(input);
    this.store.subscription = {
      url: input.url,
      publicKey: input.publicKey,
      refreshMinutes: input.refreshMinutes,
    };
    await this.notify();
    return { ok: true, message: 'Subscribed.' };
  }

  async unsubscribe(): Promise<ActionResult> {
    this.store.subscription = null;
    await this.notify();
    return { ok: true, message: 'Subscription removed.' };
  }

  async refreshNow(): Promise<ActionResult> {
    return { ok: true, message: 'No newer version: the playbook is up to date.' };
  }

  saveFile(name: string, text: string, mime: string): void {
    this.saved.push({ name, text, mime });
  }
}

function toResult(outcome: SyncOutcome): ActionResult {
  if (outcome.kind === 'failed') return { ok: false, message: outcome.message, problems: outcome.problems };
  if (outcome.kind === 'activated')
    return { ok: true, message: outcome.summary ?? `Playbook ${outcome.version} is now active.` };
  return { ok: true, message: outcome.kind };
}
