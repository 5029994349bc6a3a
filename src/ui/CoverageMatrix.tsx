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
 *
 * Rows are grouped by the hierarchy (matrixGroups.ts): each street (街道)
 * and community (社区) has its own aggregate row (attainment over its
 * grids) and collapses; grid rows are labelled "code name", their tooltip
 * adds community and street. The search box filters the rows to grids
 * whose code or name matches; Enter selects the best match's centre cell
 * (the 3D view and the details follow) and scrolls its row into view.
 *
 * Each row's hour cells are a memoised component (MatrixHourCells.tsx): a
 * new frame re-renders only the rows whose counts changed, and the render
 * yields between rows (issue 12).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { gridNamesIn } from '../i18n/place.ts';
import { buildMatrix, cellAtt, cellCounts, gridOrder, HOURS, warmupHoursOfDay } from './matrixModel.ts';
import {
  groupAggregates,
  groupAtt,
  groupGrids,
  gridLabel,
  gridPlace,
  matrixRows,
  searchGrids,
  type GridGroup,
  type MatrixRow,
} from './matrixGroups.ts';
import { attainmentCss } from './palette.ts';
import { dataValue, fmtPct, pad2 } from './format.ts';
import { GlossaryHelp } from './GlossaryHelp.tsx';
import { FloatingTip, type AnchorRect } from './FloatingTip.tsx';
import { MatrixCellTip } from './MatrixCellTip.tsx';
import { MatrixHourCells } from './MatrixHourCells.tsx';

const ROW_H = 20;
const OVERSCAN = 6;
const NO_COLLAPSED: ReadonlySet<string> = new Set();

/** The row under the pointer's tooltip: a grid (`g`) or a group (`group` key), an hour, where to anchor it. */
interface Tip {
  g: number;
  group: string | null;
  h: number;
  rect: AnchorRect;
}

