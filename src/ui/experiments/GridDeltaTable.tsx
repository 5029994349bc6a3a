/**
 * The comparison per responsibility grid: each grid's SLA attainment over
 * the day in A and in B, B − A with its 95 % CI and a significance mark;
 * sortable by grid or by difference. A button colours the 3D cells by the
 * difference (colorBy 'delta'); when A and B have different grids (another
 * grid size) there is nothing to pair and it says why.
 */
import { useMemo, useState } from 'react';
import type { Comparison } from '../../analysis/compare.ts';
import { useController, useExperiments, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { SigMark } from './SigMark.tsx';
import { dv, fmtCi, fmtSigned, fmtValue } from '../../i18n/kpi.ts';
import { CompareHeadCells } from './CompareHead.tsx';

export function GridDeltaTable({ comparison, done }: { comparison: Comparison; done: boolean }) {
  const t = useT();
  const ctl = useController();
  const exp = useExperiments();
  const lang = useStore((s) => s.lang);
  const colorBy = useStore((s) => s.colorBy);
  const [sort, setSort] = useState<'id' | 'diff'>('diff');
  const [failed, setFailed] = useState(false);
  const g = comparison.byGrid;

  const order = useMemo(() => {
    if (!g.sameGrids) return [];
    const idx = g.grids.map((_, i) => i);
    if (sort === 'diff')
      idx.sort((a, b) => (g.attainment[a].diff.mean ?? Infinity) - (g.attainment[b].diff.mean ?? Infinity));
    return idx;
  }, [g, sort]);

  if (!g.sameGrids) {
    return (
      <section className="sub-section" data-testid="grid-delta" data-same-grids="false">
        <h3 className="sub-title">{t('cmp.byGrid')}</h3>
        <p className="muted">{lang === 'en' ? g.reason.en : g.reason.zh}</p>
      </section>
    );
  }
  const sig = g.attainment.filter((d) => d.significant).length;
  const onColour = () => setFailed(!exp.showDelta());
  return (
    <section className="sub-section" data-testid="grid-delta" data-same-grids="true">
      <div className="sub-head">
        <h3 className="sub-title">{t('cmp.byGrid')}</h3>
        <span className="muted small">{t('cmp.byGridSummary', { n: g.grids.length, sig })}</span>
        <div className="segmented small" role="group" aria-label={t('cmp.sort')}>
          <button
            type="button"
            className={`seg ${sort === 'diff' ? 'active' : ''}`}
            aria-pressed={sort === 'diff'}
            onClick={() => setSort('diff')}
          >
            {t('cmp.sortDiff')}
          </button>
          <button
            type="button"
            className={`seg ${sort === 'id' ? 'active' : ''}`}
            aria-pressed={sort === 'id'}
            onClick={() => setSort('id')}
          >
            {t('cmp.sortId')}
          </button>
        </div>
        {colorBy === 'delta' ? (
          <button
            type="button"
            className="btn small"
            data-testid="cmp-color-off"
            onClick={() => ctl.setColorBy('landUse')}
          >
            {t('cmp.colorOff')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small primary"
            data-testid="cmp-color-delta"
            disabled={!done}
            onClick={onColour}
          >
            {t('cmp.colorDelta')}
          </button>
        )}
      </div>
      {failed && (
        <p className="field-error" role="alert">
          {t('cmp.colorFailed')}
        </p>
      )}
      <div className="table-scroll short">
        <table className="data-table compact" data-testid="grid-delta-table">
          <thead>
            <tr>
              <th scope="col">{t('matrix.grid')}</th>
              <CompareHeadCells x={'A'} y={'B'} diff={`B − A (${t('unit.pp')})`} />
            </tr>
          </thead>
          <tbody>
            {order.map((i) => {
              const d = g.attainment[i];
              return (
                <tr
                  key={g.grids[i]}
                  data-grid={g.grids[i]}
                  data-diff={dv(d.diff.mean)}
                  data-ci-low={dv(d.diff.ci95?.[0])}
                  data-ci-high={dv(d.diff.ci95?.[1])}
                >
                  <th scope="row">{g.grids[i]}</th>
                  <td className="num">{fmtValue('share', d.a.mean, lang)}%</td>
                  <td className="num">{fmtValue('share', d.b.mean, lang)}%</td>
                  <td className="num strong">{fmtSigned('share', d.diff.mean, lang)}</td>
                  <td className="num">{fmtCi('share', d.diff.ci95, lang, 1, true)}</td>
                  <td>
                    <SigMark significant={d.significant} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
