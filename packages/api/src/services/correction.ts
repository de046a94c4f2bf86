import { TRPCError } from '@trpc/server';
import type { AppDeps } from '../deps.js';
import { lateness, workDateOf } from '../rules/index.js';
import type { SessionUser } from '../trpc.js';
import { attendanceEvent } from './attendance.js';
import { writeAudit } from './audit.js';
import { publishEvents, recordEvents } from './outbox.js';
import { attendanceView, type AttendanceView } from './views.js';

export interface Correction {
  id: number;
  clockInAt?: string | undefined;
  clockOutAt?: string | undefined;
  status?: 'on_time' | 'late' | undefined;
  note?: string | undefined;
  reason: string;
}

/**
 * An admin's correction of one record: new times (the work date and lateness follow a new
 * clock-in unless a status is given), a clock-out for a shift left open, all with a reason that
 * lands in the audit log together with the values before and after.
 */
export async function correctAttendance(
  deps: Pick<AppDeps, 'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks'>,
  admin: SessionUser,
  input: Correction,
): Promise<AttendanceView> {
  const settings = await deps.settings.get();
  const { Attendance, User } = deps.db.models;
  const { view, events } = await deps.db.transaction(async (transaction) => {
    const row = await Attendance.findByPk(input.id, { lock: transaction.LOCK.UPDATE, transaction });
    if (!row)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `There is no attendance record with id ${input.id}.`,
      });
    const employee = await User.findByPk(row.userId, { transaction });
    if (!employee) throw new Error(`User ${row.userId} of attendance ${row.id} is missing`);
    const before = attendanceView(row);

    const clockInAt = input.clockInAt ? new Date(input.clockInAt) : new Date(row.clockInAt);
    const clockOutAt = input.clockOutAt
      ? new Date(input.clockOutAt)
      : row.clockOutAt
        ? new Date(row.clockOutAt)
        : null;
    if (clockInAt > deps.clock())
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'clockInAt: cannot be in the future' });
    if (clockOutAt && clockOutAt <= clockInAt) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'clockOutAt: must be after the clock-in',
      });
    }
    const changes: Partial<typeof row._attributes> = {};
    if (input.clockInAt) {
      const workDate = workDateOf(clockInAt, settings.timeZone);
      const late = lateness(clockInAt, workDate, settings);
      Object.assign(changes, {
        clockInAt,
        clockInClientAt: null,
        clockInSource: 'online',
        workDate,
        ...late,
      });
    }
    if (input.status)
      Object.assign(changes, {
        status: input.status,
        lateMinutes: input.status === 'on_time' ? 0 : (changes.lateMinutes ?? row.lateMinutes),
      });
    if (input.clockOutAt) {
      Object.assign(changes, {
        clockOutAt,
        clockOutClientAt: null,
        clockOutSource: 'online',
        clockOutKind: 'correction',
        clockOutNode: deps.nodeId,
        openUserId: null,
      });
    }
    if (input.note !== undefined) changes.clockInNote = input.note;
    await row.update(changes, { transaction });
    const after = attendanceView(row);
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'attendance.correct',
        entityType: 'attendance',
        entityId: row.id,
        reason: input.reason,
        before,
        after,
      },
      transaction,
    );
    const events = [attendanceEvent('AttendanceUpdated', row, employee, deps.nodeId, 'correction')];
    await recordEvents(deps, events, transaction);
    return { view: after, events };
  });
  await publishEvents(deps, events);
  return view;
}
