import { i18n } from '#i18n';
import type { HealthProblem, SiteHealth, SiteId } from '../../lib/sites/model';

export function siteName(site: SiteId): string {
  return site === 'x' ? i18n.t('panel.site.x') : i18n.t('panel.site.facebook');
}

export function problemText(site: SiteId, problem: HealthProblem): string {
  const name = siteName(site);
  switch (problem.code) {
    case 'selector-missing':
      return i18n.t('panel.health.selectorMissing', [name]);
    case 'no-items':
      return i18n.t('panel.health.noItems', [name]);
    case 'no-composer-editor':
      return i18n.t('panel.health.noComposer', [name]);
    case 'unknown-language':
      return i18n.t('panel.health.unknownLanguage', [name]);
    case 'brand-unknown':
      return i18n.t('panel.health.brandUnknown', [name]);
    case 'insert-failed':
      return i18n.t('panel.health.insertFailed', [name]);
  }
}

export function HealthLine({ site, health }: { site: SiteId; health: SiteHealth }) {
  if (health.status === 'waiting')
    return <p className="muted">{i18n.t('panel.health.waiting', [siteName(site)])}</p>;
  if (health.status === 'ok' || health.problems.length === 0) {
    return <p className="ok">{i18n.t('panel.health.ok', [siteName(site)])}</p>;
  }
  return (
    <ul className="health-problems">
      {health.problems.map((p) => (
        <li key={`${p.code}-${p.detail ?? ''}`}>
          {problemText(site, p)}
          {p.detail && <span className="muted"> ({p.detail})</span>}
        </li>
      ))}
    </ul>
  );
}
