/**
 * The coverage matrix: responsibility grids × 24 hours, filling in as the
 * run goes. Colours are the 3D view's attainment scale (orange up to the
 * target, blue above it); a grid-hour below target is
 * also hatched and marked "×" (not colour alone); hours without decided
 * cases stay blank. Rows are virtualised (thousands of grids stay cheap),
 * the header and the summary row (share of grids meeting target per hour)
 * stay in view. Clicking a grid name selects its centre cell.
 *
 * Hours of the day that fall only inside the warm-up (`run.warmupHours`)
 * are hatched grey: nothing in them is counted. (A run that goes on past
 * the warm-up through a whole day counts every hour of the day: then the
 * legend names the warm-up and nothing is hatched.) Hovering a cell shows its
 * grid, hour, attainment, decided and missed cases (also in its
 * aria-label); the "?" in the legend opens the glossary entries.
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { buildMatrix, cellAtt, cellCounts, gridOrder, HOURS, warmupHoursOfDay } from './matrixModel.ts';
import { attainmentCss } from './palette.ts';
import { dataValue, fmtPct, pad2 } from './format.ts';
import { GlossaryHelp } from './GlossaryHelp.tsx';
import { FloatingTip, type AnchorRect } from './FloatingTip.tsx';
import { MatrixCellTip } from './MatrixCellTip.tsx';

const ROW_H = 20;
const OVERSCAN = 6;

export function CoverageMatrix() {
  const t = useT();
  const ctl = useController();
  const layout = useStore((s) => s.layout);
  const frame = useStore((s) => s.frame);
  const [sort, setSort] = useState<'id' | 'worst'>('id');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(240);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ g: number; h: number; rect: AnchorRect } | null>(null);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const nGrids = layout?.gridIds.length ?? 0;
  const target = layout?.coverageTarget ?? 1;
  const model = useMemo(() => {
    const ok = frame && frame.coverage.length === nGrids * HOURS;
    const empty = new Float32Array(nGrids * HOURS);
    return buildMatrix(ok ? frame.coverage : empty, ok ? frame.coverageCases : empty, nGrids, target);
  }, [frame, nGrids, target]);
  const order = useMemo(() => gridOrder(model, sort), [model, sort]);
  const warmupS = layout?.warmupS ?? 0,
    horizonS = layout?.horizonS ?? 0;
  const warm = useMemo(() => warmupHoursOfDay(warmupS, horizonS), [warmupS, horizonS]);
  const hatched = warm.some(Boolean);

  /** One tooltip for the whole table: the cell under the pointer. */
  const onOver = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td.m-cell');
    const g = Number(td?.parentElement?.dataset.g),
      h = Number(td?.dataset.hour);
    if (!td || !Number.isInteger(g) || !Number.isInteger(h)) return setTip(null);
    if (tip && tip.g === g && tip.h === h) return;
    const r = td.getBoundingClientRect();
    setTip({ g, h, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
  };
  const nowHour = frame && !frame.done ? Math.floor((frame.tS % 86400) / 3600) : -1;

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(nGrids, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const g = order[r];
    const id = layout!.gridIds[g];
    const day = model.dayAtt[g];
    rows.push(
      <tr key={g} data-g={g} data-grid={id} data-miss-hours={model.missHours[g]}>
        <th scope="row" className="m-grid">
          <button
            type="button"
            className="link"
            onClick={() => layout && ctl.select({ kind: 'cell', index: layout.gridCentre[g] })}
          >
            {id}
          </button>
        </th>
        {Array.from({ length: HOURS }, (_, h) => {
          const a = cellAtt(model, g, h);
          if (Number.isNaN(a)) {
            return warm[h] ? (
              <td
                key={h}
                className="m-cell empty warmup"
                data-hour={h}
                data-warmup="true"
                aria-label={t('matrix.warmupTitle', { grid: id, hour: pad2(h) })}
              />
            ) : (
              <td key={h} className={`m-cell empty ${h === nowHour ? 'now' : ''}`} data-hour={h} />
            );
          }
          const miss = a < target;
          const { decided, missed } = cellCounts(model, g, h);
          const c = attainmentCss(a, target);
          return (
            <td
              key={h}
              className={`m-cell ${miss ? 'miss' : 'met'} ${h === nowHour ? 'now' : ''}`}
              style={{ backgroundColor: c.bg, color: c.fg }}
              data-hour={h}
              data-att={dataValue(a)}
              data-miss={miss ? 'true' : undefined}
              data-n={decided}
              data-missed={missed}
              aria-label={t('matrix.cellTitle', {
                grid: id,
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
          className="m-day"
          style={Number.isNaN(day) ? undefined : { color: day < target ? '#ffb1a8' : '#cfe9c4' }}
          data-value={dataValue(Number.isNaN(day) ? null : day)}
        >
          {Number.isNaN(day) ? '' : fmtPct(day, 0)}
        </td>
      </tr>,
    );
  }

  return (
    <section className="panel matrix-panel" aria-labelledby="matrix-title">
      <div className="panel-head">
        <h2 id="matrix-title" className="panel-title">
          {t('matrix.title')}
        </h2>
        <span className="muted">
          {t('matrix.rows', { n: nGrids })} · {t('matrix.target', { target: fmtPct(target, 0) })}
        </span>
        <span className="matrix-key" data-testid="matrix-key">
          <span
            className="key-swatch met"
            aria-hidden="true"
            style={{ backgroundColor: attainmentCss(1, target).bg }}
          />{' '}
          {t('matrix.met')}
          <span
            className="key-swatch miss"
            aria-hidden="true"
            style={{ backgroundColor: attainmentCss(target - 0.3, target).bg, color: '#fff' }}
          >
            ×
          </span>{' '}
          {t('matrix.miss')}
          <span className="key-swatch empty" aria-hidden="true" /> {t('matrix.empty')}
          <GlossaryHelp term="gridHourAttainment" />
          {warmupS > 0 && (
            // the warm-up is cut from every statistic; hours of the day it alone covers are hatched (a run that goes on
            // past it, through a later day, counts every hour of the day: then nothing is hatched)
            <span className="matrix-warmup" data-testid="matrix-warmup" data-hatched={String(hatched)}>
              {hatched && <span className="key-swatch warmup" aria-hidden="true" />}
              {t('warmup.hours', { h: fmtHours(warmupS) })}
              <GlossaryHelp term="warmup" />
            </span>
          )}
        </span>
        <div className="segmented small">
          <button
            type="button"
            className={`seg ${sort === 'id' ? 'active' : ''}`}
            aria-pressed={sort === 'id'}
            onClick={() => setSort('id')}
          >
            {t('matrix.sortId')}
          </button>
          <button
            type="button"
            className={`seg ${sort === 'worst' ? 'active' : ''}`}
            aria-pressed={sort === 'worst'}
            onClick={() => setSort('worst')}
          >
            {t('matrix.sortWorst')}
          </button>
        </div>
      </div>
      <div
        className="matrix-scroll"
        ref={scrollRef}
        data-testid="coverage-matrix"
        data-grids={nGrids}
        data-coverage-index={dataValue(model.overall)}
        tabIndex={0}
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop);
          setTip(null);
        }}
      >
        <table className="matrix">
          <caption className="visually-hidden">{t('matrix.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="m-grid">
                {t('matrix.grid')}
              </th>
              {Array.from({ length: HOURS }, (_, h) => (
                <th
                  key={h}
                  scope="col"
                  className={`${h === nowHour ? 'now' : ''} ${warm[h] ? 'warmup' : ''}`}
                  title={warm[h] ? t('warmup.label') : undefined}
                  data-warmup={warm[h] ? 'true' : undefined}
                >
                  {pad2(h)}
                </th>
              ))}
              <th scope="col" className="m-day">
                {t('matrix.day')}
              </th>
            </tr>
          </thead>
          <tbody onMouseOver={onOver} onMouseLeave={() => setTip(null)}>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: first * ROW_H }}>
                <td colSpan={HOURS + 2} />
              </tr>
            )}
            {rows}
            {last < nGrids && (
              <tr aria-hidden="true" style={{ height: (nGrids - last) * ROW_H }}>
                <td colSpan={HOURS + 2} />
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr data-testid="coverage-summary">
              <th scope="row" className="m-grid" title={t('matrix.summary')}>
                {t('matrix.summary')}
              </th>
              {model.hourShare.map((v, h) => (
                <td key={h} className={`m-sum ${warm[h] ? 'warmup' : ''}`} data-hour={h} data-value={dataValue(v)}>
                  {v === null ? '' : Math.round(v * 100)}
                </td>
              ))}
              <td className="m-day m-sum" data-value={dataValue(model.overall)}>
                {fmtPct(model.overall, 0)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <FloatingTip anchor={tip && tip.g < nGrids ? tip.rect : null} className="matrix-tip" testId="matrix-tip">
        {tip && layout && (
          <MatrixCellTip
            grid={layout.gridIds[tip.g]}
            hour={tip.h}
            warmup={warm[tip.h]}
            att={cellAtt(model, tip.g, tip.h)}
            target={target}
            {...cellCounts(model, tip.g, tip.h)}
          />
        )}
      </FloatingTip>
    </section>
  );
}

/** Warm-up length in hours, as short as exact (12, 0.5). */
function fmtHours(s: number): string {
  return String(Math.round((s / 3600) * 100) / 100);
}
