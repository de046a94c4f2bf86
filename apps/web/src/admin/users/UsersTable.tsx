import { useSession } from '../../auth/session';
import { ROLE_WORDS } from '../../i18n/enum-words';
import { useAdminLang } from '../use-admin-lang';
import { TableHead } from '../../ui/TableHead';
import { ConfirmButton } from '../../ui/ConfirmButton';
import type { User } from './user';
import { TableWrap } from '../../ui/TableWrap';

/** The users with their role and state, and what an admin can do to each (not deactivate themself). */
export function UsersTable({
  users,
  onEdit,
  onResetPassword,
  onDeactivate,
}: {
  users: User[];
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onDeactivate: (user: User) => void;
}) {
  const { t } = useAdminLang();
  const { me } = useSession();
  return (
    <TableWrap label={t('navUsers')}>
      <table>
        <TableHead
          labels={[t('name'), t('email'), t('department'), t('role'), t('status'), t('actions')]}
        />
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? '' : 'inactive'}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.department ?? ''}</td>
              <td>{t(ROLE_WORDS[user.role])}</td>
              <td>{user.active ? t('active') : t('inactive')}</td>
              <td className="actions">
                <button className="button small" onClick={() => onEdit(user)}>
                  {t('edit')}
                </button>
                <ConfirmButton
                  label={t('resetPassword')}
                  question={t('confirmResetPassword', { name: user.name })}
                  className="button small"
                  onConfirm={() => onResetPassword(user)}
                />
                {user.active && user.id !== me.id && (
                  <ConfirmButton
                    label={t('deactivate')}
                    question={t('confirmDeactivate', { name: user.name })}
                    onConfirm={() => onDeactivate(user)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
