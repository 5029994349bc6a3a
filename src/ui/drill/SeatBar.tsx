/**
 * Above the trainee's inbox: the seat this window holds (and the way to
 * change it), the P1 alert (red while a P1 case that just arrived waits;
 * it also beeps, see src/app/drill/beep.ts; the sound can be turned off)
 * and the keyboard's keys.
 */
import { useTrainee } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { pick, useT } from './i18n/index.ts';

export function SeatBar() {
  const t = useT();
  const ctl = useTrainee();
  const lang = useDrill((s) => s.lang);
  const seat = useDrill((s) => s.seat);
  const seats = useDrill((s) => s.meta?.seats ?? []);
  const alerts = useDrill((s) => s.alerts);
  const sound = useDrill((s) => s.sound);
  const seatInfo = seats.find((x) => x.id === seat);
  const name = seatInfo ? pick(lang, seatInfo.name) : t('seat.whole');
  return (
    <div className="seat-bar">
      {seats.length > 0 && (
        <div className="seat-now" data-testid="trainee-seat" data-seat={seat ?? ''}>
          <span className="control-label">{t('seat.label')}</span>
          <strong className="ellipsis">{name}</strong>
          {seatInfo && <span className="muted">{seatInfo.grids.join(' ')}</span>}
        </div>
      )}
      <div
        className={`p1-alert ${alerts.fresh.length ? 'is-on' : ''}`}
        data-testid="p1-alert"
        data-count={alerts.count}
        data-fresh={alerts.fresh.length}
        role="alert"
      >
        {alerts.fresh.length > 0 ? t('alert.p1', { n: alerts.fresh.length }) : ''}
      </div>
      <div className="seat-tools">
        <button
          type="button"
          className="btn tiny"
          aria-pressed={sound}
          data-testid="alert-sound"
          onClick={() => ctl.setSound(!sound)}
          title={t('alert.sound')}
        >
          {t(sound ? 'alert.soundOn' : 'alert.soundOff')}
        </button>
        <span className="dispatch-keys" data-testid="keys-hint">
          {t('keys.hint')}
        </span>
      </div>
    </div>
  );
}
