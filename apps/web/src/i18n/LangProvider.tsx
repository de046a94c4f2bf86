import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './lang';
import { LangContext, type LangContextValue } from './lang-context';
import { pickLanguage } from './pick-language';
import { afterFirstPaint } from '../app/after-paint';
import { loadRefusalTexts } from './refusal-texts';
import { translator } from './translate';

const LANG_KEY = 'absensi.lang';

/** Holds the language: an earlier choice on this phone, else the browser's; sets <html lang>. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    pickLanguage(localStorage.getItem(LANG_KEY), navigator.languages ?? [navigator.language]),
  );
  const value = useMemo<LangContextValue>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The refusal texts come after the first screen is drawn, in their own chunk.
  useEffect(() => {
    void afterFirstPaint().then(loadRefusalTexts);
  }, []);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}
