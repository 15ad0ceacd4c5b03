import { browser } from 'wxt/browser';
import { checkPlaybookUrl } from '../playbook/fetch';
import { fromBase64 } from '../playbook/signature';
import { clampRefreshMinutes, isSourceLocked } from '../playbook/sources';
import type { PlaybookStatus } from '../playbook/state';
import { importPlaybookFile, readBrowserPolicy, type SyncEnv, type SyncOutcome } from '../playbook/sync';
import {
  activePlaybookItem,
  getActivePlaybook,
  lastDiffItem,
  playbookStatusItem,
  playbookStore,
  refreshRequestItem,
  SAMPLE_PLAYBOOK_TEXT,
  subscriptionItem,
} from '../storage/playbook';
import type { ActionResult, OptionsApi, OptionsState } from './types';

async function loadState(): Promise<OptionsState> {
  const [stored, view, status, subscription, policy, lastDiff] = await Promise.all([
    activePlaybookItem.get(),
    getActivePlaybook(),
    playbookStatusItem.get(),
    subscriptionItem.get(),
    readBrowserPolicy(),
    lastDiffItem.get(),
  ]);
  return {
    active: {
      name: view.playbook.name,
      version: view.version,
      source: view.source,
      location: view.location,
      activatedAt: view.activatedAt,
      verified: view.verified,
      responses: view.playbook.responses.length,
      text: stored?.text ?? SAMPLE_PLAYBOOK_TEXT,
      format: stored?.format ?? 'yaml',
    },
    status,
    subscription,
    policy,
    locked: isSourceLocked(policy),
    lastDiff,
  };
}

function outcomeResult(outcome: SyncOutcome): ActionResult {
  switch (outcome.kind) {
    case 'activated':
      return { ok: true, message: outcome.summary ?? `Playbook ${outcome.version} is now active.` };
    case 'unchanged':
      return { ok: true, message: `Playbook ${outcome.version} is already active.` };
    case 'not-modified':
      return { ok: true, message: 'No newer version: the playbook is up to date.' };
    case 'idle':
      return { ok: true, message: 'Nothing to refresh: no URL is configured.' };
    case 'failed':
      return { ok: false, message: outcome.message, problems: outcome.problems };
  }
}

/** Waits for the background to finish the refresh it was asked for, by watching the status it writes. */
function nextStatus(after: number, timeoutMs: number): Promise<PlaybookStatus | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unwatch();
      resolve(null);
    }, timeoutMs);
    const unwatch = playbookStatusItem.watch((status) => {
      if ((status.lastCheckedAt ?? 0) >= after) {
        clearTimeout(timer);
        unwatch();
        resolve(status);
      }
    });
  });
}

function statusResult(status: PlaybookStatus | null, after: number): ActionResult {
  if (!status) return { ok: true, message: 'Saved. The playbook will be fetched in the background shortly.' };
  if (status.lastError && status.lastError.at >= after) {
    return { ok: false, message: status.lastError.message, problems: status.lastError.problems };
  }
  return { ok: true, message: `Playbook ${status.version ?? ''} is active.`.replace('  ', ' ') };
}

async function requestRefresh(reason: string): Promise<ActionResult> {
  const after = Date.now();
  const waiting = nextStatus(after, 20_000);
  await refreshRequestItem.set({ at: after, reason });
  return statusResult(await waiting, after);
}

/** The options page's browser-backed API. Fetching happens in the background; imports happen here. */
export function createOptionsApi(): OptionsApi {
  const env: SyncEnv = {
    store: playbookStore,
    // Imports never touch the network; URL playbooks are fetched by the background only.
    fetch: () => Promise.reject(new Error('the options page does not fetch playbooks')),
    now: () => new Date(),
    readPolicy: () => readBrowserPolicy(),
  };
  return {
    load: loadState,
    watch(listener) {
      const reload = () => {
        void loadState().then(listener);
      };
      const stops = [
        activePlaybookItem.watch(reload),
        playbookStatusItem.watch(reload),
        subscriptionItem.watch(reload),
        lastDiffItem.watch(reload),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
    async importFile(file) {
      return outcomeResult(await importPlaybookFile(env, file));
    },
    async subscribe(input) {
      const bad = checkPlaybookUrl(input.url);
      if (bad) return { ok: false, message: bad };
      const key = input.publicKey?.trim() || undefined;
      if (key !== undefined && fromBase64(key)?.length !== 32) {
        return {
          ok: false,
          message: 'the public key must be 32 bytes of base64 (an Ed25519 raw public key)',
        };
      }
      // First thing in the handler: the permission prompt needs the user's click.
      const origin = new URL(input.url).origin;
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
      if (!granted) return { ok: false, message: `Permission to read ${origin} was not granted.` };
      const policy = await env.readPolicy();
      if (isSourceLocked(policy))
        return { ok: false, message: 'The playbook source is set by your organisation.' };
      await subscriptionItem.set({
        url: input.url.trim(),
        publicKey: key,
        refreshMinutes: clampRefreshMinutes(input.refreshMinutes),
      });
      // The background fetches; an explicit request covers re-saving an unchanged subscription.
      return requestRefresh('subscribed');
    },
    async unsubscribe() {
      await subscriptionItem.remove();
      return { ok: true, message: 'Subscription removed. The current playbook stays active.' };
    },
    refreshNow: () => requestRefresh('options page'),
    saveFile(name, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
