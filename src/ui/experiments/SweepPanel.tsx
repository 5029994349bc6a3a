/**
 * Sweep one or two parameters over the live scenario (every point on the
 * same seeds), plot coverage index against staff-hours with the cost
 * frontier, and name the cheapest plan meeting a target. Each point shows
 * its rostered headcount; when the points differ in it (a grid-size sweep
 * with per-grid teams) a note says so, and "Hold headcount" adds the
 * holdHeadcount override at every point. Below: the staffing search for one
 * shift, with the Erlang C estimate per hour beside it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useSticky } from './sticky.ts';
import { fmtCount, sameHeadcount } from '../../analysis/headcount.ts';
import { sweepGrid } from '../../analysis/sweep.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { choicesOfText } from './choices.ts';
import { CheapestPlan } from './CheapestPlan.tsx';
import { SweepIntervalChart } from './charts/SweepIntervalChart.tsx';
import { JobErrors } from './JobErrors.tsx';
import { JobProgress } from './JobProgress.tsx';
import { StaffingSearch } from './StaffingSearch.tsx';
import { SweepParamForm } from './SweepParamForm.tsx';
import { SweepTable } from './SweepTable.tsx';
import { cheapestPoint, defaultParam, paramOf, type ParamDraft } from './sweepParams.ts';
import { CheckField, NumField } from './fields.tsx';

/** Most points a sweep may have (each point runs R replications). */
const MAX_POINTS = 120;

export function SweepPanel() {
  const t = useT();
  const exp = useExperiments();
  const job = useExp((s) => s.sweep);
  const text = useStore((s) => s.scenarioText);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const choices = useMemo(() => choicesOfText(text), [text]);
  const [p1, setP1] = useState<ParamDraft>(() => defaultParam('staff', choices));
  const [p2, setP2] = useState<ParamDraft>(() => defaultParam('none', choices));
  const [reps, setReps] = useSticky('sweep.reps', '2');
  const [seed, setSeed] = useSticky('sweep.seed', String(liveSeed));
  const [target, setTarget] = useSticky('sweep.target', '');
  const [byLower, setByLower] = useSticky('sweep.byLower', false);
  const [hold, setHold] = useSticky('sweep.hold', false);

  // a new live seed replaces what is typed (adjusted while rendering, not in an effect)
  const [seedOf, setSeedOf] = useSticky('sweep.seedOf', liveSeed);
  if (seedOf !== liveSeed) {
    setSeedOf(liveSeed);
    setSeed(String(liveSeed));
  }
  // another scenario (or team, or kind): a team it lacks falls back to its first, and an empty target takes its
  // standard (adjusted while rendering, when any of the three differs from what was last checked)
  const [checked, setChecked] = useState<{ choices: typeof choices; team: string; kind: string } | null>(null);
  if (!checked || checked.choices !== choices || checked.team !== p1.team || checked.kind !== p1.kind) {
    setChecked({ choices, team: p1.team, kind: p1.kind });
    if (choices) {
      if (!choices.teams.some((x) => x.id === p1.team)) setP1(defaultParam(p1.kind, choices));
      setTarget((v) => v || String(Math.round(choices.coverageTarget * 100)));
    }
  }

  const a = paramOf(p1),
    b = paramOf(p2);
  const params = [a.param, b.param].filter((p) => p !== null);
  const combos = a.param ? sweepGrid(params).length : 0;
  const nReps = Number(reps),
    nSeed = Number(seed);
  const repsOk = Number.isInteger(nReps) && nReps >= 1 && nReps <= 50;
  const seedOk = Number.isInteger(nSeed) && nSeed >= 0;
  const tooMany = combos > MAX_POINTS;
  const canRun =
    ready && choices !== null && a.param !== null && !b.error && repsOk && seedOk && !tooMany && combos > 0;

  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (canRun)
      void exp.runSweep({
        seed: nSeed,
        replications: nReps,
        params,
        baseOverrides: hold ? { holdHeadcount: true } : {},
      });
  };

  const tv = Number(target) / 100;
  const plan = useMemo(
    () => (Number.isFinite(tv) && tv > 0 ? cheapestPoint(job.points, tv, byLower) : null),
    [job.points, tv, byLower],
  );
  const running = job.status === 'running';
  const counted = job.points.filter((p) => p.headcount);
  const base = job.baseHeadcount;
  const headcountDiffers = base !== null && counted.some((p) => !sameHeadcount(p.headcount!, base));
  const peaks = counted.map((p) => p.headcount!.peakOnDuty);
  const held = job.baseOverrides.holdHeadcount === true;
  return (
    <div className="exp-section" data-testid="sweep">
      <p className="hint">{t('sweep.intro')}</p>
      {choices && (
        <form onSubmit={onRun}>
          <div className="two-cols">
            <SweepParamForm n={1} choices={choices} draft={p1} onChange={setP1} />
            <SweepParamForm n={2} choices={choices} draft={p2} onChange={setP2} optional />
          </div>
          <div className="form-grid">
            <NumField label={t('sweep.replications')} value={reps} onChange={setReps} ok={repsOk} testId="sweep-reps" />
            <NumField label={t('exp.seed')} value={seed} onChange={setSeed} ok={seedOk} />
            <CheckField
              label={t('cmp.holdHeadcount')}
              title={t('cmp.holdHeadcountTitle')}
              checked={hold}
              onChange={setHold}
              testId="sweep-hold-headcount"
            />
            <div className="form-actions">
              <button type="submit" className="btn primary" data-testid="sweep-run" disabled={!canRun}>
                {running ? t('exp.rerun') : t('sweep.run')}
              </button>
              <span
                className={`small ${tooMany ? 'field-error' : 'muted'}`}
                data-testid="sweep-size"
                data-points={combos}
              >
                {tooMany
                  ? t('sweep.tooMany', { n: combos, max: MAX_POINTS })
                  : t('sweep.size', {
                      points: combos,
                      reps: repsOk ? nReps : '?',
                      runs: repsOk ? combos * nReps : '?',
                    })}
              </span>
            </div>
          </div>
        </form>
      )}
      <JobProgress
        testId="sweep-progress"
        status={job.status}
        done={job.done}
        total={job.total}
        elapsedS={job.elapsedS}
        unitKey="exp.unit.points"
        onCancel={() => exp.cancel('sweep')}
      />
      <JobErrors error={job.error} testId="sweep-error" />
      {job.points.length > 0 && (
        <>
          <SweepIntervalChart
            points={job.points}
            frontier={job.frontier}
            target={Number.isFinite(tv) && tv > 0 ? tv : null}
            fileName={`allweather-${job.scenarioId}-sweep`}
          />
          <CheapestPlan
            plan={plan}
            anyPoints={job.points.length > 0}
            target={target}
            onTarget={setTarget}
            byLowerBound={byLower}
            onByLowerBound={setByLower}
            labels={job.labels}
          />
          {headcountDiffers && (
            <p className="note warn" data-testid="sweep-headcount-note" data-held={String(held)}>
              {t(held ? 'sweep.headcountVaries' : 'sweep.headcountDiffers', {
                min: fmtCount(Math.min(...peaks)),
                max: fmtCount(Math.max(...peaks)),
                base: fmtCount(base!.peakOnDuty),
              })}
            </p>
          )}
          <SweepTable
            params={job.params}
            points={job.points}
            frontier={job.frontier}
            cheapest={plan?.index ?? null}
            labels={job.labels}
          />
        </>
      )}
      {choices && <StaffingSearch choices={choices} />}
    </div>
  );
}
