import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { formatDuration, formatPercent } from '../../../components/stats/format';
import { StatsView } from '../../../components/stats/StatsView';
import { statsStrings } from '../../../components/stats/strings';
import { computeReport } from '../../../lib/stats/report';
import { HOUR_MS, MINUTE_MS } from '../../../lib/stats/time';
import { LEDGER, WEEK } from '../../unit/stats/known-ledger';

const report = computeReport(LEDGER, WEEK);
const empty = computeReport([], WEEK);

function kpi(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.querySelector('.stats-kpi-value')?.textContent ?? '';
}

describe('StatsView', () => {
  it('shows the headline numbers of the period', () => {
    render(<StatsView report={report} period="7d" timeZone="UTC" />);
    expect(kpi(statsStrings.kpi.replies)).toBe('8');
    expect(kpi(statsStrings.kpi.responseRate)).toBe('71%');
    expect(screen.getByText('5 of 7 comments answered')).toBeTruthy();
    expect(kpi(statsStrings.kpi.medianTime)).toBe('1 h 5 min');
    expect(kpi(statsStrings.kpi.p90Time)).toBe('2 d');
    expect(kpi(statsStrings.kpi.thanks)).toBe('4');
    expect(kpi(statsStrings.kpi.promotional)).toBe('38%');
    expect(screen.getByText('3 of 8 replies')).toBeTruthy();
    expect(screen.getByText('2 marked handled without a reply')).toBeTruthy();
  });

  it('draws the charts with a text summary for screen readers', () => {
    render(<StatsView report={report} period="7d" timeZone="UTC" />);
    const activity = screen.getByRole('img', { name: /Comments and replies/ });
    expect(activity.querySelectorAll('rect.stats-bar--replies')).toHaveLength(7);
    expect(activity.querySelector('desc')?.textContent).toBe(
      '7 comments needing an answer and 8 replies, by day.',
    );
    const waits = screen.getByRole('img', { name: /How long people waited/ });
    expect(waits.querySelector('desc')?.textContent).toBe(
      'Replies by waiting time: Under 15 min 1, 15–60 min 2, 1–4 h 2, 4–24 h 0, Over a day 1.',
    );
  });

  it('thins the date labels of a 90-day chart so they do not overlap', () => {
    const long = computeReport(LEDGER, { from: WEEK.to - 90 * 24 * HOUR_MS, to: WEEK.to, now: WEEK.now });
    render(<StatsView report={long} period="90d" timeZone="UTC" />);
    const chart = screen.getByRole('img', { name: /Comments and replies/ });
    expect(chart.querySelectorAll('rect.stats-bar--seen')).toHaveLength(90);
    const labels = chart.querySelectorAll('text.stats-tick');
    // Two axis values plus one date every 12 days.
    expect(labels.length).toBe(2 + 8);
  });

  it('lists the most used responses and hints at the ones staff rewrite', () => {
    render(<StatsView report={report} period="7d" timeZone="UTC" />);
    const top = screen.getByRole('region', { name: statsStrings.topResponses.heading });
    const rows = within(top).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'late-order327%',
      'faq-hours270%',
      'refund-howto130%',
      'thanks-praise10%',
    ]);
    const rewritten = screen.getByRole('region', { name: statsStrings.rewritten.heading });
    expect(within(rewritten).getByText('faq-hours: 70% rewritten on average over 2 uses')).toBeTruthy();
  });

  it('flags a situation where the same problem got different offers', () => {
    render(<StatsView report={report} period="7d" timeZone="UTC" />);
    const offers = screen.getByRole('region', { name: statsStrings.offers.heading });
    const rows = within(offers).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('Complaint · late-order');
    expect(rows[0]?.textContent).toContain('sorry-10 × 2');
    expect(within(rows[0] as HTMLElement).getByText(statsStrings.offers.inconsistent)).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(statsStrings.offers.consistent)).toBeTruthy();
  });

  it('says so when nothing was recorded, instead of showing zeros', () => {
    render(<StatsView report={empty} period="today" />);
    expect(screen.getByText(statsStrings.empty)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Today');
  });

  it('offers 7, 30 and 90 days when the period can change, and reports the choice', async () => {
    const onPeriodChange = vi.fn();
    render(<StatsView report={report} period="7d" onPeriodChange={onPeriodChange} />);
    const choice = screen.getByRole('group', { name: statsStrings.periodLegend });
    expect(
      within(choice)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['7d', '30d', '90d']);
    expect((screen.getByRole('radio', { name: '7 days' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: '30 days' }));
    expect(onPeriodChange).toHaveBeenCalledWith('30d');
  });

  it('has no period choice in the side panel', () => {
    render(<StatsView report={report} period="today" />);
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('exports through the handlers it was given and shows only those buttons', async () => {
    const onExportCsv = vi.fn();
    render(<StatsView report={report} period="30d" onExportCsv={onExportCsv} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.exportCsv }));
    expect(onExportCsv).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: statsStrings.data.exportJson })).toBeNull();
    expect(screen.queryByRole('button', { name: statsStrings.data.deleteAll })).toBeNull();
  });
});

