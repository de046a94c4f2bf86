import { createContext, useContext } from 'react';
import type { Lang } from './lang';
import { translator, type Translate } from './translate';

export interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const LangContext = createContext<LangContextValue>({
  lang: 'id',
  setLang: () => undefined,
  t: translator('id'),
});

/** The chosen language, its `t`, and a way to choose another. */
export const useLang = () => useContext(LangContext);
