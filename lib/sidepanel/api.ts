import { type Browser, browser } from 'wxt/browser';
import type { Suggestion as AnalysisSuggestion, Classification } from '../analysis';
import type { DraftReport, InsertResult, TabState } from '../messaging/protocol';
import { askBackground, onUiEvent } from '../messaging/transport';
import type { SiteId } from '../sites/model';
import type {
  ActiveTab,
  Agent,
  DraftCoachReport,
  InsertOutcome,
  ItemAnalysis,
  PanelEvent,
  PanelTabState,
  PlaybookStatus,
  Suggestion,
  SuggestionSet,
  ThankYouOption,
} from './types';

/**
 * Everything the side panel needs from the outside world. Components only ever see this interface, so tests
 * hand them a small in-memory object and the browser-backed version below stays the only place that talks to
 * the extension APIs.
 */
export interface PanelApi {
  /** The tab the panel is looking at, or null (no window, a devtools window, …). */
  activeTab(): Promise<ActiveTab | null>;
  /** The user switched tabs or the active tab navigated. */
  onActiveTabChange(listener: (tab: ActiveTab | null) => void): () => void;
  onEvent(listener: (event: PanelEvent) => void): () => void;
  /**
   * Tell the background a panel is open, so "Coach reply" on the page selects the item here. Held until the
   * returned function is called, across service worker restarts.
   */
  connect(): () => void;
  tabState(tabId: number): Promise<PanelTabState>;
  suggestions(tabId: number, itemId: string): Promise<SuggestionSet>;
  /** A warm thank-you for a praise item, every variant filled; null when the playbook has none. */
  thankYou(tabId: number, itemId: string): Promise<ThankYouOption | null>;
  checkDraft(request: DraftCheckRequest): Promise<DraftCoachReport>;
  insert(request: InsertRequest): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
  markHandled(tabId: number, itemId: string): Promise<void>;
  setAgent(agent: Agent): Promise<void>;
  playbookStatus(): Promise<PlaybookStatus>;
  openOptions(): Promise<void>;
}

export interface DraftCheckRequest {
  tabId: number | null;
  text: string;
  platform: SiteId;
  replyToId: string | null;
}

export interface InsertRequest {
  tabId: number;
  itemId: string | null;
  text: string;
  /** The playbook response the text came from, and its text before editing, for the reply history. */
  responseId: string | null;
  /** The variant of that response, so wordings rotate. */
  variant?: number | null;
  suggestedText: string | null;
}

const SUGGESTION_COUNT = 3;
/** The port name the background counts open panels by. */
export const PANEL_PORT = 'panel';
const RECONNECT_MS = 1000;

// ---------- protocol → panel shapes ----------

export function toItemAnalysis(c: Classification): ItemAnalysis {
  return {
    intent: c.intent,
    complaint: c.complaint,
    sentiment: { label: c.sentiment.label, score: c.sentiment.score },
    analysed: c.analysed,
    reasons: c.reasons.map((r) => ({ signal: r.signal, text: r.text })),
  };
}

export function toDraftReport(report: DraftReport, platform: SiteId): DraftCoachReport {
  return {
    text: report.text,
    platform,
    promoScore: report.promoScore,
    promotional: report.promotional,
    notes: report.notes.map((n) => ({ ...n })),
    length: report.length,
    limit: report.limit,
    looksGood: report.looksGood,
  };
}

export function toSuggestion(s: AnalysisSuggestion): Suggestion {
  return {
    responseId: s.responseId,
    title: s.title,
    text: s.text,
    variant: s.variant,
    missing: [...s.missing],
    why: [...s.why],
    fits: s.fits,
  };
}

export function toPanelTabState(state: TabState): PanelTabState {
  const analyses: PanelTabState['analyses'] = {};
  for (const entry of state.queue) analyses[entry.itemId] = toItemAnalysis(entry.classification);
  return {
    tabId: state.tabId,
    snapshot: state.snapshot,
    analyses,
    draft: state.draftReport && state.snapshot ? toDraftReport(state.draftReport, state.snapshot.site) : null,
    agent: state.agent,
  };
}

