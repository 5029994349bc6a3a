/**
 * Which teams the cheapest-plan search may change: one checkbox per team,
 * by name, with its role (case-handling teams are checked by default;
 * security-lane teams serve passengers, not cases).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';

export interface TeamChecklistProps {
  scenario: Scenario;
  checked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

export function TeamChecklist({ scenario, checked, onChange }: TeamChecklistProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="picks team-checklist" data-testid="opt-teams">
      <legend className="control-label">{t('opt.teams')}</legend>
      {scenario.teams.map((team) => (
        <label
          key={team.id}
          className="check"
          title={team.role === 'securityLanes' ? t('opt.securityLanes') : undefined}
        >
          <input
            type="checkbox"
            data-team={team.id}
            checked={checked.has(team.id)}
            onChange={(e) => toggle(team.id, e.target.checked)}
          />
          {pickName(lang, team.name)}
          {team.role === 'securityLanes' && <span className="muted small">{t('opt.securityLanesShort')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
