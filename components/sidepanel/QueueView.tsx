import { useMemo } from 'react';
import { i18n } from '#i18n';
import {
  countByFilter,
  FILTERS,
  filterQueue,
  type QueueFilter,
  queueEntries,
  sortQueue,
} from '../../lib/sidepanel/queue';
import type { QueueEntry } from '../../lib/sidepanel/types';
import { Age } from './Age';
import { Chips } from './Chips';
import { usePanel, usePanelContext } from './context';
import { SuggestionList } from './SuggestionList';

const FILTER_LABEL: Record<QueueFilter, () => string> = {
  'needs-reply': () => i18n.t('panel.filter.needsReply'),
  complaints: () => i18n.t('panel.filter.complaints'),
  praise: () => i18n.t('panel.filter.praise'),
  all: () => i18n.t('panel.filter.all'),
};

const EMPTY_LABEL: Record<QueueFilter, () => string> = {
  'needs-reply': () => i18n.t('panel.empty.needsReply'),
  complaints: () => i18n.t('panel.empty.complaints'),
  praise: () => i18n.t('panel.empty.praise'),
  all: () => i18n.t('panel.empty.all'),
};

/** The sorted, filtered queue of the current tab; derived on render, never stored. */
export function useVisibleQueue(): QueueEntry[] {
  const tabState = usePanel((s) => s.tabState);
  const filter = usePanel((s) => s.filter);
  return useMemo(() => filterQueue(sortQueue(queueEntries(tabState)), filter), [tabState, filter]);
}

export function Filters() {
  const tabState = usePanel((s) => s.tabState);
  const filter = usePanel((s) => s.filter);
  const setFilter = usePanel((s) => s.setFilter);
  const counts = useMemo(() => countByFilter(queueEntries(tabState)), [tabState]);
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{i18n.t('panel.filter.legend')}</legend>
      {FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          className="filter"
          aria-pressed={filter === f}
          data-filter={f}
          onClick={() => setFilter(f)}
        >
          {FILTER_LABEL[f]()} <span className="count">{counts[f]}</span>
        </button>
      ))}
    </fieldset>
  );
}

function QueueRow({ entry, selected }: { entry: QueueEntry; selected: boolean }) {
  const { now } = usePanelContext();
  const select = usePanel((s) => s.select);
  const { item, analysis } = entry;
  const who = item.author.handle ? `${item.author.name} @${item.author.handle}` : item.author.name;
  return (
    <li className={`queue-item${selected ? ' selected' : ''}`}>
      <button
        type="button"
        className="queue-item-head"
        data-item-id={item.id}
        aria-expanded={selected}
        onClick={() => select(selected ? null : item.id)}
      >
        <span className="author">{who}</span>
        <Age time={item.time} now={now} />
        <span className="item-text">
          {item.text}
          {item.truncated && '…'}
        </span>
      </button>
      <Chips analysis={analysis} />
      {selected && <SuggestionList entry={entry} />}
    </li>
  );
}

export function QueueView() {
  const entries = useVisibleQueue();
  const filter = usePanel((s) => s.filter);
  const selectedId = usePanel((s) => s.selectedId);
  return (
    <section aria-labelledby="queue-heading" className="view">
      <h2 id="queue-heading" className="visually-hidden">
        {i18n.t('panel.queue.heading')}
      </h2>
      <Filters />
      {entries.length === 0 ? (
        <p className="empty">{EMPTY_LABEL[filter]()}</p>
      ) : (
        <ol className="queue" aria-label={i18n.t('panel.queue.heading')}>
          {entries.map((e) => (
            <QueueRow key={e.item.id} entry={e} selected={e.item.id === selectedId} />
          ))}
        </ol>
      )}
    </section>
  );
}
