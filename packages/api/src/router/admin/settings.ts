import { z } from 'zod';
import { overtimeRules, updateSettings } from '@absensi/core';

const { OVERTIME_RULE_SET_KEYS } = overtimeRules;
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { timeZone } from '../inputs.js';

export const settingsRouter = router({
  /** The company's settings; managers read them too (the zone their screens show times in). */
  get: managerProcedure.query(({ ctx }) => ctx.deps.settings.get()),

  update: adminProcedure
    .input(
      z
        .object({
          timeZone: timeZone.optional(),
          autoClockOutHour: z.number().int().min(0).max(23).optional(),
          overtimeRules: z
            .enum(OVERTIME_RULE_SET_KEYS, { message: 'must be a known overtime rule set' })
            .optional(),
          workWeek: z
            .enum(['five_day', 'six_day'], { message: 'must be five_day or six_day' })
            .optional(),
        })
        .refine((input) => Object.values(input).some((value) => value !== undefined), {
          message: 'must change at least one setting',
          params: { issue: 'NOTHING_CHANGED' },
        }),
    )
    .mutation(({ ctx, input }) => updateSettings(ctx.deps, ctx.user, input)),
});
