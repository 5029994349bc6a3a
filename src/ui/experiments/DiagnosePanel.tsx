/**
 * "诊断 / Diagnose" in the Experiments workspace: R replications of the live
 * scenario on the worker pool, their late cases classified by limiting stage
 * and summed (src/analysis/diagnose.ts) as each replication finishes; the
 * result is the same view as the live twin's "What limits coverage", per
 * replication, and can colour the city by a limit's late cases.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useStore } from '../../app/useStore.ts';
import { useDec, useDecisions } from '../../app/useDecisions.ts';
import { useT } from '../i18n/index.ts';
import { DiagnosisView } from '../diagnosis/DiagnosisView.tsx';
import { namesOfText } from '../diagnosis/limitText.ts';
import { JobErrors } from './JobErrors.tsx';
import { JobProgress } from './JobProgress.tsx';
import { NumField } from './fields.tsx';

export function DiagnosePanel() {
  const t = useT();
  const dec = useDecisions();
  const job = useDec((s) => s.diagnose);
  const liveSeed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const delta = useStore((s) => s.delta);
  const colorBy = useStore((s) => s.colorBy);
  const [reps, setReps] = useState('4');
  const [seed, setSeed] = useState(String(liveSeed));
  const [days, setDays] = useState('');
  // a new live seed replaces what is typed (adjusted while rendering, not in an effect)
  const [seedOf, setSeedOf] = useState(liveSeed);
  if (seedOf !== liveSeed) {
    setSeedOf(liveSeed);
    setSeed(String(liveSeed));
  }

  const nReps = Number(reps),
    nSeed = Number(seed),
    nDays = days.trim() === '' ? undefined : Number(days);
  const repsOk = Number.isInteger(nReps) && nReps >= 1 && nReps <= 100;
  const seedOk = Number.isInteger(nSeed) && nSeed >= 0;
  const daysOk = nDays === undefined || (Number.isFinite(nDays) && nDays > 0 && nDays <= 14);
  const canRun = ready && repsOk && seedOk && daysOk;
  const onRun = (e: FormEvent) => {
    e.preventDefault();
    if (canRun) void dec.runDiagnose({ seed: nSeed, replications: nReps, days: nDays });
  };
  const names = useMemo(() => namesOfText(job.scenarioText), [job.scenarioText]);
  const shownKey = colorBy === 'delta' && delta?.late?.source === 'experiments' ? delta.late.key : null;
  return (
    <div className="exp-section" data-testid="diagnose">
      <p className="hint">{t('diag.expIntro')}</p>
      <form className="form-grid" onSubmit={onRun}>
        <NumField label={t('rep.replications')} value={reps} onChange={setReps} ok={repsOk} testId="diag-reps" />
        <NumField label={t('exp.seed')} value={seed} onChange={setSeed} ok={seedOk} />
        <NumField
          label={t('diag.days')}
          value={days}
          onChange={setDays}
          ok={daysOk}
          testId="diag-days"
          decimal
          placeholder={t('diag.daysDefault')}
        />
        <div className="form-actions">
          <button type="submit" className="btn primary" data-testid="diag-run" disabled={!canRun}>
            {t('diag.run')}
          </button>
        </div>
      </form>
      <JobProgress
        testId="diag-progress"
        status={job.status}
        done={job.done}
        total={job.total}
        elapsedS={job.elapsedS}
        onCancel={() => dec.cancel('diagnose')}
      />
      <JobErrors error={job.error} testId="diag-error" />
      {job.diagnosis && (
        <DiagnosisView
          diagnosis={job.diagnosis}
          names={names}
          perReplication={job.diagnosis.replications > 1}
          top={8}
          testId="exp-diag"
          colour={{ shownKey, onColour: (key, label) => dec.colour(key, label) }}
          onOptimise={(team) => dec.draftOptimise([team])}
        />
      )}
    </div>
  );
}
