/**
 * The case log's rows with a problem (dropped, or kept as arrivals with a field unused): counts by
 * reason, in words, and whether such rows were dropped or kept for arrivals;
 * then the first rows one by one (row number in the file, reason, value).
 *
 * Props: `badRows` (CalibrationReport['badRows']).
 */
import { badRowSplit, type CalibrationReport } from '../../importer/report.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { fmtInt } from '../format.ts';

/** Rows listed on the page (the report keeps up to its listedMax). */
const SHOWN = 50;

export function BadRowsTable({ badRows }: { badRows: CalibrationReport['badRows'] }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const split = badRowSplit(badRows);
  return (
    <section className="exp-section" data-testid="calibration-bad-rows" data-total={badRows.total}>
      <h3 className="sub-title">
        {badRows.total === 0
          ? t('import.badRowsNone')
          : t('import.badRows', {
              n: fmtInt(badRows.total, lang),
              dropped: fmtInt(split.dropped, lang),
              kept: fmtInt(split.kept, lang),
            })}
      </h3>
      {badRows.total === 0 ? (
        <p className="muted small">{t('import.noBadRows')}</p>
      ) : (
        <>
          <table className="data-table small">
            <thead>
              <tr>
                <th>{t('import.col.reason')}</th>
                <th className="num">{t('import.col.rows')}</th>
                <th>{t('import.col.effect')}</th>
              </tr>
            </thead>
            <tbody>
              {badRows.byReason.map((b) => (
                <tr key={b.reason} data-reason={b.reason}>
                  <td className="wrap">{pickName(lang, b)}</td>
                  <td className="num">{fmtInt(b.count, lang)}</td>
                  <td>{b.dropped ? t('import.dropped') : t('import.keptPart')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary className="small">
              {t('import.firstRows', { n: Math.min(SHOWN, badRows.rows.length), total: fmtInt(badRows.total, lang) })}
            </summary>
            <table className="data-table small">
              <thead>
                <tr>
                  <th className="num">{t('import.col.row')}</th>
                  <th>{t('import.col.reason')}</th>
                  <th>{t('import.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {badRows.rows.slice(0, SHOWN).map((b, i) => (
                  <tr key={i}>
                    <td className="num">{b.row}</td>
                    <td className="wrap">{pickName(lang, b)}</td>
                    <td>
                      <code>{b.value ?? ''}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
