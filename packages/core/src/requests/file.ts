import { isUniqueViolation, repos, type LeaveRequest, type Tx } from '@absensi/db';
import { newEventId, type RequestChanged } from '@absensi/events';
import type { Actor } from '../actor.js';
import { MAX_SHIFT_MS } from '../attendance/rules/index.js';
import { workDateOf } from '../attendance/rules/time.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { recordEvents } from '../outbox/publish.js';
import { overtimeClaimRefusal } from '../overtime/rules.js';
import { nextDate } from '../schedules/rules.js';
import { leaveBalanceCheck, leaveDaysFor, workedDates } from './balance.js';
import { loadRequestView } from './queries.js';
import { MAX_ATTACHMENT_BYTES, MAX_LEAVE_SPAN_DAYS, sniffImage } from './rules.js';
import type { RequestView } from './views.js';

/** What filing and deciding requests work with. */
export type RequestDeps = Pick<
  CoreDeps,
  | 'db'
  | 'feed'
  | 'log'
  | 'sentMarks'
  | 'dashboardCache'
  | 'planning'
  | 'settings'
  | 'clock'
  | 'nodeId'
>;
type Deps = RequestDeps;

interface Common {
  reason: string;
  /** The phone's key for this request: the same key files it once, however often it is sent. */
  clientKey?: string | undefined;
}

export type FiledRequest = Common &
  (
    | {
        kind: 'leave';
        leaveTypeId: number;
        startDate: string;
        endDate: string;
        part: 'full' | 'first_half' | 'second_half';
        /** A photo (JPEG, PNG or WebP), base64, at most MAX_ATTACHMENT_BYTES. */
        attachment?: { contentType: string; base64: string } | undefined;
      }
    | {
        kind: 'correction';
        date: string;
        /** The record to correct; absent: a shift to add (both times then required). */
        attendanceId?: number | undefined;
        clockInAt?: string | undefined;
        clockOutAt?: string | undefined;
      }
    | { kind: 'overtime'; date: string; minutes?: number | undefined }
  );

/** The change event approvers' lists follow. */
export function requestChanged(
  deps: Pick<CoreDeps, 'nodeId' | 'clock'>,
  row: LeaveRequest,
  department: string | null,
): RequestChanged {
  return {
    id: newEventId(),
    type: 'RequestChanged',
    occurredAt: deps.clock().toISOString(),
    nodeId: deps.nodeId,
    data: { requestId: row.id, userId: row.userId, department, kind: row.kind, state: row.state },
  };
}

function decodeAttachment(attachment: { contentType: string; base64: string }) {
  const data = Buffer.from(attachment.base64, 'base64');
  if (data.length === 0)
    throw new DomainError('INVALID', 'attachment: the photo is empty', 'attachment', {
      reason: 'PHOTO_EMPTY',
    });
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError(
      'INVALID',
      `attachment: the photo is ${Math.ceil(data.length / 1024)} KB; at most ${MAX_ATTACHMENT_BYTES / 1024} KB is kept`,
      'attachment',
      {
        reason: 'PHOTO_TOO_LARGE',
        params: { sizeKb: Math.ceil(data.length / 1024), maxKb: MAX_ATTACHMENT_BYTES / 1024 },
      },
    );
  const type = sniffImage(data);
  if (!type || type !== attachment.contentType)
    throw new DomainError(
      'INVALID',
      'attachment: must be a JPEG, PNG or WebP photo',
      'attachment',
      { reason: 'PHOTO_WRONG_TYPE' },
    );
  return { contentType: type, sizeBytes: data.length, data };
}

