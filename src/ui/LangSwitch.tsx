/** Language switch: shows the button for the other language (zh-CN default). */
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';

export function LangSwitch() {
  const t = useT();
  const ctl = useController();
  const lang = useStore((s) => s.lang);
  return lang === 'zh-CN' ? (
    <button
      type="button"
      className="btn lang"
      data-testid="lang-en"
      lang="en"
      title={t('lang.switchLabel')}
      onClick={() => ctl.setLang('en')}
    >
      {t('lang.toEn')}
    </button>
  ) : (
    <button
      type="button"
      className="btn lang"
      data-testid="lang-zh"
      lang="zh-CN"
      title={t('lang.switchLabel')}
      onClick={() => ctl.setLang('zh-CN')}
    >
      {t('lang.toZh')}
    </button>
  );
}
