/**
 * The five stages of a diagnosis as a small table of bars: for each stage
 * (discovery, command centre, queue, travel, handling) the share of late
 * cases it limits (the bar), those cases, and the mean time a decided case
 * spends in it (a share is "—" while no case is late). Rows carry
 * `data-stage`, `data-share` and `data-late`.
 */
import type { Diagnosis } from '../../analysis/diagnose.ts';
import { STAGE_NAMES } from '../../sim/stages.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { dataValue, fmtMinutes, fmtPct } from '../format.ts';
import { fmtCases, stageKey } from './limitText.ts';

export interface StageBarsProps {
  diagnosis: Diagnosis;
  /** Counts are means over replications (one decimal) rather than one run's cases. */
  perReplication: boolean;
}

export function StageBars({ diagnosis, perReplication }: StageBarsProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const top = Math.max(...STAGE_NAMES.map((n) => diagnosis.stages[n].share));
  return (
    <table className="stage-bars" data-testid="stage-bars">
      <caption className="visually-hidden">{t('diag.stages')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('diag.stageCol')}</th>
          <th scope="col">{t('diag.share')}</th>
          <th scope="col" className="num">
            {t(perReplication ? 'diag.latePerRep' : 'diag.late')}
          </th>
          <th scope="col" className="num">
            {t('diag.meanMin')}
          </th>
        </tr>
      </thead>
      <tbody>
        {STAGE_NAMES.map((n) => {
          const st = diagnosis.stages[n];
          return (
            <tr
              key={n}
              data-stage={n}
              data-share={dataValue(st.share)}
              data-late={dataValue(st.lateCases)}
              className={st.share === top && top > 0 ? 'top' : ''}
            >
              <th scope="row">
                <span className={`stage-chip stage-${n}`}>{t(stageKey(n))}</span>
              </th>
              <td className="bar-cell">
                <span className="stage-bar" aria-hidden="true">
                  <span className={`stage-bar-fill stage-${n}`} style={{ width: `${(st.share * 100).toFixed(1)}%` }} />
                </span>
                <span className="num">{fmtPct(diagnosis.late > 0 ? st.share : null, 0)}</span>
              </td>
              <td className="num">{fmtCases(st.lateCases, perReplication, lang)}</td>
              <td className="num">{fmtMinutes(st.meanS, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
