/**
 * Scenario picker: the built-ins and "open file". A file that fails
 * validation leaves the current scenario running; its errors show in
 * ScenarioErrors. "Open" takes a scenario or export (.json), or a
 * district's GeoJSON with its case log (.csv) chosen together, or a log
 * alone (the controller's openFiles); while the import worker runs, the
 * picker says so.
 */
import { useRef, type ChangeEvent } from 'react';
import { builtinScenarios } from '../app/scenarios.ts';
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
  const importing = useStore((s) => s.importing);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    // over 20 MB: said before reading it
    if (!files.some((f) => ctl.refuseLargeFile(f))) {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      await ctl.openFiles(read);
    }
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
          {builtinScenarios().map((s) => (
            <option key={s.id} value={s.id}>
              {pickName(lang, s.name)}
            </option>
          ))}
        </optgroup>
        {source !== 'builtin' && <option value={FILE_VALUE}>{otherLabel}</option>}
      </select>
      <button
        type="button"
        className="btn"
        onClick={() => fileRef.current?.click()}
        disabled={loading || importing !== null}
        title={t('scenario.openHint')}
      >
        <Icon name="open" /> {t('scenario.open')}
      </button>
      {importing !== null && (
        <span className="muted importing" role="status" data-testid="importing">
          {t('import.working', { name: importing })}
        </span>
      )}
      <input
        ref={fileRef}
        className="visually-hidden"
        data-testid="scenario-file"
        type="file"
        accept=".json,.geojson,.csv,application/json,application/geo+json,text/csv"
        multiple
        tabIndex={-1}
        aria-label={t('scenario.open')}
        onChange={(e) => void onFile(e)}
      />
    </div>
  );
}
