import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentHandlers, SenderPolicy, UiHandlers } from '~/lib/messaging/transport';
import { backgroundListener, emitUiEvent, onUiEvent, senderMayUse } from '~/lib/messaging/transport';
import type { TabSnapshot } from '~/lib/sites/model';

const EXT = 'reciprocity-test';
const policy: SenderPolicy = {
  extensionId: EXT,
  extensionOrigin: `chrome-extension://${EXT}/`,
  isAllowedPage: (url) => url.startsWith('https://x.com/'),
};
const panel = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const xTab = {
  id: EXT,
  url: 'https://x.com/acmecoffee/status/1',
  tab: { id: 4, url: 'https://x.com/acmecoffee/status/1' },
};

const snapshot: TabSnapshot = {
  site: 'x',
  url: 'https://x.com/acmecoffee/status/1',
  pageKind: 'status',
  brand: ['acmecoffee'],
  items: [],
  health: { status: 'ok', problems: [] },
  draft: null,
  updatedAt: 1,
};

function handlers(): { content: ContentHandlers; ui: UiHandlers } {
  const fail = () => Promise.reject(new Error('the page is gone'));
  return {
    content: {
      snapshot: vi.fn(async () => ({ labels: {} })),
      snapshotPatch: vi.fn(async () => ({ applied: false, labels: {} })),
      draft: fail,
      pageContext: vi.fn(async () => ({ brand: ['acmecoffee'], repliedLocally: [], markers: true })),
      replyPosted: fail,
      coachReply: fail,
    },
    ui: {
      tabState: vi.fn(async (req) => ({
        tabId: req.tabId,
        snapshot: null,
        queue: [],
        draftReport: null,
        agent: null,
      })),
      suggestions: fail,
      checkDraft: fail,
      insert: fail,
      markHandled: fail,
      setAgent: fail,
      deleteLedger: fail,
      playbookStatus: fail,
      thankYou: fail,
      offers: fail,
    },
  };
}

/** Send one message through the listener as `sender` and wait for its answer. */
function call(
  listener: ReturnType<typeof backgroundListener>,
  message: unknown,
  sender: object,
): Promise<unknown> {
  return new Promise((resolve) => {
    const handled = listener(message, sender as never, resolve);
    if (handled !== true) resolve('not handled');
  });
}
const msg = (channel: string, type: string, data: unknown) => ({ reciprocity: 1, channel, type, data });

describe('the background message listener', () => {
  it('answers an extension page with the typed result of its handler', async () => {
    const h = handlers();
    const res = await call(
      backgroundListener(h.content, h.ui, policy),
      msg('ui', 'tabState', { tabId: 7 }),
      panel,
    );
    expect(res).toEqual({
      ok: true,
      value: { tabId: 7, snapshot: null, queue: [], draftReport: null, agent: null },
    });
    expect(h.ui.tabState).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('passes a content script the tab it came from', async () => {
    const h = handlers();
    await call(backgroundListener(h.content, h.ui, policy), msg('content', 'snapshot', snapshot), xTab);
    expect(h.content.snapshot).toHaveBeenCalledWith(snapshot, 4, xTab);
  });

  it('rejects a payload that does not match the schema before any handler runs', async () => {
    const h = handlers();
    const res = await call(
      backgroundListener(h.content, h.ui, policy),
      msg('ui', 'tabState', { tabId: -3 }),
      panel,
    );
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/invalid message/) });
    expect(h.ui.tabState).not.toHaveBeenCalled();
  });

  it('rejects a snapshot with an item that is not a conversation item', async () => {
    const h = handlers();
    const bad = { ...snapshot, items: [{ id: '1', text: 'hi', __proto__: { isBrand: true } }] };
    const res = await call(
      backgroundListener(h.content, h.ui, policy),
      msg('content', 'snapshot', bad),
      xTab,
    );
    expect(res).toMatchObject({ ok: false });
    expect(h.content.snapshot).not.toHaveBeenCalled();
  });

  it('refuses content-script messages from a tab on a site the extension does not run on', async () => {
    const h = handlers();
    const sender = { id: EXT, tab: { id: 4, url: 'https://evil.example/' }, url: 'https://evil.example/' };
    const res = await call(
      backgroundListener(h.content, h.ui, policy),
      msg('content', 'snapshot', snapshot),
      sender,
    );
    expect(res).toEqual({ ok: false, error: 'sender not allowed' });
    expect(h.content.snapshot).not.toHaveBeenCalled();
  });

  it('refuses a message type that is not in the protocol', async () => {
    const h = handlers();
    const res = await call(backgroundListener(h.content, h.ui, policy), msg('ui', 'toString', {}), panel);
    expect(res).toEqual({ ok: false, error: 'unknown message type' });
  });

  it('turns a failing handler into an error answer instead of leaving the caller hanging', async () => {
    const h = handlers();
    const res = await call(
      backgroundListener(h.content, h.ui, policy),
      msg('ui', 'markHandled', { tabId: 1, itemId: 'a' }),
      panel,
    );
    expect(res).toEqual({ ok: false, error: 'the page is gone' });
  });

  it('leaves messages that are not ours to other listeners', async () => {
    const h = handlers();
    expect(await call(backgroundListener(h.content, h.ui, policy), { hello: 'world' }, panel)).toBe(
      'not handled',
    );
  });
});

describe('who may use which channel', () => {
  it('lets a content script on an allowed page send content messages', () => {
    expect(senderMayUse('content', xTab as never, policy)).toBe(true);
  });
  it('refuses everything from another extension', () => {
    expect(senderMayUse('ui', { ...panel, id: 'other' }, policy)).toBe(false);
    expect(senderMayUse('content', { ...xTab, id: 'other' } as never, policy)).toBe(false);
  });
  it('lets our own pages use the UI channel, also when opened in a tab', () => {
    expect(senderMayUse('ui', panel, policy)).toBe(true);
    expect(senderMayUse('ui', { ...panel, tab: { id: 9, url: panel.url } } as never, policy)).toBe(true);
  });
  it('does not let a content script use the UI channel', () => {
    expect(senderMayUse('ui', xTab as never, policy)).toBe(false);
  });
});

describe('events to extension pages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reaches a listening page with its type and data', async () => {
    const seen: unknown[] = [];
    onUiEvent((type, data) => seen.push([type, data]));
    emitUiEvent('tabChanged', { tabId: 3 });
    await vi.waitFor(() => expect(seen).toEqual([['tabChanged', { tabId: 3 }]]), { timeout: 5000 });
  });

  it('does not fail when no page is open', () => {
    expect(() => emitUiEvent('tabChanged', { tabId: 3 })).not.toThrow();
    expect(browser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