export function CoverageMatrix() {
  const t = useT();
  const ctl = useController();
  // a new city or frame re-renders the matrix in a render of its own, after the urgent one (clock, KPIs, scene):
  // grouping and recomputing 1,615 grids × 24 hours with the rest made one long main-thread task (issue 12); its frame
  // (matrixFrame) comes a rendered frame after the other panels', at maximum speed once a second
  const layout = useDeferredValue(useStore((s) => s.layout));
  const frame = useDeferredValue(useStore((s) => s.matrixFrame));
  const selection = useStore((s) => s.selection);
  const lang = useStore((s) => s.lang);
  const [sort, setSort] = useState<'id' | 'worst'>('id');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(240);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(NO_COLLAPSED);
  const [query, setQuery] = useState('');

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
  const groups = useMemo(() => (layout ? groupGrids(layout.hierarchy, nGrids, lang) : null), [layout, nGrids, lang]);
  const aggs = useMemo(() => groupAggregates(model, groups), [model, groups]);
  // the grids' names in the page's language (an imported district's name:en in English)
  const gridNames = useMemo(() => (layout ? gridNamesIn(layout.hierarchy, lang) : []), [layout, lang]);
  const matches = useMemo(
    () => (layout ? searchGrids(layout.gridIds, gridNames, query) : []),
    [layout, gridNames, query],
  );
  const searching = query.trim() !== '';
  const rows = useMemo(
    () => matrixRows(groups, order, collapsed, searching ? new Set(matches) : null),
    [groups, order, collapsed, searching, matches],
  );
  // a new city: every group open again, no search (state adjusted while rendering, React's way for derived resets)
  const [shownLayout, setShownLayout] = useState(layout);
  if (shownLayout !== layout) {
    setShownLayout(layout);
    setCollapsed(NO_COLLAPSED);
    setQuery('');
  }
  const selGrid =
    layout && selection?.kind === 'cell' && selection.index >= 0 && selection.index < layout.cellGrid.length
      ? layout.cellGrid[selection.index]
      : -1;
  const warmupS = layout?.warmupS ?? 0,
    horizonS = layout?.horizonS ?? 0;
  const warm = useMemo(() => warmupHoursOfDay(warmupS, horizonS), [warmupS, horizonS]);
  const hatched = warm.some(Boolean);

  const toggle = (key: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const setAll = (closed: boolean) =>
    setCollapsed(
      closed && groups ? new Set(groups.flatMap((s) => [s.key, ...s.children.map((c) => c.key)])) : NO_COLLAPSED,
    );

  /** A request to bring a grid's row into view (a new object each time, so the same grid can be asked again). */
  const [scrollReq, setScrollReq] = useState<{ g: number } | null>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (!scrollReq || !el) return;
    const r = rows.findIndex((row) => row.kind === 'grid' && row.g === scrollReq.g);
    if (r >= 0 && (r * ROW_H < el.scrollTop || (r + 1) * ROW_H > el.scrollTop + el.clientHeight - 2 * ROW_H)) {
      el.scrollTop = Math.max(0, r * ROW_H - el.clientHeight / 2);
    }
    // rows are left out on purpose: only a new request scrolls, not every frame's re-sort
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollReq]);
  /** Select a grid: its centre cell in the scene and the details, and bring its row into view. */
  const selectGrid = (g: number) => {
    if (!layout) return;
    ctl.select({ kind: 'cell', index: layout.gridCentre[g] });
    setScrollReq({ g });
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && matches.length > 0) selectGrid(matches[0]);
    else if (e.key === 'Escape') setQuery('');
  };

  /** One tooltip for the whole table: the cell under the pointer. */
  const onOver = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td.m-cell');
    const tr = td?.parentElement;
    const group = tr?.dataset.group ?? null;
    const g = group === null ? Number(tr?.dataset.g) : -1,
      h = Number(td?.dataset.hour);
    if (!td || !Number.isInteger(g) || !Number.isInteger(h)) return setTip(null);
    if (tip && tip.g === g && tip.group === group && tip.h === h) return;
    const r = td.getBoundingClientRect();
    setTip({ g, group, h, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
  };
  const nowHour = frame && !frame.done ? Math.floor((frame.tS % 86400) / 3600) : -1;

  const groupName = (grp: GridGroup) => grp.name || grp.code || t('matrix.noStreet');
  const groupByKey = useMemo(() => {
    const m = new Map<string, GridGroup>();
    for (const s of groups ?? []) {
      m.set(s.key, s);
      for (const c of s.children) m.set(c.key, c);
    }
    return m;
  }, [groups]);

  const renderRow = (row: MatrixRow) => {
    if (row.kind === 'group') {
      const grp = row.group;
      const a = aggs.get(grp.key)!;
      const name = groupName(grp);
      return (
        <tr
          key={grp.key}
          className={`m-group level-${row.level}`}
          data-group={grp.key}
          data-kind={grp.kind}
          data-code={grp.code}
          data-grids={grp.grids.length}
          data-miss-hours={a.missHours}
        >
          <th scope="row" className="m-grid" title={`${name} · ${t('matrix.groupGrids', { n: grp.grids.length })}`}>
            <button
              type="button"
              className="m-toggle"
              aria-expanded={!row.collapsed}
              data-testid={`matrix-group-${grp.key}`}
              onClick={() => toggle(grp.key)}
              disabled={searching}
            >
              <span className="m-caret" aria-hidden="true">
                {row.collapsed ? '▸' : '▾'}
              </span>
              {name} <span className="m-count">{grp.grids.length}</span>
            </button>
          </th>
          <MatrixHourCells
            label={name}
            n={a.n}
            met={a.met}
            day={a.dayAtt}
            agg
            nowHour={nowHour}
            target={target}
            warm={warm}
          />
        </tr>
      );
    }
    const g = row.g;
    const id = layout!.gridIds[g];
    const label = gridLabel(layout!.gridIds, gridNames, g);
    const place = gridPlace(layout!.hierarchy, g, lang);
    return (
      <tr
        key={g}
        className={`m-row level-${row.level} ${g === selGrid ? 'selected' : ''}`}
        data-g={g}
        data-grid={id}
        data-miss-hours={model.missHours[g]}
        aria-selected={g === selGrid ? true : undefined}
      >
        <th scope="row" className="m-grid" title={place ? `${label} · ${place}` : label}>
          <button type="button" className="link" onClick={() => selectGrid(g)}>
            {label}
          </button>
        </th>
        <MatrixHourCells
          label={label}
          n={model.n.subarray(g * HOURS, (g + 1) * HOURS)}
          met={model.met.subarray(g * HOURS, (g + 1) * HOURS)}
          day={model.dayAtt[g]}
          agg={false}
          nowHour={nowHour}
          target={target}
          warm={warm}
        />
      </tr>
    );
  };

  const nRows = rows.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(nRows, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const body = [];
  for (let r = first; r < last; r++) body.push(renderRow(rows[r]));

  const tipGroup = tip?.group ? groupByKey.get(tip.group) : undefined;
  const tipAgg = tipGroup ? aggs.get(tipGroup.key) : undefined;

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
        <span className="matrix-search">
          <input
            type="search"
            className="input small"
            data-testid="matrix-search"
            placeholder={t('matrix.searchPlaceholder')}
            aria-label={t('matrix.search')}
            title={t('matrix.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          {searching && (
            <span
              className={`muted matrix-search-status ${matches.length === 0 ? 'none' : ''}`}
              data-testid="matrix-search-status"
              data-matches={matches.length}
              role="status"
            >
              {matches.length === 0 ? t('matrix.searchNone') : t('matrix.searchMatches', { n: matches.length })}
            </span>
          )}
        </span>
        {groups && (
          <span className="segmented small">
            <button type="button" className="seg" onClick={() => setAll(false)} disabled={searching}>
              {t('matrix.expandAll')}
            </button>
            <button type="button" className="seg" onClick={() => setAll(true)} disabled={searching}>
              {t('matrix.collapseAll')}
            </button>
          </span>
        )}
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
        data-rows={nRows}
        data-grouped={String(groups !== null)}
        data-coverage-index={dataValue(model.overall)}
        tabIndex={0}
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop);
          setTip(null);
        }}
      >
        <table className={`matrix ${groups ? 'grouped' : ''}`}>
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
            {body}
            {last < nRows && (
              <tr aria-hidden="true" style={{ height: (nRows - last) * ROW_H }}>
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
        {tip && layout && tipGroup && tipAgg ? (
          <MatrixCellTip
            grid={groupName(tipGroup)}
            place={`${tipGroup.kind === 'street' ? t('detail.street') : t('detail.community')} · ${t('matrix.groupGrids', { n: tipGroup.grids.length })}`}
            hour={tip.h}
            warmup={warm[tip.h]}
            att={groupAtt(tipAgg, tip.h)}
            target={target}
            decided={tipAgg.n[tip.h]}
            missed={tipAgg.n[tip.h] - tipAgg.met[tip.h]}
          />
        ) : tip && layout && tip.g >= 0 ? (
          <MatrixCellTip
            grid={gridLabel(layout.gridIds, gridNames, tip.g)}
            place={gridPlace(layout.hierarchy, tip.g, lang)}
            hour={tip.h}
            warmup={warm[tip.h]}
            att={cellAtt(model, tip.g, tip.h)}
            target={target}
            {...cellCounts(model, tip.g, tip.h)}
          />
        ) : null}
      </FloatingTip>
    </section>
  );
}

/** Warm-up length in hours, as short as exact (12, 0.5). */
function fmtHours(s: number): string {
  return String(Math.round((s / 3600) * 100) / 100);
}
