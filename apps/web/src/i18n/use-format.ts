import { useMemo } from 'react';
import { formatters, type Formatters } from './format';
import { useLang } from './lang-context';

/** Formatters in the chosen language and the given (company) time zone. */
export function useFormat(timeZone: string): Formatters {
  const { lang } = useLang();
  return useMemo(() => formatters(lang, timeZone), [lang, timeZone]);
}

/** A wall-clock "HH:MM" (a shift's start) in the chosen language's one time style: 08:00 / 08.00. */
export function useWallClock(): (hhmm: string) => string {
  const { lang } = useLang();
  return useMemo(() => formatters(lang, 'UTC').clock, [lang]);
}
