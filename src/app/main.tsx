/**
 * Browser entry: start the live worker, create the controllers (live run,
 * experiments on a worker pool, scenario editor), render, and open the first
 * scenario.
 *
 * Which scenario opens first:
 * 1. a share link's scenario (`#s=…` whole, `#b=…&d=…` as a difference from a
 *    built-in: shareLink.ts), validated; a damaged, refused or invalid one
 *    shows its errors and the app carries on with 2–4;
 * 2. `?scenario=<built-in id>`;
 * 3. the last scenario opened (persist.ts); when that was a scenario applied
 *    from the editor, it comes back from IndexedDB (applied.ts) with a notice
 *    and a way back to its built-in;
 * 4. the default built-in.
 * 1 and 2 are explicit requests and win over 3; when they displace an
 * applied scenario, the notice says it was kept and offers it back. Once the
 * live run is no longer the `?scenario=` built-in (an edit applied, another
 * scenario opened), `scenario` and `seed` leave the address bar, so a reload
 * restores where the planner was rather than the URL's built-in.
 * The editor's autosaved draft (IndexedDB) is restored before, so a reload
 * loses no edit; draft and applied scenario are kept separately.
 *
 * URL parameters: `?scenario=<built-in id>`, `?seed=<n>`, `?lang=en|zh-CN` (also `zh`, `en-US`…),
 * `?view=live|experiments|editor`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLiveClient } from '../client/liveClient.ts';
import { createController } from './controller.ts';
import { createExperiments } from './experiments.ts';
import { createEditor } from './editor.ts';
import { createLiveDiagnosis } from './liveDiagnosis.ts';
import { createDecisions } from './decisions.ts';
import { createApplied } from './applied.ts';
import { ControllerContext, EditorContext, ExperimentsContext } from './useStore.ts';
import { DecisionsContext, LiveDiagnosisContext } from './useDecisions.ts';
import { AppliedContext } from './useApplied.ts';
import { createSavedExperiments } from './savedExperiments.ts';
import { SavedContext } from './useSaved.ts';
import { App } from './App.tsx';
import { loadSavedLang, loadSavedScenario } from './persist.ts';
import { DEFAULT_LANG, parseLang } from '../i18n/lang.ts';
import { builtinById, DEFAULT_SCENARIO_ID } from './scenarios.ts';
import { readShareHash } from './shareLink.ts';
import type { Lang, View } from './store.ts';
import '../ui/styles.css';

const params = new URLSearchParams(location.search);
// a tag such as 'en-US' or 'zh' maps to our language; anything else falls back
const lang: Lang = parseLang(params.get('lang')) ?? loadSavedLang() ?? DEFAULT_LANG;
document.documentElement.lang = lang;

const ctl = createController(createLiveClient(), lang);
const experiments = createExperiments(ctl);
const editor = createEditor(ctl);
const liveDiagnosis = createLiveDiagnosis(ctl);
const decisions = createDecisions(ctl, experiments);
const applied = createApplied(ctl);
// every finished experiment is kept in IndexedDB; an exported file opened or dropped goes back into the history
const saved = createSavedExperiments(experiments, decisions, () => ctl.store.getState().scenarioText);
void saved.load().then(() => saved.follow());
ctl.onExperimentsFile = async (file) => {
  const n = await saved.importText(file.name, file.text);
  ctl.setView('experiments');
  experiments.setTab('history');
  return n > 0;
};
const urlView = params.get('view');
if (urlView === 'experiments' || urlView === 'editor' || urlView === 'live') ctl.setView(urlView as View);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={ctl}>
      <ExperimentsContext.Provider value={experiments}>
        <EditorContext.Provider value={editor}>
          <LiveDiagnosisContext.Provider value={liveDiagnosis}>
            <DecisionsContext.Provider value={decisions}>
              <AppliedContext.Provider value={applied}>
                <SavedContext.Provider value={saved}>
                  <App />
                </SavedContext.Provider>
              </AppliedContext.Provider>
            </DecisionsContext.Provider>
          </LiveDiagnosisContext.Provider>
        </EditorContext.Provider>
      </ExperimentsContext.Provider>
    </ControllerContext.Provider>
  </StrictMode>,
);

const LINK_LABEL = '分享链接 / share link';

/** A share link's scenario, if the URL has one. Resolves true when it loaded. */
async function openFromHash(seed: number | undefined): Promise<boolean> {
  const link = readShareHash(location.hash);
  if (link.kind === 'none') return false;
  // the hash has done its job; a reload should not undo later edits
  history.replaceState(null, '', location.pathname + location.search);
  if (link.kind === 'refused') {
    ctl.showErrors(link.errors, LINK_LABEL);
    return false;
  }
  if (link.kind === 'damaged') {
    ctl.showErrors(
      [
        {
          path: '$',
          code: 'link_damaged',
          zh: '分享链接已损坏（无法解压），请重新复制完整链接',
          en: 'The share link is damaged (it does not decompress); copy the whole link again',
        },
      ],
      LINK_LABEL,
    );
    return false;
  }
  const ok = await ctl.loadText(link.text, 'link', LINK_LABEL, seed);
  const errors = ctl.store.getState().errors;
  if (!ok && errors) ctl.showErrors(errors, LINK_LABEL); // keep the errors visible while the fallback loads
  return ok;
}

async function openFirst(): Promise<void> {
  const seedParam = params.get('seed');
  const seed = seedParam !== null && /^\d+$/.test(seedParam) ? Number(seedParam) : undefined;
  await editor.restore();
  editor.follow();
  await applied.read();
  applied.follow();
  const saved = loadSavedScenario();
  const lastApplied = saved?.source === 'edited';
  if (await openFromHash(seed)) {
    if (lastApplied) applied.kept('link');
    return;
  }
  const keepErrors = ctl.store.getState().errors;
  const urlId = params.get('scenario');
  const done = async (ok: Promise<boolean>) => {
    const r = await ok;
    if (r && keepErrors) ctl.showErrors(keepErrors, LINK_LABEL);
    return r;
  };
  if (urlId && builtinById(urlId)) {
    await done(ctl.loadBuiltin(urlId, seed));
    if (lastApplied) applied.kept('url');
    dropOpenParams(urlId);
    return;
  }
  const last = urlId ? null : saved; // an unknown ?scenario= opens the default
  if (last?.source === 'edited' && (await done(applied.restore()))) return;
  if (last && last.source !== 'builtin' && last.text) {
    // a file or a link (an applied edit saved by an older version also had its text here)
    if (await done(ctl.loadText(last.text, last.source, last.fileName ?? last.id))) return;
  } else if (last && builtinById(last.id)) {
    if (await done(ctl.loadBuiltin(last.id, seed))) return;
  }
  await done(ctl.loadBuiltin(DEFAULT_SCENARIO_ID, seed));
}

/** Once the live run is no longer the URL's built-in, `?scenario=` and `?seed=` leave the address bar (a reload then restores the last state). */
function dropOpenParams(urlId: string): void {
  const off = ctl.store.subscribe(() => {
    const s = ctl.store.getState();
    if (s.loading || (s.scenarioSource === 'builtin' && s.scenarioId === urlId)) return;
    off();
    const url = new URL(location.href);
    url.searchParams.delete('scenario');
    url.searchParams.delete('seed');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  });
}

void openFirst();

// a share link pasted into this tab changes only the hash
window.addEventListener('hashchange', () => void openFromHash(undefined));
