/**
 * Replications of the live scenario (seeds seed … seed+R−1) on the worker
 * pool, with every KPI's mean and 95 % CI narrowing as replications finish;
 * or, in "until" mode, batches until each chosen KPI's half-width is under
 * its target (src/analysis/replicate.ts).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSticky } from './sticky.ts';
import type { HalfWidthTarget } from '../../analysis/replicate.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { CiHistoryChart } from './CiHistoryChart.tsx';
import { choicesOfText } from './choices.ts';
import { CoverageHourChart } from './charts/CoverageHourChart.tsx';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { EstimateTable } from './EstimateTable.tsx';
import { JobErrors } from './JobErrors.tsx';
import { JobProgress } from './JobProgress.tsx';
import { UntilTargets, defaultTargets, type TargetRow } from './UntilTargets.tsx';
import { fromDisplay, unitOf, type KpiName } from '../../i18n/kpi.ts';
import { CheckField, NumField } from './fields.tsx';

/** The most replications one run takes (the form refuses more). */
const MAX_REPLICATIONS = 500;

export function ReplicationsPanel() {
  const t = useT();
  const exp = useExperiments();
  const job = useExp((s) => s.replications);
  const poolSize = useExp((s) => s.poolSize);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const text = useStore((s) => s.scenarioText);
  const coverageTarget = useMemo(() => choicesOfText(text)?.coverageTarget ?? null, [text]);
  const [mode, setMode] = useSticky<'fixed' | 'until'>('replications.mode', 'fixed');
  const [reps, setReps] = useSticky('replications.reps', String(Math.max(8, 2 * poolSize)));
  const [seed, setSeed] = useSticky('replications.seed', String(liveSeed));
  const [log, setLog] = useSticky('replications.log', true);
  const [targets, setTargets] = useSticky<TargetRow[]>('replications.targets', defaultTargets);
  const [maxReps, setMaxReps] = useSticky('replications.maxReps', '40');
  const [chartKpi, setChartKpi] = useState<KpiName>('slaAttainment');
  const errorId = useId();

  // a new live seed replaces what is typed (adjusted while rendering, not in an effect)
  const [seedOf, setSeedOf] = useSticky('replications.seedOf', liveSeed);
  if (seedOf !== liveSeed) {
    setSeedOf(liveSeed);
    setSeed(String(liveSeed));
  }

  const nReps = Number(reps),
    nSeed = Number(seed),
    nMax = Number(maxReps);
  const repsOk = Number.isInteger(nReps) && nReps >= 2 && nReps <= MAX_REPLICATIONS;
  const seedOk = Number.isInteger(nSeed) && nSeed >= 0;
  const maxOk = Number.isInteger(nMax) && nMax >= 5 && nMax <= 500;
  const chosen = targets.filter((r) => r.on);
  const targetsOk = chosen.length > 0 && chosen.every((r) => Number(r.value) > 0);
  const canRun = ready && seedOk && (mode === 'fixed' ? repsOk : maxOk && targetsOk);

  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (!canRun) return;
    if (mode === 'fixed') {
      void exp.runReplications({ seed: nSeed, replications: nReps, log });
    } else {
      const tg: Partial<Record<KpiName, HalfWidthTarget>> = {};
      for (const r of chosen) tg[r.kpi] = fromDisplay(unitOf(r.kpi), Number(r.value));
      void exp.runUntil({ seed: nSeed, targets: tg, minReplications: 5, maxReplications: nMax, log });
    }
  };

  const running = job.status === 'running';
  return (
    <div className="exp-section" data-testid="replications">
      <p className="hint">{t('rep.intro')}</p>
      <form className="form-grid" onSubmit={onRun}>
        <fieldset className="field-row">
          <legend className="control-label">{t('rep.mode')}</legend>
          <label className="radio">
            <input
              type="radio"
              name="rep-mode"
              checked={mode === 'fixed'}
              onChange={() => setMode('fixed')}
              data-testid="rep-mode-fixed"
            />{' '}
            {t('rep.mode.fixed')}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="rep-mode"
              checked={mode === 'until'}
              onChange={() => setMode('until')}
              data-testid="rep-mode-until"
            />{' '}
            {t('rep.mode.until')}
          </label>
        </fieldset>
        {mode === 'fixed' ? (
          <NumField
            label={t('rep.replications')}
            value={reps}
            onChange={setReps}
            ok={repsOk}
            errorId={errorId}
            testId="rep-count"
          />
        ) : (
          <NumField
            label={t('rep.maxReplications')}
            value={maxReps}
            onChange={setMaxReps}
            ok={maxOk}
            errorId={errorId}
            testId="rep-max"
          />
        )}
        <NumField label={t('exp.seed')} value={seed} onChange={setSeed} ok={seedOk} testId="rep-seed" />
        <CheckField label={t('exp.keepLog')} checked={log} onChange={setLog} testId="rep-log" />
        <div className="form-actions">
          <button type="submit" className="btn primary" data-testid="rep-run" disabled={!canRun}>
            {running ? t('exp.rerun') : t('exp.run')}
          </button>
          <span className="muted small">
            {mode === 'fixed' && repsOk && seedOk ? t('rep.seeds', { from: nSeed, to: nSeed + nReps - 1 }) : ''}
          </span>
        </div>
        {/* under the row of fields, not under its own field: the fields stay in line */}
        {(mode === 'fixed' ? !repsOk : !maxOk) && (
          <p id={errorId} className="field-error form-error">
            <span className="form-error-field">{t(mode === 'fixed' ? 'rep.replications' : 'rep.maxReplications')}</span>{' '}
            {mode === 'fixed' ? t('rep.replicationsInvalid', { max: MAX_REPLICATIONS }) : t('rep.maxInvalid')}
          </p>
        )}
        {mode === 'until' && <UntilTargets rows={targets} onChange={setTargets} />}
      </form>

      <JobProgress
        testId="rep-progress"
        status={job.status}
        done={job.done}
        total={job.total}
        elapsedS={job.elapsedS}
        onCancel={() => exp.cancel('replications')}
      />
      <JobErrors error={job.error} testId="rep-error" />
      {job.mode === 'until' && job.converged !== null && (
        <p
          className={job.converged ? 'met' : 'unmet'}
          data-testid="rep-converged"
          data-converged={String(job.converged)}
        >
          {job.converged ? t('rep.converged', { n: job.done }) : t('rep.notConverged', { n: job.done })}
        </p>
      )}
      {job.summary && (
        <>
          <EstimateTable summary={job.summary} targets={job.mode === 'until' ? job.targets : null} testId="rep-table" />
          <CiHistoryChart history={job.history} kpi={chartKpi} onKpi={setChartKpi} />
          <CoverageHourChart
            hourly={job.hourly}
            target={coverageTarget}
            fileName={`allweather-${job.scenarioId}-replications`}
          />
          {job.distributions ? (
            <DistributionChart
              variants={[{ label: null, types: job.distributions }]}
              fileName={`allweather-${job.scenarioId}-replications`}
            />
          ) : (
            job.status === 'done' && <p className="muted small">{t('chart.noLog')}</p>
          )}
        </>
      )}
    </div>
  );
}
