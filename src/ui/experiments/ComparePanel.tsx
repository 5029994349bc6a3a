/**
 * A/B comparison: A is the live scenario, B is A plus the overrides of the
 * variant form; both run replication r with the same seed (common random
 * numbers) on the worker pool. "Hold headcount" adds the holdHeadcount
 * override (B keeps A's staff on duty when its grids differ). Shows A's and
 * B's rostered headcount and the verdict in words (coverage first; staff
 * saved is "cheaper", not "better"), each KPI's A, B and B − A with its
 * 95 % CI and a significance mark, then by hour of day and by grid, and
 * can colour the 3D cells by the per-grid difference.
 */
import { useId, useMemo, type FormEvent } from 'react';
import { useSticky } from './sticky.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { choicesOfText, formOverrides, type VariantForm as Form } from './choices.ts';
import { DeltaTable } from './DeltaTable.tsx';
import { HeadcountTable } from './HeadcountTable.tsx';
import { VerdictSummary } from './VerdictSummary.tsx';
import { GridDeltaTable } from './GridDeltaTable.tsx';
import { HourDeltaTable } from './HourDeltaTable.tsx';
import { JobErrors } from './JobErrors.tsx';
import { JobProgress } from './JobProgress.tsx';
import { VariantForm } from './VariantForm.tsx';
import { ComparedVariant } from './ComparedVariant.tsx';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { HourBandChart } from './charts/HourBandChart.tsx';
import { CheckField, NumField } from './fields.tsx';

/** The most replications one comparison takes (the form refuses more). */
const MAX_REPLICATIONS = 200;

export function ComparePanel() {
  const t = useT();
  const exp = useExperiments();
  const job = useExp((s) => s.comparison);
  const text = useStore((s) => s.scenarioText);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const choices = useMemo(() => choicesOfText(text), [text]);
  const [form, setForm] = useSticky<Form>('compare.form', {
    team: '',
    shift: 0,
    staff: '',
    gridSize: '',
    policy: '',
    shiftEnd: '',
  });
  const [reps, setReps] = useSticky('compare.reps', '6');
  const [seed, setSeed] = useSticky('compare.seed', String(liveSeed));
  const [crn, setCrn] = useSticky('compare.crn', true);
  const [log, setLog] = useSticky('compare.log', true);
  const [hold, setHold] = useSticky('compare.hold', false);

  // a new live seed replaces what is typed (adjusted while rendering, not in an effect)
  const [seedOf, setSeedOf] = useSticky('compare.seedOf', liveSeed);
  if (seedOf !== liveSeed) {
    setSeedOf(liveSeed);
    setSeed(String(liveSeed));
  }
  // the chosen team, or the scenario's first when there is none (yet, or it is not in this scenario)
  const effective = useMemo<Form>(() => {
    if (!choices || choices.teams.some((x) => x.id === form.team)) return form;
    return { ...form, team: choices.teams[0]?.id ?? '', shift: 0 };
  }, [form, choices]);

  const { overrides: changes, bad } = useMemo(
    () => (choices ? formOverrides(effective, choices) : { overrides: {}, bad: [] as (keyof Form)[] }),
    [effective, choices],
  );
  // holding the headcount is not a change of its own: B needs at least one other override
  const nChanges = Object.keys(changes).length;
  const overrides = useMemo(
    () => (hold && nChanges > 0 ? { ...changes, holdHeadcount: true } : changes),
    [changes, hold, nChanges],
  );
  const nReps = Number(reps),
    nSeed = Number(seed);
  const repsOk = Number.isInteger(nReps) && nReps >= 2 && nReps <= MAX_REPLICATIONS;
  const seedOk = Number.isInteger(nSeed) && nSeed >= 0;
  const canRun = ready && choices !== null && repsOk && seedOk && bad.length === 0 && nChanges > 0;
  const errorId = useId();

  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (canRun)
      void exp.runComparison({ seed: nSeed, replications: nReps, overrides, mode: crn ? 'crn' : 'independent', log });
  };

  const c = job.comparison;
  return (
    <div className="exp-section" data-testid="compare">
      <p className="hint">{t('cmp.intro')}</p>
      <form onSubmit={onRun}>
        {choices ? (
          <VariantForm choices={choices} form={effective} onChange={setForm} overrides={overrides} bad={bad} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        <div className="form-grid">
          <NumField
            label={t('rep.replications')}
            value={reps}
            onChange={setReps}
            ok={repsOk}
            errorId={errorId}
            testId="cmp-reps"
          />
          <NumField label={t('exp.seed')} value={seed} onChange={setSeed} ok={seedOk} testId="cmp-seed" />
          <CheckField label={t('cmp.crn')} title={t('cmp.crnTitle')} checked={crn} onChange={setCrn} testId="cmp-crn" />
          <CheckField label={t('exp.keepLog')} checked={log} onChange={setLog} testId="cmp-log" />
          <CheckField
            label={t('cmp.holdHeadcount')}
            title={t('cmp.holdHeadcountTitle')}
            checked={hold}
            onChange={setHold}
            testId="cmp-hold-headcount"
          />
          <div className="form-actions">
            <button type="submit" className="btn primary" data-testid="cmp-run" disabled={!canRun}>
              {t('cmp.run')}
            </button>
            {nChanges === 0 && <span className="muted small">{t('cmp.needOverride')}</span>}
          </div>
          {/* under the row of fields, not under its own field: the fields stay in line */}
          {!repsOk && (
            <p id={errorId} className="field-error form-error">
              <span className="form-error-field">{t('rep.replications')}</span>{' '}
              {t('rep.replicationsInvalid', { max: MAX_REPLICATIONS })}
            </p>
          )}
        </div>
      </form>

      <JobProgress
        testId="cmp-progress"
        status={job.status}
        done={job.done}
        total={job.total}
        elapsedS={job.elapsedS}
        onCancel={() => exp.cancel('comparison')}
      />
      <JobErrors error={job.error} testId="cmp-error" />
      {c && (
        <>
          <p className="muted small" data-testid="cmp-meta" data-pairs={job.pairs} data-mode={c.mode}>
            {job.scenarioId} ·{' '}
            {t(c.mode === 'crn' ? 'cmp.metaCrn' : 'cmp.metaIndependent', {
              pairs: job.pairs,
              from: c.seedsA[0],
              to: c.seedsA[c.seedsA.length - 1],
            })}
          </p>
          <ComparedVariant overrides={job.overrides} formOverrides={overrides} />
          <VerdictSummary comparison={c} headcount={job.headcount} />
          {job.headcount && <HeadcountTable headcount={job.headcount} />}
          <DeltaTable comparison={c} />
          <GridDeltaTable comparison={c} done={job.status === 'done'} />
          <HourBandChart comparison={c} fileName={`allweather-${job.scenarioId}-compare`} />
          <HourDeltaTable comparison={c} />
          {job.distributions ? (
            <DistributionChart
              variants={[
                { label: 'A', types: job.distributions.a },
                { label: 'B', types: job.distributions.b },
              ]}
              fileName={`allweather-${job.scenarioId}-compare`}
            />
          ) : (
            job.status === 'done' && <p className="muted small">{t('chart.noLog')}</p>
          )}
        </>
      )}
    </div>
  );
}
