import { z } from 'zod';
import { isValidTimeZone } from '../../rules/index.js';
import { writeAudit } from '../../services/audit.js';
import { adminProcedure, router } from '../../trpc.js';
import { localTime } from '../inputs.js';

export const settingsRouter = router({
  get: adminProcedure.query(({ ctx }) => ctx.deps.settings.get()),

  update: adminProcedure
    .input(
      z
        .object({
          timeZone: z
            .string()
            .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Jakarta' })
            .optional(),
          shiftStart: localTime.optional(),
          graceMinutes: z.number().int().min(0).max(240).optional(),
          autoClockOutHour: z.number().int().min(0).max(23).optional(),
        })
        .refine((input) => Object.values(input).some((value) => value !== undefined), {
          message: 'must change at least one setting',
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.settings.get();
      const changes = Object.fromEntries(
        Object.entries(input).filter(([, value]) => value !== undefined),
      );
      const after = await ctx.deps.settings.update(changes, ctx.user.id);
      await writeAudit(ctx.deps, {
        actorId: ctx.user.id,
        action: 'settings.update',
        entityType: 'settings',
        entityId: 1,
        reason: 'settings changed',
        before,
        after,
      });
      return after;
    }),
});
