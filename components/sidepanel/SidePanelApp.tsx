import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { PanelApi } from '../../lib/sidepanel/api';
import {
  type ControllerMessages,
  type ControllerOptions,
  createPanelController,
} from '../../lib/sidepanel/controller';
import { filterQueue, isSupportedUrl, queueEntries, sortQueue } from '../../lib/sidepanel/queue';
import { createPanelStore, editKey, type View } from '../../lib/sidepanel/store';
import { AgentForm } from './AgentForm';
import { PanelContext, type PanelContextValue, usePanel, usePanelContext } from './context';
import { DraftCoachView } from './DraftCoach';
import { problemText } from './Health';
import { QueueView } from './QueueView';
import { suggestionText } from './SuggestionList';
import { ThankYouLane, useThankYouEntries } from './ThankYouLane';
import './sidepanel.css';

// Managers open the status view now and then; staff live in the queue, so it loads on demand.
const StatusView = lazy(() => import('./StatusView'));

const CLOCK_TICK_MS = 30_000;

export interface SidePanelAppProps {
  api: PanelApi;
  /** Forces a theme; otherwise the system's light or dark preference applies. */
  theme?: 'light' | 'dark';
  now?: () => Date;
  controllerOptions?: ControllerOptions;
}

function controllerMessages(): ControllerMessages {
  return {
    inserted: i18n.t('panel.result.inserted'),
    pasteNeeded: (message) => i18n.t('panel.result.paste', [message]),
    insertFailed: (message) => i18n.t('panel.result.failed', [message]),
    copied: i18n.t('panel.result.copied'),
    copyFailed: i18n.t('panel.result.copyFailed'),
    noTab: i18n.t('panel.result.noTab'),
    handled: i18n.t('panel.result.handled'),
    handleFailed: i18n.t('panel.result.handleFailed'),
  };
}

