/**
 * Entry of the briefing page (briefing.html): `?id=<saved experiment>` read
 * from IndexedDB (the saved experiments of this browser), `?lang=zh-CN|en`
 * (default: the app's last choice, else zh-CN). No worker, no 3D: a page to
 * read and print. The experiments' tables read the language from an app
 * store; a small one is provided here, with the language switch.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSavedExperiments } from '../../app/savedExperiments.ts';
import { createStore, initialState, type AppState, type Lang } from '../../app/store.ts';
import type { Controller } from '../../app/controller.ts';
import { ControllerContext } from '../../app/useStore.ts';
import { loadSavedLang, saveLang } from '../../app/persist.ts';
import { DEFAULT_LANG, parseLang } from '../../i18n/lang.ts';
import { BriefingPage } from './BriefingPage.tsx';
import '../styles.css';
import './briefing.css';

const params = new URLSearchParams(location.search);
const lang: Lang = parseLang(params.get('lang')) ?? loadSavedLang() ?? DEFAULT_LANG;
const id = params.get('id') ?? '';
document.documentElement.lang = lang;
document.body.classList.add('briefing-body');

const store = createStore<AppState>(initialState(lang));
const page = {
  store,
  setLang(l: Lang) {
    store.setState({ lang: l });
    saveLang(l);
    document.documentElement.lang = l;
    const url = new URL(location.href);
    url.searchParams.set('lang', l);
    history.replaceState(null, '', url.pathname + url.search);
  },
} as unknown as Controller; // the components here use the store's language and setLang only

const saved = createSavedExperiments(null, null);
const load = () => saved.get(id);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={page}>
      <BriefingPage load={load} />
    </ControllerContext.Provider>
  </StrictMode>,
);
