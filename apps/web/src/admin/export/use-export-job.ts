import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { classify, problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';
import { isRunning, jobView, type ReportFile, type StartedJob } from './job-view';

/**
 * A month's export: `admin.reports.export` starts the worker's job, followed as useJobProgress
 * follows it.
 */
export function useExportJob() {
  const trpc = useTRPC();
  const progress = useJobProgress();
  const start = useMutation(
    trpc.admin.reports.export.mutationOptions({
      onSuccess: ({ jobId }, { month }) => progress.follow({ jobId, month }),
    }),
  );
  return { ...progress, start, problem: problemOf(start.error) ?? progress.problem };
}

/**
 * The progress of an export job once started (`follow`): `live.job` reports it, and the list of
 * finished files (`admin.reports.list`) is read again when it succeeds and every 3 s while it
 * runs, in case it finished before the subscription began (unless `readFiles` is false).
 */
export function useJobProgress(readFiles = true) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost } = useSession();
  const [job, setJob] = useState<StartedJob | null>(null);
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
    // The list of files is an admin's: a manager follows the progress alone.
    enabled: readFiles,
    refetchInterval: (query) => (isRunning(viewWith(query.state.data)) ? 3_000 : false),
  });
  const progressProblem = problemOf(progress.error);
  return {
    follow: setJob,
    job: viewWith(files.data),
    files,
    problem: progressProblem?.kind === 'unauthorized' ? null : progressProblem,
  };
}