export function SidePanelApp({ api, theme, now = () => new Date(), controllerOptions }: SidePanelAppProps) {
  const [store] = useState(() => createPanelStore());
  const [controller] = useState(() =>
    createPanelController(api, store, controllerMessages(), controllerOptions),
  );
  const [clock, setClock] = useState(now);
  const nowRef = useRef(now);
  nowRef.current = now;

  useEffect(() => controller.start(), [controller]);
  useEffect(() => {
    const timer = setInterval(() => setClock(nowRef.current()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const value = useMemo<PanelContextValue>(
    () => ({ api, store, controller, now: clock }),
    [api, store, controller, clock],
  );
  return (
    <PanelContext.Provider value={value}>
      <div className="panel" data-theme={theme}>
        <Panel />
      </div>
    </PanelContext.Provider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** j/k and arrows move, 1–3 insert, e edits, / jumps to the filters. */
function useKeyboard(rootRef: React.RefObject<HTMLDivElement | null>): void {
  const { store, controller } = usePanelContext();
  useEffect(() => {
    const focusItem = (id: string) => {
      const root = rootRef.current;
      if (!root) return;
      for (const el of root.querySelectorAll<HTMLElement>('[data-item-id]')) {
        if (el.dataset.itemId === id) {
          el.focus();
          el.scrollIntoView?.({ block: 'nearest' });
        }
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const visible = filterQueue(sortQueue(queueEntries(s.tabState)), s.filter);
      const index = visible.findIndex((entry) => entry.item.id === s.selectedId);
      if (e.key === '/') {
        e.preventDefault();
        s.setView('queue');
        // The filters render with the queue view; wait for it.
        requestAnimationFrame(() =>
          rootRef.current?.querySelector<HTMLElement>('[data-filter][aria-pressed="true"]')?.focus(),
        );
        return;
      }
      if (s.view !== 'queue') return;
      if (e.key === 'j' || e.key === 'ArrowDown' || e.key === 'k' || e.key === 'ArrowUp') {
        if (visible.length === 0) return;
        e.preventDefault();
        const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : -1;
        const next =
          index === -1
            ? step > 0
              ? 0
              : visible.length - 1
            : Math.min(visible.length - 1, Math.max(0, index + step));
        const id = visible[next]?.item.id;
        if (id) {
          s.select(id);
          requestAnimationFrame(() => focusItem(id));
        }
        return;
      }
      const entry = index === -1 ? undefined : visible[index];
      const remote = entry ? s.suggestions[entry.item.id] : undefined;
      if (!entry || remote?.state !== 'ready') return;
      const agent = s.tabState?.agent ?? null;
      if (e.key === '1' || e.key === '2' || e.key === '3') {
        const suggestion = remote.value.suggestions[Number(e.key) - 1];
        if (!suggestion) return;
        const text = suggestionText(
          s.edits[editKey(entry.item.id, suggestion.responseId)],
          suggestion,
          agent,
        );
        // A reply with a gap in it is never sent; the card says what to fill.
        if (/\{[a-z_][a-z0-9_]*\}/.test(text)) return;
        e.preventDefault();
        controller.insert({
          itemId: entry.item.id,
          text,
          responseId: suggestion.responseId,
          suggestedText: suggestion.text,
        });
        return;
      }
      if (e.key === 'e') {
        const focusedCard = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
          '[data-edit-key]',
        );
        const first = remote.value.suggestions[0];
        const key = focusedCard?.dataset.editKey ?? (first ? editKey(entry.item.id, first.responseId) : null);
        if (!key) return;
        const suggestion = remote.value.suggestions.find((x) => editKey(entry.item.id, x.responseId) === key);
        if (!suggestion) return;
        e.preventDefault();
        if (s.edits[key] === undefined) s.edit(key, suggestionText(undefined, suggestion, agent));
        s.startEditing(key);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, controller, rootRef]);
}

function ViewTabs() {
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  const tabState = usePanel((s) => s.tabState);
  const thanks = useThankYouEntries().length;
  const waiting = useMemo(() => filterQueue(queueEntries(tabState), 'needs-reply').length, [tabState]);
  const draftIssues = tabState?.draft?.notes.length ?? 0;
  const tabs: { id: View; label: string; count?: number }[] = [
    { id: 'queue', label: i18n.t('panel.view.queue'), count: waiting },
    { id: 'thanks', label: i18n.t('panel.view.thanks'), count: thanks },
    { id: 'coach', label: i18n.t('panel.view.coach'), count: draftIssues || undefined },
    { id: 'status', label: i18n.t('panel.view.status') },
  ];
  return (
    <nav className="views" aria-label={i18n.t('panel.view.label')}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          aria-current={view === t.id ? 'page' : undefined}
          onClick={() => setView(t.id)}
        >
          {t.label}
          {t.count !== undefined && <span className="count">{t.count}</span>}
        </button>
      ))}
    </nav>
  );
}

function Notices() {
  const status = usePanel((s) => s.status);
  const reconnecting = usePanel((s) => s.reconnecting);
  const snapshot = usePanel((s) => s.tabState?.snapshot ?? null);
  const { api } = usePanelContext();
  return (
    <>
      {status?.source === 'sample' && (
        <p className="notice">
          {i18n.t('panel.firstRun.sample')}{' '}
          <button type="button" className="link" onClick={() => api.openOptions()}>
            {i18n.t('panel.status.openOptions')}
          </button>
        </p>
      )}
      {status && status.errors.length > 0 && (
        <p className="notice warning">{i18n.t('panel.status.keptGood')}</p>
      )}
      {status?.changes && <p className="notice">{status.changes}</p>}
      {snapshot?.health.status === 'degraded' &&
        snapshot.health.problems.map((p) => (
          <p key={`${p.code}-${p.detail ?? ''}`} className="notice warning">
            {problemText(snapshot.site, p)}
          </p>
        ))}
      {reconnecting && (
        <p className="notice muted" role="status">
          {i18n.t('panel.reconnecting')}
        </p>
      )}
    </>
  );
}

function Body() {
  const view = usePanel((s) => s.view);
  const tab = usePanel((s) => s.tab);
  const tabKnown = usePanel((s) => s.tabKnown);
  const tabState = usePanel((s) => s.tabState);
  const agentAsked = usePanel((s) => s.agentAsked);

  if (view === 'status') {
    return (
      <Suspense fallback={<p className="muted">{i18n.t('panel.loading')}</p>}>
        <StatusView />
      </Suspense>
    );
  }
  if (!tabKnown) return <p className="muted">{i18n.t('panel.loading')}</p>;
  if (!tab || !isSupportedUrl(tab.url)) {
    return (
      <section className="view empty-state" aria-labelledby="open-site-heading">
        <h2 id="open-site-heading">{i18n.t('panel.notOnSite.heading')}</h2>
        <p>{i18n.t('panel.notOnSite.body')}</p>
      </section>
    );
  }
  if (!tabState?.snapshot) {
    return (
      <section className="view empty-state" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{i18n.t('panel.waitingPage.heading')}</h2>
        <p>{i18n.t('panel.waitingPage.body')}</p>
      </section>
    );
  }
  return (
    <>
      {tabState.agent === null && !agentAsked && <AgentForm agent={null} />}
      {view === 'queue' && <QueueView />}
      {view === 'thanks' && <ThankYouLane />}
      {view === 'coach' && <DraftCoachView />}
    </>
  );
}

function Panel() {
  const rootRef = useRef<HTMLDivElement>(null);
  const announcement = usePanel((s) => s.announcement);
  useKeyboard(rootRef);
  return (
    <div ref={rootRef} className="panel-inner">
      <header className="panel-header">
        <h1>{i18n.t('panel.title')}</h1>
        <ViewTabs />
      </header>
      <Notices />
      <main>
        <Body />
      </main>
      <p className="announcement" aria-live="polite" role="status">
        {announcement}
      </p>
    </div>
  );
}
