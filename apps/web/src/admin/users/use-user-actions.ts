import { useMutation } from '@tanstack/react-query';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import type { User } from './user';
import { useUsersChanged } from './use-users-changed';

/**
 * A listed user's one-click actions: a new password (shown once), or deactivation. `onDone` gets
 * what to tell the admin; `problem` is why the latest action failed.
 */
export function useUserActions(onDone: (message: string) => void) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const usersChanged = useUsersChanged();
  const resetPassword = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({ onSuccess: usersChanged }),
  );
  const deactivate = useMutation(
    trpc.admin.users.deactivate.mutationOptions({ onSuccess: usersChanged }),
  );
  return {
    problem: problemOf(resetPassword.error ?? deactivate.error),
    resetPassword: (user: User) => {
      deactivate.reset();
      resetPassword.mutate(
        { id: user.id },
        {
          onSuccess: (result) =>
            onDone(
              t('generatedPassword', { name: user.name, password: result.generatedPassword ?? '' }),
            ),
        },
      );
    },
    deactivate: (user: User) => {
      resetPassword.reset();
      deactivate.mutate({ id: user.id }, { onSuccess: () => onDone(t('saved')) });
    },
  };
}
