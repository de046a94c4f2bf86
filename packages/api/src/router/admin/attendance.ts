import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { ATTENDANCE_STATUSES, type Attendance } from '@absensi/db';
import { correctAttendance } from '../../services/correction.js';
import { attendanceView } from '../../services/views.js';
import { adminProcedure, router } from '../../trpc.js';
import { id, isoInstant, localDate, pageLimit } from '../inputs.js';

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number;
  actorName: string | null;
  action: string;
  reason: string;
  before: unknown;
  after: unknown;
}

export const adminAttendanceRouter = router({
  /** Records in a date range (work dates), newest first, filtered by person, department or status. */
  list: adminProcedure
    .input(
      z
        .object({
          from: localDate,
          to: localDate,
          userId: id.optional(),
          department: z.string().trim().max(120).optional(),
          status: z.enum(ATTENDANCE_STATUSES).optional(),
          open: z.boolean().optional(),
          cursor: id.optional(),
          limit: pageLimit,
        })
        .refine((input) => input.from <= input.to, {
          message: 'must not be before from',
          path: ['to'],
        }),
    )
    .query(async ({ ctx, input }) => {
      const { Attendance, User } = ctx.deps.db.models;
      const where: WhereOptions<Attendance>[] = [
        { workDate: { [Op.between]: [input.from, input.to] } },
      ];
      if (input.userId !== undefined) where.push({ userId: input.userId });
      if (input.status !== undefined) where.push({ status: input.status });
      if (input.open !== undefined)
        where.push({ openUserId: input.open ? { [Op.ne]: null } : null });
      if (input.cursor !== undefined) where.push({ id: { [Op.lt]: input.cursor } });
      const rows = await Attendance.findAll({
        where: { [Op.and]: where },
        include: [
          {
            model: User,
            as: 'user',
            attributes: ['name', 'email', 'department'],
            ...(input.department !== undefined ? { where: { department: input.department } } : {}),
          },
        ],
        order: [['id', 'DESC']],
        limit: input.limit + 1,
      });
      const items = rows.slice(0, input.limit).map((row) => {
        const user = (
          row as typeof row & { user: { name: string; email: string; department: string | null } }
        ).user;
        return {
          ...attendanceView(row),
          user: { name: user.name, email: user.email, department: user.department },
        };
      });
      return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
    }),

  correct: adminProcedure
    .input(
      z
        .object({
          id,
          clockInAt: isoInstant.optional(),
          clockOutAt: isoInstant.optional(),
          status: z.enum(ATTENDANCE_STATUSES).optional(),
          note: z.string().trim().max(500).optional(),
          reason: z
            .string()
            .trim()
            .min(5, { message: 'must say why, in at least 5 characters' })
            .max(500),
        })
        .refine((input) => input.clockInAt ?? input.clockOutAt ?? input.status ?? input.note, {
          message: 'must change at least one of clockInAt, clockOutAt, status or note',
        }),
    )
    .mutation(({ ctx, input }) => correctAttendance(ctx.deps, ctx.user, input)),

  /** The audit trail of one record: who changed what, when and why. */
  audit: adminProcedure
    .input(z.object({ id }))
    .query(async ({ ctx, input }): Promise<AuditEntryView[]> => {
      const { AuditLog, User } = ctx.deps.db.models;
      const entries = await AuditLog.findAll({
        where: { entityType: 'attendance', entityId: input.id },
        order: [['id', 'ASC']],
      });
      const actors = await User.findAll({
        where: { id: { [Op.in]: [...new Set(entries.map((entry) => entry.actorId))] } },
        attributes: ['id', 'name'],
      });
      const names = new Map(actors.map((actor) => [actor.id, actor.name]));
      return entries.map((entry) => ({
        id: entry.id,
        at: new Date(entry.createdAt).toISOString(),
        actorId: entry.actorId,
        actorName: names.get(entry.actorId) ?? null,
        action: entry.action,
        reason: entry.reason,
        before: entry.before === null ? null : (JSON.parse(entry.before) as unknown),
        after: entry.after === null ? null : (JSON.parse(entry.after) as unknown),
      }));
    }),
});