/** The fields of a leave request, checked: dates, part, type, attachment, overlap and balance. */
async function leaveFields(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  input: Extract<FiledRequest, { kind: 'leave' }>,
) {
  if (input.endDate < input.startDate)
    throw new DomainError('INVALID', 'endDate: must not be before the start date', 'endDate', {
      reason: 'END_BEFORE_START',
    });
  if (nextDate(input.startDate, MAX_LEAVE_SPAN_DAYS) <= input.endDate)
    throw new DomainError(
      'INVALID',
      `endDate: a leave may span at most ${MAX_LEAVE_SPAN_DAYS} days`,
      'endDate',
      { reason: 'LEAVE_TOO_LONG', params: { maxDays: MAX_LEAVE_SPAN_DAYS } },
    );
  if (input.part !== 'full' && input.startDate !== input.endDate)
    throw new DomainError('INVALID', 'part: a half-day leave is for one date', 'part', {
      reason: 'HALF_DAY_ONE_DATE',
    });
  const type = await repos.leaveTypes.byId(deps.db, input.leaveTypeId, tx);
  if (!type || !type.active)
    throw new DomainError(
      'NOT_FOUND',
      `There is no leave type with id ${input.leaveTypeId}.`,
      'leaveTypeId',
      { reason: 'LEAVE_TYPE_NOT_FOUND', params: { id: input.leaveTypeId } },
    );
  if (type.attachment === 'required' && !input.attachment)
    throw new DomainError(
      'INVALID',
      `attachment: ${type.name} needs a photo of the letter`,
      'attachment',
      { reason: 'PHOTO_REQUIRED', params: { leaveType: type.name } },
    );
  if (type.attachment === 'none' && input.attachment)
    throw new DomainError('INVALID', `attachment: ${type.name} takes no photo`, 'attachment', {
      reason: 'PHOTO_NOT_TAKEN',
      params: { leaveType: type.name },
    });
  const overlapping = await repos.requests.standing(
    deps.db,
    {
      userIds: [actor.id],
      from: input.startDate,
      to: input.endDate,
      kinds: ['leave'],
      pending: true,
    },
    tx,
  );
  if (overlapping.length > 0) {
    const other = overlapping[0]!;
    throw new DomainError(
      'CONFLICT',
      `You already asked for leave on ${other.startDate}${other.endDate === other.startDate ? '' : ` – ${other.endDate}`}.`,
      'startDate',
      { reason: 'LEAVE_OVERLAP', params: { startDate: other.startDate, endDate: other.endDate } },
    );
  }
  if (input.part === 'full') {
    const worked = [...(await workedDates(deps, actor, input.startDate, input.endDate))].sort();
    if (worked.length > 0)
      throw new DomainError(
        'CONFLICT',
        `startDate: you have a recorded shift on ${worked[0]}; leave is for days not worked (ask for a correction if the record is wrong)`,
        'startDate',
        { reason: 'LEAVE_ON_WORKED_DAY', params: { date: worked[0]! } },
      );
  }
  const leaveDays = await leaveDaysFor(deps, actor, input);
  if (leaveDays === 0)
    throw new DomainError(
      'INVALID',
      'startDate: you are not scheduled to work on these dates',
      'startDate',
      { reason: 'NOT_SCHEDULED' },
    );
  await leaveBalanceCheck(deps, tx, { person: actor, type, leave: input });
  return {
    leaveTypeId: type.id,
    startDate: input.startDate,
    endDate: input.endDate,
    part: input.part,
    leaveDays,
  };
}

