import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { PanelApi } from '../../lib/sidepanel/api';
import {
  type ControllerMessages,
  type ControllerOptions,
  createPanelController,
} from '../../lib/sidepanel/controller';
import { filterQueue, isSupportedUrl, queueEntries } from '../../lib/sidepanel/queue';
import { createPanelStore, type View } from '../../lib/sidepanel/store';
import type { ReportsApi } from '../../lib/stats/reports-api';
import { AgentForm } from './AgentForm';
import { PanelContext, type PanelContextValue, usePanel, usePanelContext } from './context';
import { DraftCoachView } from './DraftCoach';
import { problemText } from './Health';
import { QueueView } from './QueueView';
import { ThankYouLane, useThankYouEntries } from './ThankYouLane';
import { useKeyboard } from './useKeyboard';
import './sidepanel.css';

// Managers open the status view now and then; staff live in the queue, so it loads on demand.
const StatusView = lazy(() => import('./StatusView'));
// Today's numbers are looked at a few times a day: their charts load on demand too.
const TodayView = lazy(() => import('./TodayView'));

const CLOCK_TICK_MS = 30_000;

export interface SidePanelAppProps {
  api: PanelApi;
  /** Today's report; the view is left out when absent. */
  reports?: ReportsApi;
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

export function SidePanelApp({
  api,
  reports,
  theme,
  now = () => new Date(),
  controllerOptions,
}: SidePanelAppProps) {
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
    () => ({ api, reports, store, controller, now: clock }),
    [api, reports, store, controller, clock],
  );
  return (
    <PanelContext.Provider value={value}>
      <div className="panel" data-theme={theme}>
        <Panel />
      </div>
    </PanelContext.Provider>
  );
}

function ViewTabs() {
  const hasReports = usePanelContext().reports !== undefined;
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
    ...(hasReports ? [{ id: 'today' as const, label: i18n.t('panel.view.today') }] : []),
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
  if (view === 'today') {
    return (
      <Suspense fallback={<p className="muted">{i18n.t('panel.loading')}</p>}>
        <TodayView />
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
