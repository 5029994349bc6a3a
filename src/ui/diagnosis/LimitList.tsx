/**
 * The limits of a diagnosis as rows in words, largest first: the stage, the
 * event type and (for a queue) the team it waits for, by name; the hours
 * that hold most of its late cases and in how many grids; its late cases
 * and share; and the lever that acts on it, in the UI language. With
 * `colour`, each row has a toggle that colours the 3D city's grids by that
 * limit's late cases; with `onOptimise`, a queue row links to the cheapest
 * plan for the team it waits for. Rows carry `data-stage`, `data-type`, `data-team`,
 * `data-late` and `data-share` for tests.
 */
import { useState } from 'react';
import type { Limit } from '../../analysis/diagnose.ts';
import { limitKey } from '../../app/lateOverlay.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { dataValue, fmtPct } from '../format.ts';
import {
  fmtCases,
  leverText,
  limitHours,
  limitLabel,
  nameOf,
  stageKey,
  type Bilingual,
  type Names,
} from './limitText.ts';

export interface LimitColouring {
  /** Key of the limit the city shows now (null: none of these). */
  shownKey: string | null;
  onColour: (key: string | null, label: Bilingual) => void;
}

export interface LimitListProps {
  limits: readonly Limit[];
  names: Names;
  perReplication: boolean;
  /** Rows shown before "show all" (default 5). */
  top?: number;
  colour?: LimitColouring;
  /** Offered on queue limits: open the cheapest-plan search for the team it waits for. */
  onOptimise?: (team: string) => void;
  testId?: string;
}

export function LimitList({
  limits,
  names,
  perReplication,
  top = 5,
  colour,
  onOptimise,
  testId = 'limit-list',
}: LimitListProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [all, setAll] = useState(false);
  const shown = all ? limits : limits.slice(0, top);
  return (
    <>
      <ol className="limit-list" data-testid={testId} data-rows={limits.length}>
        {shown.map((l, i) => {
          const key = limitKey(l);
          const on = colour?.shownKey === key;
          const hours = limitHours(l);
          return (
            // keyed by rank: a fresher diagnosis (every few seconds while a run plays, a new run's first late case)
            // changes the rows' words and numbers in place instead of building new rows (issue 12)
            <li
              key={i}
              className="limit-row"
              data-stage={l.stage}
              data-type={l.eventType}
              data-team={l.team ?? ''}
              data-late={dataValue(l.lateCases)}
              data-share={dataValue(l.share)}
            >
              <div className="limit-head">
                <span className="limit-rank">{i + 1}</span>
                <span className={`stage-chip stage-${l.stage}`}>{t(stageKey(l.stage))}</span>
                <span className="limit-what">
                  <strong>{nameOf(names.types, l.eventType, lang)}</strong>
                  {l.team && <> · {t('diag.waitsFor', { team: nameOf(names.teams, l.team, lang) })}</>}
                </span>
                <span className="limit-count num">
                  <strong>
                    {t(perReplication ? 'diag.rowLatePerRep' : 'diag.rowLate', {
                      n: fmtCases(l.lateCases, perReplication, lang),
                    })}
                  </strong>
                  <span className="muted"> · {fmtPct(l.share, 0)}</span>
                </span>
              </div>
              <div className="limit-where muted">
                <span className="limit-when" title={t('diag.allHours', { hours: hours.all })}>
                  {t('diag.hours', { hours: hours.main })} · {t('diag.grids', { n: l.grids.length })}
                </span>
                {colour && (
                  <button
                    type="button"
                    className={`btn small colour-toggle ${on ? 'active' : ''}`}
                    aria-pressed={on}
                    title={t('diag.colourTitle')}
                    data-testid="limit-colour"
                    onClick={() => colour.onColour(on ? null : key, limitLabel(l, names))}
                  >
                    {on ? t('diag.colourOn') : t('diag.colour')}
                  </button>
                )}
              </div>
              <p className="limit-lever">
                {leverText(l.lever, lang)}
                {onOptimise && l.stage === 'queue' && l.team && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link"
                      data-testid="limit-optimise"
                      onClick={() => onOptimise(l.team!)}
                    >
                      {t('diag.optimiseTeam', { team: nameOf(names.teams, l.team, lang) })}
                    </button>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      {limits.length > top && (
        <button type="button" className="link small" data-testid={`${testId}-more`} onClick={() => setAll(!all)}>
          {all ? t('diag.showFewer', { n: top }) : t('diag.showAll', { n: limits.length })}
        </button>
      )}
    </>
  );
}
