import { Op } from 'sequelize';
import { z } from 'zod';
import { dayOfUser } from '@absensi/db';
import { clockIn, clockOut } from '../services/attendance.js';
import { attendanceView } from '../services/views.js';
import { monthBounds, workDateOf } from '../rules/index.js';
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
  today: protectedProcedure.query(async ({ ctx }) => {
    const settings = await ctx.deps.settings.get();
    const now = ctx.deps.clock();
    const workDate = workDateOf(now, settings.timeZone);
    // One query for both: today's records and the open shift, which may have begun on an earlier day.
    const rows = await dayOfUser(ctx.deps.db, ctx.user.id, workDate);
    const open = rows.find((row) => row.openUserId !== null);
    return {
      serverTime: now.toISOString(),
      workDate,
      settings,
      open: open ? attendanceView(open) : null,
      records: rows.filter((row) => row.workDate === workDate).map(attendanceView),
    };
  }),

  /** The caller's records of one month, newest first, a page at a time, with the month's totals. */
  history: protectedProcedure
    .input(z.object({ month: month.optional(), cursor: id.optional(), limit: pageLimit }))
    .query(async ({ ctx, input }) => {
      const { Attendance } = ctx.deps.db.models;
      const settings = await ctx.deps.settings.get();
      const chosen = input.month ?? workDateOf(ctx.deps.clock(), settings.timeZone).slice(0, 7);
      const { from, to } = monthBounds(chosen);
      const inMonth = { userId: ctx.user.id, workDate: { [Op.between]: [from, to] } };
      const rows = await Attendance.findAll({
        where: input.cursor === undefined ? inMonth : { ...inMonth, id: { [Op.lt]: input.cursor } },
        order: [['id', 'DESC']],
        limit: input.limit + 1,
      });
      const items = rows.slice(0, input.limit).map(attendanceView);
      const all = await Attendance.findAll({ where: inMonth, order: [['id', 'ASC']] });
      const views = all.map(attendanceView);
      return {
        month: chosen,
        items,
        nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null,
        totals: {
          days: new Set(views.map((view) => view.workDate)).size,
          shifts: views.length,
          late: views.filter((view) => view.status === 'late').length,
          workedMinutes: views.reduce((sum, view) => sum + (view.workedMinutes ?? 0), 0),
        },
      };
    }),
});
