/**
 * A's and B's rostered headcount beside the comparison: responsibility
 * grids, the most staff on duty at once, the staff-hours a day, and each
 * team whose headcount differs (analysis/headcount.ts). Read from the two
 * scenarios, not the runs, so it shows as soon as a comparison starts. A
 * grid-size change moves the per-grid teams' headcount; this table is where
 * that becomes visible. Rows carry the exact values in data-* attributes.
 */
import type { Headcount } from '../../analysis/headcount.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { dv, fmtSigned, fmtValue } from '../../i18n/kpi.ts';

export interface HeadcountTableProps {
  headcount: { a: Headcount; b: Headcount };
}

export function HeadcountTable({ headcount: { a, b } }: HeadcountTableProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const digits = (x: number) => (Number.isInteger(x) ? 0 : 1);
  const rows: { key: string; label: string; a: number; b: number }[] = [
    { key: 'grids', label: t('hc.grids'), a: a.grids, b: b.grids },
    { key: 'peak', label: t('hc.peak'), a: a.peakOnDuty, b: b.peakOnDuty },
    { key: 'staffHours', label: t('hc.staffHours'), a: a.staffHoursPerDay, b: b.staffHoursPerDay },
  ];
  for (const ta of a.byTeam) {
    const tb = b.byTeam.find((x) => x.id === ta.id);
    if (!tb || (ta.peakOnDuty === tb.peakOnDuty && ta.staffHoursPerDay === tb.staffHoursPerDay)) continue;
    rows.push({
      key: `team:${ta.id}`,
      label: t('hc.teamPeak', { team: pickName(lang, ta.name) }),
      a: ta.peakOnDuty,
      b: tb.peakOnDuty,
    });
  }
  const same = rows.slice(1).every((r) => r.a === r.b);
  return (
    <div className="table-scroll">
      <table className="data-table compact headcount-table" data-testid="headcount-table" data-same={String(same)}>
        <caption>{t('hc.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              A
            </th>
            <th scope="col" className="num">
              B
            </th>
            <th scope="col" className="num">
              B − A
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              data-row={r.key}
              data-a={dv(r.a)}
              data-b={dv(r.b)}
              className={r.a !== r.b && r.key !== 'grids' ? 'changed' : ''}
            >
              <th scope="row">{r.label}</th>
              <td className="num">{fmtValue('cases', r.a, lang, digits(r.a))}</td>
              <td className="num">{fmtValue('cases', r.b, lang, digits(r.b))}</td>
              <td className="num strong">{fmtSigned('cases', r.b - r.a, lang, digits(r.b - r.a))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
