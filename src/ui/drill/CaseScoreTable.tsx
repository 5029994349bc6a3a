/**
 * Every case of the drill's command scope with its score, the trainee's
 * beside the automatic baseline's: filed, due, dispatched by whom, response
 * in minutes, on time or not, late, priority inversions. Text says the
 * verdict (colour only repeats it). Scrolls inside its panel. The
 * baseline's case is paired as `matchBaseline` says (— when none).
 */
import type { CaseScore, DrillScore } from '../../drill/scoring.ts';
import { useDrill } from '../../app/drill/store.ts';
import type { CityLayout } from '../../sim/frame.ts';
import { dataValue, timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { namesFromLayout } from './describe.ts';
import { matchBaseline, verdictKey } from './scoreMetrics.ts';

export interface CaseScoreTableProps {
  score: DrillScore;
  baseline: DrillScore;
  layout: CityLayout;
  /** The timeline ran differently from the baseline's (cases are then paired by type and filing time). */
  edited: boolean;
}

function Cells({ c, side }: { c: CaseScore | undefined; side: string }) {
  const t = useT();
  if (!c)
    return (
      <td colSpan={4} className="muted">
        —
      </td>
    );
  return (
    <>
      <td data-side={side} data-field="dispatchedS" data-value={dataValue(c.dispatchedS)}>
        {c.dispatchedS === null ? '—' : timeOfDay(c.dispatchedS)}
      </td>
      <td className="num" data-side={side} data-field="responseS" data-value={dataValue(c.responseS)}>
        {c.responseS === null ? '—' : (c.responseS / 60).toFixed(1)}
      </td>
      <td
        className={c.onTime === false ? 'bad' : c.onTime ? 'good' : ''}
        data-side={side}
        data-field="onTime"
        data-value={JSON.stringify(c.onTime)}
      >
        {t(verdictKey(c.onTime))}
      </td>
      <td className={c.late ? 'bad' : ''} data-side={side} data-field="late" data-value={JSON.stringify(c.late)}>
        {t(c.late ? 'cases.lateYes' : 'cases.lateNo')}
        {c.inversions > 0 ? ` · ${t('cases.inversionsN', { n: c.inversions })}` : ''}
      </td>
    </>
  );
}

export function CaseScoreTable({ score, baseline, layout, edited }: CaseScoreTableProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const names = namesFromLayout(layout, lang);
  const base = matchBaseline(score.cases, baseline.cases, edited);
  return (
    <section
      className="panel case-scores"
      data-testid="case-scores"
      data-count={score.cases.length}
      aria-labelledby="case-scores-title"
    >
      <h2 id="case-scores-title" className="panel-title">
        {t('report.cases', { n: score.n })}
      </h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th colSpan={6} />
              <th colSpan={4} className="group">
                {t('score.trainee')}
              </th>
              <th colSpan={4} className="group">
                {t('score.baseline')}
              </th>
            </tr>
            <tr>
              <th className="num">{t('cases.id')}</th>
              <th>{t('cases.type')}</th>
              <th>{t('cases.priority')}</th>
              <th>{t('cases.filed')}</th>
              <th>{t('cases.due')}</th>
              <th>{t('cases.by')}</th>
              <th>{t('cases.dispatched')}</th>
              <th className="num">{t('cases.responseMin')}</th>
              <th>{t('cases.onTime')}</th>
              <th>{t('cases.late')}</th>
              <th>{t('cases.dispatched')}</th>
              <th className="num">{t('cases.responseMin')}</th>
              <th>{t('cases.onTime')}</th>
              <th>{t('cases.late')}</th>
            </tr>
          </thead>
          <tbody>
            {score.cases.map((c) => (
              <tr key={c.caseId} data-case-id={c.caseId}>
                <td className="num">{c.caseId}</td>
                <td>{names.type(c.type)}</td>
                <td data-value={c.priority}>P{c.priority}</td>
                <td data-value={dataValue(c.filedS)}>{c.filedS < 0 ? '—' : timeOfDay(c.filedS)}</td>
                <td data-value={dataValue(c.responseDueS)}>{timeOfDay(c.responseDueS)}</td>
                <td data-value={c.by}>{t(`cases.by.${c.by}`)}</td>
                <Cells c={c} side="trainee" />
                <Cells c={base.get(c.caseId)} side="baseline" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
