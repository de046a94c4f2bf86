import type { ExportJobData } from './export-job.js';

/** Starts background jobs: the worker's queue in the cluster, in-process in `npm start`. */
export interface JobStarter {
  /** Queues the month's export for the admin `ownerId`; follow it with the `live.job` subscription. */
  startExport(input: Omit<ExportJobData, 'jobId'>): Promise<{ jobId: string }>;
}
