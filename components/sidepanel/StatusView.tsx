import { useState } from 'react';
import { i18n } from '#i18n';
import type { PlaybookStatus } from '../../lib/sidepanel/types';
import { AgentForm } from './AgentForm';
import { usePanel, usePanelContext } from './context';
import { HealthLine } from './Health';

function sourceText(status: PlaybookStatus): string {
  return i18n.t(`panel.status.source.${status.source}`);
}

function PlaybookSection({ status }: { status: PlaybookStatus | null }) {
  if (!status) return <p className="muted">{i18n.t('panel.status.unknown')}</p>;
  return (
    <dl className="facts">
      <dt>{i18n.t('panel.status.name')}</dt>
      <dd>{status.name}</dd>
      <dt>{i18n.t('panel.status.version')}</dt>
      <dd>{status.version}</dd>
      <dt>{i18n.t('panel.status.sourceLabel')}</dt>
      <dd>{sourceText(status)}</dd>
      <dt>{i18n.t('panel.status.updated')}</dt>
      <dd>
        {status.updatedAt === null ? (
          i18n.t('panel.status.never')
        ) : (
          <time dateTime={new Date(status.updatedAt).toISOString()}>
            {new Date(status.updatedAt).toLocaleString()}
          </time>
        )}
      </dd>
      {status.changes && (
        <>
          <dt>{i18n.t('panel.status.changes')}</dt>
          <dd>{status.changes}</dd>
        </>
      )}
      {status.errors.length > 0 && (
        <>
          <dt>{i18n.t('panel.status.errors')}</dt>
          <dd>
            <ul className="errors">
              {status.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Which playbook is active, how the page reader is doing, and who is replying. */
export default function StatusView() {
  const { api } = usePanelContext();
  const status = usePanel((s) => s.status);
  const snapshot = usePanel((s) => s.tabState?.snapshot ?? null);
  const agent = usePanel((s) => s.tabState?.agent ?? null);
  const [editingAgent, setEditingAgent] = useState(false);
  return (
    <section aria-labelledby="status-heading" className="view">
      <h2 id="status-heading">{i18n.t('panel.status.heading')}</h2>
      <h3>{i18n.t('panel.status.playbook')}</h3>
      <PlaybookSection status={status} />
      <button type="button" className="link" onClick={() => api.openOptions()}>
        {i18n.t('panel.status.openOptions')}
      </button>
      <h3>{i18n.t('panel.status.page')}</h3>
      {snapshot ? (
        <HealthLine site={snapshot.site} health={snapshot.health} />
      ) : (
        <p className="muted">{i18n.t('panel.status.noPage')}</p>
      )}
      <h3>{i18n.t('panel.status.agent')}</h3>
      {editingAgent ? (
        <AgentForm agent={agent ?? {}} onDone={() => setEditingAgent(false)} />
      ) : (
        <p>
          {agent?.name
            ? i18n.t('panel.status.agentIs', [agent.name, agent.initials ?? ''])
            : i18n.t('panel.status.agentNone')}{' '}
          <button type="button" className="link" onClick={() => setEditingAgent(true)}>
            {i18n.t('panel.status.changeAgent')}
          </button>
        </p>
      )}
    </section>
  );
}
