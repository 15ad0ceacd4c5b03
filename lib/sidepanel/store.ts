import { createStore, type StoreApi } from 'zustand/vanilla';
import type { QueueFilter } from './queue';
import type { ActiveTab, PanelTabState, PlaybookStatus, SuggestionSet, ThankYouOption } from './types';

/**
 * The panel's UI state. Background data is kept as fetched (tab state, suggestions, status); everything derived
 * from it (sorted queue, counts) is computed by selectors in the components, never stored.
 */

export type View = 'queue' | 'thanks' | 'coach' | 'today' | 'status';

export type Remote<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

export interface PanelState {
  tab: ActiveTab | null;
  /** True once the active tab is known (or known to be absent). */
  tabKnown: boolean;
  tabState: PanelTabState | null;
  /** The background did not answer the last request; retrying quietly. */
  reconnecting: boolean;
  status: PlaybookStatus | null;
  view: View;
  filter: QueueFilter;
  selectedId: string | null;
  /** Suggestions per item id, for the current tab. */
  suggestions: Record<string, Remote<SuggestionSet>>;
  thankYous: Record<string, Remote<ThankYouOption | null>>;
  /** Texts the agent edited, by `itemId/responseId`. */
  edits: Record<string, string>;
  /** The suggestion being edited, by `itemId/responseId`. */
  editing: string | null;
  /** Variant of a thank-you response inserted last from this panel, by response id. */
  lastThankVariant: Record<string, number>;
  /** Variant currently shown per thank-you item, when the agent asked for another wording. */
  thankChoice: Record<string, number>;
  /** The agent dismissed or answered the first-run question in this panel. */
  agentAsked: boolean;
  /** Result of the last insertion or copy, announced politely. */
  announcement: string;
}

export interface PanelActions {
  setTab(tab: ActiveTab | null): void;
  setTabState(state: PanelTabState | null): void;
  setReconnecting(value: boolean): void;
  setStatus(status: PlaybookStatus | null): void;
  setView(view: View): void;
  setFilter(filter: QueueFilter): void;
  select(itemId: string | null): void;
  setSuggestions(itemId: string, value: Remote<SuggestionSet>): void;
  setThankYou(itemId: string, value: Remote<ThankYouOption | null>): void;
  clearFetched(): void;
  edit(key: string, text: string): void;
  startEditing(key: string | null): void;
  resetEdit(key: string): void;
  rememberThankVariant(responseId: string, variant: number): void;
  chooseThankVariant(itemId: string, variant: number): void;
  markAgentAsked(): void;
  announce(message: string): void;
}

export type PanelStore = StoreApi<PanelState & PanelActions>;

export function editKey(itemId: string, responseId: string): string {
  return `${itemId}/${responseId}`;
}

export function createPanelStore(initial: Partial<PanelState> = {}): PanelStore {
  return createStore<PanelState & PanelActions>()((set) => ({
    tab: null,
    tabKnown: false,
    tabState: null,
    reconnecting: false,
    status: null,
    view: 'queue',
    filter: 'needs-reply',
    selectedId: null,
    suggestions: {},
    thankYous: {},
    edits: {},
    editing: null,
    lastThankVariant: {},
    thankChoice: {},
    agentAsked: false,
    announcement: '',
    ...initial,

    setTab: (tab) =>
      set((s) => {
        const sameTab = s.tab?.id === tab?.id;
        // A different tab is a different page: its items, suggestions and edits do not carry over.
        return sameTab && s.tab?.url === tab?.url
          ? { tab, tabKnown: true }
          : {
              tab,
              tabKnown: true,
              tabState: sameTab ? s.tabState : null,
              selectedId: sameTab ? s.selectedId : null,
              suggestions: {},
              thankYous: {},
              editing: null,
            };
      }),
    setTabState: (tabState) => set({ tabState }),
    setReconnecting: (reconnecting) => set({ reconnecting }),
    setStatus: (status) => set({ status }),
    setView: (view) => set({ view }),
    setFilter: (filter) => set({ filter }),
    select: (selectedId) => set((s) => (s.selectedId === selectedId ? s : { selectedId, editing: null })),
    setSuggestions: (itemId, value) => set((s) => ({ suggestions: { ...s.suggestions, [itemId]: value } })),
    setThankYou: (itemId, value) => set((s) => ({ thankYous: { ...s.thankYous, [itemId]: value } })),
    clearFetched: () => set({ suggestions: {}, thankYous: {} }),
    edit: (key, text) => set((s) => ({ edits: { ...s.edits, [key]: text } })),
    startEditing: (editing) => set({ editing }),
    resetEdit: (key) =>
      set((s) => {
        const { [key]: _dropped, ...edits } = s.edits;
        return { edits, editing: s.editing === key ? null : s.editing };
      }),
    rememberThankVariant: (responseId, variant) =>
      set((s) => ({ lastThankVariant: { ...s.lastThankVariant, [responseId]: variant } })),
    chooseThankVariant: (itemId, variant) =>
      set((s) => ({ thankChoice: { ...s.thankChoice, [itemId]: variant } })),
    markAgentAsked: () => set({ agentAsked: true }),
    announce: (announcement) => set({ announcement }),
  }));
}
