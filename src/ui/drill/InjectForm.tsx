/**
 * The trainer's inject form: any kind of inject (a message to the trainee,
 * a case at a cell, a storm, a crowd surge at a station, a team off or back
 * on duty), fired now or added to the timeline at a minute of the drill
 * (while paused). Clicking a cell of the 3D city fills the case's x, y.
 * The service validates every inject (unknown team, cell outside the city,
 * a time in the past); its errors are shown in both languages.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Inject } from '../../drill/schema.ts';
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { both, pick, useT, type DrillKey } from './i18n/index.ts';
import { drillMinutes, parseRainList } from './model.ts';
import { ErrorList } from './ErrorList.tsx';

export const INJECT_KINDS = ['message', 'case', 'storm', 'surge', 'teamOff', 'teamOn'] as const;
type Kind = (typeof INJECT_KINDS)[number];

let addedSeq = 0;

export function InjectForm() {
  const t = useT();
  const ctl = useTrainer();
  const lang = useDrill((s) => s.lang);
  const layout = useDrill((s) => s.layout);
  const st = useDrill((s) => s.state);
  const picked = useDrill((s) => s.pickedCell);
  const errors = useDrill((s) => s.timelineErrors);
  const id = useId();
  const [kind, setKind] = useState<Kind>('message');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [type, setType] = useState('');
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const [priority, setPriority] = useState('');
  const [rain, setRain] = useState('60, 80, 40');
  const [station, setStation] = useState('');
  const [durationMin, setDurationMin] = useState('60');
  const [extra, setExtra] = useState('10000');
  const [team, setTeam] = useState('');
  const [atMin, setAtMin] = useState('');
  const [localError, setLocalError] = useState<{ zh: string; en: string } | null>(null);

  // a cell clicked in the 3D city: a case there (adjusted while rendering, not in an effect; null at first so
  // that a cell picked before the form opened counts too)
  const [pickedSeen, setPickedSeen] = useState<typeof picked>(null);
  if (picked !== pickedSeen) {
    setPickedSeen(picked);
    if (picked) {
      setKind('case');
      setX(String(picked.x));
      setY(String(picked.y));
    }
  }

  if (!layout || !st) return null;
  const paused = !st.playing;
  const nowMin = drillMinutes(st.tS, st.startS);
  const typeId = type || layout.types[0]?.id || '';
  const stationId = station || layout.stations[0]?.id || '';
  const teamId = team || layout.teams.find((tm) => tm.role === 'field')?.id || layout.teams[0]?.id || '';

  const build = (at: number): Inject | { zh: string; en: string } => {
    const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : NaN);
    switch (kind) {
      case 'message': {
        const a = zh.trim(),
          b = en.trim();
        if (!a && !b) return both('form.errMessage');
        return { kind, atMin: at, text: { zh: a || b, en: b || a } };
      }
      case 'case': {
        const xi = int(x),
          yi = int(y);
        if (!Number.isInteger(xi) || !Number.isInteger(yi)) return both('form.errCell');
        return { kind, atMin: at, type: typeId, x: xi, y: yi, ...(priority ? { priority: Number(priority) } : {}) };
      }
      case 'storm': {
        const list = parseRainList(rain);
        if (!list) return both('form.errRain');
        return { kind, atMin: at, rainMmPerH: list };
      }
      case 'surge': {
        const d = Number(durationMin),
          n = Number(extra);
        if (!(d > 0) || !(n >= 0)) return both('form.errSurge');
        return { kind, atMin: at, station: stationId, durationMin: d, extraPassengers: n };
      }
      case 'teamOff':
      case 'teamOn':
        return { kind, atMin: at, team: teamId };
    }
  };

  const fireNow = async (e?: FormEvent) => {
    e?.preventDefault();
    const inj = build(nowMin);
    if (!('kind' in inj)) {
      setLocalError(inj);
      return;
    }
    setLocalError(null);
    await ctl.fire(inj);
  };
  const addToTimeline = async () => {
    const at = Number(atMin);
    if (atMin.trim() === '' || !Number.isFinite(at)) {
      setLocalError(both('form.errAt'));
      return;
    }
    const inj = build(at);
    if (!('kind' in inj)) {
      setLocalError(inj);
      return;
    }
    setLocalError(null);
    if (await ctl.setPending([...st.pending, { ...inj, id: `A${++addedSeq}` }])) setAtMin('');
  };

  const label = (k: DrillKey) => t(k);
  return (
    <section className="panel inject-form" data-testid="inject-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('form.title')}
      </h2>
      <form onSubmit={(e) => void fireNow(e)}>
        <div className="form-row">
          <label htmlFor={`${id}-kind`}>{t('form.kind')}</label>
          <select
            id={`${id}-kind`}
            className="input"
            data-testid="inject-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {INJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.inject.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'message' && (
          <>
            <div className="form-row">
              <label htmlFor={`${id}-zh`}>{t('form.textZh')}</label>
              <textarea
                id={`${id}-zh`}
                className="input textarea"
                lang="zh-CN"
                rows={2}
                data-testid="inject-text-zh"
                value={zh}
                onChange={(e) => setZh(e.target.value)}
              />
            </div>
            <div className="form-row">
              <label htmlFor={`${id}-en`}>{t('form.textEn')}</label>
              <textarea
                id={`${id}-en`}
                className="input textarea"
                lang="en"
                rows={2}
                data-testid="inject-text-en"
                value={en}
                onChange={(e) => setEn(e.target.value)}
              />
            </div>
          </>
        )}
        {kind === 'case' && (
          <>
            <div className="form-row">
              <label htmlFor={`${id}-type`}>{t('form.type')}</label>
              <select
                id={`${id}-type`}
                className="input"
                data-testid="inject-type"
                value={typeId}
                onChange={(e) => setType(e.target.value)}
              >
                {layout.types.map((ty) => (
                  <option key={ty.id} value={ty.id}>
                    {pick(lang, ty.name)} (P{ty.priority})
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row cols-3">
              <label>
                <span>x</span>
                <input
                  className="input num"
                  inputMode="numeric"
                  data-testid="inject-x"
                  value={x}
                  onChange={(e) => setX(e.target.value)}
                  aria-describedby={`${id}-pickhint`}
                />
              </label>
              <label>
                <span>y</span>
                <input
                  className="input num"
                  inputMode="numeric"
                  data-testid="inject-y"
                  value={y}
                  onChange={(e) => setY(e.target.value)}
                  aria-describedby={`${id}-pickhint`}
                />
              </label>
              <label>
                <span>{t('form.priority')}</span>
                <select
                  className="input"
                  data-testid="inject-priority"
                  value={priority}
                  onChange={(e) => setPriority(e.target.value)}
                >
                  <option value="">{t('form.priorityDefault')}</option>
                  {[1, 2, 3, 4].map((p) => (
                    <option key={p} value={p}>
                      P{p}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p id={`${id}-pickhint`} className="hint">
              {t('form.pickHint', { cols: layout.cols - 1, rows: layout.rows - 1 })}
            </p>
          </>
        )}
        {kind === 'storm' && (
          <div className="form-row">
            <label htmlFor={`${id}-rain`}>{t('form.rain')}</label>
            <input
              id={`${id}-rain`}
              className="input"
              data-testid="inject-rain"
              value={rain}
              onChange={(e) => setRain(e.target.value)}
            />
          </div>
        )}
        {kind === 'surge' && (
          <>
            <div className="form-row">
              <label htmlFor={`${id}-station`}>{t('form.station')}</label>
              <select
                id={`${id}-station`}
                className="input"
                data-testid="inject-station"
                value={stationId}
                onChange={(e) => setStation(e.target.value)}
              >
                {layout.stations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {pick(lang, s.name)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row cols-2">
              <label>
                <span>{t('form.durationMin')}</span>
                <input
                  className="input num"
                  inputMode="decimal"
                  value={durationMin}
                  onChange={(e) => setDurationMin(e.target.value)}
                />
              </label>
              <label>
                <span>{t('form.extra')}</span>
                <input
                  className="input num"
                  inputMode="numeric"
                  value={extra}
                  onChange={(e) => setExtra(e.target.value)}
                />
              </label>
            </div>
          </>
        )}
        {(kind === 'teamOff' || kind === 'teamOn') && (
          <div className="form-row">
            <label htmlFor={`${id}-team`}>{t('form.team')}</label>
            <select
              id={`${id}-team`}
              className="input"
              data-testid="inject-team"
              value={teamId}
              onChange={(e) => setTeam(e.target.value)}
            >
              {layout.teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {pick(lang, tm.name)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn primary" data-testid="inject-fire" disabled={st.done}>
            {t('form.fireNow')}
          </button>
          <span className="form-sep" />
          <label className="inline">
            <span>{t('form.atMin')}</span>
            <input
              className="input num short"
              inputMode="decimal"
              data-testid="inject-at"
              value={atMin}
              placeholder={String(Math.ceil(nowMin + 5))}
              onChange={(e) => setAtMin(e.target.value)}
              disabled={!paused || st.done}
            />
          </label>
          <button
            type="button"
            className="btn"
            data-testid="inject-add"
            disabled={!paused || st.done}
            title={paused ? undefined : label('timeline.pauseToEdit')}
            onClick={() => void addToTimeline()}
          >
            {t('form.add')}
          </button>
        </div>
      </form>
      {localError && (
        <ErrorList
          errors={[{ path: '$', code: 'form', ...localError }]}
          onClose={() => setLocalError(null)}
          testId="inject-form-errors"
        />
      )}
      {errors && <ErrorList errors={errors} onClose={() => ctl.clearTimelineErrors()} testId="timeline-errors" />}
    </section>
  );
}
