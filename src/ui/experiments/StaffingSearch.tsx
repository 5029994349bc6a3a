/**
 * The staffing search (src/analysis/staffing.ts): the fewest staff on one
 * shift such that the grid-hours of its hours meet the standard with a
 * stated confidence, found by galloping and bisection on common random
 * numbers. Every evaluated count is listed; beside the answer, the Erlang C
 * estimate of the staff needed per hour and how far the simulation differs.
 */
import { useState, type FormEvent } from 'react';
import type { StaffingCriterion } from '../../analysis/staffing.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import type { ScenarioChoices } from './choices.ts';
import { ErlangTable } from './ErlangTable.tsx';
import { JobErrors } from './JobErrors.tsx';
import { JobProgress } from './JobProgress.tsx';
import { dv, fmtValue } from '../../i18n/kpi.ts';
import { NumField } from './fields.tsx';

export function StaffingSearch({ choices }: { choices: ScenarioChoices }) {
  const t = useT();
  const exp = useExperiments();
  const job = useExp((s) => s.staffing);
  const lang = useStore((s) => s.lang);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const fieldTeams = choices.teams.filter((x) => x.role === 'field');
  const [team, setTeam] = useState(fieldTeams[0]?.id ?? '');
  const [shift, setShift] = useState(0);
  const [target, setTarget] = useState('80');
  const [confidence, setConfidence] = useState('95');
  const [criterion, setCriterion] = useState<StaffingCriterion>('coverage');
  const [reps, setReps] = useState('4');

  // a team the scenario lacks falls back to its first field team, shift 0 (adjusted while rendering)
  const fallback = fieldTeams[0]?.id ?? '';
  if (!fieldTeams.some((x) => x.id === team) && (team !== fallback || shift !== 0)) {
    setTeam(fallback);
    setShift(0);
  }

  const tm = fieldTeams.find((x) => x.id === team);
  const nT = Number(target) / 100,
    nC = Number(confidence) / 100,
    nR = Number(reps);
  const ok = tm !== undefined && nT > 0 && nT <= 1 && nC > 0.5 && nC < 1 && Number.isInteger(nR) && nR >= 2 && nR <= 50;
  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (ok && ready)
      void exp.runStaffing({
        seed: liveSeed,
        replications: nR,
        shift: { team, shift },
        target: nT,
        confidence: nC,
        criterion,
      });
  };
  const plan = job.plan?.shifts[0] ?? null;
  // the shift by its team's name ("网格员 08:00–16:00"), not the search's own label (team id)
  const planTeam = plan ? choices.teams.find((x) => x.id === plan.shift.team) : undefined;
  const planShift = planTeam?.shifts[plan?.shift.shift ?? -1];
  const planLabel =
    plan && planTeam && planShift
      ? `${pickName(lang, planTeam.name)} ${planShift.start}–${planShift.end}`
      : (plan?.label ?? '');
  return (
    <section className="sub-section staffing" data-testid="staffing">
      <h3 className="sub-title">{t('staff.title')}</h3>
      <p className="hint">{t('staff.intro')}</p>
      <form className="form-grid" onSubmit={onRun}>
        <label className="field">
          <span className="control-label">{t('cmp.team')}</span>
          <select
            className="input select"
            value={team}
            onChange={(e) => {
              setTeam(e.target.value);
              setShift(0);
            }}
          >
            {fieldTeams.map((x) => (
              <option key={x.id} value={x.id}>
                {pickName(lang, x.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="control-label">{t('cmp.shift')}</span>
          <select className="input select" value={shift} onChange={(e) => setShift(Number(e.target.value))}>
            {tm?.shifts.map((s) => (
              <option key={s.index} value={s.index}>
                {t('cmp.shiftOption', { start: s.start, end: s.end, staff: s.staff })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="control-label">{t('staff.criterion')}</span>
          <select
            className="input select"
            value={criterion}
            onChange={(e) => setCriterion(e.target.value as StaffingCriterion)}
          >
            <option value="coverage">{t('staff.criterion.coverage')}</option>
            <option value="hourly">{t('staff.criterion.hourly')}</option>
          </select>
        </label>
        <NumField label={t('staff.target')} value={target} onChange={setTarget} decimal small />
        <NumField label={t('staff.confidence')} value={confidence} onChange={setConfidence} decimal small />
        <NumField label={t('rep.replications')} value={reps} onChange={setReps} small />
        <div className="form-actions">
          <button type="submit" className="btn" data-testid="staffing-run" disabled={!ok || !ready}>
            {t('staff.run')}
          </button>
        </div>
      </form>
      <JobProgress
        testId="staffing-progress"
        status={job.status}
        done={job.done}
        total={0}
        elapsedS={job.elapsedS}
        unitKey="exp.unit.evaluations"
        onCancel={() => exp.cancel('staffing')}
      />
      <JobErrors error={job.error} testId="staffing-error" />
      {job.evaluations.length > 0 && (
        <div className="table-scroll short">
          <table className="data-table compact" data-testid="staffing-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('staff.staff')}
                </th>
                <th scope="col" className="num">
                  {t('staff.mean')}
                </th>
                <th scope="col" className="num">
                  {t('staff.lower')}
                </th>
                <th scope="col">{t('staff.feasible')}</th>
                <th scope="col" className="num">
                  {t('kpi.coverageIndex')} %
                </th>
                <th scope="col" className="num">
                  {t('kpi.staffHours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {job.evaluations.map((e) => (
                <tr
                  key={e.staff}
                  data-staff={e.staff}
                  data-feasible={String(e.feasible)}
                  data-lower={dv(e.criterion.lower)}
                  className={plan?.staff === e.staff ? 'cheapest' : ''}
                >
                  <td className="num">{e.staff}</td>
                  <td className="num">{fmtValue('share', e.criterion.mean, lang)}%</td>
                  <td className="num">{fmtValue('share', e.criterion.lower, lang)}%</td>
                  <td className={e.feasible ? 'met' : 'unmet'}>
                    {e.error ? t('sweep.invalidPoint') : e.feasible ? `✓ ${t('staff.yes')}` : `✗ ${t('staff.no')}`}
                  </td>
                  <td className="num">{fmtValue('share', e.coverageIndex?.mean, lang)}</td>
                  <td className="num">{fmtValue('h', e.staffHours?.mean, lang, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan && job.plan && (
        <>
          <p
            className={plan.feasible ? 'plan-found' : 'unmet'}
            data-testid="staffing-answer"
            data-staff={plan.staff ?? ''}
          >
            {plan.feasible
              ? t('staff.answer', {
                  label: planLabel,
                  staff: plan.staff ?? '',
                  original: plan.original,
                  per: plan.perGrid ? t('staff.perGrid') : '',
                })
              : t('staff.none', { label: planLabel })}
          </p>
          <ErlangTable hours={plan.erlang} />
        </>
      )}
    </section>
  );
}
