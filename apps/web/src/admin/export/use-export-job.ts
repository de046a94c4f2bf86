import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { classify, problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';
import { isRunning, jobView, type ReportFile, type StartedJob } from './job-view';

/**
 * A month's export: `admin.reports.export` starts the worker's job, `live.job` reports its
 * progress, and the list of finished files (`admin.reports.list`) is read again when it succeeds
 * and every 3 s while it runs, in case it finished before the subscription began.
 */
export function useExportJob() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost } = useSession();
  const [job, setJob] = useState<StartedJob | null>(null);
  const start = useMutation(
    trpc.admin.reports.export.mutationOptions({
      onSuccess: ({ jobId }, { month }) => setJob({ jobId, month }),
    }),
  );
  const progress = useSubscription(
    trpc.live.job.subscriptionOptions(job ? { jobId: job.jobId } : skipToken, {
      onData: ({ data }) => {
        if (data.state === 'succeeded')
          void queryClient.invalidateQueries(trpc.admin.reports.list.queryFilter());
      },
      onError: (error) => {
        if (classify(error).kind === 'unauthorized') sessionLost();
      },
    }),
  );
  const latest = progress.data?.data;
  const viewWith = (files: ReportFile[] | undefined) => (job ? jobView(job, latest, files) : null);
  const files = useQuery({
    ...trpc.admin.reports.list.queryOptions(),
    refetchInterval: (query) => (isRunning(viewWith(query.state.data)) ? 3_000 : false),
  });
  const progressProblem = problemOf(progress.error);
  return {
    start,
    job: viewWith(files.data),
    files,
    problem:
      problemOf(start.error) ?? (progressProblem?.kind === 'unauthorized' ? null : progressProblem),
  };
}
