import { isUniqueViolation, repos, type ActionKind, type Attendance, type Tx } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { planClockIn, planClockOut, type ShiftSpan } from './rules/index.js';
import { punchSite } from './punch-site.js';
import { earlyLeaveOf, placeClockIn } from './scheduled-shift.js';
import { localMoment, recordedTap, type RecordedTap, type TapInput } from './tap.js';
import { attendanceView, type AttendanceView } from './views.js';

export type { TapInput } from './tap.js';

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

/** What a tap's transaction decided: a shift written with its events, or a refusal. */
type Written = { row: Attendance; events: AppEvent[] } | { refused: DomainError };

/**
 * The first result of an action already taken with this key, or null when the key is new.
 * @throws DomainError CONFLICT when the key was used by someone else or for the other action.
 */
async function replay(
  deps: Deps,
  user: Actor,
  key: string,
  kind: ActionKind,
  tx?: Tx,
): Promise<AttendanceView | null> {
  const action = await repos.actions.byKey(deps.db, key, tx);
  if (!action) return null;
  if (action.userId !== user.id || action.kind !== kind) {
    throw new DomainError(
      'CONFLICT',
      'This request was already used for a different action. Please tap again.',
      undefined,
      { reason: 'REQUEST_KEY_REUSED' },
    );
  }
  const row = await repos.attendance.byId(deps.db, action.attendanceId, { tx });
  if (!row) throw new Error(`Attendance ${action.attendanceId} of action ${key} is missing`);
  return attendanceView(row);
}

/**
 * Records one tap of the employee: `write` takes the lock on the employee first (so that their taps
 * are written one after another whichever node takes them; taken in the same statement as the read
 * of their shifts) and decides where the tap goes; the shift, the tap's action
 * (keyed by its idempotency key) and the events commit together. A tap refused because its
 * key was already used answers as the first use did: copies sent at once all get the first answer.
 */
async function recordTap(
  deps: Deps,
  user: Actor,
  input: TapInput,
  kind: ActionKind,
  write: (tx: Tx) => Promise<Written>,
): Promise<AttendanceView> {
  const key = input.idempotencyKey;
  let outcome: { view: AttendanceView; events: AppEvent[] };
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const written = await write(tx);
      if ('refused' in written) {
        const first = await replay(deps, user, key, kind, tx);
        if (first) return { view: first, events: [] };
        throw written.refused;
      }
      await repos.actions.insert(
        deps.db,
        { idempotencyKey: key, userId: user.id, kind, attendanceId: written.row.id },
        tx,
      );
      await recordEvents(deps, written.events, tx);
      return { view: attendanceView(written.row), events: written.events };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The key was taken meanwhile by a transaction that did not wait for this employee's lock
    // (another employee's tap with the same key): answer as the first use did, or say why not.
    const first = await replay(deps, user, key, kind);
    if (first) return first;
    throw error;
  }
  await afterCommit(deps, { events: outcome.events });
  return outcome.view;
}

const location = (input: TapInput) => ({
  lat: input.location?.lat ?? null,
  lng: input.location?.lng ?? null,
  accuracy: input.location?.accuracy ?? null,
});

/**
 * Opens a shift for the signed-in employee at the tap's effective time. A tap synced after a later
 * shift was recorded makes a shift of its own, ended automatically before the later one (its
 * clock-out, when it arrives, replaces that end).
 * @throws DomainError CONFLICT when the tap falls in a shift already recorded; INVALID for a tap
 * older than 3 days or inconsistent phone times.
 */
export async function clockIn(deps: Deps, user: Actor, input: TapInput): Promise<AttendanceView> {
  const tap = recordedTap(deps.clock(), input);
  const settings = await deps.settings.get();
  const at = tap.effectiveAt;
  const site = await punchSite(deps, user, input.location);
  const place = await placeClockIn(deps, user, at, site);
  const spot = location(input);

  return recordTap(deps, user, input, 'clock_in', async (tx) => {
    const shifts = await repos.attendance.lockAndSpansEndingAfter(deps.db, user.id, at, tx);
    const plan = planClockIn(shifts, at, place.autoClockOutAt, tap.source);
    if (plan.kind === 'refused')
      return { refused: clockInRefusal(plan, settings.timeZone, tap.receivedAt) };
    const row = await repos.attendance.insert(
      deps.db,
      {
        userId: user.id,
        ...place,
        siteId: site.siteId,
        clockInDistanceM: site.distanceM,
        clockInGeofence: site.geofence,
        ...clockInFields(deps, tap),
        clockInLat: spot.lat,
        clockInLng: spot.lng,
        clockInAccuracy: spot.accuracy,
        clockInNote: input.note ?? null,
        ...(plan.kind === 'closed'
          ? {
              clockOutAt: plan.clockOutAt,
              clockOutReceivedAt: tap.receivedAt,
              clockOutNode: deps.nodeId,
              clockOutSource: 'online' as const,
              clockOutKind: 'auto' as const,
            }
          : {}),
      },
      tx,
    );
    return { row, events: [attendanceEvent('AttendanceCreated', row, user, deps.nodeId)] };
  });
}

