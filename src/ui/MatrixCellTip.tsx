/**
 * The hover card of one coverage-matrix cell: grid, hour of day, and either
 * "warm-up (not counted)", "no decided cases", or the attainment against
 * the target with the decided and missed case counts.
 *
 * Props: `grid` (label: code and name, or a street's or community's
 * name), `place` (community · street, or what the group is; optional), `hour` (0–23), `warmup` (the hour is warm-up
 * only), `att` (share, NaN without decided cases), `target`, `decided`,
 * `missed`.
 */
import { useT } from './i18n/index.ts';
import { fmtPct, pad2 } from './format.ts';

export interface MatrixCellTipProps {
  grid: string;
  place?: string;
  hour: number;
  warmup: boolean;
  att: number;
  target: number;
  decided: number;
  missed: number;
}

export function MatrixCellTip(p: MatrixCellTipProps) {
  const t = useT();
  return (
    <>
      <p className="glossary-head">
        <strong>{p.grid}</strong>{' '}
        <span className="muted">{t('matrix.tip.hour', { hour: pad2(p.hour), next: pad2(p.hour + 1) })}</span>
      </p>
      {p.place && <p className="muted tip-place">{p.place}</p>}
      {p.warmup && Number.isNaN(p.att) ? (
        <p>{t('warmup.label')}</p>
      ) : Number.isNaN(p.att) ? (
        <p>{t('matrix.tip.none')}</p>
      ) : (
        <dl className="tip-rows">
          <dt>{t('matrix.tip.att')}</dt>
          <dd className={p.att < p.target ? 'miss' : 'met'}>
            {fmtPct(p.att, 0)} <span className="muted">{t('matrix.target', { target: fmtPct(p.target, 0) })}</span>
          </dd>
          <dt>{t('matrix.tip.decided')}</dt>
          <dd>{p.decided}</dd>
          <dt>{t('matrix.tip.missed')}</dt>
          <dd>{p.missed}</dd>
        </dl>
      )}
    </>
  );
}
