/**
 * The coverage matrix: responsibility grids × 24 hours, filling in as the
 * run goes. Colours are the 3D view's attainment scale (orange up to the
 * target, blue above it); a grid-hour below target is
 * also hatched and marked "×" (not colour alone); hours without decided
 * cases stay blank. Rows are virtualised (thousands of grids stay cheap),
 * the header and the summary row (share of grids meeting target per hour)
 * stay in view. Clicking a grid name selects its centre cell.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { buildMatrix, cellAtt, gridOrder, HOURS } from './matrixModel.ts';
import { attainmentCss } from './palette.ts';
import { dataValue, fmtPct, pad2 } from './format.ts';

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
  const nowHour = frame && !frame.done ? Math.floor((frame.tS % 86400) / 3600) : -1;

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(nGrids, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const g = order[r];
    const id = layout!.gridIds[g];
    const day = model.dayAtt[g];
    rows.push(
      <tr key={g} data-grid={id} data-miss-hours={model.missHours[g]}>
        <th scope="row" className="m-grid">
          <button type="button" className="link" onClick={() => layout && ctl.select({ kind: 'cell', index: centreCell(layout, g) })}>
            {id}
          </button>
        </th>
        {Array.from({ length: HOURS }, (_, h) => {
          const a = cellAtt(model, g, h);
          if (Number.isNaN(a)) return <td key={h} className={`m-cell empty ${h === nowHour ? 'now' : ''}`} />;
          const miss = a < target;
          const i = g * HOURS + h;
          const c = attainmentCss(a, target);
          return (
            <td
              key={h}
              className={`m-cell ${miss ? 'miss' : 'met'} ${h === nowHour ? 'now' : ''}`}
              style={{ backgroundColor: c.bg, color: c.fg }}
              data-hour={h}
              data-att={dataValue(a)}
              data-miss={miss ? 'true' : undefined}
              title={t('matrix.cellTitle', { grid: id, hour: pad2(h), att: fmtPct(a, 0), n: model.n[i] })}
            >
              {miss ? '×' : ''}
            </td>
          );
        })}
        <td className="m-day" style={Number.isNaN(day) ? undefined : { color: day < target ? '#ffb1a8' : '#cfe9c4' }} data-value={dataValue(Number.isNaN(day) ? null : day)}>
          {Number.isNaN(day) ? '' : fmtPct(day, 0)}
        </td>
      </tr>,
    );
  }

  return (
    <section className="panel matrix-panel" aria-labelledby="matrix-title">
      <div className="panel-head">
        <h2 id="matrix-title" className="panel-title">{t('matrix.title')}</h2>
        <span className="muted">{t('matrix.rows', { n: nGrids })} · {t('matrix.target', { target: fmtPct(target, 0) })}</span>
        <span className="matrix-key" aria-hidden="true">
          <span className="key-swatch met" style={{ backgroundColor: attainmentCss(1, target).bg }} /> {t('matrix.met')}
          <span className="key-swatch miss" style={{ backgroundColor: attainmentCss(target - 0.3, target).bg, color: '#fff' }}>×</span> {t('matrix.miss')}
          <span className="key-swatch empty" /> {t('matrix.empty')}
        </span>
        <div className="segmented small">
          <button type="button" className={`seg ${sort === 'id' ? 'active' : ''}`} aria-pressed={sort === 'id'} onClick={() => setSort('id')}>
            {t('matrix.sortId')}
          </button>
          <button type="button" className={`seg ${sort === 'worst' ? 'active' : ''}`} aria-pressed={sort === 'worst'} onClick={() => setSort('worst')}>
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
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <table className="matrix">
          <caption className="visually-hidden">{t('matrix.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="m-grid">{t('matrix.grid')}</th>
              {Array.from({ length: HOURS }, (_, h) => (
                <th key={h} scope="col" className={h === nowHour ? 'now' : ''}>{pad2(h)}</th>
              ))}
              <th scope="col" className="m-day">{t('matrix.day')}</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_H }}><td colSpan={HOURS + 2} /></tr>}
            {rows}
            {last < nGrids && <tr aria-hidden="true" style={{ height: (nGrids - last) * ROW_H }}><td colSpan={HOURS + 2} /></tr>}
          </tbody>
          <tfoot>
            <tr data-testid="coverage-summary">
              <th scope="row" className="m-grid" title={t('matrix.summary')}>{t('matrix.summary')}</th>
              {model.hourShare.map((v, h) => (
                <td key={h} className="m-sum" data-hour={h} data-value={dataValue(v)}>
                  {v === null ? '' : Math.round(v * 100)}
                </td>
              ))}
              <td className="m-day m-sum" data-value={dataValue(model.overall)}>{fmtPct(model.overall, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The cell at the centre of grid g (as in src/sim/city.ts). */
function centreCell(l: { cols: number; gridCols: number; gridSize: number }, g: number): number {
  const gx = g % l.gridCols, gy = Math.floor(g / l.gridCols);
  const half = (l.gridSize - 1) >> 1;
  return (gy * l.gridSize + half) * l.cols + gx * l.gridSize + half;
}
