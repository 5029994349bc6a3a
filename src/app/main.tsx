/**
 * Browser entry: start the live worker, create the controllers (live run,
 * experiments on a worker pool, scenario editor), render, and open the first
 * scenario.
 *
 * Which scenario opens first:
 * 1. a share link's scenario (`#s=<lz-string>`), validated; a damaged or
 *    invalid one shows its errors and the app carries on with 2–4;
 * 2. `?scenario=<built-in id>`;
 * 3. the last scenario opened (persist.ts);
 * 4. the default built-in.
 * The editor's autosaved draft (IndexedDB) is restored before, so a reload
 * loses no edit.
 *
 * URL parameters: `?scenario=<built-in id>`, `?seed=<n>`, `?lang=en|zh-CN`,
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
import { ControllerContext, EditorContext, ExperimentsContext } from './useStore.ts';
import { DecisionsContext, LiveDiagnosisContext } from './useDecisions.ts';
import { App } from './App.tsx';
import { loadSavedLang, loadSavedScenario } from './persist.ts';
import { builtinById, DEFAULT_SCENARIO_ID } from './scenarios.ts';
import { readShareHash } from './shareLink.ts';
import type { Lang, View } from './store.ts';
import '../ui/styles.css';

const params = new URLSearchParams(location.search);
const urlLang = params.get('lang');
const lang: Lang = urlLang === 'en' || urlLang === 'zh-CN' ? urlLang : (loadSavedLang() ?? 'zh-CN');
document.documentElement.lang = lang;

const ctl = createController(createLiveClient(), lang);
const experiments = createExperiments(ctl);
const editor = createEditor(ctl);
const liveDiagnosis = createLiveDiagnosis(ctl);
const decisions = createDecisions(ctl, experiments);
const urlView = params.get('view');
if (urlView === 'experiments' || urlView === 'editor' || urlView === 'live') ctl.setView(urlView as View);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={ctl}>
      <ExperimentsContext.Provider value={experiments}>
        <EditorContext.Provider value={editor}>
          <LiveDiagnosisContext.Provider value={liveDiagnosis}>
            <DecisionsContext.Provider value={decisions}>
              <App />
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
  if (link.kind === 'damaged') {
    ctl.showErrors([{
      path: '$', code: 'link_damaged',
      zh: '分享链接已损坏（无法解压），请重新复制完整链接', en: 'The share link is damaged (it does not decompress); copy the whole link again',
    }], LINK_LABEL);
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
  if (await openFromHash(seed)) return;
  const keepErrors = ctl.store.getState().errors;
  const urlId = params.get('scenario');
  const done = async (ok: Promise<boolean>) => {
    const r = await ok;
    if (r && keepErrors) ctl.showErrors(keepErrors, LINK_LABEL);
    return r;
  };
  if (urlId && builtinById(urlId)) {
    await done(ctl.loadBuiltin(urlId, seed));
    return;
  }
  const saved = urlId ? null : loadSavedScenario();
  if (saved && saved.source !== 'builtin' && saved.text) {
    if (await done(ctl.loadText(saved.text, saved.source, saved.fileName ?? saved.id))) return;
  } else if (saved && builtinById(saved.id)) {
    if (await done(ctl.loadBuiltin(saved.id, seed))) return;
  }
  await done(ctl.loadBuiltin(DEFAULT_SCENARIO_ID, seed));
}

void openFirst();

// a share link pasted into this tab changes only the hash
window.addEventListener('hashchange', () => void openFromHash(undefined));
