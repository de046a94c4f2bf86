import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTRPC } from '../api/trpc';
import { indexedDbStore } from './queue';
import { TapSync } from './sync';

/**
 * The app's one tap queue, syncing while someone is signed in. A tap the server took makes every
 * attendance read stale, so the screens showing one read it again.
 */
export function useTapSync(userId: number | null, onSessionLost: () => void): TapSync {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sync = useMemo(
    () =>
      new TapSync({
        store: indexedDbStore(),
        onSessionLost,
        onRecordsChanged: () => void queryClient.invalidateQueries(trpc.attendance.pathFilter()),
      }),
    [onSessionLost, queryClient, trpc],
  );
  useEffect(() => {
    if (userId === null) return;
    sync.start(userId);
    return () => sync.stop();
  }, [sync, userId]);
  return sync;
}
