import { i18n } from '#i18n';
import { quoteReasons, reasonsFor } from '../../lib/sidepanel/queue';
import type { ItemAnalysis } from '../../lib/sidepanel/types';

function intentLabel(a: ItemAnalysis): string {
  if (a.complaint) return i18n.t('panel.intent.complaint');
  return i18n.t(`panel.intent.${a.intent}`);
}

function sentimentLabel(a: ItemAnalysis): string {
  return i18n.t(`panel.sentiment.${a.sentiment.label}`);
}

/** Intent and sentiment chips that carry their own explanation, visible, not only on hover. */
export function Chips({ analysis }: { analysis: ItemAnalysis }) {
  if (!analysis.analysed) {
    return (
      <p className="chips">
        <span className="chip chip-other">{i18n.t('panel.intent.unread')}</span>
      </p>
    );
  }
  const intentWhy = quoteReasons(reasonsFor(analysis, 'intent'));
  const sentimentWhy = quoteReasons(reasonsFor(analysis, 'sentiment'));
  const intentClass = analysis.complaint ? 'complaint' : analysis.intent;
  return (
    <p className="chips">
      <span className={`chip chip-${intentClass}`}>
        {intentLabel(analysis)}
        {intentWhy && <span className="chip-why">{i18n.t('panel.why', [intentWhy])}</span>}
      </span>
      <span className={`chip chip-sentiment-${analysis.sentiment.label}`}>
        {sentimentLabel(analysis)}
        {sentimentWhy && <span className="chip-why">{i18n.t('panel.why', [sentimentWhy])}</span>}
      </span>
    </p>
  );
}
