/**
 * Two saved experiments compared: one set of replications (arm) of each,
 * Y − X for every KPI both carry with its 95 % interval. Which interval is
 * said above the table: paired when both ran the same seeds (and kept their
 * per-replication values), Welch's independent one otherwise. Two diagnoses
 * also show what changed in why cases are late (SavedDiagnosisCompare).
 */
import { useEffect, useState } from 'react';
import { metaOf, type SavedExperiment } from '../../app/savedFormat.ts';
import { useSaved, useSavedState } from '../../app/useSaved.ts';
import { useStore } from '../../app/useStore.ts';
import { digitsFor, dv, fmtCi, fmtSigned, fmtValue, KPI_NAMES, unitKey, unitOf } from '../../i18n/kpi.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { SavedDiagnosisCompare } from './SavedDiagnosisCompare.tsx';
import { SigMark } from './SigMark.tsx';
import { shownTitle } from './savedText.ts';
import { CompareHeadCells } from './CompareHead.tsx';

export function SavedCompare() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const saved = useSaved();
  const cmp = useSavedState((s) => s.compare);
  const [recs, setRecs] = useState<[SavedExperiment, SavedExperiment] | null>(null);
  useEffect(() => {
    let live = true;
    if (!cmp) return;
    void Promise.all([saved.get(cmp.x), saved.get(cmp.y)]).then(([x, y]) => {
      if (live && x && y) setRecs([x, y]);
    });
    return () => {
      live = false;
    };
  }, [saved, cmp]);
  if (!cmp || !recs || recs[0].id !== cmp.x || recs[1].id !== cmp.y) return null;
  const [x, y] = recs;
  const name = (r: SavedExperiment) => shownTitle(lang, metaOf(r));
  const res = cmp.result;
  return (
    <section
      className="sub-section saved-compare"
      data-testid="saved-compare"
      data-method={res?.method ?? 'none'}
      aria-labelledby="saved-compare-title"
    >
      <h3 id="saved-compare-title">{t('cmpSaved.title')}</h3>
      <div className="saved-compare-arms">
        {[
          { r: x, key: cmp.armX, label: t('cmpSaved.armX'), id: 'x' },
          { r: y, key: cmp.armY, label: t('cmpSaved.armY'), id: 'y' },
        ].map((s) => (
          <label key={s.id} className="field">
            <span>
              {s.label}
              <strong>{name(s.r)}</strong>
            </span>
            {s.r.arms.length > 1 && (
              <select
                className="input select"
                data-testid={`saved-compare-arm-${s.id}`}
                value={s.key}
                onChange={(e) =>
                  void (s.id === 'x'
                    ? saved.compare(e.target.value, cmp.armY)
                    : saved.compare(cmp.armX, e.target.value))
                }
              >
                {s.r.arms.map((a) => (
                  <option key={a.key} value={a.key}>
                    {pickName(lang, a.label)}
                  </option>
                ))}
              </select>
            )}
          </label>
        ))}
      </div>
      {!res ? (
        <p className="muted">{t('cmpSaved.noArms')}</p>
      ) : (
        <>
          <p className="saved-compare-method" data-testid="saved-compare-method">
            <strong>{t(res.method === 'paired' ? 'cmpSaved.paired' : 'cmpSaved.welch')}</strong>{' '}
            <span className="muted">{t('cmpSaved.n', { nx: res.nX, ny: res.nY })}</span>
          </p>
          {cmp.note && <p className="muted small">{pickName(lang, cmp.note)}</p>}
          <div className="table-scroll">
            <table className="data-table" data-testid="saved-compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('exp.col.kpi')}</th>
                  <CompareHeadCells x={t('cmpSaved.col.x')} y={t('cmpSaved.col.y')} diff={t('cmpSaved.col.diff')} />
                </tr>
              </thead>
              <tbody>
                {KPI_NAMES.filter((k) => res.kpis[k]).map((k) => {
                  const d = res.kpis[k]!;
                  const unit = unitOf(k);
                  const dg = digitsFor(unit, d.a.mean ?? d.b.mean);
                  return (
                    <tr
                      key={k}
                      data-kpi={k}
                      data-diff={dv(d.diff.mean)}
                      data-ci-low={dv(d.diff.ci95?.[0])}
                      data-ci-high={dv(d.diff.ci95?.[1])}
                    >
                      <th scope="row">
                        {t(`kpi.${k}` as DictKey)} <span className="muted small">{t(unitKey(unit))}</span>
                      </th>
                      <td className="num">{fmtValue(unit, d.a.mean, lang, dg)}</td>
                      <td className="num">{fmtValue(unit, d.b.mean, lang, dg)}</td>
                      <td className="num strong">
                        {fmtSigned(unit, d.diff.mean, lang, dg)}
                        {unit === 'share' && d.diff.mean !== null ? ` ${t('unit.pp')}` : ''}
                      </td>
                      <td className="num">{fmtCi(unit, d.diff.ci95, lang, dg, true)}</td>
                      <td>
                        <SigMark significant={d.significant} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {cmp.diagnosis && <SavedDiagnosisCompare x={x} y={y} cmp={cmp.diagnosis} />}
    </section>
  );
}
