import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useDebounced } from './use-debounced';
import { useUserActions } from './use-user-actions';
import type { User } from './user';
import { UserForm } from './UserForm';
import { UsersTable } from './UsersTable';

/** The users, searched by name or email, created, changed, given a new password or deactivated. */
export function UsersScreen() {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.admin.users.list.queryOptions({ limit: 200, ...(query ? { search: query } : {}) }),
    placeholderData: keepPreviousData,
  });
  const done = (note: string | null) => {
    setEditing(null);
    setMessage(note);
  };
  const actions = useUserActions(done);

  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('navUsers')}</h1>
        <button className="button primary" onClick={() => setEditing('new')}>
          {t('newUser')}
        </button>
      </div>
      <input
        type="search"
        className="search"
        placeholder={t('search')}
        aria-label={t('search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {message && (
        <p className="banner ok" role="status">
          {message}
        </p>
      )}
      <ProblemMessage
        problem={actions.problem ?? problemOf(list.error)}
        retry={() => void list.refetch()}
      />
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          onDone={done}
        />
      )}
      <UsersTable
        users={list.data?.items ?? []}
        onEdit={setEditing}
        onResetPassword={actions.resetPassword}
        onDeactivate={actions.deactivate}
      />
    </div>
  );
}
