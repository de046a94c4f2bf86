import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FIRST_READ_FRESH_MS } from '../api/first-reads';
import { useTRPC } from '../api/trpc';
import { cacheToday, readCachedToday } from './today-cache';

/**
 * The person's day (`attendance.today`), read again whenever a tap changed it; offline, or
 * before the first answer, the last one kept on this phone.
 */
export function useToday(userId: number) {
  const trpc = useTRPC();
  // Read with the session check when the app opened (api/first-reads.ts): not read again at once.
  const query = useQuery({
    ...trpc.attendance.today.queryOptions(),
    staleTime: FIRST_READ_FRESH_MS,
  });
  useEffect(() => {
    if (query.data) cacheToday(userId, query.data);
  }, [query.data, userId]);
  return { today: query.data ?? readCachedToday(userId), query };
}
