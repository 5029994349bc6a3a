/**
 * Candidate crews for the selected case: free, on-duty members with the
 * case's skill, nearest first, grouped into crews of the size the case
 * needs (the first crew is the nearest possible). Clicking a crew assigns it.
 */
import type { Candidate } from '../../client/drillClient.ts';
import type { CityLayout } from '../../sim/frame.ts';
import { useDrill } from '../../app/drill/store.ts';
import { pick, useT } from './i18n/index.ts';
import { crewsFrom } from './model.ts';

export interface CandidateCrewsProps {
  candidates: readonly Candidate[] | null;
  crew: number;
  layout: CityLayout;
  disabled: boolean;
  onAssign: (staff: number[]) => void;
  /** Crews listed at most (default 6; the trainee's keys 1-9 reach 9). */
  max?: number;
}

export function CandidateCrews({ candidates, crew, layout, disabled, onAssign, max = 6 }: CandidateCrewsProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  if (candidates === null)
    return (
      <p className="muted" aria-live="polite">
        {t('case.loadingCandidates')}
      </p>
    );
  const crews = crewsFrom(candidates, crew, max);
  const teamName = (id: string) => {
    const tm = layout.teams.find((x) => x.id === id);
    return tm ? pick(lang, tm.name) : id;
  };
  if (crews.length === 0) {
    return (
      <p className="warn-note" data-testid="no-candidates">
        {t('case.noCandidates', { free: candidates.length, crew })}
      </p>
    );
  }
  return (
    <ol
      className="crew-list"
      data-testid="candidate-crews"
      data-count={crews.length}
      aria-label={t('case.crewsLabel', { crew })}
    >
      {crews.map((c, i) => {
        const far = Math.max(...c.map((m) => m.distanceCells));
        return (
          <li key={c.map((m) => m.staff).join('-')}>
            <button
              type="button"
              className="crew-option"
              data-testid="crew-option"
              data-staff={c.map((m) => m.staff).join(',')}
              data-distance={far}
              disabled={disabled}
              onClick={() => onAssign(c.map((m) => m.staff))}
            >
              <kbd className="crew-rank">{i + 1}</kbd>
              <span className="crew-members">
                {c.map((m) => (
                  <span key={m.staff} className="crew-member" data-staff={m.staff}>
                    #{m.staff} {teamName(m.team)}{' '}
                    <span className="muted">
                      {t('case.distance', {
                        cells: m.distanceCells,
                        m: Math.round(m.distanceCells * layout.cellSizeM),
                      })}
                    </span>
                  </span>
                ))}
              </span>
              <span className="crew-go">{t('case.assign')}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
