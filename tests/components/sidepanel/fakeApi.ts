import type { DraftCheckRequest, InsertRequest, PanelApi } from '~/lib/sidepanel/api';
import type {
  ActiveTab,
  Agent,
  DraftCoachReport,
  InsertOutcome,
  ItemAnalysis,
  PanelEvent,
  PanelTabState,
  PlaybookStatus,
  SuggestionSet,
  ThankYouOption,
} from '~/lib/sidepanel/types';
import type { ConversationItem, TabSnapshot } from '~/lib/sites/model';

/** An in-memory stand-in for the background and the browser: what the panel asks is recorded and answered. */
export interface FakePanelApi extends PanelApi {
  tab: ActiveTab | null;
  states: Map<number, PanelTabState>;
  suggestionSets: Map<string, SuggestionSet>;
  thankYouOptions: Map<string, ThankYouOption | null>;
  status: PlaybookStatus;
  /** How many tabState requests fail before one is answered, as when the service worker is asleep. */
  failTabState: number;
  insertOutcome: InsertOutcome;
  draftCheck: (request: DraftCheckRequest) => DraftCoachReport;
  /** Panels currently connected, as the background counts them. */
  connected: number;
  calls: {
    tabState: number[];
    inserted: InsertRequest[];
    copied: string[];
    agents: Agent[];
    handled: string[];
    checked: string[];
  };
  emit(event: PanelEvent): void;
  switchTab(tab: ActiveTab | null): void;
}

export const NOW = new Date('2026-11-23T12:00:00Z');
export const minutesAgo = (m: number): number => NOW.getTime() - m * 60_000;

export function item(id: string, patch: Partial<ConversationItem> = {}): ConversationItem {
  return {
    site: 'x',
    id,
    author: { name: `Person ${id}`, handle: `person_${id}` },
    text: `Text of ${id}`,
    truncated: false,
    time: minutesAgo(10),
    permalink: null,
    replyingTo: ['acmecoffee'],
    depth: 1,
    parentId: null,
    isBrand: false,
    addressedToBrand: true,
    answered: false,
    answeredBy: null,
    ...patch,
  };
}

export function analysis(intent: ItemAnalysis['intent'], patch: Partial<ItemAnalysis> = {}): ItemAnalysis {
  const label = intent === 'praise' ? 'positive' : intent === 'complaint' ? 'negative' : 'neutral';
  return {
    intent,
    complaint: intent === 'complaint',
    sentiment: { label, score: label === 'positive' ? 0.7 : label === 'negative' ? -0.6 : 0 },
    analysed: true,
    reasons: [],
    ...patch,
  };
}

export function snapshot(items: ConversationItem[], patch: Partial<TabSnapshot> = {}): TabSnapshot {
  return {
    site: 'x',
    url: 'https://x.com/acmecoffee/status/1',
    pageKind: 'status',
    brand: ['acmecoffee'],
    items,
    health: { status: 'ok', problems: [] },
    draft: null,
    updatedAt: NOW.getTime(),
    ...patch,
  };
}

export function tabState(
  entries: [ConversationItem, ItemAnalysis][],
  patch: Partial<PanelTabState> = {},
): PanelTabState {
  const analyses: Record<string, ItemAnalysis> = {};
  for (const [i, a] of entries) analyses[i.id] = a;
  return {
    tabId: 1,
    snapshot: snapshot(entries.map(([i]) => i)),
    analyses,
    draft: null,
    agent: { name: 'Sam', initials: 'SR' },
    ...patch,
  };
}

export function report(patch: Partial<DraftCoachReport> = {}): DraftCoachReport {
  return {
    text: '',
    platform: 'x',
    promoScore: 0.1,
    promotional: false,
    notes: [],
    length: 0,
    limit: 280,
    looksGood: true,
    ...patch,
  };
}

export function createFakeApi(): FakePanelApi {
  const tabListeners = new Set<(tab: ActiveTab | null) => void>();
  const eventListeners = new Set<(event: PanelEvent) => void>();
  const api: FakePanelApi = {
    tab: { id: 1, url: 'https://x.com/acmecoffee/status/1' },
    states: new Map(),
    suggestionSets: new Map(),
    thankYouOptions: new Map(),
    status: {
      name: 'Acme Coffee social playbook',
      version: '2026.11.1',
      source: 'file',
      updatedAt: NOW.getTime(),
      errors: [],
      changes: null,
    },
    failTabState: 0,
    connected: 0,
    insertOutcome: { ok: true, clipboard: false, message: '' },
    draftCheck: (request) => report({ text: request.text, length: request.text.length }),
    calls: { tabState: [], inserted: [], copied: [], agents: [], handled: [], checked: [] },
    emit(event) {
      for (const l of eventListeners) l(event);
    },
    switchTab(tab) {
      api.tab = tab;
      for (const l of tabListeners) l(tab);
    },
    async activeTab() {
      return api.tab;
    },
    onActiveTabChange(listener) {
      tabListeners.add(listener);
      return () => tabListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    connect() {
      api.connected += 1;
      return () => {
        api.connected -= 1;
      };
    },
    async tabState(tabId) {
      api.calls.tabState.push(tabId);
      if (api.failTabState > 0) {
        api.failTabState -= 1;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return api.states.get(tabId) ?? { tabId, snapshot: null, analyses: {}, draft: null, agent: null };
    },
    async suggestions(_tabId, itemId) {
      return api.suggestionSets.get(itemId) ?? { suggestions: [], offers: [] };
    },
    async thankYou(_tabId, itemId) {
      return api.thankYouOptions.get(itemId) ?? null;
    },
    async checkDraft(request) {
      api.calls.checked.push(request.text);
      return api.draftCheck(request);
    },
    async insert(request) {
      api.calls.inserted.push(request);
      return api.insertOutcome;
    },
    async copy(text) {
      api.calls.copied.push(text);
    },
    async markHandled(_tabId, itemId) {
      api.calls.handled.push(itemId);
    },
    async setAgent(agent) {
      api.calls.agents.push(agent);
    },
    async playbookStatus() {
      return api.status;
    },
    async openOptions() {},
  };
  return api;
}
