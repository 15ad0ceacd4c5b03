import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateKeyPair, signText } from '../../../lib/playbook/signature';
import {
  clampRefreshMinutes,
  isSourceLocked,
  readManagedPolicy,
  refreshMinutesFor,
  resolveRemoteSource,
} from '../../../lib/playbook/sources';
import {
  importPlaybookFile,
  REFRESH_ALARM,
  refreshPlaybook,
  setUpPlaybookSync,
} from '../../../lib/playbook/sync';
import {
  activePlaybookItem,
  getActivePlaybook,
  lastDiffItem,
  playbookStatusItem,
  subscriptionItem,
} from '../../../lib/storage/playbook';
import { basePlaybook, memoryEnv, toYaml } from './support';

const withVersion = (version: string) => toYaml({ ...basePlaybook(), version });

describe('source precedence', () => {
  const subscription = { url: 'https://team.example/p.yaml', refreshMinutes: 30, publicKey: 'SUBKEY' };

  it('prefers an inline policy playbook over a policy URL and a subscription', () => {
    const src = resolveRemoteSource(
      { playbook: 'text', playbookUrl: 'https://corp.example/p.yaml', publicKey: 'K' },
      subscription,
    );
    expect(src).toEqual({ kind: 'policy-inline', text: 'text', signature: undefined, publicKey: 'K' });
  });

  it('prefers a policy URL over the user subscription', () => {
    expect(resolveRemoteSource({ playbookUrl: 'https://corp.example/p.yaml' }, subscription)).toMatchObject({
      kind: 'policy-url',
      url: 'https://corp.example/p.yaml',
    });
  });

  it('uses the subscription when policy sets no source, with the policy key pinned over the user key', () => {
    expect(resolveRemoteSource({ publicKey: 'POLICYKEY' }, subscription)).toEqual({
      kind: 'url',
      url: subscription.url,
      publicKey: 'POLICYKEY',
    });
    expect(resolveRemoteSource({}, subscription)).toMatchObject({ publicKey: 'SUBKEY' });
    expect(resolveRemoteSource({}, null)).toEqual({ kind: 'none' });
  });

  it('locks the source when policy says so or supplies a playbook', () => {
    expect(isSourceLocked({ lockSource: true })).toBe(true);
    expect(isSourceLocked({ playbookUrl: 'https://corp.example/p.yaml' })).toBe(true);
    expect(isSourceLocked({ publicKey: 'K' })).toBe(false);
  });

  it('keeps refresh intervals within sane bounds', () => {
    expect(clampRefreshMinutes(undefined)).toBe(60);
    expect(clampRefreshMinutes(1)).toBe(5);
    expect(clampRefreshMinutes(1e9)).toBe(10080);
    expect(refreshMinutesFor({ playbookUrl: 'https://a.example', refreshMinutes: 15 }, null)).toBe(15);
    expect(refreshMinutesFor({}, { url: 'https://a.example', refreshMinutes: 120 })).toBe(120);
  });

  it('reads a policy tolerantly: missing area, throwing area, mistyped fields', async () => {
    expect(await readManagedPolicy(undefined)).toEqual({});
    expect(
      await readManagedPolicy(async () => {
        throw new Error('Managed storage manifest not found');
      }),
    ).toEqual({});
    const policy = await readManagedPolicy(async () => ({
      playbookUrl: '  ',
      refreshMinutes: 'often',
      lockSource: true,
      publicKey: 'K',
    }));
    expect(policy).toMatchObject({ playbookUrl: undefined, refreshMinutes: undefined, lockSource: true });
    expect(policy.publicKey).toBe('K');
  });
});

