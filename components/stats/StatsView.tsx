import { type ReactNode, useId, useRef, useState } from 'react';
import { PERIODS, type Period, type Report } from '../../lib/stats/report';
import { ConfirmDelete } from './ConfirmDelete';
import { ActivityChart, ReplyTimeChart } from './charts';
import { formatDuration, formatPercent } from './format';
import { statsStrings } from './strings';
import './stats.css';

export interface StatsViewProps {
  /** Computed by `computeReport`; the view only presents it. */
  report: Report;
  period: Period;
  /** Shows the period choice (options page); without it the period is fixed (side panel "today"). */
  onPeriodChange?: (period: Period) => void;
  /** The periods offered; 7, 30 and 90 days unless told otherwise. */
  periods?: readonly Period[];
  onExportCsv?: () => void;
  onExportJson?: () => void;
  /** Called only after the user confirms; a rejected promise keeps the dialog open with an error. */
  onDeleteAll?: () => void | Promise<void>;
  /** IANA zone for chart labels; the browser's own when absent. */
  timeZone?: string;
}

type DeleteState = 'idle' | 'confirming' | 'working' | 'failed' | 'done';

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stats-kpi">
      <dt>{label}</dt>
      <dd>
        <span className="stats-kpi-value">{value}</span>
        {detail ? <span className="stats-kpi-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="stats-section" aria-labelledby={id}>
      <h3 id={id} className="stats-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function PeriodChoice({
  period,
  periods,
  onChange,
}: {
  period: Period;
  periods: readonly Period[];
  onChange: (period: Period) => void;
}) {
  const name = useId();
  return (
    <fieldset className="stats-periods">
      <legend className="stats-visually-hidden">{statsStrings.periodLegend}</legend>
      {periods.map((p) => (
        <label key={p} className="stats-period">
          <input type="radio" name={name} value={p} checked={p === period} onChange={() => onChange(p)} />
          <span>{statsStrings.periods[p]}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function StatsView({
  report,
  period,
  onPeriodChange,
  periods = PERIODS.filter((p) => p !== 'today'),
  onExportCsv,
  onExportJson,
  onDeleteAll,
  timeZone,
}: StatsViewProps) {
  const s = statsStrings;
  const [deleteState, setDeleteState] = useState<DeleteState>('idle');
  const deleteButton = useRef<HTMLButtonElement>(null);
  const { totals, timeToReply } = report;
  const isEmpty = totals.seen === 0 && totals.replies === 0 && totals.handled === 0;

  const closeDialog = (next: DeleteState): void => {
    setDeleteState(next);
    // Focus goes back where it was before the dialog opened.
    queueMicrotask(() => deleteButton.current?.focus());
  };

  const confirmDelete = async (): Promise<void> => {
    if (!onDeleteAll) return;
    setDeleteState('working');
    try {
      await onDeleteAll();
      closeDialog('done');
    } catch {
      setDeleteState('failed');
    }
  };

  const hasActions = Boolean(onExportCsv || onExportJson || onDeleteAll);
  const confirming = deleteState === 'confirming' || deleteState === 'working' || deleteState === 'failed';

  return (
    <div className="stats-view">
      <header className="stats-header">
        <h2 className="stats-title">
          {s.title}
          {onPeriodChange ? null : <span className="stats-title-period"> · {s.periods[period]}</span>}
        </h2>
        {onPeriodChange ? <PeriodChoice period={period} periods={periods} onChange={onPeriodChange} /> : null}
      </header>

      {isEmpty ? (
        <p className="stats-empty">{s.empty}</p>
      ) : (
        <>
          <dl className="stats-kpis">
            <Kpi label={s.kpi.replies} value={String(totals.replies)} />
            <Kpi
              label={s.kpi.responseRate}
              value={formatPercent(report.responseRate)}
              detail={s.kpi.responseRateDetail(totals.answered, totals.relevantSeen)}
            />
            <Kpi
              label={s.kpi.medianTime}
              value={formatDuration(timeToReply.medianMs)}
              detail={timeToReply.count > 0 ? s.kpi.timeDetail(timeToReply.count) : undefined}
            />
            <Kpi label={s.kpi.p90Time} value={formatDuration(timeToReply.p90Ms)} />
            <Kpi
              label={s.kpi.thanks}
              value={String(totals.thankYous)}
              detail={
                totals.replies > 0 ? s.kpi.thanksDetail(formatPercent(report.thankYouShare)) : undefined
              }
            />
            <Kpi
              label={s.kpi.promotional}
              value={formatPercent(report.promotionalShare)}
              detail={s.kpi.promotionalDetail(totals.promotional, totals.replies)}
            />
          </dl>
          {totals.handled > 0 ? <p className="stats-note">{s.kpi.handled(totals.handled)}</p> : null}

          <Section title={s.activity.heading}>
            <ActivityChart series={report.series} timeZone={timeZone} />
          </Section>

          {timeToReply.count > 0 ? (
            <Section title={s.replyTime.heading}>
              <ReplyTimeChart bands={timeToReply.bands} />
            </Section>
          ) : null}

          <Section title={s.topResponses.heading}>
            {report.topResponses.length === 0 ? (
              <p className="stats-note">{s.topResponses.empty}</p>
            ) : (
              <table className="stats-table">
                <thead>
                  <tr>
                    <th scope="col">{s.topResponses.response}</th>
                    <th scope="col">{s.topResponses.uses}</th>
                    <th scope="col">{s.topResponses.edited}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.topResponses.map((r) => (
                    <tr key={r.responseId}>
                      <th scope="row">
                        <code>{r.responseId}</code>
                      </th>
                      <td>{r.uses}</td>
                      <td>{formatPercent(r.meanEditDistance)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>

          {report.rewrittenResponses.length > 0 ? (
            <Section title={s.rewritten.heading}>
              <p className="stats-note">{s.rewritten.hint}</p>
              <ul className="stats-list">
                {report.rewrittenResponses.map((r) => (
                  <li key={r.responseId}>
                    {s.rewritten.item(r.responseId, r.uses, formatPercent(r.meanEditDistance))}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          <Section title={s.offers.heading}>
            {report.offersBySituation.length === 0 ? (
              <p className="stats-note">{s.offers.empty}</p>
            ) : (
              <>
                <p className="stats-note">{s.offers.hint}</p>
                <table className="stats-table">
                  <thead>
                    <tr>
                      <th scope="col">{s.offers.situation}</th>
                      <th scope="col">{s.offers.replies}</th>
                      <th scope="col">{s.offers.given}</th>
                      <th scope="col">{s.offers.check}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.offersBySituation.map((o) => (
                      <tr key={`${o.intent ?? ''}/${o.responseId ?? ''}`}>
                        <th scope="row">
                          {o.intent ? s.intents[o.intent] : s.offers.unknownIntent}
                          {' · '}
                          {o.responseId ? <code>{o.responseId}</code> : s.offers.anyResponse}
                        </th>
                        <td>{o.replies}</td>
                        <td>{o.offers.map((offer) => `${offer.offerId} × ${offer.count}`).join(', ')}</td>
                        <td>
                          <span
                            className={
                              o.consistent ? 'stats-badge stats-badge--ok' : 'stats-badge stats-badge--warn'
                            }
                          >
                            {o.consistent ? s.offers.consistent : s.offers.inconsistent}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Section>
        </>
      )}

      {hasActions ? (
        <Section title={s.data.heading}>
          <p className="stats-note">{s.data.note}</p>
          <div className="stats-actions">
            {onExportCsv ? (
              <button type="button" className="stats-button" onClick={onExportCsv}>
                {s.data.exportCsv}
              </button>
            ) : null}
            {onExportJson ? (
              <button type="button" className="stats-button" onClick={onExportJson}>
                {s.data.exportJson}
              </button>
            ) : null}
            {onDeleteAll ? (
              <button
                ref={deleteButton}
                type="button"
                className="stats-button stats-button--danger-outline"
                onClick={() => setDeleteState('confirming')}
              >
                {s.data.deleteAll}
              </button>
            ) : null}
          </div>
          {deleteState === 'done' ? (
            <p role="status" className="stats-note">
              {s.confirm.done}
            </p>
          ) : null}
        </Section>
      ) : null}

      {confirming ? (
        <ConfirmDelete
          working={deleteState === 'working'}
          failed={deleteState === 'failed'}
          onConfirm={() => void confirmDelete()}
          onCancel={() => closeDialog('idle')}
        />
      ) : null}
    </div>
  );
}
