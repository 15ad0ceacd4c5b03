import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { DraftCoachReport } from '../../lib/sidepanel/types';
import type { SiteId } from '../../lib/sites/model';
import { usePanel, usePanelContext } from './context';
import { MarkedText } from './MarkedText';

const CHECK_DELAY_MS = 250;

/** Check a text the agent is editing in the panel, debounced so typing stays smooth. */
export function useDraftCheck(
  text: string,
  platform: SiteId,
  replyToId: string | null,
): DraftCoachReport | null {
  const { api } = usePanelContext();
  const tabId = usePanel((s) => s.tab?.id ?? null);
  const [report, setReport] = useState<DraftCoachReport | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.checkDraft({ tabId, text, platform, replyToId }).then(
        (r) => {
          if (current) setReport(r);
        },
        () => {
          // The live check is a convenience; the last answer stays until the background is back.
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, tabId, text, platform, replyToId]);
  return report;
}

function LengthCounter({ report }: { report: DraftCoachReport }) {
  const site = report.platform === 'x' ? i18n.t('panel.site.x') : i18n.t('panel.site.facebook');
  if (report.limit === null) {
    return <p className="length">{i18n.t('panel.coach.lengthNoLimit', [site, String(report.length)])}</p>;
  }
  const over = report.length > report.limit;
  return (
    <p className={`length${over ? ' over' : ''}`}>
      <meter min={0} max={report.limit} value={Math.min(report.length, report.limit)} aria-hidden="true" />{' '}
      {i18n.t('panel.coach.length', [site, String(report.length), String(report.limit)])}
      {over && ` ${i18n.t('panel.coach.overBy', [String(report.length - report.limit)])}`}
    </p>
  );
}

/** Promotion score, every issue with its fix, the length counter, and "looks good" when nothing is wrong. */
export function CoachDetails({ report, compact = false }: { report: DraftCoachReport; compact?: boolean }) {
  const percent = Math.round(report.promoScore * 100);
  return (
    <div className={`coach${compact ? ' compact' : ''}`}>
      {report.looksGood && <p className="looks-good">{i18n.t('panel.coach.looksGood')}</p>}
      <p className={`promo${report.promotional ? ' promotional' : ''}`}>
        <meter min={0} max={100} value={percent} aria-hidden="true" />{' '}
        {report.promotional
          ? i18n.t('panel.coach.promoHigh', [String(percent)])
          : i18n.t('panel.coach.promoOk', [String(percent)])}
      </p>
      {report.notes.length > 0 && (
        <ul className="issues" aria-label={i18n.t('panel.coach.issues')}>
          {report.notes.map((note) => (
            <li key={`${note.rule}-${note.start}-${note.end}`} className={`issue issue-${note.severity}`}>
              <span className="severity">{i18n.t(`panel.severity.${note.severity}`)}</span>{' '}
              {note.end > note.start && <q>{report.text.slice(note.start, note.end)}</q>} {note.message}
              {note.tip && <span className="tip"> {note.tip}</span>}
            </li>
          ))}
        </ul>
      )}
      <LengthCounter report={report} />
    </div>
  );
}

/** The coach for the reply box that has focus on the page. */
export function DraftCoachView() {
  const report = usePanel((s) => s.tabState?.draft ?? null);
  return (
    <section aria-labelledby="coach-heading" className="view">
      <h2 id="coach-heading">{i18n.t('panel.coach.heading')}</h2>
      {report === null ? (
        <p className="empty">{i18n.t('panel.coach.empty')}</p>
      ) : (
        <>
          <blockquote className="draft-text" aria-label={i18n.t('panel.coach.draftLabel')}>
            <MarkedText text={report.text} ranges={report.notes} kind="issue" />
          </blockquote>
          <CoachDetails report={report} />
        </>
      )}
    </section>
  );
}
