import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After a change to a user: every list of users, and of departments, is read again. */
export function useUsersChanged(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.invalidateQueries(trpc.admin.users.pathFilter()),
    [queryClient, trpc],
  );
}
