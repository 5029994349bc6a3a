/** Validation errors of the last failed scenario load (which field, what is wrong), dismissable. */
import { fieldLabel } from '../analysis/paramLabels.ts';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { BilingualMessage } from './BilingualMessage.tsx';
import { Icon } from './Icon.tsx';

export function ScenarioErrors() {
  const t = useT();
  const ctl = useController();
  const errors = useStore((s) => s.errors);
  const source = useStore((s) => s.errorsSource);
  // the file's own teams and shifts name the field: 夜间网格巡查组 · 班次 00:00–08:00 人数, not 队伍 2 · 第 1 班
  const names = useStore((s) => s.errorsNames);
  const lang = useStore((s) => s.lang);
  if (!errors) return null;
  return (
    <section
      className="scenario-errors"
      data-testid="scenario-errors"
      role="alert"
      aria-labelledby="scenario-errors-title"
    >
      <header>
        <h2 id="scenario-errors-title">{t('scenario.errorsTitle')}</h2>
        <button
          type="button"
          className="btn icon-btn"
          data-testid="scenario-errors-dismiss"
          aria-label={t('scenario.dismiss')}
          onClick={() => ctl.dismissErrors()}
        >
          <Icon name="close" /> {t('scenario.dismiss')}
        </button>
      </header>
      {source && <p className="errors-source">{t('scenario.errorsSource', { name: source })}</p>}
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-path={e.path} data-code={e.code}>
            <strong className="error-field" title={`${t('scenario.errorPath')}: ${e.path}`}>
              {(() => {
                // a district's GeoJSON is addressed by its own features, as GIS tools and the CLI name them
                if (e.path.startsWith('$.features')) return e.path.replace(/^\$\./, '');
                const l = fieldLabel(e.path, names);
                return l ? (lang === 'en' ? l.en : l.zh) : t('scenario.errorRoot');
              })()}
            </strong>
            <BilingualMessage msg={e} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  );
}
