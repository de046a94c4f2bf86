/**
 * The refusal texts (messages/reasons.ts), fetched apart from the first download: loaded when the
 * app starts (LangProvider) and by any screen that shows a refusal. Until they are here, a refusal
 * is said by its kind (errors.ts).
 */
import { useEffect, useState } from 'react';
import { loadPatiently } from '../app/load-patiently';
import type { Lang } from './lang';

type Texts = Readonly<Record<string, string>>;

let loaded: Record<Lang, Texts> | null = null;
let loading: Promise<void> | null = null;

/** Fetches the refusal texts once; later calls share the same promise. */
export function loadRefusalTexts(): Promise<void> {
  loading ??= loadPatiently(() => import('./messages/reasons')).then((module) => {
    loaded = module.REFUSAL_TEXTS;
  });
  return loading;
}

/** The refusal texts of a language, or null while they are not loaded yet. */
export function refusalTexts(lang: Lang): Texts | null {
  return loaded?.[lang] ?? null;
}

/** Loads the refusal texts and re-renders once they are here; true when they are. */
export function useRefusalTexts(): boolean {
  const [ready, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (!ready) void loadRefusalTexts().then(() => setReady(true));
  }, [ready]);
  return ready;
}
