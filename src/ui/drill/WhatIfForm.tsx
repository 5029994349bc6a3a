/**
 * "What would have happened": the same drill (same event stream, same
 * injects, the same action log) re-run under another staffing plan. The
 * plan here is a number of staff added to (or removed from) every shift of
 * a team; the result's score appears beside the trainee's and the
 * baseline's. Actions the other plan makes impossible (a member who does
 * not exist or is busy) are skipped.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { useReviewController, useReview } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { pick, useT } from './i18n/index.ts';

export function WhatIfForm({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const ctl = useReviewController();
  const lang = useDrill((s) => s.lang);
  const w = useReview((s) => s.whatIf);
  const changed = Object.values(w.deltas).some((d) => d !== 0);
  return (
    <section className="panel what-if" data-testid="what-if" aria-labelledby="whatif-title">
      <h2 id="whatif-title" className="panel-title">
        {t('whatIf.title')}
      </h2>
      <p className="hint">{t('whatIf.intro')}</p>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('staff.team')}</th>
              <th>{t('whatIf.shifts')}</th>
              <th className="num">{t('whatIf.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {scenario.teams.map((tm) => {
              const d = w.deltas[tm.id] ?? 0;
              const name = pick(lang, tm.name);
              return (
                <tr key={tm.id} data-team={tm.id}>
                  <th scope="row" className="ellipsis">
                    {name}
                  </th>
                  <td className="shifts">
                    {tm.shifts
                      .map((sh) => `${sh.start}–${sh.end}: ${sh.staff}${d ? `→${Math.max(0, sh.staff + d)}` : ''}`)
                      .join(' · ')}
                  </td>
                  <td className="num stepper">
                    <button
                      type="button"
                      className="btn small"
                      aria-label={t('whatIf.minus', { team: name })}
                      data-testid={`whatif-minus-${tm.id}`}
                      onClick={() => ctl.setDelta(tm.id, d - 1)}
                    >
                      −
                    </button>
                    <output data-testid={`whatif-delta-${tm.id}`} data-value={d} aria-live="polite">
                      {d > 0 ? `+${d}` : d}
                    </output>
                    <button
                      type="button"
                      className="btn small"
                      aria-label={t('whatIf.plus', { team: name })}
                      data-testid={`whatif-plus-${tm.id}`}
                      onClick={() => ctl.setDelta(tm.id, d + 1)}
                    >
                      +
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          data-testid="whatif-run"
          disabled={w.busy || !changed}
          onClick={() => void ctl.runWhatIf()}
        >
          {w.busy ? t('whatIf.running') : t('whatIf.run')}
        </button>
        {w.score && w.ranWith && (
          <span className="hint" data-testid="whatif-done">
            {t('whatIf.doneNote')}
          </span>
        )}
      </div>
      {w.error && (
        <p className="bad" role="alert">
          {lang === 'en' ? w.error.en : w.error.zh}
        </p>
      )}
    </section>
  );
}
