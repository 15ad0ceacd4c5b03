import type { InsertRequest, PanelApi } from './api';
import type { PanelStore } from './store';
import type { ActiveTab, Agent } from './types';

/**
 * Keeps the store in step with the background. The MV3 service worker may be asleep or restarting at any
 * moment, so every read is retried quietly with a growing delay instead of showing an error; a newer request
 * (another tab, a fresh `tabChanged`) always wins over an older one still in flight.
 */

export interface ControllerOptions {
  /** Delays between retries of an unanswered request, in ms; the last one repeats. */
  retryDelays?: readonly number[];
}

export interface PanelController {
  /** Follow the active tab and the background's events; returns the function that stops it. */
  start(): () => void;
  loadSuggestions(itemId: string, force?: boolean): void;
  loadThankYou(itemId: string): void;
  /** Insert into the page's reply box for the item; the outcome is announced. */
  insert(request: Omit<InsertRequest, 'tabId'>): Promise<boolean>;
  copy(text: string): Promise<boolean>;
  /** Take an item off the queue without replying (spam, already handled elsewhere). */
  markHandled(itemId: string): Promise<void>;
  saveAgent(agent: Agent): Promise<void>;
}

export interface ControllerMessages {
  inserted: string;
  pasteNeeded: (message: string) => string;
  insertFailed: (message: string) => string;
  copied: string;
  copyFailed: string;
  noTab: string;
  handled: string;
  handleFailed: string;
}

const DEFAULT_RETRY = [300, 1000, 2000, 5000];

export function createPanelController(
  api: PanelApi,
  store: PanelStore,
  messages: ControllerMessages,
  options: ControllerOptions = {},
): PanelController {
  const retryDelays = options.retryDelays ?? DEFAULT_RETRY;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const delayFor = (attempt: number) => retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 1000;

  function loadTab(attempt = 0): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    const tab = store.getState().tab;
    if (!tab) return;
    const mine = ++generation;
    api.tabState(tab.id).then(
      (state) => {
        if (stopped || mine !== generation) return;
        store.getState().setTabState(state);
        store.getState().setReconnecting(false);
      },
      () => {
        if (stopped || mine !== generation) return;
        // A worker waking up answers within a retry or two; only a longer silence is worth a word.
        if (attempt >= 2) store.getState().setReconnecting(true);
        retryTimer = setTimeout(() => loadTab(attempt + 1), delayFor(attempt));
      },
    );
  }

  function loadStatus(attempt = 0): void {
    if (statusTimer !== null) clearTimeout(statusTimer);
    statusTimer = null;
    api.playbookStatus().then(
      (status) => {
        if (!stopped) store.getState().setStatus(status);
      },
      () => {
        // The status is background information; a few quiet attempts are enough.
        if (!stopped && attempt < 3)
          statusTimer = setTimeout(() => loadStatus(attempt + 1), delayFor(attempt));
      },
    );
  }

  function followTab(tab: ActiveTab | null): void {
    store.getState().setTab(tab);
    loadTab();
  }

  function loadSuggestions(itemId: string, force = false): void {
    const { tab, suggestions } = store.getState();
    if (!tab) return;
    const known = suggestions[itemId];
    if (!force && known && known.state !== 'failed') return;
    const tabId = tab.id;
    store.getState().setSuggestions(itemId, { state: 'loading' });
    api.suggestions(tabId, itemId).then(
      (value) => {
        if (!stopped && store.getState().tab?.id === tabId) {
          store.getState().setSuggestions(itemId, { state: 'ready', value });
        }
      },
      () => {
        if (!stopped && store.getState().tab?.id === tabId)
          store.getState().setSuggestions(itemId, { state: 'failed' });
      },
    );
  }

  function loadThankYou(itemId: string): void {
    const { tab, thankYous } = store.getState();
    if (!tab || thankYous[itemId]) return;
    const tabId = tab.id;
    store.getState().setThankYou(itemId, { state: 'loading' });
    api.thankYou(tabId, itemId).then(
      (value) => {
        if (!stopped && store.getState().tab?.id === tabId)
          store.getState().setThankYou(itemId, { state: 'ready', value });
      },
      () => {
        if (!stopped && store.getState().tab?.id === tabId)
          store.getState().setThankYou(itemId, { state: 'failed' });
      },
    );
  }

  function start(): () => void {
    stopped = false;
    const disconnect = api.connect();
    const offTab = api.onActiveTabChange(followTab);
    const offEvents = api.onEvent((event) => {
      const { tab } = store.getState();
      if (event.type === 'tabChanged') {
        if (tab?.id === event.tabId) loadTab();
      } else if (event.type === 'focusItem') {
        if (tab?.id !== event.tabId) return;
        store.getState().setView('queue');
        store.getState().setFilter('all');
        store.getState().select(event.itemId);
      } else {
        store.getState().clearFetched();
        loadStatus();
        loadTab();
      }
    });
    api.activeTab().then(
      (tab) => {
        if (!stopped) followTab(tab);
      },
      () => {
        if (!stopped) followTab(null);
      },
    );
    loadStatus();
    return () => {
      stopped = true;
      generation++;
      if (retryTimer !== null) clearTimeout(retryTimer);
      if (statusTimer !== null) clearTimeout(statusTimer);
      offTab();
      offEvents();
      disconnect();
    };
  }

  async function insert(request: Omit<InsertRequest, 'tabId'>): Promise<boolean> {
    const { tab, announce } = store.getState();
    if (!tab) {
      announce(messages.noTab);
      return false;
    }
    try {
      const outcome = await api.insert({ ...request, tabId: tab.id });
      if (outcome.ok && !outcome.clipboard) announce(messages.inserted);
      else if (outcome.clipboard) announce(messages.pasteNeeded(outcome.message));
      else announce(messages.insertFailed(outcome.message));
      return outcome.ok;
    } catch (err) {
      announce(messages.insertFailed(err instanceof Error ? err.message : String(err)));
      return false;
    }
  }

  async function copy(text: string): Promise<boolean> {
    try {
      await api.copy(text);
      store.getState().announce(messages.copied);
      return true;
    } catch {
      store.getState().announce(messages.copyFailed);
      return false;
    }
  }

  async function markHandled(itemId: string): Promise<void> {
    const { tab } = store.getState();
    if (!tab) return;
    try {
      await api.markHandled(tab.id, itemId);
      store.getState().select(null);
      store.getState().announce(messages.handled);
    } catch {
      store.getState().announce(messages.handleFailed);
    }
    loadTab();
  }

  async function saveAgent(agent: Agent): Promise<void> {
    store.getState().markAgentAsked();
    const state = store.getState().tabState;
    // Show the name at once; the background keeps it for the next panel.
    if (state) store.getState().setTabState({ ...state, agent });
    try {
      await api.setAgent(agent);
    } catch {
      // Asked once is enough: the panel keeps the answer for this session and the next tabState will tell.
    }
  }

  return {
    start,
    loadSuggestions,
    loadThankYou,
    insert,
    copy,
    markHandled,
    saveAgent,
  };
}
