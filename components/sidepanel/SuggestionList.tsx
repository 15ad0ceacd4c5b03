import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { editKey } from '../../lib/sidepanel/store';
import { fillAgent, missingVariables, variableRanges } from '../../lib/sidepanel/text';
import type { OfferInfo, QueueEntry, Suggestion } from '../../lib/sidepanel/types';
import { usePanel, usePanelContext } from './context';
import { CoachDetails, useDraftCheck } from './DraftCoach';
import { MarkedText } from './MarkedText';

function Offers({ offers }: { offers: OfferInfo[] }) {
  if (offers.length === 0) return <p className="offers-none">{i18n.t('panel.offers.none')}</p>;
  return (
    <section className="offers" aria-label={i18n.t('panel.offers.heading')}>
      <h4>{i18n.t('panel.offers.heading')}</h4>
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            <strong>{o.label}</strong>
            {o.maxPercent !== undefined && (
              <span className="offer-limit"> {i18n.t('panel.offers.max', [String(o.maxPercent)])}</span>
            )}
            {o.note && <span className="offer-note"> {o.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditBox({ editingKey, text, entry }: { editingKey: string; text: string; entry: QueueEntry }) {
  const setEdit = usePanel((s) => s.edit);
  const startEditing = usePanel((s) => s.startEditing);
  const ref = useRef<HTMLTextAreaElement>(null);
  const report = useDraftCheck(text, entry.item.site, entry.item.id);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="edit-box">
      <label className="visually-hidden" htmlFor={`edit-${editingKey}`}>
        {i18n.t('panel.suggestion.editLabel')}
      </label>
      <textarea
        ref={ref}
        id={`edit-${editingKey}`}
        value={text}
        rows={5}
        onChange={(e) => setEdit(editingKey, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            startEditing(null);
          }
        }}
      />
      {report && <CoachDetails report={report} compact />}
    </div>
  );
}

function SuggestionCard({
  entry,
  suggestion,
  index,
}: {
  entry: QueueEntry;
  suggestion: Suggestion;
  index: number;
}) {
  const { controller } = usePanelContext();
  const key = editKey(entry.item.id, suggestion.responseId);
  const edit = usePanel((s) => s.edits[key]);
  const editing = usePanel((s) => s.editing === key);
  const agent = usePanel((s) => s.tabState?.agent ?? null);
  const startEditing = usePanel((s) => s.startEditing);
  const setEdit = usePanel((s) => s.edit);
  const resetEdit = usePanel((s) => s.resetEdit);
  const text = edit ?? fillAgent(suggestion.text, agent);
  const missing = missingVariables(text);
  const blocked = missing.length > 0 || text.trim() === '';
  const n = String(index + 1);
  const missingId = `missing-${key}`;

  const beginEdit = () => {
    if (edit === undefined) setEdit(key, text);
    startEditing(key);
  };

  return (
    <li className="suggestion" data-edit-key={key}>
      <h4 className="suggestion-title">
        <span className="suggestion-number" aria-hidden="true">
          {n}
        </span>{' '}
        {suggestion.title}
      </h4>
      {editing ? (
        <EditBox editingKey={key} text={text} entry={entry} />
      ) : (
        <p className="suggestion-text">
          <MarkedText
            text={text}
            ranges={variableRanges(text)}
            kind="missing"
            markLabel={i18n.t('panel.suggestion.missingMark')}
          />
        </p>
      )}
      {suggestion.why.length > 0 && (
        <p className="suggestion-why">{i18n.t('panel.why', [suggestion.why.slice(0, 2).join(', ')])}</p>
      )}
      {!suggestion.fits && <p className="warning">{i18n.t('panel.suggestion.tooLong')}</p>}
      {missing.length > 0 && (
        <p className="warning" id={missingId}>
          {i18n.t('panel.suggestion.missing', [missing.map((m) => `{${m}}`).join(', ')])}
          {missing.some((m) => m.startsWith('agent_')) && ` ${i18n.t('panel.suggestion.missingAgent')}`}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={blocked}
          aria-describedby={missing.length > 0 ? missingId : undefined}
          aria-keyshortcuts={n}
          onClick={() =>
            controller.insert({
              itemId: entry.item.id,
              text,
              responseId: suggestion.responseId,
              variant: suggestion.variant,
              suggestedText: suggestion.text,
            })
          }
        >
          {i18n.t('panel.suggestion.insert')} <kbd>{n}</kbd>
        </button>
        <button type="button" disabled={blocked} onClick={() => controller.copy(text)}>
          {i18n.t('panel.suggestion.copy')}
        </button>
        {editing ? (
          <button type="button" onClick={() => startEditing(null)}>
            {i18n.t('panel.suggestion.done')}
          </button>
        ) : (
          <button type="button" aria-keyshortcuts="e" onClick={beginEdit}>
            {i18n.t('panel.suggestion.edit')}
          </button>
        )}
        {edit !== undefined && edit !== fillAgent(suggestion.text, agent) && (
          <button type="button" onClick={() => resetEdit(key)}>
            {i18n.t('panel.suggestion.reset')}
          </button>
        )}
      </div>
    </li>
  );
}

/** The top suggestions for the selected item, under it in the queue. */
export function SuggestionList({ entry }: { entry: QueueEntry }) {
  const { controller } = usePanelContext();
  const remote = usePanel((s) => s.suggestions[entry.item.id]);
  const missing = remote === undefined;
  // Fetched on first show, and again after a playbook change dropped the old answers.
  useEffect(() => {
    if (missing) controller.loadSuggestions(entry.item.id);
  }, [missing, controller, entry.item.id]);
  if (!remote || remote.state === 'loading') {
    return (
      <p className="muted" role="status">
        {i18n.t('panel.suggestion.loading')}
      </p>
    );
  }
  if (remote.state === 'failed') {
    return (
      <p className="muted">
        {i18n.t('panel.suggestion.failed')}{' '}
        <button
          type="button"
          className="link"
          onClick={() => controller.loadSuggestions(entry.item.id, true)}
        >
          {i18n.t('panel.retry')}
        </button>
      </p>
    );
  }
  const { suggestions, offers } = remote.value;
  return (
    <div className="suggestions">
      <h3 className="visually-hidden">{i18n.t('panel.suggestion.heading', [entry.item.author.name])}</h3>
      {suggestions.length === 0 ? (
        <p className="empty">{i18n.t('panel.suggestion.none')}</p>
      ) : (
        <ol className="suggestion-list">
          {suggestions.slice(0, 3).map((s, i) => (
            <SuggestionCard key={s.responseId} entry={entry} suggestion={s} index={i} />
          ))}
        </ol>
      )}
      <Offers offers={offers} />
      <button type="button" className="link" onClick={() => controller.markHandled(entry.item.id)}>
        {i18n.t('panel.markHandled')}
      </button>
    </div>
  );
}
