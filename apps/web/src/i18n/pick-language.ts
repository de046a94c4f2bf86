import type { Lang } from './lang';

/** The language from an earlier choice, else the browser's first preference we speak, else Indonesian. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Lang {
  if (saved === 'id' || saved === 'en') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'id' || base === 'in' || base === 'ms') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}
