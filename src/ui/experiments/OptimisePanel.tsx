/**
 * "最省排班 / Cheapest plan" in the Experiments workspace: the cheapest
 * roster over several teams that meets a criterion with a one-sided
 * confidence bound (src/analysis/optimise.ts), on the worker pool.
 *
 * The form: criterion (coverage index, every hour, every event type),
 * target and confidence, replications per plan, the evaluation budget and
 * days simulated; the teams searched (case-handling teams by default) and
 * each of their shifts' staff range. While it runs: evaluation i of the
 * budget, the phase, the cost and ✓/✗ of the plan just evaluated. The
 * result: the plan per team and shift, its cost and staff-hours against
 * today's, the criterion on the search seeds and verified on fresh ones,
 * the limits that remain, and two actions: apply the plan to the live run,
 * or compare it with today's plan in the A/B comparison.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { shiftVariables, type OptimiseCriterion, type ShiftVariable } from '../../analysis/optimise.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { useStore } from '../../app/useStore.ts';
import { useDec, useDecisions } from '../../app/useDecisions.ts';
import type { OptimiseRequest } from '../../app/decisions.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { LimitList } from '../diagnosis/LimitList.tsx';
import { namesOfText } from '../diagnosis/limitText.ts';
import { JobErrors } from './JobErrors.tsx';
import { OptimiseProgress } from './OptimiseProgress.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanTable } from './PlanTable.tsx';
import { ShiftBoundsTable, type Bounds } from './ShiftBoundsTable.tsx';
import { TeamChecklist } from './TeamChecklist.tsx';
import { readCount } from './planText.ts';
import '../diagnosis/diagnosis.css';

const CRITERIA: OptimiseCriterion[] = ['coverage', 'hourly', 'types'];

/** The teams that handle cases (security lanes serve passengers). */
const caseTeams = (sc: Scenario | null) =>
  sc ? sc.teams.filter((x) => x.role !== 'securityLanes').map((x) => x.id) : [];
/** The scenario's coverage standard, in %. */
const defaultTarget = (sc: Scenario | null) => (sc ? String(Math.round(sc.targets.coverage * 100)) : '80');

/** The ranges a request was made with, as the form's fields. */
function boundsOf(r: OptimiseRequest | null): Record<string, Bounds> {
  if (!r) return {};
  const out: Record<string, Bounds> = {};
  for (const p of new Set([...Object.keys(r.minStaff), ...Object.keys(r.maxStaff)])) {
    out[p] = {
      min: r.minStaff[p] !== undefined ? String(r.minStaff[p]) : '',
      max: r.maxStaff[p] !== undefined ? String(r.maxStaff[p]) : '',
    };
  }
  return out;
}

