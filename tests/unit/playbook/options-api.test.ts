import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOptionsApi } from '../../../lib/options/api';
import { setUpPlaybookSync } from '../../../lib/playbook/sync';
import { getActivePlaybook, subscriptionItem } from '../../../lib/storage/playbook';
import { basePlaybook, toYaml } from './support';

const originalRequest = fakeBrowser.permissions.request;
let granted: string[][] = [];

beforeEach(() => {
  fakeBrowser.reset();
  granted = [];
  fakeBrowser.permissions.request = (async (perms: { origins?: string[] }) => {
    granted.push(perms.origins ?? []);
    return true;
  }) as typeof fakeBrowser.permissions.request;
});

afterEach(() => {
  fakeBrowser.permissions.request = originalRequest;
});

describe('the options page API on extension storage', () => {
  it('imports a file so that every extension page sees its responses', async () => {
    const api = createOptionsApi();
    const text = toYaml({ ...basePlaybook(), version: '3.0.0' });
    const res = await api.importFile({ name: 'team.yaml', text });
    expect(res.ok).toBe(true);
    const active = await getActivePlaybook();
    expect(active).toMatchObject({ source: 'file', version: '3.0.0', location: 'team.yaml' });
    expect(active.playbook.responses.map((r) => r.id)).toEqual(['thanks', 'late-order']);
    const state = await api.load();
    expect(state.active.text).toBe(text);
    expect(state.status).toMatchObject({ source: 'file', version: '3.0.0', lastError: null });
  });

  it('tells watchers when the active playbook changes', async () => {
    const api = createOptionsApi();
    const seen: string[] = [];
    const stop = api.watch((s) => seen.push(s.active.version));
    await api.importFile({ name: 'team.yaml', text: toYaml({ ...basePlaybook(), version: '3.1.0' }) });
    await expect.poll(() => seen).toContain('3.1.0');
    stop();
  });

  it('refuses a non-https subscription before asking for any permission', async () => {
    const api = createOptionsApi();
    const res = await api.subscribe({ url: 'http://intranet.example/p.yaml', refreshMinutes: 60 });
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining('only https://') });
    expect(granted).toEqual([]);
  });

  it('stops when the user declines the host permission', async () => {
    fakeBrowser.permissions.request = (async () => false) as typeof fakeBrowser.permissions.request;
    const api = createOptionsApi();
    const res = await api.subscribe({ url: 'https://intranet.example/p.yaml', refreshMinutes: 60 });
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining('not granted') });
    expect(await subscriptionItem.get()).toBeNull();
  });

  it('subscribes: asks for the origin, and the background fetches and activates the playbook', async () => {
    const text = toYaml({ ...basePlaybook(), version: '4.0.0' });
    const sync = setUpPlaybookSync({
      fetch: async (input) => {
        expect(String(input)).toBe('https://intranet.example/p.yaml');
        return new Response(text, { status: 200, headers: { 'content-type': 'application/yaml' } });
      },
    });
    try {
      const api = createOptionsApi();
      const res = await api.subscribe({ url: 'https://intranet.example/p.yaml', refreshMinutes: 30 });
      expect(granted).toEqual([['https://intranet.example/*']]);
      expect(res).toMatchObject({ ok: true });
      expect(await getActivePlaybook()).toMatchObject({ source: 'url', version: '4.0.0' });
      expect(await subscriptionItem.get()).toMatchObject({ refreshMinutes: 30 });

      const removed = await api.unsubscribe();
      expect(removed.ok).toBe(true);
      expect(await subscriptionItem.get()).toBeNull();
      expect((await getActivePlaybook()).version).toBe('4.0.0');
    } finally {
      sync.stop();
    }
  });

  it('reports a failed subscription fetch and keeps the sample', async () => {
    const sync = setUpPlaybookSync({
      fetch: async () => new Response('nope', { status: 404, statusText: 'Not Found' }),
    });
    try {
      const api = createOptionsApi();
      const res = await api.subscribe({ url: 'https://intranet.example/p.yaml', refreshMinutes: 30 });
      expect(res).toMatchObject({ ok: false, message: expect.stringContaining('HTTP 404') });
      expect((await getActivePlaybook()).source).toBe('sample');
    } finally {
      sync.stop();
    }
  });
});
