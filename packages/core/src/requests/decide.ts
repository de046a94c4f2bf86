import { repos, type LeaveRequest, type Tx } from '@absensi/db';
import type { AppEvent, NotificationKind } from '@absensi/events';
import type { Actor } from '../actor.js';
import { addWithin, correctWithin } from '../attendance/admin-entry.js';
import { workDateOf } from '../attendance/rules/time.js';
import { writeAudit } from '../audit/write.js';
import { covers, scopeOf } from '../auth/scope.js';
import { afterCommit } from '../changes.js';
import { DomainError } from '../errors.js';
import { notify, type NotificationDetails } from '../notifications/notify.js';
import { recordEvents } from '../outbox/publish.js';
import { recomputeStatuses } from '../status/recompute.js';
import { leaveBalanceCheck, leaveDaysFor } from './balance.js';
import { requestChanged, type RequestDeps } from './file.js';
import { loadRequestView, requestViews } from './queries.js';
import type { RequestView } from './views.js';

type Deps = RequestDeps;

/** The employee a request is for, once the approver is known to see them. */
async function employeeInScope(deps: Deps, approver: Actor, userId: number, tx?: Tx) {
  const employee = await repos.users.byId(deps.db, userId, tx);
  if (!employee || !covers(await scopeOf(deps, approver), employee))
    throw new DomainError(
      'NOT_FOUND',
      `There is no employee with id ${userId} in your team.`,
      'userId',
      { reason: 'EMPLOYEE_NOT_IN_TEAM', params: { id: userId } },
    );
  if (employee.id === approver.id)
    throw new DomainError(
      'FORBIDDEN',
      'You cannot decide your own request; another approver must.',
      undefined,
      { reason: 'OWN_REQUEST' },
    );
  return employee;
}

/** What approving a request changes besides its state: a correction is applied to the record. */
async function applyApproval(
  deps: Deps,
  tx: Tx,
  approver: Actor,
  row: LeaveRequest,
  employee: Pick<Actor, 'id' | 'department'>,
) {
  if (row.kind === 'leave') {
    const type =
      row.leaveTypeId === null ? null : await repos.leaveTypes.byId(deps.db, row.leaveTypeId, tx);
    // The plan may have changed since filing (a holiday added): the leave takes what it takes now.
    const leaveDays = await leaveDaysFor(deps, employee, row);
    if (leaveDays !== Number(row.leaveDays)) await repos.requests.update(row, { leaveDays }, tx);
    if (type)
      await leaveBalanceCheck(deps, tx, { person: employee, type, leave: row, except: row.id });
    return [];
  }
  if (row.kind === 'overtime') {
    const approved = await repos.requests.standing(
      deps.db,
      { userIds: [row.userId], from: row.startDate, to: row.startDate, kinds: ['overtime'] },
      tx,
    );
    if (approved.length > 0)
      throw new DomainError(
        'CONFLICT',
        `Overtime on ${row.startDate} is already approved for this employee (request #${approved[0]!.id}).`,
        undefined,
        { reason: 'OVERTIME_ALREADY_APPROVED', params: { date: row.startDate } },
      );
    return [];
  }
  if (row.kind !== 'correction') return [];
  // The employee's own words, with the request they came from (#id), in no one language.
  const reason = `${row.reason} (#${row.id})`;
  if (row.attendanceId !== null) {
    const { events } = await correctWithin(deps, tx, approver, {
      id: row.attendanceId,
      clockInAt: row.clockInAt?.toISOString(),
      clockOutAt: row.clockOutAt?.toISOString(),
      reason,
    });
    return events;
  }
  const { view, events } = await addWithin(deps, tx, approver, {
    userId: row.userId,
    clockInAt: new Date(row.clockInAt!).toISOString(),
    clockOutAt: new Date(row.clockOutAt!).toISOString(),
    reason,
  });
  await repos.requests.update(row, { attendanceId: view.id }, tx);
  return events;
}

/**
 * What every decision writes beside its change, in its transaction: the audit row (the request
 * before and after), the RequestChanged event for approvers, and the employee's notification.
 * Returns the two events for the caller to publish after commit.
 */
async function auditAndTell(
  deps: Deps,
  tx: Tx,
  change: {
    actor: Actor;
    action: string;
    reason: string;
    before: RequestView | null | undefined;
    row: LeaveRequest;
    department: string | null;
    kind: NotificationKind;
    details: NotificationDetails;
  },
): Promise<AppEvent[]> {
  const [after] = await requestViews(deps, [change.row]);
  await writeAudit(
    deps,
    {
      actorId: change.actor.id,
      action: change.action,
      entityType: 'request',
      entityId: change.row.id,
      reason: change.reason,
      before: change.before ?? null,
      after,
    },
    tx,
  );
  const changed = requestChanged(deps, change.row, change.department);
  await recordEvents(deps, [changed], tx);
  const notified = await notify(deps, tx, {
    userId: change.row.userId,
    kind: change.kind,
    details: change.details,
  });
  return [changed, notified];
}