/** The fields of a correction request, checked against the record it changes. */
async function correctionFields(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  input: Extract<FiledRequest, { kind: 'correction' }>,
) {
  const now = deps.clock();
  for (const field of ['clockInAt', 'clockOutAt'] as const) {
    const value = input[field];
    if (value && new Date(value) > now)
      throw new DomainError('INVALID', `${field}: cannot be in the future`, field, {
        reason: 'TIME_IN_FUTURE',
      });
  }
  if (input.attendanceId !== undefined) {
    const row = await repos.attendance.byId(deps.db, input.attendanceId, { tx });
    if (!row || row.userId !== actor.id)
      throw new DomainError(
        'NOT_FOUND',
        `You have no attendance record with id ${input.attendanceId}.`,
        'attendanceId',
        { reason: 'ATTENDANCE_NOT_FOUND', params: { id: input.attendanceId } },
      );
    if (!input.clockInAt && !input.clockOutAt)
      throw new DomainError(
        'INVALID',
        'clockInAt: give the clock-in or the clock-out as it should be',
        'clockInAt',
        { reason: 'CORRECTION_NEEDS_TIME' },
      );
  } else if (!input.clockInAt || !input.clockOutAt) {
    throw new DomainError(
      'INVALID',
      'clockInAt: a missing shift needs both its clock-in and its clock-out',
      input.clockInAt ? 'clockOutAt' : 'clockInAt',
      { reason: 'MISSING_SHIFT_NEEDS_BOTH' },
    );
  }
  if (input.clockInAt && input.clockOutAt) {
    const length = new Date(input.clockOutAt).getTime() - new Date(input.clockInAt).getTime();
    if (length <= 0)
      throw new DomainError('INVALID', 'clockOutAt: must be after the clock-in', 'clockOutAt', {
        reason: 'CLOCK_OUT_NOT_AFTER_IN',
      });
    if (length > MAX_SHIFT_MS)
      throw new DomainError(
        'INVALID',
        'clockOutAt: a shift cannot last more than 24 hours',
        'clockOutAt',
        { reason: 'SHIFT_OVER_24_HOURS' },
      );
  }
  if (input.clockInAt) {
    const zone = (await deps.settings.get()).timeZone;
    const day = workDateOf(new Date(input.clockInAt), zone);
    if (day !== input.date && day !== nextDate(input.date, 1))
      throw new DomainError(
        'INVALID',
        `clockInAt: falls on ${day}, not on ${input.date} (a night shift may begin the day after)`,
        'clockInAt',
        { reason: 'CLOCK_IN_OTHER_DAY', params: { day, date: input.date } },
      );
  }
  return {
    startDate: input.date,
    endDate: input.date,
    attendanceId: input.attendanceId ?? null,
    clockInAt: input.clockInAt ? new Date(input.clockInAt) : null,
    clockOutAt: input.clockOutAt ? new Date(input.clockOutAt) : null,
  };
}

/**
 * The fields of an overtime claim, checked: one standing overtime request per person and date, so
 * pay counts a date once. Called under the person's row lock, so two claims sent at once are
 * decided one after the other and the second sees the first.
 * @throws DomainError CONFLICT with OVERTIME_ALREADY_APPROVED or OVERTIME_ALREADY_CLAIMED.
 */
async function overtimeFields(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  input: Extract<FiledRequest, { kind: 'overtime' }>,
) {
  const standing = await repos.requests.standing(
    deps.db,
    { userIds: [actor.id], from: input.date, to: input.date, kinds: ['overtime'], pending: true },
    tx,
  );
  const refusal = overtimeClaimRefusal(standing);
  if (refusal === 'OVERTIME_ALREADY_APPROVED')
    throw new DomainError(
      'CONFLICT',
      `date: overtime on ${input.date} is already approved for you; it is paid once`,
      'date',
      { reason: refusal, params: { date: input.date } },
    );
  if (refusal === 'OVERTIME_ALREADY_CLAIMED')
    throw new DomainError(
      'CONFLICT',
      `date: you already claimed overtime on ${input.date}; cancel that claim to change it`,
      'date',
      { reason: refusal, params: { date: input.date } },
    );
  return { startDate: input.date, endDate: input.date, overtimeMinutes: input.minutes ?? null };
}

/**
 * The request filed earlier with the same client key, when it is this one sent again.
 * @throws DomainError CONFLICT when the key was used for a request of another kind or date.
 */
function sameRequest(earlier: LeaveRequest, input: FiledRequest): LeaveRequest {
  const startDate = input.kind === 'leave' ? input.startDate : input.date;
  if (earlier.kind !== input.kind || earlier.startDate !== startDate)
    throw new DomainError(
      'CONFLICT',
      `clientKey: this key was used for another request (#${earlier.id}); send a new key for a new request`,
      'clientKey',
      { reason: 'REQUEST_KEY_OTHER_REQUEST', params: { requestId: earlier.id } },
    );
  return earlier;
}

