import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef, useState } from 'react';
import { classify } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Dashboard, LiveEvent } from '../../api/types';
import { useSession } from '../../auth/session';
import { mergeEvents } from './events';

/**
 * Attendance events as they happen (`live.attendance`), newest first, each once. Subscribed once
 * the first picture is in, from its newest event, so nothing between is missed; after a dropped
 * connection the client resumes from the last id it saw.
 */
export function useLiveAttendance(board: Dashboard | undefined, onEvent: () => void): LiveEvent[] {
  const trpc = useTRPC();
  const { sessionLost } = useSession();
  const [live, setLive] = useState<LiveEvent[]>([]);
  const startAfter = useRef<string | undefined>(undefined);
  if (board && startAfter.current === undefined) startAfter.current = board.latest[0]?.id ?? '';
  useSubscription(
    trpc.live.attendance.subscriptionOptions(
      startAfter.current === undefined ? skipToken : { lastEventId: startAfter.current || null },
      {
        onData: ({ data }) => {
          setLive((events) => mergeEvents([data], events));
          onEvent();
        },
        onError: (error) => {
          if (classify(error).kind === 'unauthorized') sessionLost();
        },
      },
    ),
  );
  return live;
}
