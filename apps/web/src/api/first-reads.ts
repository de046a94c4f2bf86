/**
 * The reads the first screen waits for, sent by main.tsx before anything is rendered, in one
 * batched GET: the session check (`auth.me`), the person's day (`attendance.today`) and week
 * (`attendance.schedule`). Sent from the first render instead, the clock's day would follow the
 * session check one round trip later, and the clock be drawn twice. index.html asks the browser
 * for the same URL (FIRST_READS_URL, `<link rel=preload>`) while the script is still loading: the
 * answer is there, or on its way, when the script sends the reads.
 */
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { QueryClient } from '@tanstack/react-query';
import { readMe } from '../auth/remembered-me';
import { trpcClient } from './client';
import type { AppRouter } from './types';

/** The batched GET the first reads make (httpBatchLink's form), preloaded by index.html. */
export const FIRST_READS_URL =
  '/trpc/auth.me,attendance.today,attendance.schedule?batch=1&input=%7B%7D';

/** Marks the start-up session check, whose refusal means "sign in", not "your session ended". */
export const SESSION_CHECK = { sessionCheck: true };

/**
 * How long a day or week read at start-up counts as fresh (ms): the clock that mounts when the
 * session check answers shows it without reading it again. A tap or a live event reads it anew.
 */
export const FIRST_READ_FRESH_MS = 10_000;

/**
 * Starts the first reads into `queryClient`, whatever the path (one URL, the one preloaded). On
 * the clock's path with a person remembered on this phone the clock is drawn at once, so the day
 * and week are ordinary reads (a refusal ends the session as any read's would). Otherwise the
 * screen waits for the session check, which comes in the same answer: the day and week are kept
 * only when they came, and a refusal (nobody signed in) is dropped rather than taken for a lost
 * session. Resolves (never rejects) once all three are answered or failed.
 */
export function startFirstReads(queryClient: QueryClient, path: string): Promise<void> {
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const me = queryClient.prefetchQuery(
    trpc.auth.me.queryOptions(undefined, { meta: SESSION_CHECK }),
  );
  if (path === '/' && readMe()) {
    return Promise.all([
      me,
      queryClient.prefetchQuery(trpc.attendance.today.queryOptions()),
      queryClient.prefetchQuery(trpc.attendance.schedule.queryOptions()),
    ]).then(() => undefined);
  }
  const ignore = () => undefined;
  return Promise.all([
    me,
    trpcClient.attendance.today
      .query()
      .then((data) => queryClient.setQueryData(trpc.attendance.today.queryKey(), data), ignore),
    trpcClient.attendance.schedule
      .query()
      .then((data) => queryClient.setQueryData(trpc.attendance.schedule.queryKey(), data), ignore),
  ]).then(() => undefined);
}
