/**
 * The cheapest-plan search as it goes: evaluation i of the budget (a
 * progress bar), the phase in words (today's plan, the Erlang C start,
 * raising, cutting, verifying on fresh seeds), the cost of the plan just
 * evaluated and whether it met the criterion (✓/✗ with its lower bound),
 * a cancel button; and, folded, every evaluation so far.
 */
import type { OptimiseJob } from '../../app/decisions.ts';
import { useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { fmtPct } from '../format.ts';
import { JobProgress } from './JobProgress.tsx';
import { fmtYuan } from './planText.ts';

export function OptimiseProgress({ job, onCancel }: { job: OptimiseJob; onCancel: () => void }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const p = job.progress;
  const budget = p?.budget ?? job.request?.budgetEvaluations ?? 0;
  if (job.status === 'idle') return null;
  return (
    <div
      className="opt-progress"
      data-testid="opt-progress-box"
      data-phase={p?.phase ?? ''}
      data-evaluation={p?.evaluation ?? 0}
    >
      <JobProgress
        testId="opt-progress"
        status={job.status}
        done={p?.evaluation ?? 0}
        total={budget}
        elapsedS={job.elapsedS}
        unitKey="exp.unit.evaluations"
        onCancel={onCancel}
      />
      {p && job.status === 'running' && (
        <p className="small opt-now" data-testid="opt-now">
          {t(`opt.phase.${p.phase}` as DictKey)}
          {' · '}¥{fmtYuan(p.costCny, lang)} {t('opt.perDay')}
          {' · '}
          <span className={p.feasible ? 'met' : 'unmet'}>
            {p.feasible ? `✓ ${t('opt.meets')}` : `✗ ${t('opt.notMeets')}`}
          </span>
          {p.criterion.lowerBound !== null && (
            <span className="muted"> · {t('opt.lowerShort', { lower: fmtPct(p.criterion.lowerBound, 1) })}</span>
          )}
        </p>
      )}
      {job.steps.length > 0 && (
        <details className="opt-steps">
          <summary className="small">{t('opt.steps', { n: job.steps.length })}</summary>
          <div className="table-scroll short">
            <table className="data-table compact" data-testid="opt-steps">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">{t('opt.col.phase')}</th>
                  <th scope="col" className="num">
                    {t('opt.col.costDay')}
                  </th>
                  <th scope="col" className="num">
                    {t('opt.col.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('opt.col.lower')}
                  </th>
                  <th scope="col">{t('opt.col.meets')}</th>
                </tr>
              </thead>
              <tbody>
                {job.steps.map((s) => (
                  <tr key={s.evaluation} data-feasible={String(s.feasible)}>
                    <td className="num">{s.evaluation}</td>
                    <td>{t(`opt.phase.${s.phase}` as DictKey)}</td>
                    <td className="num">{fmtYuan(s.costCny, lang)}</td>
                    <td className="num">{fmtPct(s.criterion.mean, 1)}</td>
                    <td className="num">{fmtPct(s.criterion.lowerBound, 1)}</td>
                    <td className={s.feasible ? 'met' : 'unmet'}>
                      {s.feasible ? `✓ ${t('opt.meets')}` : `✗ ${t('opt.notMeets')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
