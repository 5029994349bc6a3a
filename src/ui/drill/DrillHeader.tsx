/** The drill page's top bar: app name (a link back to the twin), the drill, this window's role, the clock, weather, language. */
import { useDrill } from '../../app/drill/store.ts';
import { drillById } from '../../app/drill/drills.ts';
import { pick, useT, type DrillKey } from './i18n/index.ts';
import { DrillClock } from './DrillClock.tsx';
import { DrillWeather } from './DrillWeather.tsx';
import { LangToggle } from './LangToggle.tsx';

export function DrillHeader() {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const role = useDrill((s) => s.role);
  const meta = useDrill((s) => s.meta);
  const view = useDrill((s) => s.view);
  const drillId = useDrill((s) => s.drillId);
  const hasState = useDrill((s) => s.state !== null);
  const name = meta?.name ?? (drillId ? drillById(drillId)?.name : undefined);
  const shownRole = view === 'review' ? 'review' : role;
  return (
    <header className="app-header drill-header">
      <div className="brand">
        <a className="brand-title" href="./index.html" title={t('header.backToTwin')}>
          {t('app.title')}
        </a>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </div>
      <div className="drill-title">
        <span className={`role-badge role-${shownRole}`} data-testid="drill-role" data-role={shownRole}>
          {t(`role.${shownRole}` as DrillKey)}
        </span>
        {name && (
          <span className="drill-name ellipsis" data-drill={drillId ?? ''}>
            {pick(lang, name)}
          </span>
        )}
      </div>
      {role !== 'home' && role !== 'review' && hasState && (
        <div className="header-status">
          <DrillClock />
          <DrillWeather />
        </div>
      )}
      <LangToggle />
    </header>
  );
}
