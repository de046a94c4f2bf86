import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '@absensi/db';
import { addShift, auditTrail, correctAttendance, listAttendance } from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { id, isoInstant, localDate, note, pageLimit, reason } from '../inputs.js';

export const adminAttendanceRouter = router({
  /** Records in a date range (work dates), newest first, filtered by person, department or status. */
  list: managerProcedure
    .input(
      z
        .object({
          from: localDate,
          to: localDate,
          userId: id.optional(),
          department: z.string().trim().max(120).optional(),
          status: z.enum(ATTENDANCE_STATUSES).optional(),
          open: z.boolean().optional(),
          siteId: id.optional(),
          cursor: id.optional(),
          limit: pageLimit,
        })
        .refine((input) => input.from <= input.to, {
          message: 'must not be before from',
          path: ['to'],
        }),
    )
    .query(({ ctx, input }) => listAttendance(ctx.deps, ctx.user, input)),

  correct: adminProcedure
    .input(
      z
        .object({
          id,
          clockInAt: isoInstant.optional(),
          clockOutAt: isoInstant.optional(),
          status: z.enum(['on_time', 'late'], { message: 'must be on_time or late' }).optional(),
          note: note.optional(),
          reason,
        })
        .refine((input) => input.clockInAt ?? input.clockOutAt ?? input.status ?? input.note, {
          message: 'must change at least one of clockInAt, clockOutAt, status or note',
          params: { issue: 'NOTHING_CHANGED' },
        }),
    )
    .mutation(({ ctx, input }) => correctAttendance(ctx.deps, ctx.user, input)),

  /** Adds a shift the employee did not record, with a reason kept in the audit log. */
  add: adminProcedure
    .input(
      z.object({
        userId: id,
        clockInAt: isoInstant,
        clockOutAt: isoInstant,
        note: note.optional(),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => addShift(ctx.deps, ctx.user, input)),

  /** The audit trail of one record: who changed what, when and why. */
  audit: adminProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => auditTrail(ctx.deps, 'attendance', input.id)),
});
