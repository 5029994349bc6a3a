/**
 * Legend of the city coloured by a diagnosis' late cases (a sequential
 * overlay, lateOverlay.ts), over the canvas: which limit (in words), the
 * warm scale from one late case to the busiest grid's, the slate of grids
 * with none, how many grids have any, and a button back to land use.
 */
import { useController, useStore } from '../../app/useStore.ts';
import { overlayTotals } from '../../app/lateOverlay.ts';
import { LATE_STOPS, NO_LATE_COLOR } from '../../scene/palette.ts';
import { pickName, useT } from '../i18n/index.ts';
import { gradientCss } from '../palette.ts';
import { fmtCases } from './limitText.ts';

export function LateLegend() {
  const t = useT();
  const ctl = useController();
  const colorBy = useStore((s) => s.colorBy);
  const delta = useStore((s) => s.delta);
  const lang = useStore((s) => s.lang);
  if (colorBy !== 'delta' || !delta || delta.scale !== 'sequential' || !delta.late) return null;
  const late = delta.late;
  const perRep = late.replications > 1;
  const { grids, cases } = overlayTotals(delta);
  const max = grids > 0 ? delta.maxAbs : 0;
  return (
    <div
      className="delta-legend late-legend"
      data-testid="late-legend"
      data-key={late.key}
      data-source={late.source}
      data-grids={grids}
      data-max={max}
    >
      <div className="delta-legend-head">
        <strong>{t('diag.legend.title', { what: pickName(lang, late.label) })}</strong>
        <button type="button" className="btn small" onClick={() => ctl.setColorBy('landUse')}>
          {t('cmp.colorOff')}
        </button>
      </div>
      <span className="muted">{t(perRep ? 'diag.legend.perRep' : 'diag.legend.perRun', { n: late.replications })}</span>
      <span className="scale-bar" style={{ background: gradientCss(LATE_STOPS) }} aria-hidden="true" />
      <div className="scale-labels">
        <span>{perRep ? '> 0' : '1'}</span>
        <span>{max > 0 ? fmtCases(max, perRep, lang) : '—'}</span>
      </div>
      <span className="legend-item">
        <span className="swatch" style={{ background: NO_LATE_COLOR }} aria-hidden="true" /> {t('diag.legend.none')}
      </span>
      <span className="muted">{t('diag.legend.grids', { grids, cases: fmtCases(cases, perRep, lang) })}</span>
    </div>
  );
}
