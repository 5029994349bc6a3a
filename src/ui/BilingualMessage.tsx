/**
 * One message in both languages, as every error (and the drill's notices) is
 * shown: the page's language first, the other language after it, each span
 * marked with its `lang`. A space between them keeps the two apart where
 * they run inline; in a flex or grid item (the lists' usual layout) it takes
 * no room.
 *
 * Props:
 * - `msg`: the text in both languages;
 * - `lang`: the page's language, shown first;
 * - `className`: the first span's class (default `error-msg`);
 * - `altClassName`: the second span's class (default `error-msg-alt`).
 */
import type { Bilingual, Lang } from '../i18n/lang.ts';

export interface BilingualMessageProps {
  msg: Bilingual;
  lang: Lang;
  className?: string;
  altClassName?: string;
}

export function BilingualMessage({
  msg,
  lang,
  className = 'error-msg',
  altClassName = 'error-msg-alt',
}: BilingualMessageProps) {
  const en = lang === 'en';
  return (
    <>
      <span className={className} lang={lang}>
        {en ? msg.en : msg.zh}
      </span>{' '}
      <span className={altClassName} lang={en ? 'zh-CN' : 'en'}>
        {en ? msg.zh : msg.en}
      </span>
    </>
  );
}
