import { z } from 'zod';
import {
  assignSchedule,
  createSchedule,
  listSchedules,
  roster,
  setRosterDay,
  unassignSchedule,
  updateSchedule,
} from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { id, localDate, pageLimit } from '../inputs.js';

const departmentName = z.string().trim().min(1).max(120);
const schedule = z.object({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(80),
  kind: z.enum(['weekly', 'rotating'], { message: 'must be weekly or rotating' }),
  anchorDate: localDate.nullish(),
  /** The shift type id of each day (null: off): 7 for weekly, Monday first; 1-56 for rotating. */
  days: z.array(id.nullable()).min(1).max(56),
  active: z.boolean().optional(),
});

export const schedulesRouter = router({
  /** Every schedule with its days and assignments. */
  list: managerProcedure.query(({ ctx }) => listSchedules(ctx.deps)),

  create: adminProcedure
    .input(schedule)
    .mutation(({ ctx, input }) => createSchedule(ctx.deps, ctx.user, input)),

  update: adminProcedure
    .input(schedule.extend({ id }))
    .mutation(({ ctx, input: { id: scheduleId, ...changes } }) =>
      updateSchedule(ctx.deps, ctx.user, scheduleId, changes),
    ),

  /** Assigns a schedule to an employee, a department, or (neither) everyone, from a date. */
  assign: adminProcedure
    .input(
      z.object({
        scheduleId: id,
        userId: id.nullish(),
        department: departmentName.nullish(),
        validFrom: localDate,
        validTo: localDate.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => assignSchedule(ctx.deps, ctx.user, input)),

  unassign: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => unassignSchedule(ctx.deps, ctx.user, input.id)),

  /** The week × people grid (or up to 31 days), of the people the caller manages. */
  roster: managerProcedure
    .input(
      z.object({
        from: localDate,
        days: z.number().int().min(1).max(31).default(7),
        department: departmentName.optional(),
        cursor: id.optional(),
        limit: pageLimit,
      }),
    )
    .query(({ ctx, input }) => roster(ctx.deps, ctx.user, input)),

  /** One cell of the roster: a shift type, a day off (null), or back to the schedule (clear). */
  setDay: managerProcedure
    .input(
      z.object({
        userId: id,
        date: localDate,
        shiftTypeId: id.nullable(),
        note: z.string().trim().max(200).optional(),
        clear: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => setRosterDay(ctx.deps, ctx.user, input)),
});
