import { useEffect, useState } from 'react';
import type { Period, Report } from '../../lib/stats/report';
import type { ReportsApi } from '../../lib/stats/reports-api';
import { StatsView } from './StatsView';
import { statsStrings } from './strings';

/**
 * The reports with their data: loads the chosen period, reloads when the ledger changes, and wires exports and
 * delete-all. The side panel shows today only; the options page offers 7, 30 and 90 days.
 */
export function ReportsPanel({
  api,
  periods,
  initial,
}: {
  api: ReportsApi;
  periods: readonly Period[];
  initial: Period;
}) {
  const [period, setPeriod] = useState<Period>(initial);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => api.watch(() => setVersion((v) => v + 1)), [api]);
  useEffect(() => {
    let live = true;
    void version;
    api.report(period).then(
      (r) => {
        if (live) {
          setReport(r);
          setError(null);
        }
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, period, version]);

  if (error) return <p role="alert">{error}</p>;
  if (!report) return <p className="muted">{statsStrings.loading}</p>;
  const many = periods.length > 1;
  return (
    <StatsView
      report={report}
      period={period}
      periods={periods}
      onPeriodChange={many ? setPeriod : undefined}
      onExportCsv={many ? () => void api.exportCsv() : undefined}
      onExportJson={many ? () => void api.exportJson() : undefined}
      onDeleteAll={many ? () => api.deleteAll() : undefined}
    />
  );
}
