/**
 * The KPIs to watch in "replicate until precise" mode and their half-width
 * targets, in display units (percentage points for shares, minutes for
 * times). Each row: a checkbox, the KPI, a number field and its unit.
 */
import type { KpiName } from '../../analysis/aggregate.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { unitKey, unitOf } from '../../i18n/kpi.ts';

export interface TargetRow {
  kpi: KpiName;
  on: boolean;
  /** Half-width in display units, as typed. */
  value: string;
}

export const defaultTargets: TargetRow[] = [
  { kpi: 'slaAttainment', on: true, value: '1' },
  { kpi: 'coverageIndex', on: true, value: '2' },
  { kpi: 'meanResponseS', on: false, value: '1' },
  { kpi: 'staffHours', on: false, value: '5' },
  { kpi: 'costCny', on: false, value: '500' },
];

export function UntilTargets({ rows, onChange }: { rows: TargetRow[]; onChange: (rows: TargetRow[]) => void }) {
  const t = useT();
  const patch = (i: number, p: Partial<TargetRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="until-targets">
      <legend className="control-label">{t('rep.targets')}</legend>
      {rows.map((r, i) => {
        const ok = !r.on || Number(r.value) > 0;
        return (
          <div key={r.kpi} className="target-row">
            <label className="check">
              <input
                type="checkbox"
                checked={r.on}
                onChange={(e) => patch(i, { on: e.target.checked })}
                data-testid={`until-${r.kpi}`}
              />
              {t(`kpi.${r.kpi}` as DictKey)}
            </label>
            <span className="muted">±</span>
            <input
              className={`input num-input small ${ok ? '' : 'invalid'}`}
              inputMode="decimal"
              aria-label={`${t(`kpi.${r.kpi}` as DictKey)} ${t('rep.halfWidthTarget')}`}
              value={r.value}
              disabled={!r.on}
              aria-invalid={!ok}
              onChange={(e) => patch(i, { value: e.target.value })}
            />
            <span className="muted small">{t(unitKey(unitOf(r.kpi), true))}</span>
          </div>
        );
      })}
    </fieldset>
  );
}
