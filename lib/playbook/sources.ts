import {
  DEFAULT_REFRESH_MINUTES,
  MAX_REFRESH_MINUTES,
  type ManagedPolicy,
  MIN_REFRESH_MINUTES,
  managedPolicySchema,
  type Subscription,
} from './state';

/**
 * Reads `storage.managed` tolerantly: a browser without policy support, without a managed schema, or one that
 * throws (Firefox with no policies, test doubles) simply has no policy.
 */
export async function readManagedPolicy(get: (() => Promise<unknown>) | undefined): Promise<ManagedPolicy> {
  if (!get) return {};
  let raw: unknown;
  try {
    raw = await get();
  } catch {
    return {};
  }
  if (raw === null || typeof raw !== 'object') return {};
  const res = managedPolicySchema.safeParse(raw);
  if (!res.success) return {};
  const policy = res.data;
  // Empty strings are how some admin consoles express "not set".
  const clean = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  return {
    playbookUrl: clean(policy.playbookUrl),
    playbook: policy.playbook !== undefined && policy.playbook.trim() !== '' ? policy.playbook : undefined,
    playbookSignature: clean(policy.playbookSignature),
    publicKey: clean(policy.publicKey),
    refreshMinutes: policy.refreshMinutes,
    lockSource: policy.lockSource,
  };
}

export function clampRefreshMinutes(minutes: number | undefined): number {
  if (minutes === undefined || !Number.isFinite(minutes)) return DEFAULT_REFRESH_MINUTES;
  return Math.min(MAX_REFRESH_MINUTES, Math.max(MIN_REFRESH_MINUTES, Math.round(minutes)));
}

/** The remote (or inline) source the refresh loop should read, decided by precedence. */
export type RemoteSource =
  | { kind: 'policy-inline'; text: string; signature?: string; publicKey?: string }
  | { kind: 'policy-url'; url: string; publicKey?: string }
  | { kind: 'url'; url: string; publicKey?: string }
  | { kind: 'none' };

/**
 * Enterprise policy wins over everything; a URL subscription wins over an imported file, which wins over the
 * bundled sample. A key pinned by policy applies to every source.
 */
export function resolveRemoteSource(policy: ManagedPolicy, subscription: Subscription | null): RemoteSource {
  if (policy.playbook !== undefined) {
    return {
      kind: 'policy-inline',
      text: policy.playbook,
      signature: policy.playbookSignature,
      publicKey: policy.publicKey,
    };
  }
  if (policy.playbookUrl !== undefined) {
    return { kind: 'policy-url', url: policy.playbookUrl, publicKey: policy.publicKey };
  }
  if (subscription) {
    return { kind: 'url', url: subscription.url, publicKey: policy.publicKey ?? subscription.publicKey };
  }
  return { kind: 'none' };
}

export function refreshMinutesFor(policy: ManagedPolicy, subscription: Subscription | null): number {
  if (policy.playbookUrl !== undefined) return clampRefreshMinutes(policy.refreshMinutes);
  return clampRefreshMinutes(subscription?.refreshMinutes ?? policy.refreshMinutes);
}

/** The policy decides the source: the options page shows it read-only and refuses local changes. */
export function isSourceLocked(policy: ManagedPolicy): boolean {
  return policy.lockSource === true || policy.playbook !== undefined || policy.playbookUrl !== undefined;
}
