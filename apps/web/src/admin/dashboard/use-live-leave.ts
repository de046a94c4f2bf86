import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { classify } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';

/**
 * Reads the dashboard again whenever a request is decided or cancelled (`live.requests`): an
 * approved leave moves its person from "not yet in" to "on leave" without a refresh.
 */
export function useLiveLeave(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost } = useSession();
  useSubscription(
    trpc.live.requests.subscriptionOptions(undefined, {
      onData: ({ data }) => {
        if (data.data.kind === 'leave' && data.data.state !== 'pending')
          void queryClient.invalidateQueries(trpc.admin.dashboard.queryFilter());
      },
      onError: (error) => {
        if (classify(error).kind === 'unauthorized') sessionLost();
      },
    }),
  );
}
