import { repos, type Attendance, type Tx } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { MAX_SHIFT_MS, overlapping } from './rules/index.js';
import { primarySite } from './punch-site.js';
import { earlyLeaveOf, placeClockIn } from './scheduled-shift.js';
import { localMoment } from './tap.js';
import { attendanceView, type AttendanceView } from './views.js';

type Deps = Pick<
  CoreDeps,
  | 'db'
  | 'feed'
  | 'log'
  | 'clock'
  | 'nodeId'
  | 'settings'
  | 'planning'
  | 'sentMarks'
  | 'dashboardCache'
>;

/** The earliest instant a record may carry: anything before is a typing mistake. */
export const EARLIEST_RECORD = new Date('2000-01-01T00:00:00Z');

/**
 * Refuses a shift [clockInAt, clockOutAt) that an admin may not record for the employee: one that
 * begins before EARLIEST_RECORD or in the future, ends in the future or not after it begins, lasts
 * more than 24 hours, or overlaps another of the employee's shifts (`except`: the one corrected).
 * @throws DomainError INVALID naming the field, or CONFLICT naming the shift it would overlap.
 */
async function checkSpan(
  deps: Deps,
  tx: Tx,
  span: { userId: number; clockInAt: Date; clockOutAt: Date | null; except?: number },
  timeZone: string,
) {
  const now = deps.clock();
  if (span.clockInAt < EARLIEST_RECORD)
    throw new DomainError('INVALID', 'clockInAt: must not be before the year 2000', 'clockInAt', {
      reason: 'BEFORE_YEAR_2000',
    });
  if (span.clockInAt > now)
    throw new DomainError('INVALID', 'clockInAt: cannot be in the future', 'clockInAt', {
      reason: 'TIME_IN_FUTURE',
    });
  if (span.clockOutAt) {
    if (span.clockOutAt > now)
      throw new DomainError('INVALID', 'clockOutAt: cannot be in the future', 'clockOutAt', {
        reason: 'TIME_IN_FUTURE',
      });
    if (span.clockOutAt <= span.clockInAt)
      throw new DomainError('INVALID', 'clockOutAt: must be after the clock-in', 'clockOutAt', {
        reason: 'CLOCK_OUT_NOT_AFTER_IN',
      });
    if (span.clockOutAt.getTime() - span.clockInAt.getTime() > MAX_SHIFT_MS)
      throw new DomainError(
        'INVALID',
        'clockOutAt: a shift cannot last more than 24 hours',
        'clockOutAt',
        { reason: 'SHIFT_OVER_24_HOURS' },
      );
  }
  const others = await repos.attendance.spansMeeting(
    deps.db,
    { userId: span.userId, from: span.clockInAt, until: span.clockOutAt, except: span.except },
    tx,
  );
  const other = overlapping(others, span);
  if (other) {
    const until = other.clockOutAt ? localMoment(other.clockOutAt, timeZone) : 'now (still open)';
    throw new DomainError(
      'CONFLICT',
      `This would overlap the employee's shift of ${localMoment(other.clockInAt, timeZone)} – ${until}.`,
      undefined,
      {
        reason: 'SHIFT_OVERLAP',
        params: {
          from: other.clockInAt.toISOString(),
          until: other.clockOutAt?.toISOString() ?? '',
          timeZone,
        },
      },
    );
  }
}

/** Tells the employee an admin changed or added one of their records, and why. */
function tellCorrected(deps: Deps, tx: Tx, admin: Actor, row: Attendance, reason: string) {
  return notify(deps, tx, {
    userId: row.userId,
    kind: 'record_corrected',
    details: { attendanceId: row.id, workDate: row.workDate, by: admin.name, reason },
  });
}

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
 * clock-in unless a status is given), a clock-out for a shift left open. The record is marked
 * corrected; the reason lands in the audit log with the values before and after, in the
 * transaction of the change, under the employee's lock.
 * @throws DomainError NOT_FOUND for an unknown record; INVALID or CONFLICT for a shift that
 * cannot stand (see checkSpan).
 */
export async function correctAttendance(
  deps: Deps,
  admin: Actor,
  input: Correction,
): Promise<AttendanceView> {
  const found = await repos.attendance.byId(deps.db, input.id);
  if (!found)
    throw new DomainError(
      'NOT_FOUND',
      `There is no attendance record with id ${input.id}.`,
      undefined,
      { reason: 'ATTENDANCE_NOT_FOUND', params: { id: input.id } },
    );
  const { view, events } = await deps.db.transaction(async (tx) => {
    await repos.users.lock(deps.db, found.userId, tx);
    return correctWithin(deps, tx, admin, input);
  });
  await afterCommit(deps, { events });
  return view;
}

/**
 * correctAttendance's work inside a transaction that holds the employee's lock: the caller commits
 * and publishes the events.
 */
