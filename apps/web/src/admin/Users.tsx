import { useEffect, useState, type FormEvent } from 'react';
import { Field, ProblemMessage, TableHead } from '../components';
import { classify, type Problem } from '../errors';
import { useAsync, useLang, useSession } from '../hooks';
import { trpc, type Outputs } from '../trpc';

type User = Outputs['admin']['users']['list']['items'][number];
type Role = User['role'];

interface Draft {
  name: string;
  email: string;
  department: string;
  role: Role;
  password: string;
  active: boolean;
}

function UserForm({
  user,
  onDone,
}: {
  user: User | null;
  onDone: (message: string | null) => void;
}) {
  const { t } = useLang();
  const [draft, setDraft] = useState<Draft>({
    name: user?.name ?? '',
    email: user?.email ?? '',
    department: user?.department ?? '',
    role: user?.role ?? 'employee',
    password: '',
    active: user?.active ?? true,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const department = draft.department.trim() ? draft.department.trim() : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const fail = (error: unknown) => {
      setProblem(classify(error));
      setBusy(false);
    };
    if (user) {
      trpc.admin.users.update
        .mutate({
          id: user.id,
          name: draft.name,
          email: draft.email,
          department,
          role: draft.role,
          active: draft.active,
        })
        .then(() => onDone(t('saved')), fail);
    } else {
      trpc.admin.users.create
        .mutate({
          name: draft.name,
          email: draft.email,
          department,
          role: draft.role,
          ...(draft.password ? { password: draft.password } : {}),
        })
        .then(
          (created) =>
            onDone(
              created.generatedPassword
                ? t('generatedPassword', {
                    name: created.user.name,
                    password: created.generatedPassword,
                  })
                : t('saved'),
            ),
          fail,
        );
    }
  };

  return (
    <form className="card stack" onSubmit={submit} aria-label={user ? t('edit') : t('newUser')}>
      <h2>{user ? `${t('edit')}: ${user.name}` : t('newUser')}</h2>
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
      <ProblemMessage problem={problem} />
      <div className="row">
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? t('saving') : user ? t('save') : t('create')}
        </button>
        <button className="button" type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

export function Users() {
  const { t } = useLang();
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [revision, setRevision] = useState(0);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useAsync(
    () => trpc.admin.users.list.query({ limit: 200, ...(query ? { search: query } : {}) }),
    `users:${query}:${revision}`,
  );
  const refresh = (note: string | null) => {
    setEditing(null);
    setMessage(note);
    setRevision((value) => value + 1);
  };
  const act = (call: Promise<string | null>) => {
    setProblem(null);
    call.then(refresh, (error: unknown) => setProblem(classify(error)));
  };

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
      <ProblemMessage problem={problem ?? list.problem} retry={list.reload} />
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          onDone={refresh}
        />
      )}
      <div className="table-wrap">
        <table>
          <TableHead columns={['name', 'email', 'department', 'role', 'status', 'actions']} />
          <tbody>
            {list.data?.items.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'inactive'}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{user.department ?? ''}</td>
                <td>{user.role === 'admin' ? t('roleAdmin') : t('roleEmployee')}</td>
                <td>{user.active ? t('active') : t('inactive')}</td>
                <td className="actions">
                  <button className="button small" onClick={() => setEditing(user)}>
                    {t('edit')}
                  </button>
                  <button
                    className="button small"
                    onClick={() =>
                      act(
                        trpc.admin.users.resetPassword.mutate({ id: user.id }).then((result) =>
                          t('generatedPassword', {
                            name: user.name,
                            password: result.generatedPassword ?? '',
                          }),
                        ),
                      )
                    }
                  >
                    {t('resetPassword')}
                  </button>
                  {user.active && user.id !== me.id && (
                    <button
                      className="button small danger"
                      onClick={() => {
                        if (confirm(t('confirmDeactivate', { name: user.name }))) {
                          act(
                            trpc.admin.users.deactivate
                              .mutate({ id: user.id })
                              .then(() => t('saved')),
                          );
                        }
                      }}
                    >
                      {t('deactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
