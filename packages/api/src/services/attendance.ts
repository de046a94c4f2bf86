import { TRPCError } from '@trpc/server';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { insertAction, insertOpenShift, type ActionKind, type Attendance } from '@absensi/db';
import { newEventId, type AppEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';
import { lateness, resolveTap, workDateOf } from '../rules/index.js';
import type { SessionUser } from '../trpc.js';
import { publishEvents, recordEvents } from './outbox.js';
import { attendanceSnapshot, attendanceView, type AttendanceView } from './views.js';

export interface TapInput {
  idempotencyKey: string;
  at?: string | undefined;
  location?: { lat: number; lng: number; accuracy?: number | undefined } | undefined;
  note?: string | undefined;
}

type Deps = Pick<
  AppDeps,
  'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'dashboardCache'
>;

function formatLocalTime(instant: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    instant,
  );
}

/** The first result of an action already taken with this key, or null when the key is new. */
async function replay(
  deps: Deps,
  user: SessionUser,
  key: string,
  kind: ActionKind,
): Promise<AttendanceView | null> {
  const { AttendanceAction, Attendance } = deps.db.models;
  const action = await AttendanceAction.findByPk(key);
  if (!action) return null;
  if (action.userId !== user.id || action.kind !== kind) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'This request was already used for a different action. Please tap again.',
    });
  }
  const row = await Attendance.findByPk(action.attendanceId);
  if (!row) throw new Error(`Attendance ${action.attendanceId} of action ${key} is missing`);
  return attendanceView(row);
}

function resolveTapOrThrow(deps: Deps, at: string | undefined) {
  const tap = resolveTap(deps.clock(), at === undefined ? undefined : new Date(at));
  if (!tap.ok) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'This tap was made more than 3 days ago and can no longer be sent. Ask your administrator to record it.',
    });
  }
  return tap;
}

function attendanceEvent(
  type: 'AttendanceCreated' | 'AttendanceUpdated',
  row: Attendance,
  user: SessionUser,
  nodeId: string,
  change?: 'clock_out' | 'auto_clock_out' | 'correction',
): AppEvent {
  const envelope = { id: newEventId(), occurredAt: new Date().toISOString(), nodeId };
  const snapshot = attendanceSnapshot(row, user);
  return type === 'AttendanceCreated'
    ? { ...envelope, type, data: snapshot }
    : { ...envelope, type, data: { ...snapshot, change: change ?? 'clock_out' } };
}

/** Runs the write; on a unique-key collision, answers as the winner did (replay) or says why not. */
async function writeOnce(
  deps: Deps,
  user: SessionUser,
  key: string,
  kind: ActionKind,
  write: (transaction: Transaction) => Promise<{ row: Attendance; events: AppEvent[] }>,
  onCollision: () => Promise<never>,
): Promise<AttendanceView> {
  let written: { row: Attendance; events: AppEvent[] };
  try {
    written = await deps.db.transaction(async (transaction) => {
      const result = await write(transaction);
      await insertAction(
        deps.db,
        { idempotencyKey: key, userId: user.id, kind, attendanceId: result.row.id },
        transaction,
      );
      await recordEvents(deps, result.events, transaction);
      return result;
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    // The same tap arrived twice at once, and the other copy won: give its answer.
    const first = await replay(deps, user, key, kind);
    if (first) return first;
    return onCollision();
  }
  await publishEvents(deps, written.events);
  return attendanceView(written.row);
}

export async function clockIn(
  deps: Deps,
  user: SessionUser,
  input: TapInput,
): Promise<AttendanceView> {
  // No replay check up front: a repeated key collides on attendance_actions (or the open shift) in
  // writeOnce, which then answers with the first result. One round trip fewer per clock-in.
  const tap = resolveTapOrThrow(deps, input.at);
  const settings = await deps.settings.get();
  const workDate = workDateOf(tap.tapAt, settings.timeZone);
  const late = lateness(tap.tapAt, workDate, settings);
  const alreadyIn = async (): Promise<never> => {
    const open = await deps.db.models.Attendance.findOne({ where: { openUserId: user.id } });
    const since = open
      ? ` since ${formatLocalTime(new Date(open.clockInAt), settings.timeZone)}`
      : '';
    throw new TRPCError({
      code: 'CONFLICT',
      message: `You are already clocked in${since}. Clock out first.`,
    });
  };

  return writeOnce(
    deps,
    user,
    input.idempotencyKey,
    'clock_in',
    async (transaction) => {
      const row = await insertOpenShift(
        deps.db,
        {
          userId: user.id,
          workDate,
          status: late.status,
          lateMinutes: late.lateMinutes,
          clockInAt: deps.clock(),
          clockInClientAt: tap.clientAt,
          clockInNode: deps.nodeId,
          clockInSource: tap.source,
          clockInLat: input.location?.lat ?? null,
          clockInLng: input.location?.lng ?? null,
          clockInAccuracy: input.location?.accuracy ?? null,
          clockInNote: input.note ?? null,
        },
        transaction,
      );
      return { row, events: [attendanceEvent('AttendanceCreated', row, user, deps.nodeId)] };
    },
    alreadyIn,
  );
}

const notClockedIn = (): Promise<never> => {
  throw new TRPCError({
    code: 'CONFLICT',
    message: 'You are not clocked in, so there is nothing to clock out of.',
  });
};

export async function clockOut(
  deps: Deps,
  user: SessionUser,
  input: TapInput,
): Promise<AttendanceView> {
  const previous = await replay(deps, user, input.idempotencyKey, 'clock_out');
  if (previous) return previous;
  const tap = resolveTapOrThrow(deps, input.at);

  return writeOnce(
    deps,
    user,
    input.idempotencyKey,
    'clock_out',
    async (transaction) => {
      const open = await deps.db.models.Attendance.findOne({
        where: { openUserId: user.id },
        lock: transaction.LOCK.UPDATE,
        transaction,
      });
      if (!open) return notClockedIn();
      await open.update(
        {
          clockOutAt: deps.clock(),
          clockOutClientAt: tap.clientAt,
          clockOutNode: deps.nodeId,
          clockOutSource: tap.source,
          clockOutKind: 'manual',
          clockOutLat: input.location?.lat ?? null,
          clockOutLng: input.location?.lng ?? null,
          clockOutAccuracy: input.location?.accuracy ?? null,
          clockOutNote: input.note ?? null,
          openUserId: null,
        },
        { transaction },
      );
      return {
        row: open,
        events: [attendanceEvent('AttendanceUpdated', open, user, deps.nodeId, 'clock_out')],
      };
    },
    notClockedIn,
  );
}

export { attendanceEvent };
