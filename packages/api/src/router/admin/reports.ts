import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc.js';
import { month } from '../inputs.js';

export interface ReportFileView {
  jobId: string;
  month: string;
  format: 'csv' | 'xlsx';
  fileName: string;
  rowCount: number;
  createdAt: string;
  downloadUrl: string;
}

export const reportsRouter = router({
  /** Starts the month's export in the background; follow it with live.job {jobId}. */
  export: adminProcedure
    .input(
      z.object({
        month,
        format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!ctx.deps.jobs) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Exports need the background worker, which is not configured here.',
        });
      }
      return ctx.deps.jobs.startExport({
        ownerId: ctx.user.id,
        month: input.month,
        format: input.format,
      });
    }),

  /** The caller's finished exports, newest first. */
  list: adminProcedure.query(async ({ ctx }): Promise<ReportFileView[]> => {
    const files = await ctx.deps.db.models.ReportFile.findAll({
      where: { ownerId: ctx.user.id },
      attributes: ['jobId', 'month', 'format', 'fileName', 'rowCount', 'createdAt'],
      order: [['createdAt', 'DESC']],
      limit: 50,
    });
    return files.map((file) => ({
      jobId: file.jobId,
      month: file.month,
      format: file.format,
      fileName: file.fileName,
      rowCount: file.rowCount,
      createdAt: new Date(file.createdAt).toISOString(),
      downloadUrl: `/exports/${encodeURIComponent(file.jobId)}`,
    }));
  }),
});
