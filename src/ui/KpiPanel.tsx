/**
 * Running KPIs (at the end of the run: exactly the CLI's numbers). Each value
 * element carries `data-kpi` (the LiveKpis field) and `data-value` (the exact
 * number as JSON, or null); the text is rounded for reading. A "?" beside
 * each name opens its glossary entry (definition, unit, cases counted).
 */
import type { LiveKpis } from '../analysis/liveTypes.ts';
import type { Lang } from '../app/store.ts';
import { useStore } from '../app/useStore.ts';
import { useT, type DictKey } from './i18n/index.ts';
import { dataValue, fmtInt, fmtMinutes, fmtNum, fmtPct } from './format.ts';
import { GlossaryHelp } from './GlossaryHelp.tsx';

type KpiName = Exclude<keyof LiveKpis, 'staffOnDuty' | 'staffBusy'>;

interface KpiDef {
  name: KpiName;
  format: (v: number | null, lang: Lang) => string;
  unit?: DictKey;
  /** A headline figure (larger). */
  big?: boolean;
}

const KPIS: KpiDef[] = [
  { name: 'slaAttainment', format: (v) => fmtPct(v), big: true },
  { name: 'coverageIndex', format: (v) => fmtPct(v), big: true },
  { name: 'casesOpen', format: fmtInt, unit: 'unit.cases' },
  { name: 'casesClosed', format: fmtInt, unit: 'unit.cases' },
  { name: 'casesArrived', format: fmtInt, unit: 'unit.cases' },
  { name: 'utilisation', format: (v) => fmtPct(v) },
  { name: 'meanResponseS', format: fmtMinutes, unit: 'unit.minutes' },
  { name: 'meanWaitS', format: fmtMinutes, unit: 'unit.minutes' },
  { name: 'p90ResponseS', format: fmtMinutes, unit: 'unit.minutes' },
  { name: 'staffHours', format: (v, l) => fmtNum(v, l, v !== null && v >= 100 ? 0 : 1), unit: 'unit.staffHours' },
  { name: 'overtimeHours', format: (v, l) => fmtNum(v, l, 1), unit: 'unit.hours' },
];

export function KpiPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const kpis = useStore((s) => s.frame?.kpis ?? null);
  const done = useStore((s) => s.done);
  return (
    <section className="panel kpi-panel" data-testid="kpi-panel" data-final={String(done)} aria-labelledby="kpi-title">
      <h2 id="kpi-title" className="panel-title">
        {t('kpi.title')}
      </h2>
      <dl className="kpi-grid">
        {KPIS.map((k) => {
          const v = kpis ? kpis[k.name] : null;
          return (
            <div key={k.name} className={`kpi ${k.big ? 'kpi-big' : ''}`}>
              <dt>
                <span className="kpi-name">{t(`kpi.${k.name}` as DictKey)}</span>
                <GlossaryHelp term={k.name} />
              </dt>
              <dd>
                <span className="kpi-value" data-kpi={k.name} data-value={dataValue(v)}>
                  {k.format(v, lang)}
                </span>
                {k.unit && v !== null && <span className="kpi-unit">{t(k.unit)}</span>}
              </dd>
            </div>
          );
        })}
        <div className="kpi">
          <dt>
            <span className="kpi-name">{t('kpi.staffOnDuty')}</span>
            <GlossaryHelp term="staffOnDuty" />
          </dt>
          <dd>
            <span className="kpi-value" data-kpi="staffOnDuty" data-value={dataValue(kpis?.staffOnDuty ?? null)}>
              {fmtInt(kpis?.staffOnDuty, lang)}
            </span>
            {' / '}
            <span className="kpi-value" data-kpi="staffBusy" data-value={dataValue(kpis?.staffBusy ?? null)}>
              {fmtInt(kpis?.staffBusy, lang)}
            </span>
            <span className="kpi-unit">{t('unit.people')}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
