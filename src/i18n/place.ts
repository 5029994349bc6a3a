/** A place's name in a language: its English name in English when the data gives one, else the name as the data has it. */
import type { Lang } from './lang.ts';

export function placeName(p: { name: string; nameEn?: string }, lang: Lang): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.name;
}
