/**
 * A saved experiment's results as they were when it finished (no re-run),
 * with the Experiments panels' own tables and charts: used by the history's
 * reopened view and by the briefing page. By kind: the KPI estimates and
 * the narrowing intervals (replications), the verdict, headcount and the
 * B − A tables (A/B), the sweep's table and frontier, the staffing search's
 * evaluations, the cheapest plan's summary and table, the diagnosis.
 */
import { useMemo, useState } from 'react';
import type { KpiName } from '../../analysis/aggregate.ts';
import type { SavedExperiment } from '../../app/savedFormat.ts';
import { useStore } from '../../app/useStore.ts';
import { parseScenario } from '../../scenario/load.ts';
import { fmtCi, fmtValue } from '../../i18n/kpi.ts';
import { useT } from '../i18n/index.ts';
import { fmtPct } from '../format.ts';
import { DiagnosisView } from '../diagnosis/DiagnosisView.tsx';
import { namesOfText } from '../diagnosis/limitText.ts';
import { CiHistoryChart } from './CiHistoryChart.tsx';
import { DeltaTable } from './DeltaTable.tsx';
import { EstimateTable } from './EstimateTable.tsx';
import { HeadcountTable } from './HeadcountTable.tsx';
import { HourDeltaTable } from './HourDeltaTable.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanTable } from './PlanTable.tsx';
import { SweepTable } from './SweepTable.tsx';
import { VerdictSummary } from './VerdictSummary.tsx';
import { CoverageHourChart } from './charts/CoverageHourChart.tsx';
import { HourBandChart } from './charts/HourBandChart.tsx';
import { SweepIntervalChart } from './charts/SweepIntervalChart.tsx';

export interface SavedResultViewProps {
  record: SavedExperiment;
  /** Leave out the diagnosis (the briefing shows it in its own section). */
  withoutDiagnosis?: boolean;
}

export function SavedResultView({ record, withoutDiagnosis = false }: SavedResultViewProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [kpi, setKpi] = useState<KpiName>('coverageIndex');
  const scenario = useMemo(() => {
    const p = parseScenario(record.scenario.text);
    return p.ok ? p.scenario : null;
  }, [record.scenario.text]);
  const r = record.result;
  const target = scenario?.targets.coverage ?? null;
  const fileName = `allweather-${record.scenario.id}-${record.kind}-saved`;
  switch (r.kind) {
    case 'replications':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          <EstimateTable summary={r.summary} targets={r.targets} testId="saved-estimate-table" />
          {r.history.length > 1 && (
            <div className="keep-together">
              <CiHistoryChart history={r.history} kpi={kpi} onKpi={setKpi} />
            </div>
          )}
          {r.hourly && r.hourly.attainment.length > 0 && (
            <div className="keep-together">
              <CoverageHourChart hourly={r.hourly} target={target} fileName={fileName} />
            </div>
          )}
        </div>
      );
    case 'comparison':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          <VerdictSummary comparison={r.comparison} headcount={r.headcount} />
          {r.headcount && <HeadcountTable headcount={r.headcount} />}
          <DeltaTable comparison={r.comparison} />
          <div className="keep-together">
            <HourBandChart comparison={r.comparison} fileName={fileName} />
          </div>
          <HourDeltaTable comparison={r.comparison} />
        </div>
      );
    case 'sweep':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          <div className="keep-together">
            <SweepIntervalChart points={r.points} frontier={r.frontier} target={target} fileName={fileName} />
          </div>
          <SweepTable params={r.params} points={r.points} frontier={r.frontier} cheapest={null} labels={r.labels} />
        </div>
      );
    case 'staffing':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('hist.col.staff')}
                  </th>
                  <th scope="col" className="num">
                    {t('hist.col.criterion')}
                  </th>
                  <th scope="col" className="num">
                    {t('kpi.coverageIndex')}
                  </th>
                  <th scope="col" className="num">
                    {t('kpi.staffHours')}
                  </th>
                  <th scope="col">{t('hist.col.meets')}</th>
                </tr>
              </thead>
              <tbody>
                {r.evaluations.map((e) => (
                  <tr key={e.staff}>
                    <td className="num">{e.staff}</td>
                    <td className="num">
                      {fmtPct(e.criterion.mean)} ({t('hist.lower')} {fmtPct(e.criterion.lower)})
                    </td>
                    <td className="num">
                      {fmtValue('share', e.coverageIndex?.mean, lang)}{' '}
                      <span className="muted small">{fmtCi('share', e.coverageIndex?.ci95 ?? null, lang, 1)}</span>
                    </td>
                    <td className="num">{fmtValue('h', e.staffHours?.mean, lang)}</td>
                    <td>{e.error ? e.error : e.feasible ? '✓' : '✗'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      );
    case 'optimise':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          <PlanSummary result={r.result} scenario={scenario} />
          <PlanTable result={r.result} scenario={scenario} />
          {!withoutDiagnosis && (
            <DiagnosisView
              diagnosis={r.result.diagnosis}
              names={namesOfText(record.scenario.text)}
              perReplication
              testId="saved-diagnosis"
            />
          )}
        </div>
      );
    case 'diagnose':
      return (
        <div className="saved-result" data-testid="saved-result" data-kind={r.kind}>
          {!withoutDiagnosis && (
            <DiagnosisView
              diagnosis={r.diagnosis}
              names={namesOfText(record.scenario.text)}
              perReplication
              testId="saved-diagnosis"
            />
          )}
        </div>
      );
  }
}
