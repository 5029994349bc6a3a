/*
 * Runs before any module of the page (a classic script, so it precedes the
 * bundles). A browser may report a language tag that Intl rejects: Chromium
 * in the C/POSIX locale reports navigator.language 'en-US@posix'. A library
 * that formats with navigator.language when it loads (uPlot makes
 * `new Intl.NumberFormat(navigator.language)` at import) then throws
 * "Invalid language tag" and the page never starts. Here such a tag is
 * replaced by the nearest valid one: 'en-US@posix' → 'en-US',
 * 'zh_CN.UTF-8' → 'zh-CN', anything else → 'en-US'.
 *
 * Our own texts never read navigator.language: src/i18n/lang.ts maps any tag
 * to our languages and gives Intl fixed tags. test/localeGuard.test.ts runs
 * this file against fake navigators.
 */
(function () {
  function valid(tag) {
    try {
      return typeof tag === 'string' && tag !== '' && Intl.getCanonicalLocales(tag).length === 1;
    } catch (e) {
      return false;
    }
  }
  function repair(tag) {
    if (valid(tag)) return tag;
    var t = String(tag || '')
      .split('@')[0]
      .split('.')[0]
      .replace(/_/g, '-');
    return valid(t) && t.length > 1 ? t : 'en-US';
  }
  try {
    var nav = navigator;
    var lang = repair(nav.language);
    var langs = Array.prototype.map.call(nav.languages || [], repair);
    if (lang !== nav.language) Object.defineProperty(nav, 'language', { value: lang, configurable: true });
    var changed = langs.some(function (l, i) {
      return l !== nav.languages[i];
    });
    if (changed) Object.defineProperty(nav, 'languages', { value: Object.freeze(langs), configurable: true });
  } catch (e) {
    // leave navigator as it is: nothing here may stop the page
  }
})();
