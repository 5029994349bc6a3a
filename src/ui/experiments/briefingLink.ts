/** The briefing page of a saved experiment (briefing.html), in a language. */
import type { Lang } from '../../app/store.ts';

export function briefingUrl(id: string, lang: Lang): string {
  return `./briefing.html?id=${encodeURIComponent(id)}&lang=${encodeURIComponent(lang)}`;
}

/** Open it in a new tab (a window the planner can print). */
export function openBriefing(id: string, lang: Lang): void {
  window.open(briefingUrl(id, lang), '_blank', 'noopener');
}
