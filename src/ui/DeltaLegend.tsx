/**
 * Legend of the 3D view's 'delta' colouring, over the canvas: the diverging
 * scale (orange: B worse, grey: no change, blue: B better) with its ends in
 * percentage points, what faded cells mean, and a button back to land use.
 */
import { useController, useStore } from '../app/useStore.ts';
import { DELTA_STOPS, NO_DATA_COLOR } from '../scene/palette.ts';
import { useT } from './i18n/index.ts';
import { gradientCss } from './palette.ts';
import { fmtNum } from './format.ts';

export function DeltaLegend() {
  const t = useT();
  const ctl = useController();
  const colorBy = useStore((s) => s.colorBy);
  const delta = useStore((s) => s.delta);
  const lang = useStore((s) => s.lang);
  if (colorBy !== 'delta' || !delta || delta.scale === 'sequential') return null; // late cases: LateLegend
  const pp = fmtNum(delta.maxAbs * 100, lang, 1);
  let sig = 0,
    n = 0;
  for (let g = 0; g < delta.values.length; g++)
    if (!Number.isNaN(delta.values[g])) {
      n++;
      sig += delta.significant[g];
    }
  return (
    <div
      className="delta-legend"
      data-testid="delta-legend"
      data-max-abs={delta.maxAbs}
      data-grids={n}
      data-significant={sig}
    >
      <div className="delta-legend-head">
        <strong>{t('delta.title')}</strong>
        <button type="button" className="btn small" onClick={() => ctl.setColorBy('landUse')}>
          {t('cmp.colorOff')}
        </button>
      </div>
      <span className="scale-bar" style={{ background: gradientCss(DELTA_STOPS) }} aria-hidden="true" />
      <div className="scale-labels">
        <span>
          ≤ −{pp} {t('unit.pp')}
        </span>
        <span>0</span>
        <span>
          ≥ +{pp} {t('unit.pp')}
        </span>
      </div>
      <div className="scale-labels">
        <span>{t('delta.worse')}</span>
        <span>{t('delta.better')}</span>
      </div>
      <span className="legend-item">
        <span
          className="swatch"
          style={{ background: `linear-gradient(90deg, ${DELTA_STOPS[4]}, ${NO_DATA_COLOR})` }}
          aria-hidden="true"
        />
        {t('delta.faded', { sig, n })}
      </span>
    </div>
  );
}
