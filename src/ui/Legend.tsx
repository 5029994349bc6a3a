/**
 * Legend of the 3D view, in the scene's own colours (src/scene/palette.ts),
 * and the "colour by" switch: land use, open cases per cell (viridis), or
 * grid attainment this hour / so far (orange up to the target, blue above).
 * Also staff states, case types (late cases ringed) and station crowding.
 */
import type { ColorBy } from '../app/store.ts';
import { useController, useStore } from '../app/useStore.ts';
import { LAND_USES } from '../scenario/schema.ts';
import {
  BACKLOG_MAX,
  CASE_TYPE_COLORS,
  CROWD_STOPS,
  EMPTY_BACKLOG_COLOR,
  LAND_USE_COLORS,
  LATE_COLOR,
  NO_DATA_COLOR,
  STAFF_STATE_COLORS,
  VIRIDIS,
} from '../scene/palette.ts';
import { pickName, useT, type DictKey } from './i18n/index.ts';
import { attainmentGradientCss, gradientCss } from './palette.ts';
import { fmtPct } from './format.ts';

const COLOR_BY: ColorBy[] = ['landUse', 'backlog', 'coverageHour', 'attainment'];
/** 'delta' is offered once an A/B comparison gave a per-grid difference. */
const WITH_DELTA: ColorBy[] = [...COLOR_BY, 'delta'];

export function Legend() {
  const t = useT();
  const ctl = useController();
  const colorBy = useStore((s) => s.colorBy);
  const lang = useStore((s) => s.lang);
  const layout = useStore((s) => s.layout);
  const hasDelta = useStore((s) => s.delta !== null);
  /** The per-grid overlay is a diagnosis' late cases (not an A/B difference). */
  const lateOverlay = useStore((s) => s.delta?.scale === 'sequential');
  const target = layout?.coverageTarget ?? 0.8;

  return (
    <section className="panel legend-panel" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">
        {t('legend.title')}
      </h2>
      <div className="legend-colorby" role="radiogroup" aria-label={t('legend.colorBy')}>
        <span className="control-label">{t('legend.colorBy')}</span>
        <div className="segmented small wrap">
          {(hasDelta ? WITH_DELTA : COLOR_BY).map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={colorBy === c}
              className={`seg ${colorBy === c ? 'active' : ''}`}
              data-testid={`colorby-${c}`}
              onClick={() => ctl.setColorBy(c)}
            >
              {t(c === 'delta' && lateOverlay ? 'legend.colorBy.late' : (`legend.colorBy.${c}` as DictKey))}
            </button>
          ))}
        </div>
      </div>

      {colorBy === 'landUse' && (
        <ul className="legend-list cols-3">
          {LAND_USES.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: LAND_USE_COLORS[k] }} aria-hidden="true" />
              {t(`landUse.${k}` as DictKey)}
            </li>
          ))}
        </ul>
      )}
      {colorBy === 'backlog' && (
        <div className="legend-scale">
          <span className="scale-bar" style={{ background: gradientCss(VIRIDIS.slice(2)) }} aria-hidden="true" />
          <div className="scale-labels">
            <span>1</span>
            <span>≥ {BACKLOG_MAX}</span>
          </div>
          <span className="legend-item">
            <span className="swatch" style={{ background: EMPTY_BACKLOG_COLOR }} aria-hidden="true" /> 0{' '}
            {t('unit.cases')}
          </span>
        </div>
      )}
      {(colorBy === 'coverageHour' || colorBy === 'attainment') && (
        <div className="legend-scale">
          <span className="scale-bar" style={{ background: attainmentGradientCss() }} aria-hidden="true" />
          <div className="scale-labels">
            <span>≤ {fmtPct(Math.max(0, target - 0.4), 0)}</span>
            <span>{t('matrix.target', { target: fmtPct(target, 0) })}</span>
            <span>100%</span>
          </div>
          <span className="legend-item">
            <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" /> {t('legend.noData')}
          </span>
        </div>
      )}

      {colorBy === 'delta' && <p className="legend-note">{t(lateOverlay ? 'legend.lateNote' : 'legend.deltaNote')}</p>}

      <h3 className="legend-sub">{t('legend.staff')}</h3>
      <ul className="legend-list cols-3">
        {STAFF_STATE_COLORS.map((c, i) =>
          i === 0 ? null : (
            <li key={i}>
              <span className="swatch round" style={{ background: c }} aria-hidden="true" />
              {t(`staffState.${i}` as DictKey)}
            </li>
          ),
        )}
      </ul>

      <h3 className="legend-sub">{t('legend.cases')}</h3>
      <ul className="legend-list cols-2">
        {(layout?.types ?? []).map((ty, i) => (
          <li key={ty.id} title={pickName(lang, ty.name)}>
            <span
              className="swatch diamond"
              style={{ background: CASE_TYPE_COLORS[i % CASE_TYPE_COLORS.length] }}
              aria-hidden="true"
            />
            <span className="ellipsis">{pickName(lang, ty.name)}</span>
          </li>
        ))}
        <li>
          <span className="swatch ring" style={{ borderColor: LATE_COLOR }} aria-hidden="true" />
          {t('legend.caseLate')}
        </li>
      </ul>

      {(layout?.stations.length ?? 0) > 0 && (
        <>
          <h3 className="legend-sub">{t('legend.station')}</h3>
          <div className="legend-scale">
            <span className="scale-bar" style={{ background: gradientCss(CROWD_STOPS) }} aria-hidden="true" />
            <div className="scale-labels">
              <span>{t('legend.calm')}</span>
              <span>{t('legend.crowded')}</span>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
