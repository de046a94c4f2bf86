import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { classify, type Problem } from './errors';
import { formatters, translator, type Formatters, type Lang, type Translate } from './i18n';
import type { Me } from './trpc';

// Language -------------------------------------------------------------------------------------

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
export const useLang = () => useContext(LangContext);

/** Formatters in the chosen language and the given (company) time zone. */
export function useFormat(timeZone: string): Formatters {
  const { lang } = useLang();
  return useMemo(() => formatters(lang, timeZone), [lang, timeZone]);
}

// Session --------------------------------------------------------------------------------------

export interface SessionContextValue {
  me: Me;
  /** A call was refused for want of a session: back to the sign-in screen, saying why. */
  sessionLost: () => void;
  signOut: () => void;
}
export const SessionContext = createContext<SessionContextValue | null>(null);
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}

// Routing --------------------------------------------------------------------------------------

const routeListeners = new Set<() => void>();
export function navigate(path: string) {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  for (const listener of routeListeners) listener();
}
export function useRoute(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    routeListeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      routeListeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

// Data -----------------------------------------------------------------------------------------

export interface AsyncState<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (and on `reload`), keeping the last data while reloading.
 * An UNAUTHORIZED answer ends the session on screen.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const session = useContext(SessionContext);
  const [state, setState] = useState<{
    data: T | undefined;
    problem: Problem | null;
    loading: boolean;
  }>({ data: undefined, problem: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const sessionLost = session?.sessionLost;
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, problem: null, loading: false }),
      (error: unknown) => {
        if (!live) return;
        const problem = classify(error);
        setState((previous) => ({ ...previous, problem, loading: false }));
        if (problem.kind === 'unauthorized') sessionLost?.();
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick, sessionLost]);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { ...state, reload };
}

/** The current time, refreshed every `ms`. */
export function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Whether the browser believes it is online. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
