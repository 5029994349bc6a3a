/**
 * Entry of the drill page (drill.html).
 *
 * URL parameters:
 * - `drill=<id>`: a built-in drill (scenarios/drills/*.json);
 * - `role=trainer|trainee|review`: this window's role. The trainer's window
 *   hosts the drill; trainee windows of the same browser follow it over a
 *   BroadcastChannel. `review` opens a saved drill record. Without a role:
 *   the start page listing the drills;
 * - `lang=zh-CN|en` (also `zh`, `en-US`…; default: the last choice, else zh-CN);
 * - `seat=<id>` (trainee): the seat this window takes (`all`: the whole command
 *   scope); without it a drill with seats asks the trainee to choose one.
 *
 * A trainee window's link also carries the trainer session's token, in the
 * fragment, never in the query: `#token=<32 hex digits>` (the trainer's
 * console makes the link; see src/client/sessionToken.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDrillClient, type DrillClient } from '../../client/drillClient.ts';
import { tokenFromHash } from '../../client/sessionToken.ts';
import { createStore, initialPageState, PageStoreContext, type Lang, type Role, type DrillPageState } from './store.ts';
import { PageControllerContext, type PageController } from './context.ts';
import { drillById, BUILTIN_DRILLS } from './drills.ts';
import { createTrainer } from './trainer.ts';
import { createTrainee } from './trainee.ts';
import { createReviewController } from './review.ts';
import { savedLang } from './console.ts';
import { DrillApp } from '../../ui/drill/DrillApp.tsx';
import { renderReport } from '../../ui/drill/report.ts';
import { translate } from '../../i18n/drill/index.ts';
import { DEFAULT_LANG, parseLang } from '../../i18n/lang.ts';
import '../../ui/styles.css';
import '../../ui/drill/drill.css';

const params = new URLSearchParams(location.search);
// a tag such as 'en-US' or 'zh' maps to our language; anything else falls back
const lang: Lang = parseLang(params.get('lang')) ?? savedLang() ?? DEFAULT_LANG;
const roleParam = params.get('role');
const drillParam = params.get('drill');
const drill = drillById(drillParam ?? '') ?? (drillParam === null && roleParam ? BUILTIN_DRILLS[0] : undefined);
const role: Role =
  roleParam === 'trainer' || roleParam === 'trainee'
    ? drill
      ? roleParam
      : 'home'
    : roleParam === 'review'
      ? 'review'
      : 'home';

document.documentElement.lang = lang;
const store = createStore<DrillPageState>(initialPageState(role, lang, drill?.id ?? null));

const setLang = (l: Lang) => {
  document.documentElement.lang = l;
  try {
    localStorage.setItem('allweather.drill.lang', l);
  } catch {
    /* private mode */
  }
  store.setState({ lang: l });
};

function controllerFor(): PageController {
  if (role === 'trainer' && drill) return createTrainer(drill, store, renderReport);
  if (role === 'trainee' && drill)
    return createTrainee(drill.id, store, tokenFromHash(location.hash), renderReport, params.get('seat'));
  if (role === 'review') {
    let client: DrillClient | null = null;
    const review = createReviewController(() => (client ??= createDrillClient()), renderReport);
    return { role: 'review', store, review, setLang, closeReview: () => undefined, dispose: () => client?.dispose() };
  }
  return { role: 'home', store, setLang, dispose: () => undefined };
}

const ctl = controllerFor();
const titleKey =
  role === 'trainer'
    ? 'role.trainer'
    : role === 'trainee'
      ? 'role.trainee'
      : role === 'review'
        ? 'role.review'
        : 'home.title';
document.title = `${translate(lang, titleKey)} · ${translate(lang, 'app.title')}`;
addEventListener('pagehide', () => ctl.dispose());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PageStoreContext.Provider value={store}>
      <PageControllerContext.Provider value={ctl}>
        <DrillApp />
      </PageControllerContext.Provider>
    </PageStoreContext.Provider>
  </StrictMode>,
);
