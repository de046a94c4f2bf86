import Queue from 'bee-queue';
import {
  progressEvent,
  reportJobFailure,
  runExportJob,
  type CoreDeps,
  type ExportJobData,
  type JobStarter,
} from '@absensi/core';
import { newEventId } from '@absensi/events';

export const EXPORT_QUEUE = 'export';
export const MAINTENANCE_QUEUE = 'maintenance';

export type MaintenanceTask =
  { task: 'auto-clock-out' } | { task: 'republish' } | { task: 'settle-statuses' };

/** A bee-queue queue under the configured Redis prefix; bee-queue takes connection options, not a client. */
export function createQueue<T>(
  name: string,
  redis: { url: string; prefix: string },
  role: 'producer' | 'worker',
) {
  const queue = new Queue<T>(name, {
    prefix: `${redis.prefix}bq`,
    redis: { url: redis.url } as never,
    isWorker: role === 'worker',
    getEvents: false,
    sendEvents: false,
    removeOnSuccess: true,
    removeOnFailure: false,
    // A job whose worker stopped answering for this long is handed to another worker.
    stallInterval: 5_000,
    activateDelayedJobs: role === 'worker',
  });
  queue.on('error', () => undefined);
  return queue;
}

export function newExportJobId(): string {
  return `export-${newEventId()}`;
}

type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'planning'
>;

/** The API nodes' side: exports go to the worker through the queue. */
export class QueueJobStarter implements JobStarter {
  constructor(
    private readonly queue: Queue<ExportJobData>,
    private readonly deps: Deps,
  ) {}

  async startExport(input: Omit<ExportJobData, 'jobId'>) {
    const job: ExportJobData = { jobId: newExportJobId(), ...input };
    // "Queued" goes into the feed before the job into the queue: a worker can pick the job up and
    // report it running before save() returns here, and the owner must see the steps in order.
    await this.deps.feed
      .append([progressEvent(this.deps, job, 'queued', 0)])
      .catch(() => undefined);
    await this.queue
      .createJob(job)
      .setId(job.jobId)
      .retries(2)
      .backoff('exponential', 2_000)
      .timeout(10 * 60_000)
      .save();
    return { jobId: job.jobId };
  }

  close() {
    return this.queue.close();
  }
}

/** The embedded mode's side: the same export, run in this process. */
export class InProcessJobStarter implements JobStarter {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: Deps) {}

  startExport(input: Omit<ExportJobData, 'jobId'>) {
    const job: ExportJobData = { jobId: newExportJobId(), ...input };
    const run = (async () => {
      await this.deps.feed.append([progressEvent(this.deps, job, 'queued', 0)]);
      try {
        await runExportJob(this.deps, job);
      } catch (error) {
        await reportJobFailure(this.deps, job, error, true);
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return Promise.resolve({ jobId: job.jobId });
  }

  /** Waits for exports in progress (on shutdown). */
  async drain() {
    await Promise.allSettled([...this.running]);
  }
}
