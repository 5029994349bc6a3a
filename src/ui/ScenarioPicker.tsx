/**
 * Scenario picker: the built-ins and "open file". A file that fails
 * validation leaves the current scenario running; its errors show in
 * ScenarioErrors.
 */
import { useRef, type ChangeEvent } from 'react';
import { BUILTIN_SCENARIOS } from '../app/scenarios.ts';
import { useController, useStore } from '../app/useStore.ts';
import { pickName, useT } from './i18n/index.ts';
import { Icon } from './Icon.tsx';

const FILE_VALUE = '__file__';

export function ScenarioPicker() {
  const t = useT();
  const ctl = useController();
  const lang = useStore((s) => s.lang);
  const id = useStore((s) => s.scenarioId);
  const source = useStore((s) => s.scenarioSource);
  const fileName = useStore((s) => s.fileName);
  const loading = useStore((s) => s.loading);
  const fileRef = useRef<HTMLInputElement>(null);

  const onSelect = (e: ChangeEvent<HTMLSelectElement>) => {
    if (e.target.value !== FILE_VALUE) void ctl.loadBuiltin(e.target.value);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    if (ctl.refuseLargeFile(file)) {
      // over 20 MB: said before reading it
      input.value = '';
      return;
    }
    const text = await file.text();
    await ctl.loadFile(file.name, text);
    input.value = ''; // the same file can be opened again after a fix
  };

  const value = source === 'builtin' ? id : FILE_VALUE;
  const otherLabel =
    source === 'edited'
      ? t('scenario.edited', { name: fileName ?? id })
      : source === 'link'
        ? t('scenario.fromLink', { name: fileName ?? id })
        : t('scenario.fromFile', { name: fileName ?? id });
  return (
    <div className="scenario-picker">
      <label className="control-label" htmlFor="scenario-select">
        {t('scenario.label')}
      </label>
      <select
        id="scenario-select"
        className="input select"
        data-testid="scenario-select"
        value={value}
        disabled={loading}
        onChange={onSelect}
      >
        <optgroup label={t('scenario.builtin')}>
          {BUILTIN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {pickName(lang, s.name)}
            </option>
          ))}
        </optgroup>
        {source !== 'builtin' && <option value={FILE_VALUE}>{otherLabel}</option>}
      </select>
      <button type="button" className="btn" onClick={() => fileRef.current?.click()} disabled={loading}>
        <Icon name="open" /> {t('scenario.open')}
      </button>
      <input
        ref={fileRef}
        className="visually-hidden"
        data-testid="scenario-file"
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        aria-label={t('scenario.open')}
        onChange={(e) => void onFile(e)}
      />
    </div>
  );
}
