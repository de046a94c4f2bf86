import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { trpcClient } from '../api/client';
import { classify } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { readCachedToday } from '../clock/today-cache';
import { useOnline } from '../ui/use-online';
import { useVisible } from '../ui/use-visible';
import { eventIdAt } from './event-id';
import { isReflected, noticeOf, type OwnNotice } from './own-events';

/** How far before the day's reading the replay starts: clocks of nodes, a slow commit. */
const REPLAY_MARGIN_MS = 60_000;

/**
 * Keeps the person's day and history current when their records change elsewhere: a shift closed
 * automatically or by their deactivation, corrected or added by an administrator, a tap from
 * another phone. Subscribes to `live.attendance` (an employee receives only their own events; an
 * admin's others are skipped) while `enabled`, the page is in front and the phone online, resuming
 * from the last event seen, else from the time of the day's last reading, so nothing in between
 * is missed. An event the screen does not show yet has `attendance.*` read again; one made by
 * someone else is told (`notice`), and `onNotice` runs.
 */
export function useOwnAttendanceLive(userId: number, enabled: boolean, onNotice: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost } = useSession();
  const visible = useVisible();
  const online = useOnline();
  const [notice, setNotice] = useState<OwnNotice | null>(null);
  const lastSeen = useRef<string | undefined>(undefined);
  const told = useRef(onNotice);
  useEffect(() => {
    told.current = onNotice;
  }, [onNotice]);
  const active = enabled && visible && online;

  useEffect(() => {
    if (!active) return;
    const todayKey = trpc.attendance.today.queryKey();
    const shown = () => queryClient.getQueryData(todayKey) ?? readCachedToday(userId);
    const readAt = shown()?.serverTime;
    const from =
      lastSeen.current ?? (readAt ? eventIdAt(Date.parse(readAt) - REPLAY_MARGIN_MS) : undefined);
    const reread = () => void queryClient.invalidateQueries(trpc.attendance.pathFilter());
    const subscription = trpcClient.live.attendance.subscribe(
      from === undefined ? undefined : { lastEventId: from },
      {
        // A day that could not be read (offline until now) is read once the server is reachable.
        onStarted: () => {
          if (queryClient.getQueryState(todayKey)?.status === 'error') reread();
        },
        onData: ({ id, data: event }) => {
          lastSeen.current = id;
          if (event.data.userId !== userId || isReflected(event, shown())) return;
          reread();
          const next = noticeOf(event);
          if (next) {
            setNotice(next);
            told.current();
          }
        },
        onError: (error) => {
          if (classify(error).kind === 'unauthorized') sessionLost();
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [active, userId, trpc, queryClient, sessionLost]);

  return { notice, dismiss: () => setNotice(null) };
}
