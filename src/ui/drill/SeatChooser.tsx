/**
 * A trainee window's first step in a drill with seats: choose the seat
 * (one per street, each with its grids, and how many windows are in it
 * already is the trainer's to see), or the whole command scope for a
 * single dispatcher.
 */
import { useDrill } from '../../app/drill/store.ts';
import { useTrainee } from '../../app/drill/context.ts';
import { pick, useT } from './i18n/index.ts';

export function SeatChooser() {
  const t = useT();
  const ctl = useTrainee();
  const lang = useDrill((s) => s.lang);
  const meta = useDrill((s) => s.meta);
  const seats = meta?.seats ?? [];
  const scopeN =
    meta?.scopeGrids === 'all' ? seats.reduce((n, x) => n + x.grids.length, 0) : (meta?.scopeGrids.length ?? 0);
  return (
    <main className="drill-waiting" data-testid="seat-chooser">
      <div className="waiting-card panel seat-card">
        <h1>{t('seat.chooseTitle')}</h1>
        <p>{t('seat.chooseBody')}</p>
        <ul className="seat-list" role="list">
          {seats.map((x) => (
            <li key={x.id}>
              <button
                type="button"
                className="btn seat-option"
                data-testid="seat-option"
                data-seat={x.id}
                onClick={() => ctl.chooseSeat(x.id)}
              >
                <span className="seat-name">{pick(lang, x.name)}</span>
                <span className="muted">{t('seat.grids', { grids: x.grids.join(', ') })}</span>
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="btn seat-option"
              data-testid="seat-option"
              data-seat="all"
              onClick={() => ctl.chooseSeat('all')}
            >
              <span className="seat-name">{t('seat.whole')}</span>
              <span className="muted">{t('seat.wholeHint', { n: scopeN })}</span>
            </button>
          </li>
        </ul>
      </div>
    </main>
  );
}
