import { repos } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import type { ExportFormat } from './export-month.js';
import type { ExportLanguage } from './export-words.js';
import { downloadPath } from './paths.js';

export interface ReportFileView {
  jobId: string;
  month: string;
  format: ExportFormat;
  fileName: string;
  rowCount: number;
  createdAt: string;
  downloadUrl: string;
}

/**
 * Queues the month's export for the admin.
 * @throws DomainError PRECONDITION_FAILED where no background worker is configured.
 */
export function startExport(
  deps: Pick<CoreDeps, 'jobs'>,
  admin: Actor,
  input: { month: string; format: ExportFormat; language?: ExportLanguage | undefined },
): Promise<{ jobId: string }> {
  if (!deps.jobs)
    throw new DomainError(
      'PRECONDITION_FAILED',
      'Exports need the background worker, which is not configured here.',
      undefined,
      { reason: 'WORKER_MISSING' },
    );
  return deps.jobs.startExport({ ownerId: admin.id, ...input });
}

/** The admin's finished exports, newest first (the last 50). */
export async function listExports(
  deps: Pick<CoreDeps, 'db'>,
  admin: Actor,
): Promise<ReportFileView[]> {
  const files = await repos.reports.listOf(deps.db, admin.id, 50);
  return files.map((file) => ({
    jobId: file.jobId,
    month: file.month,
    format: file.format,
    fileName: file.fileName,
    rowCount: file.rowCount,
    createdAt: new Date(file.createdAt).toISOString(),
    downloadUrl: downloadPath(file.jobId),
  }));
}

/** The file of a finished export, if the admin started it; null otherwise. */
export async function exportFile(
  deps: Pick<CoreDeps, 'db'>,
  admin: Actor,
  jobId: string,
): Promise<{ fileName: string; contentType: string; content: Buffer } | null> {
  const file = await repos.reports.fileOf(deps.db, jobId, admin.id);
  return file
    ? { fileName: file.fileName, contentType: file.contentType, content: file.content }
    : null;
}
