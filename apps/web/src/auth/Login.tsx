import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { classify, describe } from '../api/errors';
import { useTRPC } from '../api/trpc';
import type { Me } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang } from '../i18n/lang-context';

export function Login({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useLang();
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: onSignedIn }));
  const error = login.error ? describe(classify(login.error), t, 'login') : null;
  const busy = login.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
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
