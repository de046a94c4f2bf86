import { z } from 'zod';
import { listExports, startExport } from '@absensi/core';
import { adminProcedure, router } from '../../trpc.js';
import { exportLanguage, month } from '../inputs.js';

export const reportsRouter = router({
  /** Starts the month's export in the background; follow it with live.job {jobId}. */
  export: adminProcedure
    .input(
      z.object({
        month,
        format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
        language: exportLanguage,
      }),
    )
    .mutation(({ ctx, input }) => startExport(ctx.deps, ctx.user, input)),

  /** The caller's finished exports, newest first. */
  list: adminProcedure.query(({ ctx }) => listExports(ctx.deps, ctx.user)),
});
