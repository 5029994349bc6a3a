/**
 * Variant B of an A/B comparison: A (the live scenario) plus overrides
 * chosen here: staff of one shift of one team, the responsibility-grid size
 * (only sizes that divide the city), for an imported district the count its
 * grids are merged to (city.mergeToGrids), the dispatch policy, and that team's
 * shift-end rule. Empty choices leave A's value. The overrides it makes are
 * shown by name and value in words (analysis/paramLabels.ts: "派遣策略 =
 * 就近派遣", never the id `nearest`), with `path=value`, as the CLI's --set
 * takes them, as the tooltip.
 */
import type { Overrides } from '../../analysis/overrides.ts';
import { describeOverrides } from '../../analysis/overrides.ts';
import { paramLabel, valueLabel } from '../../analysis/paramLabels.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { POLICIES, SHIFT_END_RULES, type ScenarioChoices, type VariantForm as Form } from './choices.ts';

export interface VariantFormProps {
  choices: ScenarioChoices;
  form: Form;
  onChange: (f: Form) => void;
  overrides: Overrides;
  bad: (keyof Form)[];
}

export function VariantForm({ choices, form, onChange, overrides, bad }: VariantFormProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const team = choices.teams.find((x) => x.id === form.team) ?? choices.teams[0];
  const shift = team?.shifts[form.shift] ?? team?.shifts[0];
  const set = (p: Partial<Form>) => onChange({ ...form, ...p });
  const staffBad = bad.includes('staff');
  const mergeBad = bad.includes('mergeToGrids');
  const n = Object.keys(overrides).length;
  return (
    <fieldset className="variant-form" data-testid="variant-form">
      <legend className="control-label">{t('cmp.variantB')}</legend>
      <div className="form-grid">
        <label className="field">
          <span className="control-label">{t('cmp.team')}</span>
          <select
            className="input select"
            data-testid="cmp-team"
            value={team?.id ?? ''}
            onChange={(e) => set({ team: e.target.value, shift: 0, staff: '' })}
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
            data-testid="cmp-shift"
            value={shift?.index ?? 0}
            onChange={(e) => set({ shift: Number(e.target.value), staff: '' })}
          >
            {team?.shifts.map((s) => (
              <option key={s.index} value={s.index}>
                {t('cmp.shiftOption', { start: s.start, end: s.end, staff: s.staff })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="control-label">{team?.perGrid ? t('cmp.staffPerGrid') : t('cmp.staff')}</span>
          <input
            className={`input num-input ${staffBad ? 'invalid' : ''}`}
            data-testid="cmp-staff"
            inputMode="numeric"
            placeholder={shift ? String(shift.staff) : ''}
            value={form.staff}
            aria-invalid={staffBad}
            onChange={(e) => set({ staff: e.target.value })}
          />
          {staffBad && (
            <span className="field-error" role="alert">
              {t('cmp.staffInvalid')}
            </span>
          )}
        </label>
        <label className="field">
          <span className="control-label">{t('cmp.shiftEnd')}</span>
          <select
            className="input select"
            data-testid="cmp-shiftend"
            value={form.shiftEnd}
            onChange={(e) => set({ shiftEnd: e.target.value })}
          >
            <option value="">
              {t('cmp.unchanged', { value: t(`shiftEnd.${team?.shiftEnd ?? 'overtime'}` as DictKey) })}
            </option>
            {SHIFT_END_RULES.filter((r) => r !== team?.shiftEnd).map((r) => (
              <option key={r} value={r}>
                {t(`shiftEnd.${r}` as DictKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="control-label">{t('cmp.gridSize')}</span>
          <select
            className="input select"
            data-testid="cmp-gridsize"
            value={form.gridSize}
            onChange={(e) => set({ gridSize: e.target.value })}
          >
            <option value="">{t('cmp.unchanged', { value: `${choices.gridSize} × ${choices.gridSize}` })}</option>
            {choices.gridSizes
              .filter((k) => k !== choices.gridSize)
              .map((k) => (
                <option key={k} value={k}>
                  {t('cmp.gridSizeOption', { k, n: (choices.cols / k) * (choices.rows / k) })}
                </option>
              ))}
          </select>
        </label>
        {choices.ownGrids !== null && (
          <label className="field">
            <span className="control-label">{t('cmp.mergeToGrids')}</span>
            <input
              className={`input num-input ${mergeBad ? 'invalid' : ''}`}
              data-testid="cmp-merge"
              inputMode="numeric"
              placeholder={String(choices.mergeToGrids ?? choices.ownGrids)}
              value={form.mergeToGrids ?? ''}
              aria-invalid={mergeBad}
              onChange={(e) => set({ mergeToGrids: e.target.value })}
            />
            <span className="muted small">{t('cmp.mergeToGridsHint', { n: choices.ownGrids })}</span>
            {mergeBad && (
              <span className="field-error" role="alert">
                {t('cmp.mergeInvalid')}
              </span>
            )}
          </label>
        )}
        <label className="field">
          <span className="control-label">{t('cmp.policy')}</span>
          <select
            className="input select"
            data-testid="cmp-policy"
            value={form.policy}
            onChange={(e) => set({ policy: e.target.value })}
          >
            <option value="">{t('cmp.unchanged', { value: t(`policy.${choices.policy}` as DictKey) })}</option>
            {POLICIES.filter((p) => p !== choices.policy).map((p) => (
              <option key={p} value={p}>
                {t(`policy.${p}` as DictKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p
        className="overrides-preview"
        data-testid="cmp-overrides"
        data-count={n}
        data-overrides={describeOverrides(overrides)}
        title={n > 0 ? describeOverrides(overrides) : undefined}
      >
        <span className="control-label">{t('cmp.overrides')}</span>{' '}
        {n === 0 ? (
          <span className="muted">{t('cmp.noOverrides')}</span>
        ) : (
          <>
            {Object.entries(overrides).map(([path, value], i) => (
              <span key={path} data-path={path} title={`${path}=${String(value)}`}>
                {i > 0 ? ' · ' : ''}
                {pickName(lang, paramLabel(path, choices.scenario))} = {pickName(lang, valueLabel(path, value))}
              </span>
            ))}
          </>
        )}
      </p>
    </fieldset>
  );
}
