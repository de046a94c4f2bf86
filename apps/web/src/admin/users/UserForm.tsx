import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { FormDialog } from '../../ui/ModalDialog';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { ManagerScopes, UserSites } from './ManagerScopes';
import type { Role, User } from './user';
import { useUsersChanged } from './use-users-changed';

interface Draft {
  name: string;
  email: string;
  department: string;
  role: Role;
  password: string;
  active: boolean;
}

/**
 * A new user (password optional: one is made and shown once), or changes to one: for a manager,
 * whose people they look after; for anyone, the sites they work at.
 */
export function UserForm({
  user,
  onDone,
}: {
  user: User | null;
  onDone: (message: string | null) => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>({
    name: user?.name ?? '',
    email: user?.email ?? '',
    department: user?.department ?? '',
    role: user?.role ?? 'employee',
    password: '',
    active: user?.active ?? true,
  });
  const usersChanged = useUsersChanged();
  const create = useMutation(trpc.admin.users.create.mutationOptions({ onSuccess: usersChanged }));
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess: usersChanged }));
  const busy = create.isPending || update.isPending;
  const department = draft.department.trim() ? draft.department.trim() : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user) {
      update.mutate(
        {
          id: user.id,
          name: draft.name,
          email: draft.email,
          department,
          role: draft.role,
          active: draft.active,
        },
        { onSuccess: () => onDone(t('saved')) },
      );
    } else {
      create.mutate(
        {
          name: draft.name,
          email: draft.email,
          department,
          role: draft.role,
          ...(draft.password ? { password: draft.password } : {}),
        },
        {
          onSuccess: (created) =>
            onDone(
              created.generatedPassword
                ? t('generatedPassword', {
                    name: created.user.name,
                    password: created.generatedPassword,
                  })
                : t('saved'),
            ),
        },
      );
    }
  };

  return (
    <FormDialog
      title={user ? `${t('edit')}: ${user.name}` : t('newUser')}
      onClose={() => onDone(null)}
      wide
    >
      <form className="stack" onSubmit={submit} aria-label={user ? t('edit') : t('newUser')}>
        <div className="row wrap">
          <Field label={t('name')}>
            <input
              required
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          </Field>
          <Field label={t('email')}>
            <input
              type="email"
              required
              value={draft.email}
              onChange={(event) => setDraft({ ...draft, email: event.target.value })}
            />
          </Field>
          <Field label={t('department')}>
            <input
              value={draft.department}
              onChange={(event) => setDraft({ ...draft, department: event.target.value })}
            />
          </Field>
          <Field label={t('role')}>
            <select
              value={draft.role}
              onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
            >
              <option value="employee">{t('roleEmployee')}</option>
              <option value="manager">{t('roleManager')}</option>
              <option value="admin">{t('roleAdmin')}</option>
            </select>
          </Field>
          {user ? (
            <label className="check">
              <input
                type="checkbox"
                checked={draft.active}
                onChange={(event) => setDraft({ ...draft, active: event.target.checked })}
              />
              {t('active')}
            </label>
          ) : (
            <Field label={t('passwordOptional')}>
              <input
                type="password"
                autoComplete="new-password"
                minLength={8}
                value={draft.password}
                onChange={(event) => setDraft({ ...draft, password: event.target.value })}
              />
            </Field>
          )}
        </div>
        <ProblemMessage problem={problemOf((user ? update : create).error)} />
        {user?.role === 'manager' && draft.role === 'manager' && <ManagerScopes user={user} />}
        {draft.role === 'manager' && user?.role !== 'manager' && (
          <p className="muted small">{t('managerScopesAfterSave')}</p>
        )}
        {user && <UserSites user={user} />}
        <div className="row">
          <button className="button primary" type="submit" disabled={busy}>
            {busy ? t('saving') : user ? t('save') : t('create')}
          </button>
          <button className="button" type="button" onClick={() => onDone(null)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </FormDialog>
  );
}
