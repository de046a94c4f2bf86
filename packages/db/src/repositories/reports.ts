/** The report_files table: finished exports, downloadable by the admin who started them. */
import type { Database, Tx } from '../connect.js';
import type { ReportFile } from '../models/index.js';

/** Stores the file of a job, replacing an earlier one of the same job id. */
export async function save(db: Database, file: ReportFile['_creationAttributes'], tx: Tx) {
  await db.models.ReportFile.upsert(file, { transaction: tx });
}

/** The file of a job, if `ownerId` started it. */
export function fileOf(db: Database, jobId: string, ownerId: number): Promise<ReportFile | null> {
  return db.models.ReportFile.findOne({ where: { jobId, ownerId } });
}

/** The owner's newest files, without their content. */
export function listOf(db: Database, ownerId: number, limit: number): Promise<ReportFile[]> {
  return db.models.ReportFile.findAll({
    where: { ownerId },
    attributes: ['jobId', 'month', 'format', 'fileName', 'rowCount', 'createdAt'],
    order: [['createdAt', 'DESC']],
    limit,
  });
}
