/**
 * One row's 24 hour cells and its day cell in the coverage matrix
 * (CoverageMatrix.tsx), as a component of its own, memoised.
 *
 * A new frame re-rendered every visible row's 25 cells (colours, aria-labels
 * and counts: the bulk of the matrix's render) in one piece, which could not
 * be cut: on a large district at maximum speed it made a task over 50 ms
 * (issue 12). As one component per row, React's deferred render yields
 * between rows, and a row whose counts did not change is not rendered again.
 *
 * Props (all required): `label` of the row for the aria-labels; per hour
 * `n` decided and `met` cases (24 values each: compared value by value, so
 * views into a new frame's arrays are fine); `day` attainment (NaN: none);
 * `agg` for a group's aggregate row; `nowHour` (-1: none); `target`; `warm`
 * hours of the day that are warm-up only.
 */
import { memo } from 'react';
import { useT } from './i18n/index.ts';
import { HOURS } from './matrixModel.ts';
import { attainmentCss } from './palette.ts';
import { dataValue, fmtPct, pad2 } from './format.ts';

export interface MatrixHourCellsProps {
  label: string;
  n: ArrayLike<number>;
  met: ArrayLike<number>;
  day: number;
  agg: boolean;
  nowHour: number;
  target: number;
  warm: readonly boolean[];
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Props equal for rendering: the same values (arrays compared element by element). */
export function sameCells(a: MatrixHourCellsProps, b: MatrixHourCellsProps): boolean {
  return (
    a.label === b.label &&
    Object.is(a.day, b.day) &&
    a.agg === b.agg &&
    a.nowHour === b.nowHour &&
    a.target === b.target &&
    a.warm === b.warm &&
    sameValues(a.n, b.n) &&
    sameValues(a.met, b.met)
  );
}

function HourCells({ label, n, met, day, agg, nowHour, target, warm }: MatrixHourCellsProps) {
  const t = useT();
  return (
    <>
      {Array.from({ length: HOURS }, (_, h) => {
        const decided = n[h];
        const a = decided > 0 ? met[h] / decided : NaN;
        if (Number.isNaN(a)) {
          return warm[h] ? (
            <td
              key={h}
              className={`m-cell empty warmup ${agg ? 'm-agg' : ''}`}
              data-hour={h}
              data-warmup="true"
              aria-label={t('matrix.warmupTitle', { grid: label, hour: pad2(h) })}
            />
          ) : (
            <td key={h} className={`m-cell empty ${agg ? 'm-agg' : ''} ${h === nowHour ? 'now' : ''}`} data-hour={h} />
          );
        }
        const miss = a < target;
        const missed = decided - met[h];
        const c = attainmentCss(a, target);
        return (
          <td
            key={h}
            className={`m-cell ${miss ? 'miss' : 'met'} ${agg ? 'm-agg' : ''} ${h === nowHour ? 'now' : ''}`}
            style={{ backgroundColor: c.bg, color: c.fg }}
            data-hour={h}
            data-att={dataValue(a)}
            data-miss={miss ? 'true' : undefined}
            data-n={decided}
            data-missed={missed}
            aria-label={t('matrix.cellTitle', {
              grid: label,
              hour: pad2(h),
              att: fmtPct(a, 0),
              n: decided,
              miss: missed,
            })}
          >
            {miss ? '×' : ''}
          </td>
        );
      })}
      <td
        key="day"
        className="m-day"
        style={Number.isNaN(day) ? undefined : { color: day < target ? '#ffb1a8' : '#cfe9c4' }}
        data-value={dataValue(Number.isNaN(day) ? null : day)}
      >
        {Number.isNaN(day) ? '' : fmtPct(day, 0)}
      </td>
    </>
  );
}

export const MatrixHourCells = memo(HourCells, sameCells);
