/** Language switch of the drill page: shows the button for the other language (zh-CN first). */
import { usePageController } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';

export function LangToggle() {
  const t = useT();
  const ctl = usePageController();
  const lang = useDrill((s) => s.lang);
  const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="btn lang"
      data-testid={`drill-lang-${next}`}
      lang={next}
      title={t('lang.switch')}
      onClick={() => ctl.setLang(next)}
    >
      {lang === 'zh-CN' ? 'English' : '中文'}
    </button>
  );
}
