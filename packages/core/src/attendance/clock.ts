import { isUniqueViolation, repos, type ActionKind, type Attendance, type Tx } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import type { Actor } from '../actor.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { lateness, resolveTap, workDateOf } from './rules/index.js';
import { attendanceView, type AttendanceView } from './views.js';

/** One tap of the Clock in / Clock out button, as the PWA sends it. */
export interface TapInput {
  /** A UUID the PWA made once for this tap: a resend gets the first answer. */
  idempotencyKey: string;
  /** The phone's clock at the tap (ISO 8601). */
  at?: string | undefined;
  /** Where the phone was, in degrees, and how sure it was, in metres. */
  location?: { lat: number; lng: number; accuracy?: number | undefined } | undefined;
  note?: string | undefined;
}

type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'dashboardCache'
>;

function formatLocalTime(instant: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    instant,
  );
}

/**
 * The first result of an action already taken with this key, or null when the key is new.
 * @throws DomainError CONFLICT when the key was used by someone else or for the other action.
 */
async function replay(
  deps: Deps,
  user: Actor,
  key: string,
  kind: ActionKind,
): Promise<AttendanceView | null> {
  const action = await repos.actions.byKey(deps.db, key);
  if (!action) return null;
  if (action.userId !== user.id || action.kind !== kind) {
    throw new DomainError(
      'CONFLICT',
      'This request was already used for a different action. Please tap again.',
    );
  }
  const row = await repos.attendance.byId(deps.db, action.attendanceId);
  if (!row) throw new Error(`Attendance ${action.attendanceId} of action ${key} is missing`);
  return attendanceView(row);
}

function resolveTapOrThrow(deps: Deps, at: string | undefined) {
  const tap = resolveTap(deps.clock(), at === undefined ? undefined : new Date(at));
  if (!tap.ok) {
    throw new DomainError(
      'INVALID',
      'This tap was made more than 3 days ago and can no longer be sent. Ask your administrator to record it.',
      'at',
    );
  }
  return tap;
}

/** Runs the write; on a unique-key collision, answers as the winner did (replay) or says why not. */
async function writeOnce(
  deps: Deps,
  user: Actor,
  key: string,
  kind: ActionKind,
  write: (tx: Tx) => Promise<{ row: Attendance; events: AppEvent[] }>,
  onCollision: () => Promise<never>,
): Promise<AttendanceView> {
  let written: { row: Attendance; events: AppEvent[] };
  try {
    written = await deps.db.transaction(async (tx) => {
      const result = await write(tx);
      await repos.actions.insert(
        deps.db,
        { idempotencyKey: key, userId: user.id, kind, attendanceId: result.row.id },
        tx,
      );
      await recordEvents(deps, result.events, tx);
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same tap arrived twice at once, and the other copy won: give its answer.
    const first = await replay(deps, user, key, kind);
    if (first) return first;
    return onCollision();
  }
  await afterCommit(deps, { events: written.events });
  return attendanceView(written.row);
}

/**
 * Opens a shift for the signed-in employee.
 * @throws DomainError CONFLICT when a shift is open already; INVALID for a tap older than 3 days.
 */
export async function clockIn(deps: Deps, user: Actor, input: TapInput): Promise<AttendanceView> {
  // No replay check up front: a repeated key collides on attendance_actions (or the open shift) in
  // writeOnce, which then answers with the first result. One round trip fewer per clock-in.
  const tap = resolveTapOrThrow(deps, input.at);
  const settings = await deps.settings.get();
  const workDate = workDateOf(tap.tapAt, settings.timeZone);
  const late = lateness(tap.tapAt, workDate, settings);
  const alreadyIn = async (): Promise<never> => {
    const open = await repos.attendance.openOf(deps.db, user.id);
    const since = open
      ? ` since ${formatLocalTime(new Date(open.clockInAt), settings.timeZone)}`
      : '';
    throw new DomainError('CONFLICT', `You are already clocked in${since}. Clock out first.`);
  };

  return writeOnce(
    deps,
    user,
    input.idempotencyKey,
    'clock_in',
    async (tx) => {
      const row = await repos.attendance.insertOpen(
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
        tx,
      );
      return { row, events: [attendanceEvent('AttendanceCreated', row, user, deps.nodeId)] };
    },
    alreadyIn,
  );
}

const notClockedIn = (): Promise<never> => {
  throw new DomainError('CONFLICT', 'You are not clocked in, so there is nothing to clock out of.');
};

/**
 * Closes the signed-in employee's open shift.
 * @throws DomainError CONFLICT when no shift is open; INVALID for a tap older than 3 days.
 */
export async function clockOut(deps: Deps, user: Actor, input: TapInput): Promise<AttendanceView> {
  const previous = await replay(deps, user, input.idempotencyKey, 'clock_out');
  if (previous) return previous;
  const tap = resolveTapOrThrow(deps, input.at);

  return writeOnce(
    deps,
    user,
    input.idempotencyKey,
    'clock_out',
    async (tx) => {
      const open = await repos.attendance.openOf(deps.db, user.id, { tx, lock: true });
      if (!open) return notClockedIn();
      await repos.attendance.update(
        open,
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
        tx,
      );
      return {
        row: open,
        events: [attendanceEvent('AttendanceUpdated', open, user, deps.nodeId, 'clock_out')],
      };
    },
    notClockedIn,
  );
}
