/**
 * The import view: what the last district import and calibration produced.
 * Files and timing; the rasterisation figures (cells, grids, streets,
 * communities, water, bridges, stations); the calibration report — its
 * log (rows, usable, days, start), warnings, each event type's fit
 * (TypeReportView: observed vs fitted by hour and weekday, the handling-
 * time families with AIC and the chosen one, a Q-Q plot), the bad rows by
 * reason and the first of them, event types new to the scenario with the
 * defaults chosen for them; and the importer's notes and the methods, folded.
 * Everything shown in zh-CN or English; the report's own texts carry both.
 */
import { useMemo, useState } from 'react';
import { useController, useStore } from '../../app/useStore.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { fmtInt } from '../format.ts';
import { TypeReportView } from './TypeReportView.tsx';
import { BadRowsTable } from './BadRowsTable.tsx';
import { nameOf, namesOfText } from '../diagnosis/limitText.ts';

const STAT_KEYS = [
  'cells',
  'grids',
  'streets',
  'communities',
  'waterCells',
  'bridgeCells',
  'lowLyingCells',
  'stations',
  'overlapCells',
  'smallGrids',
] as const;

export function ImportPanel() {
  const t = useT();
  const ctl = useController();
  const imp = useStore((s) => s.imported);
  const lang = useStore((s) => s.lang);
  const types = useStore((s) => s.layout?.types);
  const scenarioText = useStore((s) => s.scenarioText);
  // a new type's team by its name (城管执法队, not the id `enforcement`); the id only as a tooltip
  const teamNames = useMemo(() => namesOfText(scenarioText).teams, [scenarioText]);
  const [typeIdx, setTypeIdx] = useState(0);
  if (!imp) {
    return (
      <section className="workspace import-panel" data-testid="import-panel" aria-labelledby="import-title">
        <header className="workspace-head">
          <h2 id="import-title" className="panel-title">
            {t('import.title')}
          </h2>
        </header>
        <p className="muted">{t('import.none')}</p>
      </section>
    );
  }
  const rep = imp.report;
  const typeName = (id: string) => {
    const ty = types?.find((x) => x.id === id);
    return ty ? pickName(lang, ty.name) : id;
  };
  const tr = rep && rep.types.length > 0 ? rep.types[Math.min(typeIdx, rep.types.length - 1)] : null;
  return (
    <section
      className="workspace import-panel"
      data-testid="import-panel"
      data-report={String(rep !== null)}
      data-types={rep?.types.length ?? 0}
      aria-labelledby="import-title"
    >
      <header className="workspace-head">
        <h2 id="import-title" className="panel-title">
          {rep ? t('import.titleCalibrated') : t('import.title')}
        </h2>
        <span className="small">
          {[imp.fileName, imp.csvName].filter(Boolean).join(' + ')} → <code>{imp.scenarioId}</code>
        </span>
        <span className="muted small">
          {t('import.took', { ms: fmtInt(Math.round(imp.ms.import + imp.ms.calibrate), lang) })}
        </span>
        <button type="button" className="btn small" onClick={() => ctl.setView('live')}>
          {t('import.toLive')}
        </button>
      </header>
      <div className="workspace-body">
        {imp.stats && (
          <section className="exp-section" data-testid="import-stats">
            <h3 className="sub-title">{t('import.district')}</h3>
            <dl className="import-stats">
              <div>
                <dt>{t('import.stat.lattice')}</dt>
                <dd>
                  {imp.stats.cols} × {imp.stats.rows}
                </dd>
              </div>
              {STAT_KEYS.map((k) => (
                <div key={k} data-stat={k} data-value={imp.stats![k]}>
                  <dt>{t(`import.stat.${k}` as DictKey)}</dt>
                  <dd>{fmtInt(imp.stats![k], lang)}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        {rep && (
          <>
            <section className="exp-section" data-testid="calibration-source">
              <h3 className="sub-title">{t('import.log')}</h3>
              <p className="small">
                {t('import.logSummary', {
                  rows: fmtInt(rep.source.rows, lang),
                  usable: fmtInt(rep.source.usable, lang),
                  days: fmtInt(rep.source.days, lang),
                  start: rep.source.startDate,
                  offset: fmtOffset(rep.source.utcOffsetMin),
                })}
              </p>
              {rep.warnings.length > 0 && (
                <ul className="import-warnings" data-testid="calibration-warnings">
                  {rep.warnings.map((w, i) => (
                    <li key={i}>{pickName(lang, w)}</li>
                  ))}
                </ul>
              )}
            </section>
            <section className="exp-section" data-testid="calibration-types">
              <h3 className="sub-title">{t('import.types')}</h3>
              <div className="segmented small type-tabs" role="tablist" aria-label={t('import.types')}>
                {rep.types.map((ty, i) => (
                  <button
                    key={ty.id}
                    type="button"
                    role="tab"
                    className={`seg ${tr === ty ? 'active' : ''}`}
                    aria-selected={tr === ty}
                    data-type={ty.id}
                    onClick={() => setTypeIdx(i)}
                  >
                    {typeName(ty.id)} <span className="muted">{fmtInt(ty.cases, lang)}</span>
                  </button>
                ))}
              </div>
              {tr && <TypeReportView key={tr.id} report={tr} name={typeName(tr.id)} />}
            </section>
            <BadRowsTable badRows={rep.badRows} />
            {rep.newTypes.length > 0 && (
              <section className="exp-section" data-testid="calibration-new-types">
                <h3 className="sub-title">{t('import.newTypes')}</h3>
                <p className="muted small">{t('import.newTypesHint')}</p>
                <table className="data-table small">
                  <thead>
                    <tr>
                      <th>{t('import.col.type')}</th>
                      <th>{t('import.col.cases')}</th>
                      <th>{t('import.col.team')}</th>
                      <th>{t('import.col.crew')}</th>
                      <th>{t('import.col.priority')}</th>
                      <th>{t('import.col.deadlines')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rep.newTypes.map((n) => (
                      <tr key={n.id}>
                        <td>{typeName(n.id)}</td>
                        <td className="num">{fmtInt(n.cases, lang)}</td>
                        <td title={n.team} data-team={n.team}>
                          {nameOf(teamNames, n.team, lang)}
                        </td>
                        <td className="num">{n.crew}</td>
                        <td className="num">{n.priority}</td>
                        <td className="num">
                          {n.responseDeadlineMin} / {n.resolutionDeadlineMin} {t('unit.minutes')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            {rep.notInLog.length > 0 && (
              <p className="muted small">{t('import.notInLog', { types: rep.notInLog.map(typeName).join('、') })}</p>
            )}
          </>
        )}
        {imp.notes.length > 0 && (
          <details className="exp-section import-notes">
            <summary>{t('import.notes', { n: imp.notes.length })}</summary>
            <ul className="small">
              {imp.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </details>
        )}
        {rep && rep.methods.length > 0 && (
          <details className="exp-section import-notes">
            <summary>{t('import.methods')}</summary>
            <ul className="small">
              {rep.methods.map((m, i) => (
                <li key={i}>{pickName(lang, m)}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}

/** A UTC offset in minutes as ±HH:MM. */
function fmtOffset(min: number): string {
  const s = min < 0 ? '−' : '+',
    a = Math.abs(min);
  return `${s}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