function toOutcome(r: InsertResult): InsertOutcome {
  return { ok: r.ok, clipboard: r.strategy === 'clipboard', message: r.message };
}

// ---------- the browser-backed implementation ----------

/**
 * `sidepanel.html?tabId=N` pins the panel to one tab: used when the panel is opened as a page of its own (the
 * end-to-end tests, a popped-out panel), where "the active tab" would be the panel itself.
 */
function pinnedTabId(): number | null {
  const raw = new URLSearchParams(globalThis.location?.search ?? '').get('tabId');
  const id = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

async function currentTab(): Promise<ActiveTab | null> {
  const pinned = pinnedTabId();
  if (pinned !== null) {
    const tab = await browser.tabs.get(pinned).catch(() => null);
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}

export function createPanelApi(): PanelApi {
  return {
    activeTab: currentTab,
    onActiveTabChange(listener) {
      const activated = () => {
        currentTab().then(listener, () => listener(null));
      };
      // A pinned panel stays on its tab whatever else gets focus.
      const onActivated = () => {
        if (pinnedTabId() === null) activated();
      };
      const updated = (
        _tabId: number,
        change: { url?: string; status?: string },
        tab: { active?: boolean },
      ) => {
        // Single-page sites change the URL without a load; both count as navigation for the queue.
        const followed = pinnedTabId() === null ? tab.active : _tabId === pinnedTabId();
        if (followed && (change.url !== undefined || change.status === 'complete')) activated();
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(updated);
      browser.windows?.onFocusChanged.addListener(onActivated);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(updated);
        browser.windows?.onFocusChanged.removeListener(onActivated);
      };
    },
    onEvent(listener) {
      return onUiEvent((type, data) => {
        if (type === 'tabChanged') listener({ type, tabId: (data as { tabId: number }).tabId });
        else if (type === 'focusItem') {
          const d = data as { tabId: number; itemId: string };
          listener({ type, tabId: d.tabId, itemId: d.itemId });
        } else if (type === 'playbookChanged') listener({ type });
      });
    },
    connect() {
      let port: Browser.runtime.Port | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let closed = false;
      const open = () => {
        timer = null;
        try {
          port = browser.runtime.connect({ name: PANEL_PORT });
        } catch {
          timer = setTimeout(open, RECONNECT_MS);
          return;
        }
        // The port drops when the service worker stops; a restarted worker must learn the panel is open.
        port.onDisconnect.addListener(() => {
          port = null;
          if (!closed) timer = setTimeout(open, RECONNECT_MS);
        });
      };
      open();
      return () => {
        closed = true;
        if (timer !== null) clearTimeout(timer);
        port?.disconnect();
      };
    },
    async tabState(tabId) {
      return toPanelTabState(await askBackground('tabState', { tabId }));
    },
    async suggestions(tabId, itemId) {
      const list: AnalysisSuggestion[] = await askBackground('suggestions', {
        tabId,
        itemId,
        k: SUGGESTION_COUNT,
      });
      const offers = await askBackground('offers', {
        tabId,
        itemId,
        responseIds: list.map((s) => s.responseId),
      });
      return { suggestions: list.map(toSuggestion), offers };
    },
    async thankYou(tabId, itemId) {
      return askBackground('thankYou', { tabId, itemId });
    },
    async checkDraft(request) {
      const report = await askBackground('checkDraft', request);
      return toDraftReport(report, request.platform);
    },
    async insert(request) {
      return toOutcome(await askBackground('insert', request));
    },
    async copy(text) {
      await navigator.clipboard.writeText(text);
    },
    async markHandled(tabId, itemId) {
      await askBackground('markHandled', { tabId, itemId });
    },
    async setAgent(agent) {
      await askBackground('setAgent', agent);
    },
    async playbookStatus() {
      return askBackground('playbookStatus', {});
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
