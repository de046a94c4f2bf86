import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After a correction or an added shift: every list of records, and audit trail, is read again. */
export function useAttendanceChanged(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.invalidateQueries(trpc.admin.attendance.pathFilter()),
    [queryClient, trpc],
  );
}
