import { browser } from 'wxt/browser';
import { playbookStore, refreshRequestItem, subscriptionItem } from '../storage/playbook';
import { diffPlaybooks, isEmptyDiff, type PlaybookDiff, summarizeDiff } from './diff';
import { fetchPlaybookText, fetchSignature } from './fetch';
import { formatProblem, loadPlaybook, type PlaybookFormat, type Problem } from './load';
import { verifyText } from './signature';
import { isSourceLocked, readManagedPolicy, refreshMinutesFor, resolveRemoteSource } from './sources';
import type {
  ActivePlaybook,
  DiffRecord,
  ManagedPolicy,
  PlaybookSource,
  PlaybookStatus,
  Subscription,
} from './state';

/** Storage accessors, passed in so the logic runs against the real extension storage or an in-memory map. */
export interface PlaybookStore {
  getActive(): Promise<ActivePlaybook | null>;
  setActive(value: ActivePlaybook): Promise<void>;
  getSubscription(): Promise<Subscription | null>;
  setSubscription(value: Subscription | null): Promise<void>;
  getStatus(): Promise<PlaybookStatus>;
  setStatus(value: PlaybookStatus): Promise<void>;
  setLastDiff(value: DiffRecord): Promise<void>;
}

export interface SyncEnv {
  store: PlaybookStore;
  fetch: typeof fetch;
  now: () => Date;
  readPolicy: () => Promise<ManagedPolicy>;
  timeoutMs?: number;
  maxBytes?: number;
  /** Only for tests against a local plain-http server. */
  allowInsecureLoopbackForTests?: boolean;
  subtle?: SubtleCrypto;
}

export interface Candidate {
  text: string;
  source: Exclude<PlaybookSource, 'sample'>;
  location?: string;
  signature?: string;
  publicKey?: string;
  format?: PlaybookFormat;
  etag?: string;
  lastModified?: string;
}

export type SyncOutcome =
  | { kind: 'activated'; version: string; diff: PlaybookDiff | null; summary: string | null }
  | { kind: 'unchanged'; version: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: string; problems: Problem[] }
  | { kind: 'idle' };

/** Records a failure without touching the active playbook: the last good one stays in use. */
async function recordFailure(
  env: SyncEnv,
  source: PlaybookSource,
  location: string | undefined,
  message: string,
  problems: Problem[] = [],
): Promise<SyncOutcome> {
  const at = env.now().getTime();
  const status = await env.store.getStatus();
  await env.store.setStatus({
    ...status,
    lastCheckedAt: at,
    lastError: { source, location, message: message.slice(0, 2000), problems: problems.slice(0, 50), at },
  });
  return { kind: 'failed', message, problems };
}

