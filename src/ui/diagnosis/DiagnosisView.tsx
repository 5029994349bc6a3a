/**
 * A diagnosis (src/analysis/diagnose.ts) on screen, the same in the live
 * twin and in the Experiments workspace: a summary line (cases decided and
 * late), the five stages as bars, and the limits as rows in words with the
 * lever of each. The stages' table and the limits' heading are there even
 * before a case is decided (with no figures yet), so that updates change
 * numbers rather than the page's structure. With `colour`, a toggle colours
 * the city by every late case, and each row by its own.
 */
import type { Diagnosis } from '../../analysis/diagnose.ts';
import { ALL_LATE } from '../../app/lateOverlay.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { fmtPct } from '../format.ts';
import { LimitList, type LimitColouring } from './LimitList.tsx';
import { StageBars } from './StageBars.tsx';
import { allLateLabel, fmtCases, type Names } from './limitText.ts';
import './diagnosis.css';

export interface DiagnosisViewProps {
  diagnosis: Diagnosis;
  names: Names;
  /** Means over replications (experiments) rather than one run's cases (live). */
  perReplication: boolean;
  /** Limit rows before "show all" (default 5). */
  top?: number;
  colour?: LimitColouring;
  /** Offered on queue limits: the cheapest plan for the team it waits for. */
  onOptimise?: (team: string) => void;
  /** What to say while no case is decided (default: they show once cases are decided). */
  emptyNote?: string;
  testId: string;
}

export function DiagnosisView({
  diagnosis: d,
  names,
  perReplication,
  top = 5,
  colour,
  onOptimise,
  emptyNote,
  testId,
}: DiagnosisViewProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const lateShare = d.decided > 0 ? d.late / d.decided : null;
  const allOn = colour?.shownKey === ALL_LATE;
  const vars = {
    decided: fmtCases(d.decided, perReplication, lang),
    late: fmtCases(d.late, perReplication, lang),
    share: fmtPct(lateShare, 1),
    n: d.replications,
  };
  return (
    <div
      className="diagnosis-view"
      data-testid={testId}
      data-late={d.late}
      data-decided={d.decided}
      data-replications={d.replications}
      data-limits={d.limits.length}
    >
      {d.decided > 0 ? (
        <p className="diag-summary">{t(perReplication ? 'diag.summaryReps' : 'diag.summaryLive', vars)}</p>
      ) : (
        <p className="muted small">{emptyNote ?? t('diag.pending')}</p>
      )}
      {/* the stages and the limits' heading stay on screen from the first case to the last: a run's start and its
          first late case change their numbers, not the page's structure (mounting them was the largest frame of a
          large district at maximum speed, issue 12) */}
      <StageBars diagnosis={d} perReplication={perReplication} />
      <div className="sub-head diag-limits-head">
        <h3 className="sub-title">{t('diag.limits')}</h3>
        {colour && (
          <button
            type="button"
            className={`btn small colour-toggle ${allOn ? 'active' : ''}`}
            aria-pressed={allOn}
            disabled={d.late === 0 && !allOn}
            data-testid="limit-colour-all"
            onClick={() => colour.onColour(allOn ? null : ALL_LATE, allLateLabel())}
          >
            {allOn ? t('diag.colourOn') : t('diag.colourAll')}
          </button>
        )}
      </div>
      {d.decided > 0 && d.late === 0 && (
        <p className="muted small" data-testid={`${testId}-none`}>
          {t('diag.none')}
        </p>
      )}
      <LimitList
        limits={d.limits}
        names={names}
        perReplication={perReplication}
        top={top}
        colour={colour}
        onOptimise={onOptimise}
        testId={`${testId}-limits`}
      />
    </div>
  );
}
