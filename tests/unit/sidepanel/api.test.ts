import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Classification, Suggestion } from '~/lib/analysis';
import type { TabState } from '~/lib/messaging/protocol';
import { emitUiEvent } from '~/lib/messaging/transport';
import { createPanelApi, PANEL_PORT } from '~/lib/sidepanel/api';
import type { ActiveTab, PanelEvent } from '~/lib/sidepanel/types';
import { item, snapshot } from '../../components/sidepanel/fakeApi';

/** Answer the panel's requests the way the background does: one envelope in, one reply out. */
function serve(answers: Record<string, (data: unknown) => unknown>): { type: string; data: unknown }[] {
  const seen: { type: string; data: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender, sendResponse: (r: unknown) => void) => {
      const m = message as { channel: string; type: string; data: unknown };
      if (m.channel !== 'ui') return undefined;
      seen.push({ type: m.type, data: m.data });
      const answer = answers[m.type];
      sendResponse(answer ? { ok: true, value: answer(m.data) } : { ok: false, error: 'unknown' });
      return true;
    },
  );
  return seen;
}

const classification: Classification = {
  intent: 'complaint',
  intents: { praise: 0, question: 0.1, complaint: 0.9, request: 0, spam: 0, other: 0 },
  sentiment: { label: 'negative', score: -0.7 },
  complaint: true,
  complaintScore: 0.9,
  urgency: { level: 'high', score: 0.8 },
  language: 'en',
  analysed: true,
  reasons: [{ signal: 'complaint', text: 'still waiting', start: 0, end: 13 }],
};

describe('the browser-backed panel api', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.windows.create({ focused: true });
  });

  it('reads the active tab of the current window', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/acme', active: true });
    expect(await createPanelApi().activeTab()).toEqual({ id: tab.id, url: 'https://x.com/acme' });
  });

  it('reports tab switches and navigation until unsubscribed', async () => {
    const seen: (ActiveTab | null)[] = [];
    const off = createPanelApi().onActiveTabChange((t) => seen.push(t));
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/one', active: true });
    await fakeBrowser.tabs.update(tab.id, { url: 'https://x.com/two' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen[0]).toEqual({ id: tab.id, url: 'https://x.com/one' });
    expect(seen.at(-1)).toEqual({ id: tab.id, url: 'https://x.com/two' });
    const count = seen.length;
    off();
    await fakeBrowser.tabs.create({ url: 'https://x.com/three', active: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(count);
  });

  it('turns the background’s tab state into the panel’s view of it', async () => {
    const state: TabState = {
      tabId: 4,
      snapshot: snapshot([item('c1')], { site: 'facebook' }),
      queue: [{ itemId: 'c1', classification }],
      draftReport: {
        text: 'Calm down',
        promoScore: 0.1,
        promotional: false,
        promoThreshold: 0.5,
        notes: [{ rule: 'check:banned-phrase', severity: 'error', message: 'Banned.', start: 0, end: 9 }],
        length: 9,
        limit: null,
        looksGood: false,
      },
      agent: { name: 'Sam' },
    };
    const seen = serve({ tabState: () => state });
    const view = await createPanelApi().tabState(4);
    expect(seen).toEqual([{ type: 'tabState', data: { tabId: 4 } }]);
    expect(view.analyses).toEqual({
      c1: {
        intent: 'complaint',
        complaint: true,
        sentiment: { label: 'negative', score: -0.7 },
        analysed: true,
        reasons: [{ signal: 'complaint', text: 'still waiting' }],
      },
    });
    expect(view.draft).toMatchObject({
      text: 'Calm down',
      platform: 'facebook',
      limit: null,
      looksGood: false,
    });
    expect(view.draft?.notes).toHaveLength(1);
    expect(view.agent).toEqual({ name: 'Sam' });
  });

  it('asks for the top three suggestions of an item', async () => {
    const s: Suggestion = {
      responseId: 'late',
      title: 'Late order',
      variant: 1,
      text: 'Sorry {first_name}',
      missing: ['first_name'],
      score: 0.8,
      why: ['trigger: late'],
      fits: true,
    };
    const offer = { id: 'sorry-10', label: '10% apology discount', maxPercent: 10 };
    const seen = serve({ suggestions: () => [s], offers: () => [offer] });
    const set = await createPanelApi().suggestions(4, 'c1');
    expect(seen).toEqual([
      { type: 'suggestions', data: { tabId: 4, itemId: 'c1', k: 3 } },
      { type: 'offers', data: { tabId: 4, itemId: 'c1', responseIds: ['late'] } },
    ]);
    expect(set.offers).toEqual([offer]);
    expect(set.suggestions).toEqual([
      {
        responseId: 'late',
        title: 'Late order',
        text: 'Sorry {first_name}',
        variant: 1,
        missing: ['first_name'],
        why: ['trigger: late'],
        fits: true,
      },
    ]);
  });

  it('says when the page only took the text through the clipboard', async () => {
    serve({ insert: () => ({ ok: true, strategy: 'clipboard', message: 'Paste it' }) });
    const outcome = await createPanelApi().insert({
      tabId: 4,
      itemId: 'c1',
      text: 'Hi',
      responseId: null,
      suggestedText: null,
    });
    expect(outcome).toEqual({ ok: true, clipboard: true, message: 'Paste it' });
  });

  it('fails, for the caller to retry, while nothing answers', async () => {
    await expect(createPanelApi().tabState(4)).rejects.toThrow();
  });

  it('passes the background’s events on', async () => {
    const events: PanelEvent[] = [];
    const off = createPanelApi().onEvent((e) => events.push(e));
    emitUiEvent('tabChanged', { tabId: 3 });
    emitUiEvent('focusItem', { tabId: 3, itemId: 'c1' });
    emitUiEvent('playbookChanged', {});
    await new Promise((r) => setTimeout(r, 0));
    off();
    expect(events).toEqual([
      { type: 'tabChanged', tabId: 3 },
      { type: 'focusItem', tabId: 3, itemId: 'c1' },
      { type: 'playbookChanged' },
    ]);
  });
});

describe('the panel’s presence', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  function fakePort() {
    const drop = new Set<() => void>();
    return {
      port: {
        name: 'panel',
        disconnect: vi.fn(),
        onDisconnect: { addListener: (l: () => void) => drop.add(l) },
      },
      drop: () => {
        for (const l of drop) l();
      },
    };
  }

  it('holds a port named for the panel, reconnects after the worker restarts, and lets go when closed', async () => {
    vi.useFakeTimers();
    try {
      const first = fakePort();
      const second = fakePort();
      const connect = vi
        .spyOn(fakeBrowser.runtime, 'connect')
        .mockReturnValueOnce(first.port as never)
        .mockReturnValueOnce(second.port as never);
      const close = createPanelApi().connect();
      expect(connect).toHaveBeenCalledWith({ name: PANEL_PORT });
      first.drop();
      await vi.advanceTimersByTimeAsync(1000);
      expect(connect).toHaveBeenCalledTimes(2);
      close();
      expect(second.port.disconnect).toHaveBeenCalled();
      second.drop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(connect).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
