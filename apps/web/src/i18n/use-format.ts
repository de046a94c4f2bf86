import { useMemo } from 'react';
import { formatters, type Formatters } from './format';
import { useLang } from './lang-context';

/** Formatters in the chosen language and the given (company) time zone. */
export function useFormat(timeZone: string): Formatters {
  const { lang } = useLang();
  return useMemo(() => formatters(lang, timeZone), [lang, timeZone]);
}
