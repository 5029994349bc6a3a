/**
 * Drill scores side by side: the trainee's, the automatic-dispatch
 * baseline's, and in the review the rebuilt drill's and the what-if plan's.
 * Every figure carries `data-score` (the column), `data-metric` and
 * `data-value` (the exact number as JSON, or null).
 */
import type { DrillScore } from '../../drill/scoring.ts';
import { useDrill } from '../../app/drill/store.ts';
import { dataValue, fmtPct } from '../format.ts';
import { formatNumber } from '../../i18n/number.ts';
import { useT } from './i18n/index.ts';
import { SCORE_METRICS, metricValue } from './scoreMetrics.ts';

export interface ScoreColumn {
  id: string;
  label: string;
  score: DrillScore | null;
  /** Shown under the label (e.g. "at 21:30", "computing…"). */
  note?: string;
}

export interface ScoreComparisonProps {
  columns: ScoreColumn[];
  title: string;
  testId?: string;
  /** A note under the table. */
  footnote?: string;
}

export function ScoreComparison({ columns, title, testId = 'score-comparison', footnote }: ScoreComparisonProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  return (
    <section className="panel score-panel" data-testid={testId} aria-label={title}>
      <h2 className="panel-title">{title}</h2>
      <table className="score-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('score.metric')}</span>
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className="num">
                {c.label}
                {c.note && <span className="score-note">{c.note}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SCORE_METRICS.map((m) => (
            <tr key={m.key} className={m.key === 'score' ? 'score-main' : ''}>
              <th scope="row">{t(m.label)}</th>
              {columns.map((c) => {
                const v = metricValue(c.score, m.key);
                const text = v === null ? '—' : m.share ? fmtPct(v) : formatNumber(lang, v);
                return (
                  <td key={c.id} className="num" data-score={c.id} data-metric={m.key} data-value={dataValue(v)}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {footnote && <p className="hint score-footnote">{footnote}</p>}
    </section>
  );
}
