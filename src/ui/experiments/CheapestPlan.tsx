/**
 * The cheapest sweep point meeting a coverage-index target: the target (in
 * %), whether to judge by the CI's lower end (a stated 95 % confidence)
 * rather than the mean, and the plan found with its figures, or that none
 * of the points meets the target.
 */
import { overrideLabel, type Bilingual } from '../../analysis/paramLabels.ts';
import type { SweepPoint } from '../../analysis/sweep.ts';
import { describeOverrides } from '../../analysis/overrides.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { dv, fmtCi, fmtValue } from '../../i18n/kpi.ts';

export interface CheapestPlanProps {
  plan: SweepPoint | null;
  anyPoints: boolean;
  target: string;
  onTarget: (v: string) => void;
  byLowerBound: boolean;
  onByLowerBound: (v: boolean) => void;
  /** Parameters' names in words, by path. */
  labels: Record<string, Bilingual>;
}

export function CheapestPlan({
  plan,
  anyPoints,
  target,
  onTarget,
  byLowerBound,
  onByLowerBound,
  labels,
}: CheapestPlanProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const tv = Number(target);
  const ok = Number.isFinite(tv) && tv > 0 && tv <= 100;
  return (
    <section
      className="sub-section cheapest-plan"
      data-testid="cheapest-plan"
      data-found={String(plan !== null)}
      data-index={plan?.index ?? ''}
    >
      <div className="sub-head">
        <h3 className="sub-title">{t('sweep.cheapest')}</h3>
        <label className="field inline">
          <span className="control-label">{t('sweep.coverageTarget')}</span>
          <input
            className={`input num-input small ${ok ? '' : 'invalid'}`}
            inputMode="decimal"
            data-testid="sweep-target"
            value={target}
            onChange={(e) => onTarget(e.target.value)}
            aria-invalid={!ok}
          />
          <span className="muted">%</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={byLowerBound} onChange={(e) => onByLowerBound(e.target.checked)} />{' '}
          {t('sweep.byLowerBound')}
        </label>
      </div>
      {!anyPoints ? null : plan ? (
        <p
          className="plan-found"
          title={describeOverrides(plan.values)}
          data-overrides={describeOverrides(plan.values)}
        >
          <span className="mark-cheapest">★</span>{' '}
          {Object.entries(plan.values).map(([path, v], i) => (
            <span key={path}>
              {i > 0 ? ' · ' : ''}
              {pickName(lang, overrideLabel(path, v, null, labels[path]))}
            </span>
          ))}
          {' — '}
          {t('kpi.coverageIndex')}{' '}
          <strong data-value={dv(plan.coverageIndex?.mean)}>
            {fmtValue('share', plan.coverageIndex?.mean, lang)}%
          </strong>{' '}
          {fmtCi('share', plan.coverageIndex?.ci95 ?? null, lang, 1)}
          {' · '}
          {t('kpi.staffHours')}{' '}
          <strong data-value={dv(plan.staffHours?.mean)}>{fmtValue('h', plan.staffHours?.mean, lang, 0)}</strong>{' '}
          {t('unit.staffHours')}
          {' · '}
          {t('kpi.costCny')} <strong>{fmtValue('CNY', plan.costCny?.mean, lang, 0)}</strong> {t('unit.cny')}
        </p>
      ) : (
        <p className="unmet">{t('sweep.noPlan', { target })}</p>
      )}
    </section>
  );
}
