import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { useLang } from '../i18n/lang-context';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * The signed-in person's account: who they are, and a new password, proving the current one. The
 * server ends every other session of the account; this one goes on.
 */
export function AccountScreen() {
  const { t } = useLang();
  const trpc = useTRPC();
  const { me } = useSession();
  const [draft, setDraft] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({ onSuccess: () => setDraft(EMPTY) }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = draft.newPassword !== draft.repeat;
    setMismatch(differ);
    if (differ) return;
    change.mutate({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
  };
  const field = (name: keyof typeof EMPTY) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => {
      change.reset();
      setDraft({ ...draft, [name]: event.target.value });
    },
  });

  return (
    <div className="stack narrow-form">
      <h1>{t('account')}</h1>
      <p>
        {me.name} · {me.email}
      </p>
      <form className="stack" onSubmit={submit}>
        <h2>{t('changePassword')}</h2>
        {/* Lets a password manager know whose password this is. */}
        <input type="email" autoComplete="username" value={me.email} readOnly hidden />
        <Field label={t('currentPassword')}>
          <input
            type="password"
            autoComplete="current-password"
            required
            {...field('currentPassword')}
          />
        </Field>
        <Field label={t('newPassword')}>
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={200}
            aria-describedby="password-hint"
            {...field('newPassword')}
          />
        </Field>
        <p id="password-hint" className="muted">
          {t('passwordHint')}
        </p>
        <Field label={t('repeatPassword')}>
          <input type="password" autoComplete="new-password" required {...field('repeat')} />
        </Field>
        {mismatch && (
          <p className="banner error" role="alert">
            {t('passwordsDiffer')}
          </p>
        )}
        <ProblemMessage problem={problemOf(change.error)} />
        {change.isSuccess && (
          <p className="banner ok" role="status">
            {t('passwordChanged')}
          </p>
        )}
        <button className="button primary" type="submit" disabled={change.isPending}>
          {change.isPending ? t('changingPassword') : t('changePassword')}
        </button>
      </form>
    </div>
  );
}
