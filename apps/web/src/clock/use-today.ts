import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../api/trpc';
import { cacheToday, readCachedToday } from './today-cache';

/**
 * The person's day (`attendance.today`), read again whenever a tap changed it; offline, or
 * before the first answer, the last one kept on this phone.
 */
export function useToday(userId: number) {
  const trpc = useTRPC();
  const query = useQuery(trpc.attendance.today.queryOptions());
  useEffect(() => {
    if (query.data) cacheToday(userId, query.data);
  }, [query.data, userId]);
  return { today: query.data ?? readCachedToday(userId), query };
}
