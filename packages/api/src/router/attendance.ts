import { z } from 'zod';
import { clockIn, clockOut, history, myMonth, mySchedule, today } from '@absensi/core';
import { protectedProcedure, router } from '../trpc.js';
import { id, month, pageLimit, tapInput } from './inputs.js';

export const attendanceRouter = router({
  clockIn: protectedProcedure
    .input(tapInput)
    .mutation(({ ctx, input }) => clockIn(ctx.deps, ctx.user, input)),

  clockOut: protectedProcedure
    .input(tapInput)
    .mutation(({ ctx, input }) => clockOut(ctx.deps, ctx.user, input)),

  /** The caller's state now: the open shift if any, and today's records in the company's time zone. */
  today: protectedProcedure.query(({ ctx }) => today(ctx.deps, ctx.user)),

  /** The caller's records of one month, newest first, a page at a time, with the month's totals. */
  history: protectedProcedure
    .input(z.object({ month: month.optional(), cursor: id.optional(), limit: pageLimit }))
    .query(({ ctx, input }) => history(ctx.deps, ctx.user, input)),

  /** The caller's plan for the next 7 days: shifts with their times, days off, holidays. */
  schedule: protectedProcedure.query(({ ctx }) => mySchedule(ctx.deps, ctx.user)),

  /** The caller's month as the recap counts it: a code per day and the totals (null: not counted). */
  month: protectedProcedure
    .input(z.object({ month }))
    .query(({ ctx, input }) => myMonth(ctx.deps, ctx.user, input.month)),
});