describe('policy against local sources', () => {
  it('replaces an imported file with the inline policy playbook, and rejects later imports', async () => {
    const env = memoryEnv();
    expect((await importPlaybookFile(env, { text: withVersion('1.0.0'), name: 'mine.yaml' })).kind).toBe(
      'activated',
    );
    expect(env.store.active?.source).toBe('file');

    const policyEnv = memoryEnv({ store: env.store, policy: { playbook: withVersion('9.0.0') } });
    expect((await refreshPlaybook(policyEnv)).kind).toBe('activated');
    expect(env.store.active).toMatchObject({ source: 'policy', version: '9.0.0' });

    const refused = await importPlaybookFile(policyEnv, { text: withVersion('1.0.1'), name: 'mine.yaml' });
    expect(refused.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('set by your organisation');
    expect(env.store.active?.version).toBe('9.0.0');
  });

  it('requires files to be signed with the key pinned by policy', async () => {
    const keys = await generateKeyPair();
    const env = memoryEnv({ policy: { publicKey: keys.publicKey } });
    const text = withVersion('1.0.0');
    const unsigned = await importPlaybookFile(env, { text, name: 'p.yaml' });
    expect(unsigned.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('not signed');
    const signed = await importPlaybookFile(env, {
      text,
      name: 'p.yaml',
      signature: await signText(text, keys.privateKey),
    });
    expect(signed.kind).toBe('activated');
  });

  it('refuses a file import while a URL subscription would overwrite it', async () => {
    const env = memoryEnv();
    env.store.subscription = { url: 'https://team.example/p.yaml', refreshMinutes: 60 };
    const outcome = await importPlaybookFile(env, { text: withVersion('1.0.0') });
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('URL subscription is active');
  });

  it('does nothing when no remote source is configured', async () => {
    const env = memoryEnv();
    expect((await refreshPlaybook(env)).kind).toBe('idle');
    expect(env.store.active).toBeNull();
  });
});

describe('background wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('falls back to the bundled sample until something is loaded', async () => {
    const active = await getActivePlaybook();
    expect(active.source).toBe('sample');
    expect(active.playbook.brand.name).toBe('Acme Coffee');
    expect(active.playbook.responses.length).toBeGreaterThanOrEqual(25);
  });

  it('applies the managed policy playbook on start-up and schedules refreshes', async () => {
    await fakeBrowser.storage.managed.set({ playbook: withVersion('7.0.0'), refreshMinutes: 15 });
    const sync = setUpPlaybookSync();
    try {
      const outcome = await sync.refresh('test');
      expect(outcome.kind).toBe('activated');
      const active = await getActivePlaybook();
      expect(active).toMatchObject({ source: 'policy', version: '7.0.0' });
      expect(await playbookStatusItem.get()).toMatchObject({ source: 'policy', version: '7.0.0' });
      const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
      expect(alarm?.periodInMinutes).toBe(15);
    } finally {
      sync.stop();
    }
  });

  it('keeps the stored playbook and records the error when the policy playbook is broken', async () => {
    await fakeBrowser.storage.managed.set({ playbook: withVersion('7.0.0') });
    const sync = setUpPlaybookSync();
    try {
      await sync.refresh('test');
      await fakeBrowser.storage.managed.set({ playbook: 'schema: [broken' });
      const outcome = await sync.refresh('test');
      expect(outcome.kind).toBe('failed');
      expect((await activePlaybookItem.get())?.version).toBe('7.0.0');
      expect((await playbookStatusItem.get()).lastError?.message).toContain('invalid playbook');
    } finally {
      sync.stop();
    }
  });

  it('stores what changed between two policy versions', async () => {
    await fakeBrowser.storage.managed.set({ playbook: withVersion('7.0.0') });
    const sync = setUpPlaybookSync();
    try {
      await sync.refresh('test');
      const next = basePlaybook();
      next.version = '7.1.0';
      (next.responses as Record<string, unknown>[]).pop();
      await fakeBrowser.storage.managed.set({ playbook: toYaml(next) });
      await sync.refresh('test');
      expect((await lastDiffItem.get())?.summary).toBe('Playbook updated to 7.1.0: 1 removed');
    } finally {
      sync.stop();
    }
  });

  it('refreshes when the browser starts and when the refresh alarm fires', async () => {
    await fakeBrowser.storage.managed.set({ playbook: withVersion('7.0.0') });
    const sync = setUpPlaybookSync();
    try {
      await fakeBrowser.runtime.onStartup.trigger();
      await expect.poll(async () => (await activePlaybookItem.get())?.version).toBe('7.0.0');
      // A new policy value that raises no change event: only the alarm can pick it up.
      const managed = fakeBrowser.storage.managed;
      const original = managed.get;
      managed.get = (async () => ({ playbook: withVersion('7.0.1') })) as typeof managed.get;
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect((await activePlaybookItem.get())?.version).toBe('7.0.0');
        await fakeBrowser.alarms.onAlarm.trigger({
          name: REFRESH_ALARM,
          scheduledTime: Date.now(),
          persistAcrossSessions: false,
        });
        await expect.poll(async () => (await activePlaybookItem.get())?.version).toBe('7.0.1');
      } finally {
        managed.get = original;
      }
    } finally {
      sync.stop();
    }
  });

  it('tolerates a browser where reading managed storage throws', async () => {
    const managed = fakeBrowser.storage.managed;
    const original = managed.get;
    managed.get = async () => {
      throw new Error('Managed storage is not available');
    };
    const sync = setUpPlaybookSync();
    try {
      expect((await sync.refresh('test')).kind).toBe('idle');
      expect(await subscriptionItem.get()).toBeNull();
    } finally {
      sync.stop();
      managed.get = original;
    }
  });
});
