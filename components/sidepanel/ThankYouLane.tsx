import { useEffect, useMemo } from 'react';
import { i18n } from '#i18n';
import { queueEntries, thankYouEntries } from '../../lib/sidepanel/queue';
import { fillAgent, missingVariables, variableRanges } from '../../lib/sidepanel/text';
import { nextVariant, pickVariant } from '../../lib/sidepanel/thanks';
import type { QueueEntry } from '../../lib/sidepanel/types';
import { Age } from './Age';
import { usePanel, usePanelContext } from './context';
import { MarkedText } from './MarkedText';

/** At most this many thank-yous are prepared at once; the lane is for quick wins, not a backlog. */
const LANE_SIZE = 20;

export function useThankYouEntries(): QueueEntry[] {
  const tabState = usePanel((s) => s.tabState);
  return useMemo(() => thankYouEntries(queueEntries(tabState)).slice(0, LANE_SIZE), [tabState]);
}

function ThankYouRow({ entry }: { entry: QueueEntry }) {
  const { controller, now } = usePanelContext();
  const { item } = entry;
  const remote = usePanel((s) => s.thankYous[item.id]);
  const agent = usePanel((s) => s.tabState?.agent ?? null);
  const option = remote?.state === 'ready' ? remote.value : null;
  const lastHere = usePanel((s) => (option ? s.lastThankVariant[option.responseId] : undefined));
  const chosen = usePanel((s) => s.thankChoice[item.id]);
  const choose = usePanel((s) => s.chooseThankVariant);
  const remember = usePanel((s) => s.rememberThankVariant);
  const unknown = remote === undefined;
  useEffect(() => {
    if (unknown) controller.loadThankYou(item.id);
  }, [unknown, controller, item.id]);

  const count = option?.variants.length ?? 0;
  const variant =
    chosen !== undefined && chosen < count
      ? chosen
      : pickVariant(count, option?.lastVariant ?? null, lastHere);
  const raw = option?.variants[variant];
  const text = raw === undefined ? null : fillAgent(raw, agent);
  const missing = text === null ? [] : missingVariables(text);
  const blocked = text === null || missing.length > 0;
  const missingId = `thanks-missing-${item.id}`;

  return (
    <li className="thanks-item">
      <p className="thanks-head">
        <span className="author">{item.author.name}</span> <Age time={item.time} now={now} />
      </p>
      <p className="item-text">{item.text}</p>
      {remote?.state === 'failed' && <p className="muted">{i18n.t('panel.thanks.failed')}</p>}
      {remote?.state === 'ready' && option === null && (
        <p className="muted">{i18n.t('panel.thanks.noResponse')}</p>
      )}
      {text !== null && option && (
        <>
          <p className="suggestion-text thanks-text">
            <MarkedText
              text={text}
              ranges={variableRanges(text)}
              kind="missing"
              markLabel={i18n.t('panel.suggestion.missingMark')}
            />
          </p>
          {missing.length > 0 && (
            <p className="warning" id={missingId}>
              {i18n.t('panel.suggestion.missing', [missing.map((m) => `{${m}}`).join(', ')])}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={blocked}
              aria-describedby={missing.length > 0 ? missingId : undefined}
              onClick={async () => {
                const ok = await controller.insert({
                  itemId: item.id,
                  text,
                  responseId: option.responseId,
                  variant,
                  suggestedText: raw ?? text,
                });
                if (ok) remember(option.responseId, variant);
              }}
            >
              {i18n.t('panel.thanks.insert', [item.author.name])}
            </button>
            <button type="button" disabled={blocked} onClick={() => controller.copy(text)}>
              {i18n.t('panel.suggestion.copy')}
            </button>
            {count > 1 && (
              <button type="button" onClick={() => choose(item.id, nextVariant(count, variant))}>
                {i18n.t('panel.thanks.another')}
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}

/** Praise and positive mentions, each with a one-click warm thank-you. */
export function ThankYouLane() {
  const entries = useThankYouEntries();
  return (
    <section aria-labelledby="thanks-heading" className="view">
      <h2 id="thanks-heading">{i18n.t('panel.thanks.heading')}</h2>
      {entries.length === 0 ? (
        <p className="empty">{i18n.t('panel.thanks.empty')}</p>
      ) : (
        <ul className="thanks">
          {entries.map((e) => (
            <ThankYouRow key={e.item.id} entry={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
