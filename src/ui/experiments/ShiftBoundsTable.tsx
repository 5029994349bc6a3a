/**
 * The shifts the cheapest-plan search may change (shiftVariables in
 * src/analysis/optimise.ts), one row each: team and shift by name and time,
 * today's staff, and the lowest and highest staff the search may give it.
 * An empty field keeps the default range (0 up to twice today's, at least
 * today's + 10), shown as the placeholder. Staff of a per-grid team are per
 * grid.
 */
import type { ShiftVariable } from '../../analysis/optimise.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { shiftOf, teamNameOf } from './planText.ts';

export interface Bounds {
  min: string;
  max: string;
}

export interface ShiftBoundsTableProps {
  vars: readonly ShiftVariable[];
  scenario: Scenario;
  bounds: Readonly<Record<string, Bounds>>;
  onChange: (path: string, b: Bounds) => void;
  /** Paths whose range is not valid. */
  bad: ReadonlySet<string>;
}

export function ShiftBoundsTable({ vars, scenario, bounds, onChange, bad }: ShiftBoundsTableProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  return (
    <div className="table-scroll short">
      <table className="data-table compact" data-testid="opt-bounds">
        <caption>{t('opt.bounds')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('opt.col.team')}</th>
            <th scope="col">{t('opt.col.shift')}</th>
            <th scope="col" className="num">
              {t('opt.col.now')}
            </th>
            <th scope="col" className="num">
              {t('opt.col.min')}
            </th>
            <th scope="col" className="num">
              {t('opt.col.max')}
            </th>
          </tr>
        </thead>
        <tbody>
          {vars.map((v, i) => {
            const b = bounds[v.path] ?? { min: '', max: '' };
            const first = i === 0 || vars[i - 1].team !== v.team;
            const isBad = bad.has(v.path);
            return (
              <tr key={v.path} data-path={v.path} className={first ? 'group-first' : ''}>
                <th scope="row">{first ? teamNameOf(scenario, v.team, lang) : ''}</th>
                <td>
                  {shiftOf(scenario, v.team, v.shift)}
                  {v.perGrid && <span className="muted small"> {t('opt.perGrid')}</span>}
                </td>
                <td className="num">{v.current}</td>
                <td className="num">
                  <input
                    className={`input num-input small ${isBad ? 'invalid' : ''}`}
                    inputMode="numeric"
                    aria-label={t('opt.minOf', { shift: pickName(lang, v.label) })}
                    data-bound="min"
                    placeholder={String(v.min)}
                    value={b.min}
                    onChange={(e) => onChange(v.path, { ...b, min: e.target.value })}
                    aria-invalid={isBad}
                  />
                </td>
                <td className="num">
                  <input
                    className={`input num-input small ${isBad ? 'invalid' : ''}`}
                    inputMode="numeric"
                    aria-label={t('opt.maxOf', { shift: pickName(lang, v.label) })}
                    data-bound="max"
                    placeholder={String(v.max)}
                    value={b.max}
                    onChange={(e) => onChange(v.path, { ...b, max: e.target.value })}
                    aria-invalid={isBad}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
