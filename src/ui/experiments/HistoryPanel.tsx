/**
 * The history of saved experiments (历史): every experiment that finished,
 * newest first, searchable by name, scenario, kind and date. Each row opens
 * (the results as saved), gives its briefing page, exports, renames or is
 * deleted; two ticked rows are compared (paired or Welch, said). "Export
 * all" writes one file that opens back through "Open", a drop, or "Import".
 */
import { useRef } from 'react';
import { kindName, matches } from '../../app/savedExperiments.ts';
import { useSaved, useSavedState } from '../../app/useSaved.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { openBriefing } from './briefingLink.ts';
import { saveFile } from './download.ts';
import { fmtDate, shownTitle } from './savedText.ts';
import { SavedCompare } from './SavedCompare.tsx';
import { SavedView } from './SavedView.tsx';

export function HistoryPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const saved = useSaved();
  const items = useSavedState((s) => s.items);
  const query = useSavedState((s) => s.query);
  const open = useSavedState((s) => s.open);
  const picked = useSavedState((s) => s.picked);
  const problems = useSavedState((s) => s.problems);
  const message = useSavedState((s) => s.message);
  const loaded = useSavedState((s) => s.loaded);
  const fileRef = useRef<HTMLInputElement>(null);
  const shown = items.filter((m) => matches(m, query));
  const exportIds = (ids: string[]) =>
    void saved.exportFile(ids, lang).then((f) => saveFile(f.name, 'application/json', f.text));

  return (
    <div className="history-panel" data-testid="history" data-count={items.length} data-loaded={String(loaded)}>
      <p className="muted small">{t('hist.intro')}</p>
      {(problems.length > 0 || message) && (
        <div className={problems.length > 0 ? 'notice warn' : 'notice'} role="status" data-testid="history-notice">
          {message && <p>{pickName(lang, message)}</p>}
          {problems.length > 0 && (
            <>
              <p>{t('hist.problems')}</p>
              <ul data-testid="history-problems">
                {problems.map((p, i) => (
                  <li key={i}>{pickName(lang, p)}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={() => saved.dismissProblems()}>
            {t('hist.dismiss')}
          </button>
        </div>
      )}
      {open && <SavedView record={open} />}
      <div className="history-tools">
        <input
          type="search"
          data-testid="history-search"
          placeholder={t('hist.search')}
          aria-label={t('hist.search')}
          value={query}
          onChange={(e) => saved.setQuery(e.target.value)}
        />
        <button
          type="button"
          data-testid="history-export-all"
          disabled={items.length === 0}
          onClick={() => exportIds([])}
        >
          {t('hist.exportAll')}
        </button>
        <button type="button" data-testid="history-import" onClick={() => fileRef.current?.click()}>
          {t('hist.import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          accept=".json,application/json"
          data-testid="history-import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void f.text().then((text) => saved.importText(f.name, text));
          }}
        />
      </div>
      <p className="muted small" data-testid="history-pick-hint">
        {t('hist.pickTwo', { n: picked.length })}{' '}
        <button
          type="button"
          data-testid="history-compare"
          disabled={picked.length !== 2}
          onClick={() => void saved.compare()}
        >
          {t('hist.compare')}
        </button>
      </p>
      <SavedCompare />
      {loaded && items.length === 0 ? (
        <p className="muted">{t('hist.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('hist.noMatch', { q: query })}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table history-table" data-testid="history-table">
            <caption className="muted small">{t('hist.count', { n: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hist.col.pick')}</th>
                <th scope="col">{t('hist.col.name')}</th>
                <th scope="col">{t('hist.col.kind')}</th>
                <th scope="col">{t('hist.col.date')}</th>
                <th scope="col" className="num">
                  {t('hist.col.reps')}
                </th>
                <th scope="col">{t('hist.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => {
                const name = shownTitle(lang, m);
                return (
                  <tr key={m.id} data-id={m.id} data-kind={m.kind} className={open?.id === m.id ? 'selected' : ''}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('hist.col.pick')}: ${name}`}
                        data-testid="history-pick"
                        checked={picked.includes(m.id)}
                        onChange={() => saved.pick(m.id)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        data-testid="history-open"
                        onClick={() => void saved.reopen(m.id)}
                      >
                        {name}
                      </button>
                      <div className="muted small" title={m.scenarioId} data-scenario-id={m.scenarioId}>
                        {m.scenarioName ? pickName(lang, m.scenarioName) : m.scenarioId}
                      </div>
                    </td>
                    <td>{pickName(lang, kindName(m.kind))}</td>
                    <td className="nowrap">{fmtDate(m.createdAt)}</td>
                    <td className="num">{m.replications}</td>
                    <td className="button-row nowrap">
                      <button type="button" data-testid="history-briefing" onClick={() => openBriefing(m.id, lang)}>
                        {t('hist.briefing')}
                      </button>
                      <button type="button" data-testid="history-export" onClick={() => exportIds([m.id])}>
                        {t('hist.export')}
                      </button>
                      <button
                        type="button"
                        data-testid="history-rename"
                        onClick={() => {
                          const n = window.prompt(t('hist.renamePrompt'), name);
                          if (n !== null && n.trim()) void saved.rename(m.id, n);
                        }}
                      >
                        {t('hist.rename')}
                      </button>
                      <button
                        type="button"
                        data-testid="history-delete"
                        onClick={() => {
                          if (window.confirm(t('hist.deleteConfirm', { name }))) void saved.remove(m.id);
                        }}
                      >
                        {t('hist.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
