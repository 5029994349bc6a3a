/** The top bar: app name, workspace tabs (live, experiments, editor), scenario picker, clock, day/night, weather, language. */
import { useT } from './i18n/index.ts';
import { Clock } from './Clock.tsx';
import { DayNight } from './DayNight.tsx';
import { Weather } from './Weather.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { WorkspaceTabs } from './WorkspaceTabs.tsx';

export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-title">{t('app.title')}</span>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </div>
      <WorkspaceTabs />
      <ScenarioPicker />
      <div className="header-status">
        <Clock />
        <DayNight />
        <Weather />
      </div>
      <a
        className="btn drill-link"
        href="./drill.html"
        data-testid="drill-link"
        title={t('header.drillTitle')}
        style={{ textDecoration: 'none', color: 'inherit' }}
      >
        {t('header.drill')}
      </a>
      <LangSwitch />
    </header>
  );
}
