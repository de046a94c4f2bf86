import { useMemo } from 'react';
import { Login } from '../auth/Login';
import { SessionContext } from '../auth/session';
import { useAuth } from '../auth/use-auth';
import { useTapSync } from '../clock/use-tap-sync';
import { useLang } from '../i18n/lang-context';
import { Shell } from './Shell';

/** Sign-in until there is a session, then the app; the tap queue syncs while someone is in. */
export function AuthGate() {
  const { t } = useLang();
  const { auth, signedIn, signOut, sessionLost } = useAuth();
  const me = auth.status === 'in' ? auth.me : null;
  const sync = useTapSync(me?.id ?? null, sessionLost);
  const session = useMemo(
    () => (me ? { me, sessionLost, signOut } : null),
    [me, sessionLost, signOut],
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
        onSignedIn={signedIn}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell sync={sync} />
    </SessionContext.Provider>
  );
}
