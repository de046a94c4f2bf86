import { repos } from '@absensi/db';
import { newEventId, type JobProgress } from '@absensi/events';
import type { CoreDeps } from '../deps.js';
import { publishEvents, recordEvents } from '../outbox/publish.js';
import { buildRecap } from '../recap/build.js';
import { recapFile } from '../recap/export.js';
import { exportMonth, type ExportFormat } from './export-month.js';
import type { ExportLanguage } from './export-words.js';
import { downloadPath } from './paths.js';

export interface ExportJobData {
  jobId: string;
  ownerId: number;
  month: string;
  format: ExportFormat;
  /** The language of the file's headers and words (default Indonesian). */
  language?: ExportLanguage | undefined;
  /** The month's records (the default), or its recap. */
  kind?: 'attendance' | 'recap' | undefined;
  /** A recap's people: these departments (a manager's), one site's. */
  departments?: string[] | undefined;
  siteId?: number | undefined;
}

type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'planning'
>;

export function progressEvent(
  deps: Pick<Deps, 'nodeId' | 'clock'>,
  job: Pick<ExportJobData, 'jobId' | 'ownerId'>,
  state: JobProgress['data']['state'],
  percent: number,
  message: string | null = null,
): JobProgress {
  return {
    id: newEventId(),
    type: 'JobProgress',
    occurredAt: deps.clock().toISOString(),
    nodeId: deps.nodeId,
    data: {
      jobId: job.jobId,
      ownerId: job.ownerId,
      state,
      percent,
      message,
      downloadUrl: state === 'succeeded' ? downloadPath(job.jobId) : null,
    },
  };
}

/** Tells the job's owner how far it is; a lost intermediate step is harmless, so no outbox. */
async function announce(deps: Deps, event: JobProgress) {
  await deps.feed
    .append([event])
    .catch((error: unknown) => deps.log.warn({ err: error }, 'progress not delivered'));
}

/**
 * Makes the month's export, reporting progress, and stores the file together with its final
 * "succeeded" event in one transaction. Running it again for the same job id replaces the file,
 * so a job picked up again after its worker died ends the same way.
 */
export async function runExportJob(deps: Deps, job: ExportJobData): Promise<{ rowCount: number }> {
  await announce(deps, progressEvent(deps, job, 'running', 0));
  let lastPercent = 0;
  const file =
    job.kind === 'recap'
      ? await recapFile(await buildRecap(deps, job), job.format, job.language)
      : await exportMonth(deps, job, async (percent) => {
          if (percent - lastPercent < 5) return;
          lastPercent = percent;
          await announce(deps, progressEvent(deps, job, 'running', percent));
        });
  const done = progressEvent(deps, job, 'succeeded', 100, `${file.rowCount} records`);
  await deps.db.transaction(async (tx) => {
    await repos.reports.save(
      deps.db,
      {
        jobId: job.jobId,
        ownerId: job.ownerId,
        month: job.month,
        format: job.format,
        ...file,
        createdAt: deps.clock(),
      },
      tx,
    );
    await recordEvents(deps, [done], tx);
  });
  await publishEvents(deps, [done]);
  return { rowCount: file.rowCount };
}

export async function reportJobFailure(
  deps: Deps,
  job: ExportJobData,
  error: unknown,
  final: boolean,
) {
  deps.log.error({ err: error, jobId: job.jobId, final }, 'export failed');
  const message = final
    ? 'The export failed. Please try again.'
    : 'The export hit a problem and will be retried.';
  await announce(
    deps,
    progressEvent(deps, job, final ? 'failed' : 'running', final ? 100 : 0, message),
  );
}
