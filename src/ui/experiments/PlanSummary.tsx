/**
 * What the cheapest plan costs and how sure we are: cost and staff-hours a
 * day now → plan; the criterion of today's plan, of the plan on the search
 * seeds (optimistic: the best of many plans on the same seeds) and on fresh
 * seeds (the verification), each with its one-sided lower bound and whether
 * it meets the target, in words; then the buttons that apply the plan to
 * the live run or compare it with today's in an A/B comparison.
 */
import type { CriterionEstimate, OptimiseResult } from '../../analysis/optimise.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { dataValue, fmtInt, fmtPct } from '../format.ts';
import { criterionKey, fmtYuan, worstText } from './planText.ts';

export interface PlanSummaryProps {
  result: OptimiseResult;
  scenario: Scenario | null;
}

export function PlanSummary({ result: r, scenario }: PlanSummaryProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const est = (c: CriterionEstimate, ok: boolean) => {
    const worst = worstText(scenario, r.criterion, c.worst, lang);
    return (
      <>
        {t('opt.meanLower', { mean: fmtPct(c.mean, 1), lower: fmtPct(c.lowerBound, 1) })}
        {worst && <span className="muted">{t('opt.worst', { what: worst })}</span>}{' '}
        <span className={ok ? 'met' : 'unmet'}>{ok ? `✓ ${t('opt.meets')}` : `✗ ${t('opt.notMeets')}`}</span>
        {c.unjudged && c.unjudged.length > 0 && (
          <span className="muted small">
            {' '}
            ·{' '}
            {t('opt.unjudged', {
              what: c.unjudged.map((u) => worstText(scenario, r.criterion, u, lang)).join(lang === 'en' ? ', ' : '、'),
            })}
          </span>
        )}
      </>
    );
  };
  const dCost = r.costCny - r.current.costCny;
  const v = r.verification;
  return (
    <div
      className="plan-summary"
      data-testid="opt-summary"
      data-feasible={String(r.feasible)}
      data-meets={String(v.meets)}
      data-cost={dataValue(r.costCny)}
    >
      <p className={r.feasible ? 'plan-found' : 'unmet'} data-testid="opt-verdict">
        {r.feasible ? t('opt.found', { n: r.evaluations }) : t('opt.notFound', { n: r.evaluations })}
      </p>
      <dl className="plan-facts">
        <div>
          <dt>{t('opt.costPerDay')}</dt>
          <dd>
            ¥{fmtYuan(r.current.costCny, lang)} → <strong>¥{fmtYuan(r.costCny, lang)}</strong>
            <span className={dCost > 0 ? 'unmet' : dCost < 0 ? 'met' : 'muted'}>
              {t('opt.costDiff', { d: fmtYuan(dCost, lang, true) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('opt.staffHours')}</dt>
          <dd>
            {fmtInt(r.current.staffHours, lang)} → <strong>{fmtInt(r.staffHours, lang)}</strong> {t('unit.staffHours')}
          </dd>
        </div>
        <div>
          <dt>{t('opt.peakOnDuty')}</dt>
          <dd>
            {fmtInt(r.headcount.current.peakOnDuty, lang)} →{' '}
            <strong>{fmtInt(r.headcount.plan.peakOnDuty, lang)}</strong> {t('unit.people')}
          </dd>
        </div>
        <div>
          <dt>{t('opt.criterionLabel')}</dt>
          <dd>
            {t('opt.criterionText', {
              what: t(criterionKey(r.criterion)),
              target: fmtPct(r.target, 0),
              confidence: fmtPct(r.confidence, 0),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('opt.currentPlan')}</dt>
          <dd>{est(r.current.criterion, r.current.feasible)}</dd>
        </div>
        <div>
          <dt>{t('opt.searchSeeds', { n: r.replications })}</dt>
          <dd>{est(r.search, r.feasible)}</dd>
        </div>
        <div data-testid="opt-verification">
          <dt>{t('opt.verifySeeds', { n: v.seeds.length, from: v.seeds[0], to: v.seeds[v.seeds.length - 1] })}</dt>
          <dd>{est(v.criterion, v.meets)}</dd>
        </div>
      </dl>
    </div>
  );
}
