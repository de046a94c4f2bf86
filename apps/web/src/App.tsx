import {
  Component,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { Employee } from './Employee';
import { History } from './History';
import { classify } from './errors';
import { LanguageSwitch } from './components';
import {
  LangContext,
  navigate,
  SessionContext,
  useLang,
  useOnline,
  useRoute,
  type LangContextValue,
} from './hooks';
import { pickLanguage, translator, type Lang, type MessageKey } from './i18n';
import { Login } from './Login';
import { indexedDbStore } from './queue';
import { TapSync } from './sync';
import { trpc, type Me } from './trpc';

const AdminApp = lazy(() => import('./admin/AdminApp'));

const LANG_KEY = 'absensi.lang';
const ME_KEY = 'absensi.me';

function readMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as Me | null;
  } catch {
    return null;
  }
}

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  static override contextType = LangContext;
  declare context: LangContextValue;
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const { t } = this.context;
    return (
      <main className="page narrow" role="alert">
        <h1>{t('errCrash')}</h1>
        <button className="button primary" onClick={() => location.reload()}>
          {t('reloadApp')}
        </button>
      </main>
    );
  }
}

function UpdatePrompt() {
  const { t } = useLang();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new deployment every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000);
    },
  });
  // "Ready offline" is news for a moment; a new version waits for the person to reload.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), 4_000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="toast" role="status">
      <span>{needRefresh ? t('updateAvailable') : t('offlineReady')}</span>
      {needRefresh && (
        <button className="button primary small" onClick={() => void updateServiceWorker(true)}>
          {t('reload')}
        </button>
      )}
      <button
        className="button small"
        onClick={() => {
          setNeedRefresh(false);
          setOfflineReady(false);
        }}
      >
        {t('dismiss')}
      </button>
    </div>
  );
}

function NavLink({ to, label, path }: { to: string; label: MessageKey; path: string }) {
  const { t } = useLang();
  const current = to === '/' || to === '/admin' ? path === to : path.startsWith(to);
  return (
    <a
      href={to}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {t(label)}
    </a>
  );
}

function Shell({ me, onSignOut, sync }: { me: Me; onSignOut: () => void; sync: TapSync }) {
  const { t } = useLang();
  const path = useRoute();
  const online = useOnline();
  const admin = me.role === 'admin';
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);
  let page: ReactNode;
  if (path.startsWith('/admin') && admin) {
    page = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminApp path={path} />
      </Suspense>
    );
  } else if (path === '/history') {
    page = <History />;
  } else {
    page = <Employee sync={sync} />;
  }
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('appName')}</span>
        </div>
        <nav aria-label={t('mainMenu')} className="nav">
          <NavLink to="/" label="navClock" path={path} />
          <NavLink to="/history" label="navHistory" path={path} />
          {admin && (
            <>
              <NavLink to="/admin" label="navDashboard" path={path} />
              <NavLink to="/admin/attendance" label="navAttendance" path={path} />
              <NavLink to="/admin/users" label="navUsers" path={path} />
              <NavLink to="/admin/export" label="navExport" path={path} />
              <NavLink to="/admin/settings" label="navSettings" path={path} />
            </>
          )}
        </nav>
        <div className="tools">
          <LanguageSwitch />
          <button className="button small" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {!online && (
        <p className="banner warn" role="status">
          {t('offlineBanner')}
        </p>
      )}
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={path.startsWith('/admin') ? 'page wide' : 'page'}
      >
        {page}
      </main>
    </>
  );
}

type Auth =
  | { status: 'checking' }
  | { status: 'in'; me: Me }
  | { status: 'out'; message: MessageKey | null; detail?: string };

function AuthGate() {
  const { t } = useLang();
  const [auth, setAuth] = useState<Auth>(() => {
    const cached = readMe();
    return cached ? { status: 'in', me: cached } : { status: 'checking' };
  });
  const sessionLost = useCallback(() => {
    localStorage.removeItem(ME_KEY);
    setAuth({ status: 'out', message: 'errSessionLost' });
  }, []);
  const sessionLostRef = useRef(sessionLost);
  sessionLostRef.current = sessionLost;
  const sync = useMemo(() => new TapSync(indexedDbStore(), () => sessionLostRef.current()), []);

  // Confirm the session with the server; offline, the cached identity keeps the clock usable.
  useEffect(() => {
    let live = true;
    trpc.auth.me.query().then(
      (me) => {
        if (!live) return;
        localStorage.setItem(ME_KEY, JSON.stringify(me));
        setAuth({ status: 'in', me });
      },
      (error: unknown) => {
        if (!live) return;
        const problem = classify(error);
        if (problem.kind === 'unauthorized') {
          const hadSession = readMe() !== null;
          localStorage.removeItem(ME_KEY);
          setAuth({ status: 'out', message: hadSession ? 'errSessionLost' : null });
        } else {
          setAuth((current) =>
            current.status === 'in'
              ? current
              : {
                  status: 'out',
                  message: problem.kind === 'network' ? 'errOffline' : 'errServerDown',
                },
          );
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const userId = auth.status === 'in' ? auth.me.id : null;
  useEffect(() => {
    if (userId === null) return;
    sync.start(userId);
    return () => sync.stop();
  }, [sync, userId]);

  const signOut = useCallback(() => {
    void trpc.auth.logout.mutate().catch(() => undefined);
    localStorage.removeItem(ME_KEY);
    setAuth({ status: 'out', message: null });
    navigate('/');
  }, []);

  const session = useMemo(
    () => (auth.status === 'in' ? { me: auth.me, sessionLost, signOut } : null),
    [auth, sessionLost, signOut],
  );

  if (auth.status === 'checking') {
    return (
      <main className="page narrow">
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }
  if (auth.status === 'out' || !session) {
    return (
      <Login
        notice={auth.status === 'out' && auth.message ? t(auth.message) : null}
        onSignedIn={(me) => {
          localStorage.setItem(ME_KEY, JSON.stringify(me));
          setAuth({ status: 'in', me });
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell me={session.me} onSignOut={signOut} sync={sync} />
    </SessionContext.Provider>
  );
}

export function App() {
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
  return (
    <LangContext.Provider value={value}>
      <ErrorBoundary>
        <UpdatePrompt />
        <AuthGate />
      </ErrorBoundary>
    </LangContext.Provider>
  );
}