describe('deleting all data', () => {
  it('asks for confirmation first and deletes nothing when cancelled', async () => {
    const onDeleteAll = vi.fn();
    render(<StatsView report={report} period="30d" onDeleteAll={onDeleteAll} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
    const dialog = screen.getByRole('dialog', { name: statsStrings.confirm.title });
    const keep = within(dialog).getByRole('button', { name: statsStrings.confirm.cancel });
    expect(document.activeElement).toBe(keep);
    await userEvent.click(keep);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onDeleteAll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
  });

  it('closes on Escape without deleting', async () => {
    const onDeleteAll = vi.fn();
    render(<StatsView report={report} period="30d" onDeleteAll={onDeleteAll} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onDeleteAll).not.toHaveBeenCalled();
  });

  it('keeps keyboard focus inside the dialog', async () => {
    render(<StatsView report={report} period="30d" onDeleteAll={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
    const dialog = screen.getByRole('dialog');
    const [keep, remove] = within(dialog).getAllByRole('button');
    await userEvent.tab();
    expect(document.activeElement).toBe(remove);
    await userEvent.tab();
    expect(document.activeElement).toBe(keep);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(remove);
  });

  it('deletes after confirmation and says it is done', async () => {
    let finish: () => void = () => undefined;
    const onDeleteAll = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<StatsView report={report} period="30d" onDeleteAll={onDeleteAll} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
    await userEvent.click(screen.getByRole('button', { name: statsStrings.confirm.confirm }));
    expect(onDeleteAll).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: statsStrings.confirm.working })).toHaveProperty(
      'disabled',
      true,
    );
    await act(async () => finish());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(statsStrings.confirm.done);
  });

  it('keeps the dialog open with an error when deleting fails', async () => {
    const onDeleteAll = vi.fn(() => Promise.reject(new Error('storage is gone')));
    render(<StatsView report={report} period="30d" onDeleteAll={onDeleteAll} />);
    await userEvent.click(screen.getByRole('button', { name: statsStrings.data.deleteAll }));
    await userEvent.click(screen.getByRole('button', { name: statsStrings.confirm.confirm }));
    expect(screen.getByRole('alert').textContent).toBe(statsStrings.confirm.failed);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('formatting', () => {
  it('writes waits the way people say them', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(20_000)).toBe('under 1 min');
    expect(formatDuration(40 * MINUTE_MS)).toBe('40 min');
    expect(formatDuration(59.8 * MINUTE_MS)).toBe('1 h');
    expect(formatDuration(65 * MINUTE_MS)).toBe('1 h 5 min');
    expect(formatDuration(27 * HOUR_MS)).toBe('1 d 3 h');
    expect(formatDuration(48 * HOUR_MS)).toBe('2 d');
  });

  it('writes shares as whole percentages and a missing share as a dash', () => {
    expect(formatPercent(5 / 7)).toBe('71%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });
});
