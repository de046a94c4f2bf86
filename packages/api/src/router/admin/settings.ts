import { z } from 'zod';
import { updateSettings } from '@absensi/core';
import { adminProcedure, router } from '../../trpc.js';
import { timeZone } from '../inputs.js';

export const settingsRouter = router({
  get: adminProcedure.query(({ ctx }) => ctx.deps.settings.get()),

  update: adminProcedure
    .input(
      z
        .object({
          timeZone: timeZone.optional(),
          autoClockOutHour: z.number().int().min(0).max(23).optional(),
        })
        .refine((input) => Object.values(input).some((value) => value !== undefined), {
          message: 'must change at least one setting',
        }),
    )
    .mutation(({ ctx, input }) => updateSettings(ctx.deps, ctx.user, input)),
});
