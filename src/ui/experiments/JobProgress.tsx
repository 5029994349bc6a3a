/**
 * A job's progress line: status, replications done / planned (a <progress>
 * and the numbers), seconds elapsed, and a cancel button while it runs.
 * `data-status` and `data-done` let tests wait for a job.
 */
import type { JobStatus } from '../../app/experiments.ts';
import { useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { fmtNum } from '../format.ts';

export interface JobProgressProps {
  testId: string;
  status: JobStatus;
  done: number;
  total: number;
  elapsedS: number;
  /** What `done` counts (default: replications). */
  unitKey?: DictKey;
  onCancel: () => void;
}

export function JobProgress({
  testId,
  status,
  done,
  total,
  elapsedS,
  unitKey = 'exp.unit.replications',
  onCancel,
}: JobProgressProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  if (status === 'idle') return null;
  return (
    <div
      className={`job-progress status-${status}`}
      data-testid={testId}
      data-status={status}
      data-done={done}
      data-total={total}
      role="status"
    >
      <span className="job-status">{t(`exp.status.${status}` as DictKey)}</span>
      {total > 0 && <progress max={total} value={done} aria-label={t('exp.progress')} />}
      <span className="num">
        {total > 0 ? t('exp.doneOf', { done, total }) : done} {t(unitKey)}
      </span>
      <span className="muted num">{t('exp.elapsed', { s: fmtNum(elapsedS, lang, 1) })}</span>
      {status === 'running' && (
        <button type="button" className="btn small" data-testid={`${testId}-cancel`} onClick={onCancel}>
          {t('exp.cancel')}
        </button>
      )}
    </div>
  );
}
