import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from './components';
import { classify, describe } from './errors';
import { useLang } from './hooks';
import { trpc, type Me } from './trpc';

export function Login({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useLang();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    trpc.auth.login.mutate({ email, password }).then(
      (me) => onSignedIn(me),
      (failure: unknown) => {
        const problem = classify(failure);
        setError(describe(problem, t, 'login'));
        setBusy(false);
      },
    );
  };

  return (
    <main className="page narrow login" id="main">
      <div className="login-head">
        <img src="/icon-192.png" alt="" width="72" height="72" />
        <LanguageSwitch />
      </div>
      <h1>{t('signInTitle')}</h1>
      {notice && !error && (
        <p className="banner warn" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>{t('email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        <button className="button primary big" type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
