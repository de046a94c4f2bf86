import { z } from 'zod';
import { monthRecap, RECAP_LEGEND, startRecapExport } from '@absensi/core';
import { managerProcedure, router } from '../../trpc.js';
import { exportLanguage, id, month, visibleText } from '../inputs.js';

const whose = {
  month,
  department: visibleText({ max: 120 }).optional(),
  siteId: id.optional(),
};

/** The month's recap (rekap absensi): codes per person per day and the totals payroll reads. */
export const recapRouter = router({
  month: managerProcedure.input(z.object(whose)).query(async ({ ctx, input }) => ({
    ...(await monthRecap(ctx.deps, ctx.user, input)),
    legend: RECAP_LEGEND,
  })),

  /** Queues the recap's XLSX (grid and totals sheets) or CSV; follow it with live.job. */
  export: managerProcedure
    .input(
      z.object({
        ...whose,
        format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('xlsx'),
        language: exportLanguage,
      }),
    )
    .mutation(({ ctx, input }) => startRecapExport(ctx.deps, ctx.user, input)),
});
