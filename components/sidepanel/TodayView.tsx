import { ReportsPanel } from '../stats/ReportsPanel';
import { usePanelContext } from './context';

/** Today's numbers for the person at the keyboard: replies, response rate, time to reply, thank-yous. */
export default function TodayView() {
  const { reports } = usePanelContext();
  if (!reports) return null;
  return (
    <section className="view">
      <ReportsPanel api={reports} periods={['today']} initial="today" />
    </section>
  );
}
