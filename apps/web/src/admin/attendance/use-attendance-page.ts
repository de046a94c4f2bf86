import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc';
import { listInput, type Filters } from './filters';

/**
 * One page of the attendance list for the filters, and the way to the next and previous ones
 * (the server pages by cursor: the cursors of the pages before are kept). New filters start at
 * the first page.
 */
export function useAttendancePage(filters: Filters) {
  const trpc = useTRPC();
  const [paged, setPaged] = useState<{ filters: Filters; cursors: number[] }>({
    filters,
    cursors: [],
  });
  const cursors = paged.filters === filters ? paged.cursors : [];
  const list = useQuery({
    ...trpc.admin.attendance.list.queryOptions(listInput(filters, cursors.at(-1))),
    placeholderData: keepPreviousData,
  });
  const nextCursor = list.isPlaceholderData ? null : (list.data?.nextCursor ?? null);
  return {
    list,
    page: cursors.length,
    next:
      nextCursor === null ? null : () => setPaged({ filters, cursors: [...cursors, nextCursor] }),
    previous:
      cursors.length === 0 ? null : () => setPaged({ filters, cursors: cursors.slice(0, -1) }),
  };
}
