import { repos } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { lateness, workDateOf } from './rules/index.js';
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
 * lands in the audit log together with the values before and after, in one transaction.
 * @throws DomainError NOT_FOUND for an unknown record; INVALID for a clock-in in the future or a
 * clock-out not after the clock-in.
 */
export async function correctAttendance(
  deps: Pick<
    CoreDeps,
    'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'dashboardCache'
  >,
  admin: Actor,
  input: Correction,
): Promise<AttendanceView> {
  const settings = await deps.settings.get();
  const { view, events } = await deps.db.transaction(async (tx) => {
    const row = await repos.attendance.byId(deps.db, input.id, { tx, lock: true });
    if (!row)
      throw new DomainError('NOT_FOUND', `There is no attendance record with id ${input.id}.`);
    const employee = await repos.users.byId(deps.db, row.userId, tx);
    if (!employee) throw new Error(`User ${row.userId} of attendance ${row.id} is missing`);
    const before = attendanceView(row);

    const clockInAt = input.clockInAt ? new Date(input.clockInAt) : new Date(row.clockInAt);
    const clockOutAt = input.clockOutAt
      ? new Date(input.clockOutAt)
      : row.clockOutAt
        ? new Date(row.clockOutAt)
        : null;
    if (clockInAt > deps.clock())
      throw new DomainError('INVALID', 'clockInAt: cannot be in the future', 'clockInAt');
    if (clockOutAt && clockOutAt <= clockInAt)
      throw new DomainError('INVALID', 'clockOutAt: must be after the clock-in', 'clockOutAt');
    const changes: repos.attendance.ShiftChanges = {};
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
    await repos.attendance.update(row, changes, tx);
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
      tx,
    );
    const emitted = [
      attendanceEvent('AttendanceUpdated', row, employee, deps.nodeId, 'correction'),
    ];
    await recordEvents(deps, emitted, tx);
    return { view: after, events: emitted };
  });
  await afterCommit(deps, { events });
  return view;
}