/**
 * An employee files a request: leave (checked against their schedule, their other leave and the
 * type's yearly allowance), a correction of a missing or wrong punch, or overtime worked. It waits
 * for a manager's or an admin's decision. Filing again with the same `clientKey` returns the first
 * request (a request queued offline and sent twice is filed once).
 * @throws DomainError INVALID naming the field, NOT_FOUND for an unknown leave type or record,
 * CONFLICT for leave overlapping another and for overtime on a date already claimed or approved.
 */
export async function fileRequest(
  deps: Deps,
  actor: Actor,
  input: FiledRequest,
): Promise<RequestView> {
  if (input.clientKey) {
    const earlier = await repos.requests.byClientKey(deps.db, actor.id, input.clientKey);
    if (earlier) return loadRequestView(deps, sameRequest(earlier, input));
  }
  const settings = await deps.settings.get();
  const today = workDateOf(deps.clock(), settings.timeZone);
  if (input.kind !== 'leave' && input.date > today)
    throw new DomainError('INVALID', 'date: must not be in the future', 'date', {
      reason: 'TIME_IN_FUTURE',
    });
  const attachment =
    input.kind === 'leave' && input.attachment ? decodeAttachment(input.attachment) : null;
  try {
    const { row, events } = await deps.db.transaction(async (tx) => {
      // One request at a time per person: the balance and overlap checks see each other.
      await repos.users.lock(deps.db, actor.id, tx);
      // The same request sent twice at once: the second waited for the first and returns it
      // (before its own checks, which would refuse it as a second claim).
      if (input.clientKey) {
        const earlier = await repos.requests.byClientKey(deps.db, actor.id, input.clientKey, tx);
        if (earlier) return { row: sameRequest(earlier, input), events: [] };
      }
      const fields =
        input.kind === 'leave'
          ? await leaveFields(deps, tx, actor, input)
          : input.kind === 'correction'
            ? await correctionFields(deps, tx, actor, input)
            : await overtimeFields(deps, tx, actor, input);
      const row = await repos.requests.create(
        deps.db,
        {
          userId: actor.id,
          kind: input.kind,
          state: 'pending',
          leaveTypeId: null,
          part: 'full',
          leaveDays: 0,
          reason: input.reason,
          attendanceId: null,
          clockInAt: null,
          clockOutAt: null,
          overtimeMinutes: null,
          orderedBy: null,
          clientKey: input.clientKey ?? null,
          ...fields,
        },
        tx,
      );
      if (attachment)
        await repos.requests.attach(deps.db, { requestId: row.id, ...attachment }, tx);
      const events = [requestChanged(deps, row, actor.department)];
      await recordEvents(deps, events, tx);
      return { row, events };
    });
    await afterCommit(deps, { events });
    return loadRequestView(deps, row);
  } catch (error) {
    if (input.clientKey && isUniqueViolation(error)) {
      const earlier = await repos.requests.byClientKey(deps.db, actor.id, input.clientKey);
      if (earlier) return loadRequestView(deps, sameRequest(earlier, input));
    }
    throw error;
  }
}

/**
 * The employee withdraws a request still pending.
 * @throws DomainError NOT_FOUND for a request that is not theirs, CONFLICT once it is decided.
 */
export async function cancelRequest(deps: Deps, actor: Actor, id: number): Promise<RequestView> {
  const { row, events } = await deps.db.transaction(async (tx) => {
    const row = await repos.requests.byId(deps.db, id, { tx, lock: true });
    if (!row || row.userId !== actor.id)
      throw new DomainError('NOT_FOUND', `You have no request with id ${id}.`, 'id', {
        reason: 'REQUEST_NOT_FOUND',
        params: { id: id },
      });
    if (row.state !== 'pending')
      throw new DomainError(
        'CONFLICT',
        `This request is already ${row.state}; only a pending one can be cancelled.`,
        undefined,
        { reason: 'REQUEST_NOT_PENDING', params: { state: row.state } },
      );
    await repos.requests.update(row, { state: 'cancelled' }, tx);
    const events = [requestChanged(deps, row, actor.department)];
    await recordEvents(deps, events, tx);
    return { row, events };
  });
  await afterCommit(deps, { events });
  return loadRequestView(deps, row);
}
