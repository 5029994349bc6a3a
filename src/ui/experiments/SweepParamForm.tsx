/**
 * One swept parameter: what varies (a shift's staff, the night staff, the
 * grid size, for an imported district the count its grids are merged to, a
 * staff factor, the dispatch policy) and over which values.
 * `optional` adds "none" (the second parameter). For the night staff it
 * lists every shift that one number sets (all teams' shifts on duty at
 * 02:00, per grid for per-grid teams), so nobody sweeps five shifts
 * believing they sweep one.
 */
import { paramLabel } from '../../analysis/paramLabels.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { POLICIES, type ScenarioChoices } from './choices.ts';
import { defaultParam, paramKindsFor, paramOf, type ParamDraft, type ParamKind } from './sweepParams.ts';

export interface SweepParamFormProps {
  n: 1 | 2;
  choices: ScenarioChoices;
  draft: ParamDraft;
  onChange: (d: ParamDraft) => void;
  optional?: boolean;
}

export function SweepParamForm({ n, choices, draft, onChange, optional = false }: SweepParamFormProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const set = (p: Partial<ParamDraft>) => onChange({ ...draft, ...p });
  const team = choices.teams.find((x) => x.id === draft.team) ?? choices.teams[0];
  const { param, error } = paramOf(draft);
  const toggle = (v: string) =>
    set({ picks: draft.picks.includes(v) ? draft.picks.filter((x) => x !== v) : [...draft.picks, v] });
  const kinds: ParamKind[] = optional ? ['none', ...paramKindsFor(choices)] : paramKindsFor(choices);
  return (
    <fieldset className="sweep-param" data-testid={`sweep-param-${n}`}>
      <legend className="control-label">{t('sweep.param', { n })}</legend>
      <div className="form-grid">
        <label className="field">
          <span className="control-label">{t('sweep.kind')}</span>
          <select
            className="input select"
            data-testid={`sweep-kind-${n}`}
            value={draft.kind}
            onChange={(e) => onChange(defaultParam(e.target.value as ParamKind, choices))}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`sweep.kind.${k}` as DictKey)}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'staff' && (
          <>
            <label className="field">
              <span className="control-label">{t('cmp.team')}</span>
              <select
                className="input select"
                value={team?.id}
                onChange={(e) => set({ team: e.target.value, shift: 0 })}
              >
                {choices.teams.map((x) => (
                  <option key={x.id} value={x.id}>
                    {pickName(lang, x.name)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="control-label">{t('cmp.shift')}</span>
              <select
                className="input select"
                value={draft.shift}
                onChange={(e) => set({ shift: Number(e.target.value) })}
              >
                {team?.shifts.map((s) => (
                  <option key={s.index} value={s.index}>
                    {t('cmp.shiftOption', { start: s.start, end: s.end, staff: s.staff })}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {draft.kind === 'nightStaff' && choices.nightStaffHelp.en !== '' && (
          <p className="hint field-help" data-testid={`sweep-nightstaff-help-${n}`}>
            {pickName(lang, choices.nightStaffHelp)}
          </p>
        )}
        {(draft.kind === 'staff' || draft.kind === 'nightStaff' || draft.kind === 'mergeToGrids') && (
          <div className="field range-fields">
            <span className="control-label">{t('sweep.range')}</span>
            <span className="inline">
              <input
                className="input num-input small"
                inputMode="numeric"
                aria-label={t('sweep.from')}
                data-testid={`sweep-from-${n}`}
                value={draft.from}
                onChange={(e) => set({ from: e.target.value })}
              />
              <span className="muted">–</span>
              <input
                className="input num-input small"
                inputMode="numeric"
                aria-label={t('sweep.to')}
                data-testid={`sweep-to-${n}`}
                value={draft.to}
                onChange={(e) => set({ to: e.target.value })}
              />
              <span className="muted">{t('sweep.step')}</span>
              <input
                className="input num-input small"
                inputMode="numeric"
                aria-label={t('sweep.step')}
                value={draft.step}
                onChange={(e) => set({ step: e.target.value })}
              />
            </span>
          </div>
        )}
        {draft.kind === 'staffScale' && (
          <label className="field">
            <span className="control-label">{t('sweep.factors')}</span>
            <input className="input" value={draft.list} onChange={(e) => set({ list: e.target.value })} />
          </label>
        )}
        {draft.kind === 'gridSize' && (
          <fieldset className="field picks">
            <legend className="control-label">{t('cmp.gridSize')}</legend>
            {choices.gridSizes.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={draft.picks.includes(String(k))}
                  onChange={() => toggle(String(k))}
                  data-testid={`sweep-grid-${n}-${k}`}
                />
                {k}×{k}
              </label>
            ))}
          </fieldset>
        )}
        {draft.kind === 'policy' && (
          <fieldset className="field picks">
            <legend className="control-label">{t('cmp.policy')}</legend>
            {POLICIES.map((p) => (
              <label key={p} className="check">
                <input type="checkbox" checked={draft.picks.includes(p)} onChange={() => toggle(p)} />
                {t(`policy.${p}` as DictKey)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t(error)}
        </p>
      )}
      {param && (
        <p className="muted small" title={param.path} data-path={param.path}>
          {pickName(lang, paramLabel(param.path, choices.scenario))} = {param.values.join(', ')}
        </p>
      )}
    </fieldset>
  );
}
