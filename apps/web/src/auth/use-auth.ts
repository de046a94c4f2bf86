import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { classify } from '../api/errors';
import { FIRST_READ_FRESH_MS, SESSION_CHECK } from '../api/first-reads';
import { useTRPC } from '../api/trpc';
import type { Me } from '../api/types';
import { navigate } from '../app/route';
import { authFromCheck, type Auth } from './auth-state';
import { forgetMe, readMe, rememberMe } from './remembered-me';

/**
 * Whether someone is signed in, and the ways that changes: signing in, signing out, and a read
 * anywhere in the app that the server refused for want of a session.
 */
export function useAuth() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [remembered] = useState(readMe);
  // A sign-in, sign-out or lost session since the app opened; until one, the check decides.
  const [decided, setDecided] = useState<Auth | null>(null);
  // Sent before the first render (api/first-reads.ts): answered or refused, it is not sent again
  // when this mounts.
  const check = useQuery({
    ...trpc.auth.me.queryOptions(undefined, { meta: SESSION_CHECK }),
    enabled: decided === null,
    staleTime: FIRST_READ_FRESH_MS,
    retryOnMount: false,
  });
  const auth = decided ?? authFromCheck(remembered, check);

  useEffect(() => {
    if (decided) return;
    if (check.data) rememberMe(check.data);
    else if (check.error && classify(check.error).kind === 'unauthorized') forgetMe();
  }, [decided, check.data, check.error]);

  const sessionLost = useCallback(() => {
    forgetMe();
    setDecided({ status: 'out', message: 'errSessionLost' });
  }, []);

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (event.query.meta?.sessionCheck) return;
        if (classify(event.action.error).kind === 'unauthorized') sessionLost();
      }),
    [queryClient, sessionLost],
  );

  const signedIn = useCallback(
    (me: Me) => {
      // A new session starts from an empty cache: nothing read for someone else is ever shown.
      queryClient.removeQueries();
      rememberMe(me);
      setDecided({ status: 'in', me });
    },
    [queryClient],
  );

  const { mutate: logout } = useMutation(trpc.auth.logout.mutationOptions());
  const signOut = useCallback(() => {
    logout();
    forgetMe();
    setDecided({ status: 'out', message: null });
    navigate('/');
  }, [logout]);

  return { auth, signedIn, signOut, sessionLost };
}
