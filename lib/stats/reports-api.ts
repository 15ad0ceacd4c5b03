import { askBackground, onUiEvent } from '../messaging/transport';
import { readLedger } from '../storage/ledger';
import { agentItem } from '../storage/settings';
import { CSV_BOM, exportFileName, toCsv, toJson } from './export';
import { computeReport, type Period, periodRange, type Report } from './report';

/** What the reports view needs from the browser: the ledger, exports, delete-all, and change notices. */
export interface ReportsApi {
  report(period: Period): Promise<Report>;
  exportCsv(): Promise<void>;
  exportJson(): Promise<void>;
  deleteAll(): Promise<void>;
  watch(onChange: () => void): () => void;
}

/** Replies to comments older than the period still count towards its time to reply: read a week more. */
const LOOKBACK_MS = 7 * 86_400_000;

function download(name: string, type: string, text: string): void {
  // A download link needs no `downloads` permission and keeps the file on this computer.
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createReportsApi(): ReportsApi {
  return {
    async report(period) {
      const now = new Date();
      const offset = -now.getTimezoneOffset();
      const { from, to } = periodRange(period, now, offset);
      const entries = await readLedger({ from: from.getTime() - LOOKBACK_MS });
      return computeReport(entries, { from, to: to.getTime() + 1, now, offsetMinutes: offset });
    },
    async exportCsv() {
      const [entries, agent] = await Promise.all([readLedger(), agentItem.get()]);
      download(
        exportFileName('csv', new Date()),
        'text/csv',
        CSV_BOM + toCsv(entries, { agent: agent?.name }),
      );
    },
    async exportJson() {
      const [entries, agent] = await Promise.all([readLedger(), agentItem.get()]);
      download(
        exportFileName('json', new Date()),
        'application/json',
        toJson(entries, { agent: agent?.name }),
      );
    },
    async deleteAll() {
      await askBackground('deleteLedger', {});
    },
    watch(onChange) {
      return onUiEvent((type) => {
        if (type === 'ledgerChanged') onChange();
      });
    },
  };
}
