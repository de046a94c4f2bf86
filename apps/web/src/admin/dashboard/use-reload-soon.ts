import { useCallback, useEffect, useRef } from 'react';

/**
 * `reload`, asked for as often as events arrive, run at once after a quiet spell and then at most
 * once per `everyMs`: a steady rush still refreshes the picture without a request per event.
 */
export function useReloadSoon(reload: () => void, everyMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastReload = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    const wait = Math.max(0, lastReload.current + everyMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastReload.current = Date.now();
      reload();
    }, wait);
  }, [reload, everyMs]);
}
