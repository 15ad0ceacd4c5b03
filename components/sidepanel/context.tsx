import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelApi } from '../../lib/sidepanel/api';
import type { PanelController } from '../../lib/sidepanel/controller';
import type { PanelActions, PanelState, PanelStore } from '../../lib/sidepanel/store';
import type { ReportsApi } from '../../lib/stats/reports-api';

export interface PanelContextValue {
  api: PanelApi;
  reports?: ReportsApi;
  store: PanelStore;
  controller: PanelController;
  /** "Now", refreshed every little while so ages stay right without a re-fetch. */
  now: Date;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanelContext(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('Side panel components must render inside <SidePanelApp>.');
  return value;
}

/** A narrow subscription to the panel store; selectors must return stored values, not new objects. */
export function usePanel<T>(selector: (state: PanelState & PanelActions) => T): T {
  return useStore(usePanelContext().store, selector);
}
