/**
 * The trainer's view of the seats: one row per seat (its street's grids),
 * with the trainee windows in it now, its cases waiting (P1 and late among
 * them) and its live score beside its automatic baseline. Clicking a row
 * shows that seat's inbox below (the first row, "all seats", shows every
 * seat's); each row has the link that opens a trainee window in that seat.
 */
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { seatInbox } from '../../app/drill/dispatchKeys.ts';
import { pick, useT } from './i18n/index.ts';

export function SeatBoard() {
  const t = useT();
  const ctl = useTrainer();
  const lang = useDrill((s) => s.lang);
  const seats = useDrill((s) => s.meta?.seats ?? null);
  const st = useDrill((s) => s.state);
  const windows = useDrill((s) => s.seatWindows);
  const shown = useDrill((s) => s.seatShown);
  const live = useDrill((s) => s.liveScore);
  if (!seats || seats.length === 0 || !st) return null;
  const rows = [
    { id: 'all', name: t('seats.all'), grids: 'all' as const },
    ...seats.map((x) => ({ id: x.id, name: pick(lang, x.name), grids: x.grids })),
  ];
  const unseated = windows[''] ?? 0;
  return (
    <section className="panel seat-board" data-testid="seat-board" aria-label={t('seats.title')}>
      <h2 className="panel-title">{t('seats.title')}</h2>
      <table className="seat-table">
        <thead>
          <tr>
            <th scope="col">{t('seats.seat')}</th>
            <th scope="col" className="num">
              {t('seats.windows')}
            </th>
            <th scope="col" className="num">
              {t('seats.waiting')}
            </th>
            <th scope="col" className="num">
              {t('seats.p1')}
            </th>
            <th scope="col" className="num">
              {t('seats.overdue')}
            </th>
            <th scope="col" className="num">
              {t('seats.score')}
            </th>
            <th scope="col" className="num">
              {t('seats.baseline')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('trainer.openTrainee')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const inbox = seatInbox(st.inbox, r.grids);
            const p1 = inbox.filter((i) => i.priority === 1).length;
            const late = inbox.filter((i) => i.responseDueS < st.tS).length;
            const sc = r.id === 'all' ? live : live?.seats?.find((x) => x.seat === r.id);
            const n = windows[r.id] ?? 0;
            return (
              <tr
                key={r.id}
                className={shown === r.id ? 'selected' : ''}
                data-testid="seat-row"
                data-seat={r.id}
                data-windows={n}
                data-waiting={inbox.length}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="seat-show"
                    aria-pressed={shown === r.id}
                    title={`${t('seats.show', { seat: r.name })}${r.grids !== 'all' ? ` · ${t('seat.grids', { grids: r.grids.join(', ') })}` : ''}`}
                    onClick={() => ctl.showSeat(r.id)}
                  >
                    {r.name}
                  </button>
                </th>
                <td
                  className={`num ${n === 0 && r.id !== 'all' ? 'muted' : ''}`}
                  title={n ? t('seat.windows', { n }) : t('seat.nobody')}
                >
                  {n}
                </td>
                <td className="num">{inbox.length}</td>
                <td className={`num ${p1 ? 'bad' : ''}`}>{p1}</td>
                <td className={`num ${late ? 'bad' : ''}`}>{late}</td>
                <td className="num" data-testid="seat-score" data-value={sc ? sc.score.score : ''}>
                  {sc ? sc.score.score : '—'}
                </td>
                <td className="num muted">{sc ? sc.baseline.score : '—'}</td>
                <td>
                  {r.id !== 'all' && (
                    <a
                      className="btn tiny"
                      href={ctl.traineeUrl(lang, r.id)}
                      target="_blank"
                      rel="noopener"
                      data-testid="open-seat-window"
                      data-seat={r.id}
                      title={t('seats.open', { seat: r.name })}
                    >
                      ↗
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unseated > 0 && <p className="hint">{t('seats.unseated', { n: unseated })}</p>}
    </section>
  );
}
