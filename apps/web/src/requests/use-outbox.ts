import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { requestOutbox, type OutboxState } from './outbox-sync';

/**
 * The signed-in person's request outbox, started for them (it keeps sending while the app is open,
 * whichever screen shows), its state kept current; the server's lists of requests are read again
 * whenever it filed one.
 */
export function useRequestOutbox(): OutboxState & { outbox: ReturnType<typeof requestOutbox> } {
  const { me } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const outbox = requestOutbox();
  const [state, setState] = useState(outbox.state);
  useEffect(() => {
    outbox.start(me.id);
    const unsubscribe = outbox.subscribe(setState);
    const unfiled = outbox.onFiled(
      () => void queryClient.invalidateQueries(trpc.requests.pathFilter()),
    );
    setState(outbox.state);
    return () => {
      unsubscribe();
      unfiled();
    };
  }, [outbox, me.id, queryClient, trpc]);
  return { ...state, outbox };
}
