/**
 * Browser entry: start the live worker, create the controller, render, and
 * open the default scenario (or the one in the URL, or the last one opened).
 *
 * URL parameters: `?scenario=<built-in id>`, `?seed=<n>`, `?lang=en|zh-CN`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLiveClient } from '../client/liveClient.ts';
import { createController } from './controller.ts';
import { ControllerContext } from './useStore.ts';
import { App } from './App.tsx';
import { loadSavedLang, loadSavedScenario } from './persist.ts';
import { builtinById, DEFAULT_SCENARIO_ID } from './scenarios.ts';
import type { Lang } from './store.ts';
import '../ui/styles.css';

const params = new URLSearchParams(location.search);
const urlLang = params.get('lang');
const lang: Lang = urlLang === 'en' || urlLang === 'zh-CN' ? urlLang : (loadSavedLang() ?? 'zh-CN');
document.documentElement.lang = lang;

const ctl = createController(createLiveClient(), lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={ctl}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);

async function openFirst(): Promise<void> {
  const seedParam = params.get('seed');
  const seed = seedParam !== null && /^\d+$/.test(seedParam) ? Number(seedParam) : undefined;
  const urlId = params.get('scenario');
  if (urlId && builtinById(urlId)) {
    await ctl.loadBuiltin(urlId, seed);
    return;
  }
  const saved = urlId ? null : loadSavedScenario();
  if (saved?.source === 'file' && saved.text) {
    if (await ctl.loadFile(saved.fileName ?? saved.id, saved.text)) return;
  } else if (saved && builtinById(saved.id)) {
    if (await ctl.loadBuiltin(saved.id, seed)) return;
  }
  await ctl.loadBuiltin(DEFAULT_SCENARIO_ID, seed);
}

void openFirst();
