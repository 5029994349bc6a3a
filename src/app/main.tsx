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
import type { Controller } from './controller.ts';
import type { EditorController } from './editor.ts';
import type { AppliedController } from './applied.ts';
import { loadSavedLang, loadSavedScenario } from './persist.ts';
import { DEFAULT_LANG, parseLang } from '../i18n/lang.ts';
import { formatNumber } from '../i18n/number.ts';
import { nextTask } from './nextTask.ts';
import type { Lang, View } from './store.ts';
import '../ui/styles.css';

const params = new URLSearchParams(location.search);
// a tag such as 'en-US' or 'zh' maps to our language; anything else falls back
const lang: Lang = parseLang(params.get('lang')) ?? loadSavedLang() ?? DEFAULT_LANG;
document.documentElement.lang = lang;

/** The controllers the first-open steps use. */
interface Opened {
  ctl: Controller;
  editor: EditorController;
  applied: AppliedController;
  builtinById: typeof import('./scenarios.ts').builtinById;
  DEFAULT_SCENARIO_ID: string;
  readShareHash: typeof import('./shareLink.ts').readShareHash;
}

/**
 * Start in steps, each its own task (nextTask between them), so that no
 * single task evaluates the whole app (0.3–0.7 s on a loaded machine, which
 * blocked the page while a large district loaded; issue 12):
 * 1. the live client: its worker starts loading at once;
 * 2. zod, the scenario format (its schemas), then the statistics (t quantiles)
 *    that the controllers below import: imported here only so that their
 *    modules evaluate in tasks of their own;
 * 3. the live controller, the editor, the applied scenario;
 * 4. the experiments, decisions and saved results;
 * 5. React, the language's number format (its first use loads locale
 *    data), then the app's components, rendered as a transition (React
 *    renders it in slices and yields between them).
 * The panels that the first screen does not show load when first shown (App.tsx).
 */
async function start(): Promise<Opened> {
  const { createLiveClient } = await import('../client/liveClient.ts');
  const client = createLiveClient();
  await nextTask();
  await import('zod');
  await nextTask();
  await import('../scenario/load.ts');
  await nextTask();
  await import('../analysis/aggregate.ts');
  await nextTask();
  const [{ createController }, { createEditor }, { createApplied }, scenarios, shareLink] = await Promise.all([
    import('./controller.ts'),
    import('./editor.ts'),
    import('./applied.ts'),
    import('./scenarios.ts'),
    import('./shareLink.ts'),
  ]);
  const ctl = createController(client, lang);
  const editor = createEditor(ctl);
  const applied = createApplied(ctl);
  await nextTask();

  const [{ createExperiments }, { createLiveDiagnosis }, { createDecisions }, { createSavedExperiments }] =
    await Promise.all([
      import('./experiments.ts'),
      import('./liveDiagnosis.ts'),
      import('./decisions.ts'),
      import('./savedExperiments.ts'),
    ]);
  const experiments = createExperiments(ctl);
  const liveDiagnosis = createLiveDiagnosis(ctl);
  const decisions = createDecisions(ctl, experiments);
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
  await nextTask();

  const [{ StrictMode, startTransition }, { createRoot }] = await Promise.all([
    import('react'),
    import('react-dom/client'),
  ]);
  await nextTask();
  formatNumber(lang, 1234.5); // the first number format loads the locale's data (~0.1 s under load): not in the render
  await nextTask();
  const [{ App }, stores, decisionHooks, { AppliedContext }, { SavedContext }] = await Promise.all([
    import('./App.tsx'),
    import('./useStore.ts'),
    import('./useDecisions.ts'),
    import('./useApplied.ts'),
    import('./useSaved.ts'),
  ]);
  const { ControllerContext, EditorContext, ExperimentsContext } = stores;
  const { DecisionsContext, LiveDiagnosisContext } = decisionHooks;
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
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
    ),
  );
  return {
    ctl,
    editor,
    applied,
    builtinById: scenarios.builtinById,
    DEFAULT_SCENARIO_ID: scenarios.DEFAULT_SCENARIO_ID,
    readShareHash: shareLink.readShareHash,
  };
}

const LINK_LABEL = '分享链接 / share link';

/** A share link's scenario, if the URL has one. Resolves true when it loaded. */
async function openFromHash(o: Opened, seed: number | undefined): Promise<boolean> {
  const { ctl, readShareHash } = o;
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

async function openFirst(o: Opened): Promise<void> {
  const { ctl, editor, applied, builtinById, DEFAULT_SCENARIO_ID } = o;
  const seedParam = params.get('seed');
  const seed = seedParam !== null && /^\d+$/.test(seedParam) ? Number(seedParam) : undefined;
  await editor.restore();
  editor.follow((run) => void nextTask().then(run));
  await applied.read();
  applied.follow();
  const saved = loadSavedScenario();
  const lastApplied = saved?.source === 'edited';
  if (await openFromHash(o, seed)) {
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
    dropOpenParams(ctl, urlId);
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
function dropOpenParams(ctl: Controller, urlId: string): void {
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

void start().then((o) => {
  void openFirst(o);
  // a share link pasted into this tab changes only the hash
  window.addEventListener('hashchange', () => void openFromHash(o, undefined));
});
