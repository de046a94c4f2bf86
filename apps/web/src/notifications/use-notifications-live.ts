import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { classify } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import type { NotificationView } from './words';

export type NewNotification = Pick<NotificationView, 'kind' | 'details'> & { id: number };

/**
 * Follows the person's `live.notifications`: each new one has their notifications and requests
 * read again, so a request decided shows approved or declined without reloading; `onNew` hears
 * of each.
 */
export function useNotificationsLive(onNew?: (note: NewNotification) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost } = useSession();
  useSubscription(
    trpc.live.notifications.subscriptionOptions(undefined, {
      onStarted: () => void queryClient.invalidateQueries(trpc.notifications.pathFilter()),
      onData: ({ data: event }) => {
        onNew?.({
          kind: event.data.kind,
          details: event.data.details,
          id: event.data.notificationId,
        });
        void queryClient.invalidateQueries(trpc.notifications.pathFilter());
        void queryClient.invalidateQueries(trpc.requests.pathFilter());
        void queryClient.invalidateQueries(trpc.attendance.month.pathFilter());
      },
      onError: (error) => {
        if (classify(error).kind === 'unauthorized') sessionLost();
      },
    }),
  );
}