export function OptimisePanel() {
  const t = useT();
  const dec = useDecisions();
  const job = useDec((s) => s.optimise);
  const text = useStore((s) => s.scenarioText);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const scenario = useMemo(() => {
    const r = text ? parseScenario(text) : null;
    return r?.ok ? r.scenario : null;
  }, [text]);

  // back on this tab: the form as the last search on this scenario had it; opened from a queue limit: its team;
  // else the scenario's case-handling teams and its coverage standard as the target
  const [{ last, draftTeams }] = useState(() => {
    const d = dec.store.getState().optimiseDraft;
    return {
      last: job.request && job.scenarioText === text ? job.request : null,
      draftTeams: d && d.scenarioText === text ? d.teams : null,
    };
  });
  const [criterion, setCriterion] = useState<OptimiseCriterion>(last?.criterion ?? 'coverage');
  const [target, setTarget] = useState(() =>
    last ? String(Math.round(last.target * 1000) / 10) : defaultTarget(scenario),
  );
  const [confidence, setConfidence] = useState(last ? String(Math.round(last.confidence * 1000) / 10) : '95');
  const [reps, setReps] = useState(String(last?.replications ?? 4));
  const [budget, setBudget] = useState(String(last?.budgetEvaluations ?? 12));
  const [days, setDays] = useState(last?.days !== undefined ? String(last.days) : '');
  const [teams, setTeams] = useState<Set<string>>(() => new Set(draftTeams ?? last?.teams ?? caseTeams(scenario)));
  const [bounds, setBounds] = useState<Record<string, Bounds>>(() => (draftTeams ? {} : boundsOf(last)));
  /** The scenario text the form was set up for: another one resets it (idempotent, so effects may run twice). */
  const formFor = useRef(scenario ? text : '');

  useEffect(() => {
    if (!scenario || formFor.current === text) return;
    formFor.current = text;
    setTeams(new Set(caseTeams(scenario)));
    setTarget(defaultTarget(scenario));
    setBounds({});
  }, [scenario, text]);

  // a queue limit's "cheapest plan for this team": taken once (the form started from it, or takes it now, while
  // rendering); the effect then clears it from the store
  const draft = useDec((s) => s.optimiseDraft);
  const [draftTaken, setDraftTaken] = useState(draft);
  if (draft && scenario && draft !== draftTaken) {
    setDraftTaken(draft);
    if (draft.scenarioText === text) {
      setTeams(new Set(draft.teams));
      setBounds({});
    }
  }
  useEffect(() => {
    if (draft && scenario) dec.takeDraft();
  }, [draft, scenario, dec]);

  const vars: ShiftVariable[] = useMemo(() => {
    if (!scenario || teams.size === 0) return [];
    try {
      return shiftVariables(scenario, { teams: scenario.teams.filter((x) => teams.has(x.id)).map((x) => x.id) });
    } catch {
      return [];
    }
  }, [scenario, teams]);

  const minStaff: Record<string, number> = {},
    maxStaff: Record<string, number> = {};
  const bad = new Set<string>();
  for (const v of vars) {
    const b = bounds[v.path];
    if (!b) continue;
    const lo = readCount(b.min),
      hi = readCount(b.max);
    if (Number.isNaN(lo) || Number.isNaN(hi) || (lo ?? v.min) > (hi ?? v.max)) {
      bad.add(v.path);
      continue;
    }
    if (lo !== null) minStaff[v.path] = lo;
    if (hi !== null) maxStaff[v.path] = hi;
  }
  const nTarget = Number(target) / 100,
    nConf = Number(confidence) / 100,
    nReps = Number(reps),
    nBudget = Number(budget);
  const nDays = days.trim() === '' ? undefined : Number(days);
  const targetOk = nTarget > 0 && nTarget <= 1;
  const confOk = nConf >= 0.5 && nConf < 1;
  const repsOk = Number.isInteger(nReps) && nReps >= 2 && nReps <= 50;
  const budgetOk = Number.isInteger(nBudget) && nBudget >= 1 && nBudget <= 200;
  const daysOk = nDays === undefined || (Number.isFinite(nDays) && nDays > 0 && nDays <= 14);
  const canRun =
    ready &&
    scenario !== null &&
    vars.length > 0 &&
    bad.size === 0 &&
    targetOk &&
    confOk &&
    repsOk &&
    budgetOk &&
    daysOk;

  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (!canRun) return;
    void dec.runOptimise({
      seed: liveSeed,
      replications: nReps,
      days: nDays,
      criterion,
      target: nTarget,
      confidence: nConf,
      teams: [...new Set(vars.map((v) => v.team))],
      minStaff,
      maxStaff,
      budgetEvaluations: nBudget,
    });
  };

  const r = job.result;
  const jobScenario = useMemo(() => {
    const p = job.scenarioText ? parseScenario(job.scenarioText) : null;
    return p?.ok ? p.scenario : null;
  }, [job.scenarioText]);
  const names = useMemo(() => namesOfText(job.scenarioText), [job.scenarioText]);
  const changes = r ? Object.keys(dec.planChanges()).length : 0;
  const canCompare = r !== null && dec.canCompare();
  const loading = useStore((s) => s.loading);

  const field = (
    label: string,
    value: string,
    set: (v: string) => void,
    ok: boolean,
    testId: string,
    suffix?: string,
    placeholder?: string,
  ) => (
    <label className="field">
      <span className="control-label">{label}</span>
      <span className="inline">
        <input
          className={`input num-input small ${ok ? '' : 'invalid'}`}
          data-testid={testId}
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          onChange={(e) => set(e.target.value)}
          aria-invalid={!ok}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
    </label>
  );

  return (
    <div className="exp-section" data-testid="optimise">
      <p className="hint">{t('opt.intro')}</p>
      {scenario ? (
        <form onSubmit={onRun} className="opt-form">
          <div className="form-grid">
            <label className="field">
              <span className="control-label">{t('opt.criterion')}</span>
              <select
                className="input select"
                data-testid="opt-criterion"
                value={criterion}
                onChange={(e) => setCriterion(e.target.value as OptimiseCriterion)}
              >
                {CRITERIA.map((c) => (
                  <option key={c} value={c}>
                    {t(`opt.criterion.${c}` as DictKey)}
                  </option>
                ))}
              </select>
            </label>
            {field(t('opt.target'), target, setTarget, targetOk, 'opt-target', '%')}
            {field(t('opt.confidence'), confidence, setConfidence, confOk, 'opt-confidence', '%')}
            {field(t('opt.replications'), reps, setReps, repsOk, 'opt-reps')}
            {field(t('opt.budget'), budget, setBudget, budgetOk, 'opt-budget')}
            {field(t('diag.days'), days, setDays, daysOk, 'opt-days', undefined, String(scenario.run.days))}
          </div>
          <TeamChecklist scenario={scenario} checked={teams} onChange={setTeams} />
          {vars.length > 0 ? (
            <ShiftBoundsTable
              vars={vars}
              scenario={scenario}
              bounds={bounds}
              bad={bad}
              onChange={(path, b) => setBounds((x) => ({ ...x, [path]: b }))}
            />
          ) : (
            <p className="field-error">{t('opt.noTeams')}</p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn primary" data-testid="opt-run" disabled={!canRun}>
              {t('opt.run')}
            </button>
            {bad.size > 0 && <span className="field-error">{t('opt.boundsInvalid')}</span>}
            <span className="muted small">
              {t('opt.size', { shifts: vars.length, runs: repsOk && budgetOk ? nReps * (nBudget + 1) : '?' })}
            </span>
          </div>
        </form>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}

      <OptimiseProgress job={job} onCancel={() => dec.cancel('optimise')} />
      <JobErrors error={job.error} testId="opt-error" />

      {r && (
        <section className="sub-section opt-result" data-testid="opt-result">
          <PlanSummary result={r} scenario={jobScenario} />
          <div className="form-actions opt-actions">
            <button
              type="button"
              className="btn primary"
              data-testid="opt-apply"
              disabled={changes === 0 || loading || job.applied}
              onClick={() => void dec.applyPlan()}
            >
              {t('opt.apply')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="opt-compare"
              disabled={!canCompare}
              onClick={() => dec.comparePlan()}
            >
              {t('opt.compare')}
            </button>
            <span className="muted small" data-testid="opt-action-note">
              {changes === 0
                ? t('opt.noChange')
                : job.applied
                  ? t('opt.applied')
                  : !canCompare
                    ? t('opt.compareStale')
                    : t('opt.changes', { n: changes })}
            </span>
          </div>
          <PlanTable result={r} scenario={jobScenario} />
          {r.diagnosis.limits.length > 0 && (
            <>
              <h3 className="sub-title">{t('opt.remaining')}</h3>
              <LimitList
                limits={r.diagnosis.limits.slice(0, 3)}
                names={names}
                perReplication={r.diagnosis.replications > 1}
                top={3}
                testId="opt-limits"
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