/** Recomputes the daily status of the request's dates (up to today); a failure is logged, not thrown. */
async function recomputeDays(deps: Deps, row: LeaveRequest) {
  const settings = await deps.settings.get();
  const today = workDateOf(deps.clock(), settings.timeZone);
  const to = row.endDate < today ? row.endDate : today;
  if (row.startDate > to) return;
  await recomputeStatuses(deps, { userIds: [row.userId], from: row.startDate, to }).catch(
    (error: unknown) => deps.log.error({ err: error, requestId: row.id }, 'status not recomputed'),
  );
}

/**
 * A manager or an admin approves or declines a pending request, with a note. Approving a leave
 * checks the allowance again; approving a correction applies it to the record (refused, with the
 * record's reason, when the shift could not stand). The decision, its audit row, the record's
 * change and the employee's notification commit together; the days it touches are recomputed.
 * @throws DomainError NOT_FOUND outside the approver's scope, FORBIDDEN for one's own request,
 * CONFLICT once decided or cancelled, INVALID or CONFLICT from the record or the balance.
 */
export async function decideRequest(
  deps: Deps,
  approver: Actor,
  input: { id: number; decision: 'approve' | 'decline'; note?: string | undefined },
): Promise<RequestView> {
  const found = await repos.requests.byId(deps.db, input.id);
  if (!found)
    throw new DomainError('NOT_FOUND', `There is no request with id ${input.id}.`, 'id', {
      reason: 'REQUEST_NOT_FOUND',
      params: { id: input.id },
    });
  const employee = await employeeInScope(deps, approver, found.userId);
  const { row, events } = await deps.db.transaction(async (tx) => {
    await repos.users.lock(deps.db, employee.id, tx);
    const row = (await repos.requests.byId(deps.db, input.id, { tx, lock: true }))!;
    if (row.state !== 'pending')
      throw new DomainError('CONFLICT', `This request is already ${row.state}.`, undefined, {
        reason: 'REQUEST_NOT_PENDING',
        params: { state: row.state },
      });
    const [before] = await requestViews(deps, [row]);
    const recordEvents_ =
      input.decision === 'approve' ? await applyApproval(deps, tx, approver, row, employee) : [];
    await repos.requests.update(
      row,
      {
        state: input.decision === 'approve' ? 'approved' : 'declined',
        decidedBy: approver.id,
        decidedAt: deps.clock(),
        decisionNote: input.note ?? null,
      },
      tx,
    );
    const told = await auditAndTell(deps, tx, {
      actor: approver,
      action: `request.${input.decision}`,
      reason: input.note ?? input.decision,
      before,
      row,
      department: employee.department,
      kind: 'request_decided',
      details: {
        requestId: row.id,
        requestKind: row.kind,
        state: row.state,
        startDate: row.startDate,
        endDate: row.endDate,
        note: row.decisionNote,
        by: approver.name,
      },
    });
    const events: AppEvent[] = [...recordEvents_, ...told];
    return { row, events };
  });
  await afterCommit(deps, { events });
  await recomputeDays(deps, row);
  return loadRequestView(deps, row);
}

/**
 * A manager or an admin orders overtime for an employee on a date (PP 35/2021 art. 28: overtime
 * needs a written or digital order): an approved overtime request, the employee notified.
 * @throws DomainError NOT_FOUND outside the approver's scope, CONFLICT when the date already has
 * approved overtime.
 */
export async function orderOvertime(
  deps: Deps,
  manager: Actor,
  input: { userId: number; date: string; minutes?: number | undefined; note: string },
): Promise<RequestView> {
  const employee = await employeeInScope(deps, manager, input.userId);
  const { row, events } = await deps.db.transaction(async (tx) => {
    await repos.users.lock(deps.db, employee.id, tx);
    const existing = await repos.requests.standing(
      deps.db,
      { userIds: [employee.id], from: input.date, to: input.date, kinds: ['overtime'] },
      tx,
    );
    if (existing.length > 0)
      throw new DomainError(
        'CONFLICT',
        `Overtime on ${input.date} is already approved for ${employee.name}.`,
        'date',
        { reason: 'OVERTIME_ALREADY_APPROVED', params: { date: input.date } },
      );
    const now = deps.clock();
    const row = await repos.requests.create(
      deps.db,
      {
        userId: employee.id,
        kind: 'overtime',
        state: 'approved',
        leaveTypeId: null,
        startDate: input.date,
        endDate: input.date,
        part: 'full',
        leaveDays: 0,
        reason: input.note,
        attendanceId: null,
        clockInAt: null,
        clockOutAt: null,
        overtimeMinutes: input.minutes ?? null,
        orderedBy: manager.id,
        clientKey: null,
        decidedBy: manager.id,
        decidedAt: now,
        decisionNote: input.note,
      },
      tx,
    );
    const events = await auditAndTell(deps, tx, {
      actor: manager,
      action: 'request.order_overtime',
      reason: input.note,
      before: null,
      row,
      department: employee.department,
      kind: 'overtime_ordered',
      details: {
        requestId: row.id,
        date: input.date,
        minutes: input.minutes ?? null,
        by: manager.name,
      },
    });
    return { row, events };
  });
  await afterCommit(deps, { events });
  await recomputeDays(deps, row);
  return loadRequestView(deps, row);
}
