import { i18n } from '#i18n';
import { ageOf } from '../../lib/sidepanel/queue';

/** "2h", read out as "waiting 2 hours". */
export function Age({ time, now }: { time: number | null; now: Date }) {
  const age = ageOf(time, now);
  if (!age) return null;
  const short =
    age.unit === 'now' ? i18n.t('panel.age.now') : i18n.t(`panel.age.${age.unit}`, [String(age.value)]);
  const long =
    age.unit === 'now' ? i18n.t('panel.age.nowLong') : i18n.t(`panel.ageLong.${age.unit}`, age.value);
  return (
    <time className="age" dateTime={new Date(time ?? 0).toISOString()} title={long}>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{long}</span>
    </time>
  );
}
