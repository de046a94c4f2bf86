import type { Outputs } from '../../api/types';

export type ReportFile = Outputs['admin']['reports']['list'][number];
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** The export this screen started: its job and the month it covers. */
export interface StartedJob {
  jobId: string;
  month: string;
}

/** One `live.job` progress event. */
export interface JobProgress {
  jobId: string;
  state: JobState;
  percent: number;
  message: string | null;
  downloadUrl: string | null;
}

export interface JobView extends StartedJob {
  state: JobState;
  percent: number;
  message: string | null;
  downloadUrl: string | null;
}

export const isRunning = (view: JobView | null) =>
  view !== null && (view.state === 'queued' || view.state === 'running');

/**
 * Where the started export stands: queued until its progress says otherwise, and done as soon as
 * its file is listed, even when its last progress event never arrived (it may have finished before
 * the subscription began).
 */
export function jobView(
  job: StartedJob,
  latest: JobProgress | undefined,
  files: ReportFile[] | undefined,
): JobView {
  const progress = latest?.jobId === job.jobId ? latest : undefined;
  const view: JobView = {
    ...job,
    state: progress?.state ?? 'queued',
    percent: progress?.percent ?? 0,
    message: progress?.message ?? null,
    downloadUrl: progress?.downloadUrl ?? null,
  };
  const finished = files?.find((file) => file.jobId === job.jobId);
  if (finished && isRunning(view)) {
    return { ...view, state: 'succeeded', percent: 100, downloadUrl: finished.downloadUrl };
  }
  return view;
}
