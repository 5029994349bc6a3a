/**
 * Source text for the scanners in test/: the same file with comments
 * blanked (strings kept), and with comments and string contents blanked,
 * every newline kept so offsets map to the same lines. Used by
 * purity.test.ts (floor 0's content rules) and floors.test.ts (the import
 * graph of every folder).
 */

/**
 * Blank comments (keep strings) and, separately, blank comments and string
 * contents, keeping every newline so line numbers still match. Regex
 * literals are recognised after an operator or keyword, well enough for
 * hand-written source.
 */
export function strip(src: string): { noComments: string; codeOnly: string } {
  let a = '';
  let b = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const push = (s: string, keepInA: boolean, keepInB: boolean) => {
    a += keepInA ? s : blank(s);
    b += keepInB ? s : blank(s);
  };
  let prevSignificant = '';
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const j = end < 0 ? src.length : end;
      push(src.slice(i, j), false, false);
      i = j;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const j = end < 0 ? src.length : end + 2;
      push(src.slice(i, j), false, false);
      i = j;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, src.length);
      push(c, true, true);
      push(src.slice(i + 1, j - 1), true, false);
      push(src.slice(j - 1, j), true, true);
      i = j;
      prevSignificant = c;
    } else if (
      c === '/' &&
      (prevSignificant === '' ||
        /[(,=:[!&|?{};+\-*%<>~^]$/.test(prevSignificant) ||
        /\b(return|typeof|case|in|of)$/.test(prevSignificant))
    ) {
      // A regex literal: skip to the closing slash (outside a character class).
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      push(src.slice(i, j + 1), true, false);
      i = j + 1;
      prevSignificant = 'regex';
    } else {
      push(c, true, true);
      if (!/\s/.test(c))
        prevSignificant = /[\w$]/.test(c) ? (/[\w$]$/.test(prevSignificant) ? prevSignificant + c : c) : c;
      i++;
    }
  }
  return { noComments: a, codeOnly: b };
}