function clockInFields(deps: Pick<CoreDeps, 'nodeId'>, tap: RecordedTap) {
  return {
    clockInAt: tap.effectiveAt,
    clockInReceivedAt: tap.receivedAt,
    clockInClientAt: tap.deviceAt,
    clockInClientSentAt: tap.deviceSentAt,
    clockInNode: deps.nodeId,
    clockInSource: tap.source,
  };
}

function clockInRefusal(
  plan: { reason: 'already_open' | 'inside'; shift: ShiftSpan },
  timeZone: string,
  now: Date,
): DomainError {
  const since = localMoment(plan.shift.clockInAt, timeZone, now);
  if (plan.reason === 'already_open')
    return new DomainError(
      'CONFLICT',
      `You are already clocked in since ${since}. Clock out first.`,
      undefined,
      {
        reason: 'ALREADY_CLOCKED_IN',
        params: { since: plan.shift.clockInAt.toISOString(), timeZone },
      },
    );
  const until = localMoment(plan.shift.clockOutAt!, timeZone, now);
  return new DomainError(
    'CONFLICT',
    `This clock-in falls within your shift of ${since} – ${until}, which is already recorded.`,
    undefined,
    {
      reason: 'WITHIN_RECORDED_SHIFT',
      params: {
        since: plan.shift.clockInAt.toISOString(),
        until: plan.shift.clockOutAt!.toISOString(),
        timeZone,
      },
    },
  );
}

const NOT_CLOCKED_IN = 'You are not clocked in, so there is nothing to clock out of.';

/**
 * Closes the shift the tap belongs to (the latest begun at or before its effective time): the open
 * shift, or one closed by auto clock-out, whose automatic end the real tap replaces (audited). A
 * clock-out never closes a shift that began after the tap.
 * @throws DomainError CONFLICT when no shift is open to close; INVALID for a tap older than 3 days
 * or inconsistent phone times.
 */
export async function clockOut(deps: Deps, user: Actor, input: TapInput): Promise<AttendanceView> {
  const tap = recordedTap(deps.clock(), input);
  const settings = await deps.settings.get();
  const at = tap.effectiveAt;
  const site = await punchSite(deps, user, input.location);
  const spot = location(input);

  return recordTap(deps, user, input, 'clock_out', async (tx) => {
    const begun = await repos.attendance.lockAndSpanBegunBy(deps.db, user.id, at, tx);
    const plan = planClockOut(begun ? [begun] : [], at);
    if (plan.kind === 'refused') {
      const shift = plan.shift;
      if (plan.reason === 'too_long')
        return {
          refused: new DomainError(
            'CONFLICT',
            `This clock-out would make your shift since ${localMoment(shift!.clockInAt, settings.timeZone, tap.receivedAt)} longer than 24 hours. Ask your administrator to correct it.`,
            undefined,
            {
              reason: 'CLOCK_OUT_TOO_LATE',
              params: { since: shift!.clockInAt.toISOString(), timeZone: settings.timeZone },
            },
          ),
        };
      if (plan.reason === 'closed' && shift?.clockOutAt && at < shift.clockOutAt)
        return {
          refused: new DomainError(
            'CONFLICT',
            `You already clocked out at ${localMoment(shift.clockOutAt, settings.timeZone, tap.receivedAt)}.`,
            undefined,
            {
              reason: 'ALREADY_CLOCKED_OUT',
              params: { at: shift.clockOutAt.toISOString(), timeZone: settings.timeZone },
            },
          ),
        };
      return {
        refused: new DomainError('CONFLICT', NOT_CLOCKED_IN, undefined, {
          reason: 'NOT_CLOCKED_IN',
        }),
      };
    }
    const row = await repos.attendance.byId(deps.db, plan.shift.id, { tx, lock: true });
    if (!row) throw new Error(`Attendance ${plan.shift.id} vanished under its employee's lock`);
    const before = attendanceView(row);
    await repos.attendance.update(
      row,
      {
        clockOutAt: at,
        earlyLeaveMinutes: await earlyLeaveOf(deps, row, at),
        clockOutReceivedAt: tap.receivedAt,
        clockOutClientAt: tap.deviceAt,
        clockOutClientSentAt: tap.deviceSentAt,
        clockOutNode: deps.nodeId,
        clockOutSource: tap.source,
        clockOutKind: 'manual',
        clockOutLat: spot.lat,
        clockOutLng: spot.lng,
        clockOutAccuracy: spot.accuracy,
        clockOutDistanceM: site.distanceM,
        clockOutGeofence: site.geofence,
        clockOutNote: input.note ?? null,
        openUserId: null,
      },
      tx,
    );
    if (plan.kind === 'replace_auto') {
      await writeAudit(
        deps,
        {
          actorId: user.id,
          action: 'attendance.clock_out_replaces_auto',
          entityType: 'attendance',
          entityId: row.id,
          reason: `The clock-out tap made at ${localMoment(at, settings.timeZone)} replaces the automatic clock-out.`,
          before,
          after: attendanceView(row),
        },
        tx,
      );
    }
    return {
      row,
      events: [attendanceEvent('AttendanceUpdated', row, user, deps.nodeId, 'clock_out')],
    };
  });
}