function firstErrors(problems: Problem[]): string {
  const shown = problems.slice(0, 3).map(formatProblem);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * Verifies, parses and lints a candidate playbook and makes it active only if every check passes. Anything
 * else leaves the current playbook in place and records why.
 */
export async function acceptCandidate(env: SyncEnv, candidate: Candidate): Promise<SyncOutcome> {
  const { source, location } = candidate;
  if (candidate.publicKey !== undefined) {
    const verdict = await verifyText(candidate.text, candidate.signature, candidate.publicKey, env.subtle);
    if (!verdict.ok) return recordFailure(env, source, location, `rejected: ${verdict.message}`);
  }
  const loaded = loadPlaybook(candidate.text, { format: candidate.format });
  if (!loaded.ok) {
    return recordFailure(
      env,
      source,
      location,
      `invalid playbook: ${firstErrors(loaded.errors)}`,
      loaded.errors,
    );
  }
  const now = env.now().getTime();
  const current = await env.store.getActive();
  const status = await env.store.getStatus();
  const next: ActivePlaybook = {
    text: candidate.text,
    format: loaded.format,
    playbook: loaded.playbook,
    source,
    location,
    version: loaded.playbook.version,
    activatedAt: now,
    verified: candidate.publicKey !== undefined,
    etag: candidate.etag,
    lastModified: candidate.lastModified,
  };
  const sameText = current !== null && current.text === candidate.text && current.source === source;
  await env.store.setActive(sameText ? { ...next, activatedAt: current.activatedAt } : next);
  await env.store.setStatus({
    ...status,
    source,
    location,
    version: loaded.playbook.version,
    fetchedAt: now,
    lastCheckedAt: now,
    lastError: null,
  });
  if (sameText) return { kind: 'unchanged', version: loaded.playbook.version };
  if (current === null)
    return { kind: 'activated', version: loaded.playbook.version, diff: null, summary: null };
  const diff = diffPlaybooks(current.playbook, loaded.playbook);
  const summary = isEmptyDiff(diff) && current.version === diff.toVersion ? null : summarizeDiff(diff);
  if (summary !== null) await env.store.setLastDiff({ diff, summary, at: now });
  return { kind: 'activated', version: loaded.playbook.version, diff, summary };
}

/** Fetches a URL source (with its signature when a key is pinned) and hands it to `acceptCandidate`. */
async function refreshFromUrl(
  env: SyncEnv,
  source: 'policy' | 'url',
  url: string,
  publicKey: string | undefined,
): Promise<SyncOutcome> {
  const active = await env.store.getActive();
  // Validators only mean something for the copy we hold; otherwise a 304 would leave us with nothing new.
  const cached = active && active.source === source && active.location === url ? active : null;
  const opts = {
    fetch: env.fetch,
    timeoutMs: env.timeoutMs,
    maxBytes: env.maxBytes,
    allowInsecureLoopbackForTests: env.allowInsecureLoopbackForTests,
    etag: cached?.etag,
    lastModified: cached?.lastModified,
  };
  const res = await fetchPlaybookText(url, opts);
  if (res.kind === 'error') return recordFailure(env, source, url, res.message);
  if (res.kind === 'not-modified') {
    const status = await env.store.getStatus();
    await env.store.setStatus({ ...status, lastCheckedAt: env.now().getTime(), lastError: null });
    return { kind: 'not-modified' };
  }
  let signature: string | undefined;
  if (publicKey !== undefined) {
    const sig = await fetchSignature(url, opts);
    if (sig.kind === 'error') return recordFailure(env, source, url, sig.message);
    signature = sig.signature;
  }
  // HTTP validators are kept with the active playbook, not written back into the subscription: the options
  // page owns that record, and a write from here could resurrect a subscription removed meanwhile.
  return acceptCandidate(env, {
    text: res.text,
    source,
    location: url,
    signature,
    publicKey,
    format: res.contentType === 'application/json' ? 'json' : undefined,
    etag: res.etag,
    lastModified: res.lastModified,
  });
}

/** One pass of the refresh loop: reads the policy, picks the source by precedence, fetches and applies it. */
export async function refreshPlaybook(env: SyncEnv): Promise<SyncOutcome> {
  const policy = await env.readPolicy();
  const subscription = await env.store.getSubscription();
  const remote = resolveRemoteSource(policy, subscription);
  switch (remote.kind) {
    case 'policy-inline':
      return acceptCandidate(env, {
        text: remote.text,
        source: 'policy',
        location: 'inline policy',
        signature: remote.signature,
        publicKey: remote.publicKey,
      });
    case 'policy-url':
      return refreshFromUrl(env, 'policy', remote.url, remote.publicKey);
    case 'url':
      return refreshFromUrl(env, 'url', remote.url, remote.publicKey);
    case 'none':
      return { kind: 'idle' };
  }
}

/** Imports a file chosen in the options page. Refused while the organisation's policy decides the source. */
export async function importPlaybookFile(
  env: SyncEnv,
  file: { text: string; name?: string; signature?: string },
): Promise<SyncOutcome> {
  const policy = await env.readPolicy();
  if (isSourceLocked(policy)) {
    return recordFailure(
      env,
      'file',
      file.name,
      'the playbook source is set by your organisation and locked',
    );
  }
  const subscription = await env.store.getSubscription();
  if (subscription) {
    return recordFailure(
      env,
      'file',
      file.name,
      `a URL subscription is active (${subscription.url}); remove it first or it would replace this file`,
    );
  }
  const name = file.name ?? '';
  return acceptCandidate(env, {
    text: file.text,
    source: 'file',
    location: file.name,
    signature: file.signature,
    publicKey: policy.publicKey,
    format: name.endsWith('.json') ? 'json' : name.match(/\.ya?ml$/) ? 'yaml' : undefined,
  });
}

export const REFRESH_ALARM = 'playbook-refresh';

export interface PlaybookSyncHandle {
  /** Runs one refresh now; concurrent calls share the pass already under way. */
  refresh(reason: string): Promise<SyncOutcome>;
  stop(): void;
}

/**
 * Wires the refresh loop into the background: on start-up, on install, on an alarm every N minutes, when the
 * subscription or the policy changes, and when the options page asks. Reads `storage.managed` tolerantly.
 */
export function setUpPlaybookSync(
  overrides: Partial<Pick<SyncEnv, 'fetch' | 'now' | 'timeoutMs' | 'allowInsecureLoopbackForTests'>> = {},
): PlaybookSyncHandle {
  const env: SyncEnv = {
    store: playbookStore,
    fetch: overrides.fetch ?? ((input, init) => fetch(input, init)),
    now: overrides.now ?? (() => new Date()),
    readPolicy: readBrowserPolicy,
    timeoutMs: overrides.timeoutMs,
    allowInsecureLoopbackForTests: overrides.allowInsecureLoopbackForTests,
  };
  let running: Promise<SyncOutcome> | null = null;

  const schedule = async () => {
    const minutes = refreshMinutesFor(await env.readPolicy(), await env.store.getSubscription());
    const existing = await browser.alarms.get(REFRESH_ALARM);
    if (existing?.periodInMinutes !== minutes) {
      await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
    }
  };
  const refresh = (reason: string): Promise<SyncOutcome> => {
    if (running) return running;
    running = (async () => {
      try {
        return await refreshPlaybook(env);
      } catch (err) {
        // A bug must not stop the loop; it is shown like any other failed refresh.
        const message = `refresh failed (${reason}): ${err instanceof Error ? err.message : String(err)}`;
        return recordFailure(env, 'url', undefined, message);
      } finally {
        running = null;
        await schedule().catch(() => undefined);
      }
    })();
    return running;
  };

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === REFRESH_ALARM) void refresh('alarm');
  };
  const onStartup = () => void refresh('startup');
  const onInstalled = () => void refresh('installed');
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') void refresh('policy changed');
    else if (area === 'local' && SUBSCRIPTION_KEY in changes) void refresh('subscription changed');
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onStartup);
  browser.runtime.onInstalled.addListener(onInstalled);
  browser.storage.onChanged.addListener(onStorage);
  const unwatchRequest = refreshRequestItem.watch((req) => {
    if (req) void refresh(req.reason);
  });
  void schedule().catch(() => undefined);

  return {
    refresh,
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onStartup.removeListener(onStartup);
      browser.runtime.onInstalled.removeListener(onInstalled);
      browser.storage.onChanged.removeListener(onStorage);
      unwatchRequest();
    },
  };
}

const SUBSCRIPTION_KEY = subscriptionItem.key.replace(/^local:/, '');

/** The enterprise policy of this browser; empty when there is none or the browser cannot say. */
export function readBrowserPolicy(): Promise<ManagedPolicy> {
  return readManagedPolicy(managedGetter());
}

/** `storage.managed` is missing in some browsers and throws in others when no policy is installed. */
function managedGetter(): (() => Promise<unknown>) | undefined {
  try {
    const area = browser.storage?.managed;
    if (!area || typeof area.get !== 'function') return undefined;
    return () => area.get(null);
  } catch {
    return undefined;
  }
}