export async function correctWithin(
  deps: Deps,
  tx: Tx,
  admin: Actor,
  input: Correction,
): Promise<{ view: AttendanceView; events: AppEvent[] }> {
  const settings = await deps.settings.get();
  {
    const row = await repos.attendance.byId(deps.db, input.id, { tx, lock: true });
    if (!row)
      throw new DomainError(
        'NOT_FOUND',
        `There is no attendance record with id ${input.id}.`,
        undefined,
        { reason: 'ATTENDANCE_NOT_FOUND', params: { id: input.id } },
      );
    const employee = await repos.users.byId(deps.db, row.userId, tx);
    if (!employee) throw new Error(`User ${row.userId} of attendance ${row.id} is missing`);
    const before = attendanceView(row);

    const clockInAt = input.clockInAt ? new Date(input.clockInAt) : new Date(row.clockInAt);
    const clockOutAt = input.clockOutAt
      ? new Date(input.clockOutAt)
      : row.clockOutAt
        ? new Date(row.clockOutAt)
        : null;
    await checkSpan(
      deps,
      tx,
      { userId: row.userId, clockInAt, clockOutAt, except: row.id },
      settings.timeZone,
    );
    const changes: repos.attendance.ShiftChanges = { corrected: true };
    if (input.clockInAt)
      Object.assign(changes, {
        clockInAt,
        ...(await placeClockIn(deps, employee, clockInAt, await primarySite(deps, employee.id))),
      });
    if (input.status) {
      // Late by the admin's word: the minutes after the scheduled start, when there is one.
      const start = changes.scheduledStart ?? row.scheduledStart;
      const minutesAfterStart = start
        ? Math.max(0, Math.floor((clockInAt.getTime() - new Date(start).getTime()) / 60_000))
        : 0;
      Object.assign(changes, {
        status: input.status,
        lateMinutes:
          input.status === 'on_time'
            ? 0
            : (changes.lateMinutes ?? row.lateMinutes) || minutesAfterStart,
      });
    }
    if (clockOutAt) {
      const shift = { ...row.get({ plain: true }), ...changes };
      changes.earlyLeaveMinutes = await earlyLeaveOf(deps, shift, clockOutAt);
    }
    if (input.clockOutAt) {
      Object.assign(changes, {
        clockOutAt,
        clockOutReceivedAt: deps.clock(),
        clockOutClientAt: null,
        clockOutClientSentAt: null,
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
    const emitted: AppEvent[] = [
      attendanceEvent('AttendanceUpdated', row, employee, deps.nodeId, 'correction'),
    ];
    await recordEvents(deps, emitted, tx);
    emitted.push(await tellCorrected(deps, tx, admin, row, input.reason));
    return { view: after, events: emitted };
  }
}

export interface MissingShift {
  userId: number;
  clockInAt: string;
  clockOutAt: string;
  note?: string | undefined;
  reason: string;
}

/**
 * An admin adds a shift the employee did not record (a forgotten phone, a broken one), with a
 * reason kept in the audit log; the shift is marked as added by an admin.
 * @throws DomainError NOT_FOUND for an unknown employee; INVALID or CONFLICT for a shift that
 * cannot stand (see checkSpan).
 */
export async function addShift(
  deps: Deps,
  admin: Actor,
  input: MissingShift,
): Promise<AttendanceView> {
  const { view, events } = await deps.db.transaction(async (tx) => {
    if (!(await repos.users.lock(deps.db, input.userId, tx)))
      throw new DomainError('NOT_FOUND', `There is no user with id ${input.userId}.`, 'userId', {
        reason: 'USER_NOT_FOUND',
        params: { id: input.userId },
      });
    return addWithin(deps, tx, admin, input);
  });
  await afterCommit(deps, { events });
  return view;
}

/** addShift's work inside a transaction that holds the employee's lock. */
export async function addWithin(
  deps: Deps,
  tx: Tx,
  admin: Actor,
  input: MissingShift,
): Promise<{ view: AttendanceView; events: AppEvent[] }> {
  const settings = await deps.settings.get();
  const clockInAt = new Date(input.clockInAt);
  const clockOutAt = new Date(input.clockOutAt);
  {
    const employee = (await repos.users.byId(deps.db, input.userId, tx))!;
    await checkSpan(deps, tx, { userId: input.userId, clockInAt, clockOutAt }, settings.timeZone);
    const site = await primarySite(deps, employee.id);
    const place = await placeClockIn(deps, employee, clockInAt, site);
    const now = deps.clock();
    const row: Attendance = await repos.attendance.insert(
      deps.db,
      {
        userId: input.userId,
        ...place,
        siteId: site.siteId,
        earlyLeaveMinutes: await earlyLeaveOf(deps, place, clockOutAt),
        clockInAt,
        clockInReceivedAt: now,
        clockInClientAt: null,
        clockInClientSentAt: null,
        clockInNode: deps.nodeId,
        clockInSource: 'online',
        clockInLat: null,
        clockInLng: null,
        clockInAccuracy: null,
        clockInNote: input.note ?? null,
        clockOutAt,
        clockOutReceivedAt: now,
        clockOutNode: deps.nodeId,
        clockOutSource: 'online',
        clockOutKind: 'correction',
        origin: 'admin',
      },
      tx,
    );
    const after = attendanceView(row);
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'attendance.add',
        entityType: 'attendance',
        entityId: row.id,
        reason: input.reason,
        before: null,
        after,
      },
      tx,
    );
    const emitted: AppEvent[] = [attendanceEvent('AttendanceCreated', row, employee, deps.nodeId)];
    await recordEvents(deps, emitted, tx);
    emitted.push(await tellCorrected(deps, tx, admin, row, input.reason));
    return { view: after, events: emitted };
  }
}
