import { repos, type Tx } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit, type AuditedEntity } from '../audit/write.js';
import { covers, scopeOf } from '../auth/scope.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import {
  assignmentView,
  scheduleView,
  shiftTypeView,
  type AssignmentView,
  type ScheduleView,
  type ShiftTypeView,
} from './views.js';

type Deps = Pick<CoreDeps, 'db' | 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'planning'>;

/** Runs a change of the plan with its audit row in one transaction, then drops the cached plan. */
async function changePlan<T>(
  deps: Deps,
  actor: Actor,
  audit: { action: string; entityType: AuditedEntity; reason: string },
  change: (tx: Tx) => Promise<{ id: number; before: unknown; after: unknown; result: T }>,
): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    const done = await change(tx);
    await writeAudit(
      deps,
      {
        actorId: actor.id,
        ...audit,
        entityId: done.id,
        before: done.before,
        after: done.after,
      },
      tx,
    );
    return done.result;
  });
  await afterCommit(deps, { schedules: true });
  return result;
}

export interface ShiftTypeInput {
  name: string;
  code: string;
  startTime: string;
  endTime: string;
  lateGraceMinutes: number;
  earlyLeaveGraceMinutes: number;
  breakMinutes: number;
  autoClockOutAfterMinutes: number;
  /** Overtime shorter than this counts as none (minutes). */
  overtimeMinimumMinutes?: number | undefined;
  /** Counted overtime is rounded down to a multiple of this (minutes). */
  overtimeRoundingMinutes?: number | undefined;
  color: string;
}

/**
 * Refuses a shift type whose unpaid break is as long as the shift itself.
 * @throws DomainError INVALID naming breakMinutes.
 */
function checkShiftType(input: Pick<ShiftTypeInput, 'startTime' | 'endTime' | 'breakMinutes'>) {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const length =
    (minutes(input.endTime) - minutes(input.startTime) + 24 * 60) % (24 * 60) || 24 * 60;
  if (input.breakMinutes >= length)
    throw new DomainError(
      'INVALID',
      `breakMinutes: must be shorter than the shift (${length} minutes)`,
      'breakMinutes',
      { reason: 'BREAK_TOO_LONG', params: { shiftMinutes: length } },
    );
}

export async function listShiftTypes(deps: Pick<CoreDeps, 'db'>): Promise<ShiftTypeView[]> {
  return (await repos.schedules.shiftTypes(deps.db)).map(shiftTypeView);
}

/** Adds a shift type. */
export function createShiftType(
  deps: Deps,
  admin: Actor,
  input: ShiftTypeInput,
): Promise<ShiftTypeView> {
  checkShiftType(input);
  return changePlan(
    deps,
    admin,
    { action: 'shift_type.create', entityType: 'shift_type', reason: 'created' },
    async (tx) => {
      await checkCodeFree(deps, tx, input.code);
      const view = shiftTypeView(
        await repos.schedules.createShiftType(
          deps.db,
          {
            ...input,
            overtimeMinimumMinutes: input.overtimeMinimumMinutes ?? 30,
            overtimeRoundingMinutes: input.overtimeRoundingMinutes ?? 15,
          },
          tx,
        ),
      );
      return { id: view.id, before: null, after: view, result: view };
    },
  );
}

/**
 * Changes a shift type (or retires it: active false). Shifts already recorded keep the times they
 * were recorded with.
 * @throws DomainError NOT_FOUND, INVALID.
 */
export function updateShiftType(
  deps: Deps,
  admin: Actor,
  id: number,
  changes: Partial<ShiftTypeInput> & { active?: boolean | undefined },
): Promise<ShiftTypeView> {
  return changePlan(
    deps,
    admin,
    { action: 'shift_type.update', entityType: 'shift_type', reason: 'updated' },
    async (tx) => {
      const type = await repos.schedules.shiftTypeById(deps.db, id, tx);
      if (!type)
        throw new DomainError('NOT_FOUND', `There is no shift type with id ${id}.`, 'id', {
          reason: 'SHIFT_TYPE_NOT_FOUND',
          params: { id: id },
        });
      const before = shiftTypeView(type);
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      checkShiftType({ ...before, ...defined });
      if (changes.code !== undefined || changes.active === true)
        await checkCodeFree(deps, tx, changes.code ?? type.code, id);
      await repos.schedules.updateShiftType(type, defined, tx);
      const after = shiftTypeView(type);
      return { id, before, after, result: after };
    },
  );
}

export async function listSchedules(deps: Pick<CoreDeps, 'db'>): Promise<ScheduleView[]> {
  const [schedules, assignments] = await Promise.all([
    repos.schedules.schedules(deps.db),
    repos.schedules.assignments(deps.db),
  ]);
  return schedules.map((schedule) => scheduleView(schedule, assignments));
}

export interface ScheduleInput {
  name: string;
  kind: 'weekly' | 'rotating';
  /** Rotating: the first day of a cycle ("YYYY-MM-DD"). */
  anchorDate?: string | null | undefined;
  /** The shift type id of each day, null for off: 7 for weekly (Monday first), the cycle for rotating. */
  days: (number | null)[];
  active?: boolean | undefined;
}

/**
 * Refuses a code another active shift type has (case aside): the roster and the recap show shifts
 * by their code, so two alike could not be told apart.
 * @throws DomainError CONFLICT naming `code`.
 */
async function checkCodeFree(deps: Pick<CoreDeps, 'db'>, tx: Tx, code: string, except?: number) {
  const types = await repos.schedules.shiftTypes(deps.db, tx);
  const taken = types.find(
    (type) =>
      type.active && type.id !== except && type.code.toLowerCase() === code.trim().toLowerCase(),
  );
  if (taken)
    throw new DomainError(
      'CONFLICT',
      `code: the shift type ${taken.name} already has the code ${taken.code}`,
      'code',
      { reason: 'SHIFT_TYPE_CODE_TAKEN', params: { code: taken.code } },
    );
}

/** Refuses a retired shift type for new plans. @throws DomainError INVALID naming `field`. */
function checkActive(type: { active: boolean; name: string }, field: string) {
  if (!type.active)
    throw new DomainError(
      'INVALID',
      `${field}: the shift type ${type.name} is retired; choose one in use`,
      field,
      { reason: 'SHIFT_TYPE_RETIRED', params: { name: type.name } },
    );
}

/**
 * Refuses a pattern whose days do not fit its kind or name shift types that do not exist, or that
 * are retired (unless the schedule already had them: `kept`).
 * @throws DomainError INVALID naming the field.
 */
async function checkPattern(
  deps: Pick<CoreDeps, 'db'>,
  input: ScheduleInput,
  tx: Tx,
  kept: ReadonlySet<number | null> = new Set(),
) {
  if (input.kind === 'weekly' && input.days.length !== 7)
    throw new DomainError('INVALID', 'days: a weekly schedule has 7 days, Monday first', 'days', {
      reason: 'WEEK_NEEDS_7_DAYS',
    });
  if (input.kind === 'rotating' && !input.anchorDate)
    throw new DomainError(
      'INVALID',
      'anchorDate: a rotating schedule needs the date its cycle starts',
      'anchorDate',
      { reason: 'ROTATION_NEEDS_START' },
    );
  const types = new Map((await repos.schedules.shiftTypes(deps.db, tx)).map((t) => [t.id, t]));
  const unknown = input.days.find((day) => day !== null && !types.has(day));
  if (unknown !== undefined)
    throw new DomainError('INVALID', `days: there is no shift type with id ${unknown}`, 'days', {
      reason: 'SHIFT_TYPE_NOT_FOUND',
      params: { id: unknown ?? '' },
    });
  for (const day of input.days) {
    const type = day === null || kept.has(day) ? undefined : types.get(day);
    if (type) checkActive(type, 'days');
  }
}

function scheduleValues(input: ScheduleInput) {
  return {
    name: input.name,
    kind: input.kind,
    cycleDays: input.days.length,
    anchorDate: input.kind === 'rotating' ? (input.anchorDate ?? null) : null,
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

async function scheduleById(deps: Pick<CoreDeps, 'db'>, id: number, tx: Tx): Promise<ScheduleView> {
  const schedule = await repos.schedules.scheduleById(deps.db, id, tx);
  if (!schedule)
    throw new DomainError('NOT_FOUND', `There is no schedule with id ${id}.`, 'id', {
      reason: 'SCHEDULE_NOT_FOUND',
      params: { id: id },
    });
  return scheduleView(schedule, await repos.schedules.assignments(deps.db, tx));
}

/** Adds a weekly or rotating schedule. @throws DomainError INVALID. */
export function createSchedule(
  deps: Deps,
  admin: Actor,
  input: ScheduleInput,
): Promise<ScheduleView> {
  return changePlan(
    deps,
    admin,
    { action: 'schedule.create', entityType: 'schedule', reason: 'created' },
    async (tx) => {
      await checkPattern(deps, input, tx);
      const id = await repos.schedules.saveSchedule(deps.db, scheduleValues(input), input.days, tx);
      const after = await scheduleById(deps, id, tx);
      return { id, before: null, after, result: after };
    },
  );
}

/** Replaces a schedule's name, kind and days. @throws DomainError NOT_FOUND, INVALID. */
export function updateSchedule(
  deps: Deps,
  admin: Actor,
  id: number,
  input: ScheduleInput,
): Promise<ScheduleView> {
  return changePlan(
    deps,
    admin,
    { action: 'schedule.update', entityType: 'schedule', reason: 'updated' },
    async (tx) => {
      const before = await scheduleById(deps, id, tx);
      await checkPattern(deps, input, tx, new Set(before.days));
      await repos.schedules.saveSchedule(deps.db, scheduleValues(input), input.days, tx, id);
      const after = await scheduleById(deps, id, tx);
      return { id, before, after, result: after };
    },
  );
}

export interface AssignmentInput {
  scheduleId: number;
  /** One employee, or a department; neither: everyone. */
  userId?: number | null | undefined;
  department?: string | null | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
}

/**
 * Assigns a schedule to an employee, a department or everyone, from a date (and to a date).
 * @throws DomainError INVALID (both an employee and a department, a to before the from),
 * NOT_FOUND (the schedule or the employee).
 */
export function assignSchedule(
  deps: Deps,
  admin: Actor,
  input: AssignmentInput,
): Promise<AssignmentView> {
  if (input.userId != null && input.department != null)
    throw new DomainError(
      'INVALID',
      'department: give an employee or a department, not both',
      'department',
      { reason: 'EMPLOYEE_OR_DEPARTMENT' },
    );
  if (input.validTo && input.validTo < input.validFrom)
    throw new DomainError('INVALID', 'validTo: must not be before validFrom', 'validTo', {
      reason: 'VALID_TO_BEFORE_FROM',
    });
  return changePlan(
    deps,
    admin,
    { action: 'schedule.assign', entityType: 'schedule_assignment', reason: 'assigned' },
    async (tx) => {
      if (!(await repos.schedules.scheduleById(deps.db, input.scheduleId, tx)))
        throw new DomainError(
          'NOT_FOUND',
          `There is no schedule with id ${input.scheduleId}.`,
          'scheduleId',
          { reason: 'SCHEDULE_NOT_FOUND', params: { id: input.scheduleId } },
        );
      if (input.userId != null && !(await repos.users.byId(deps.db, input.userId, tx)))
        throw new DomainError('NOT_FOUND', `There is no user with id ${input.userId}.`, 'userId', {
          reason: 'USER_NOT_FOUND',
          params: { id: input.userId },
        });
      const view = assignmentView(
        await repos.schedules.createAssignment(
          deps.db,
          {
            scheduleId: input.scheduleId,
            userId: input.userId ?? null,
            department: input.department ?? null,
            validFrom: input.validFrom,
            validTo: input.validTo ?? null,
          },
          tx,
        ),
      );
      return { id: view.id, before: null, after: view, result: view };
    },
  );
}

/** Removes an assignment. @throws DomainError NOT_FOUND. */
export function unassignSchedule(deps: Deps, admin: Actor, id: number): Promise<{ removed: true }> {
  return changePlan(
    deps,
    admin,
    { action: 'schedule.unassign', entityType: 'schedule_assignment', reason: 'removed' },
    async (tx) => {
      const assignment = await repos.schedules.assignmentById(deps.db, id, tx);
      if (!assignment)
        throw new DomainError('NOT_FOUND', `There is no assignment with id ${id}.`, 'id', {
          reason: 'ASSIGNMENT_NOT_FOUND',
          params: { id: id },
        });
      await repos.schedules.removeAssignment(deps.db, id, tx);
      return {
        id,
        before: assignmentView(assignment),
        after: null,
        result: { removed: true as const },
      };
    },
  );
}

export interface RosterDayInput {
  userId: number;
  date: string;
  /** The shift type for the date; null: a day off; undefined with `clear`: back to the schedule. */
  shiftTypeId: number | null;
  note?: string | undefined;
}

/**
 * Sets one employee's plan for one date over their schedule (the roster); `clear` removes it.
 * Admins for anyone, managers for the people of their departments.
 * @throws DomainError FORBIDDEN outside the actor's scope, NOT_FOUND, INVALID.
 */
export async function setRosterDay(
  deps: Deps,
  actor: Actor,
  input: RosterDayInput & { clear?: boolean | undefined },
): Promise<{ userId: number; date: string; shiftTypeId: number | null; cleared: boolean }> {
  const scope = await scopeOf(deps, actor);
  return changePlan(
    deps,
    actor,
    {
      action: input.clear ? 'roster.clear' : 'roster.set',
      entityType: 'roster',
      reason: `${input.date}`,
    },
    async (tx) => {
      const employee = await repos.users.byId(deps.db, input.userId, tx);
      if (!employee)
        throw new DomainError('NOT_FOUND', `There is no user with id ${input.userId}.`, 'userId', {
          reason: 'USER_NOT_FOUND',
          params: { id: input.userId },
        });
      if (!covers(scope, employee))
        throw new DomainError(
          'FORBIDDEN',
          'This employee is not one of the people you manage.',
          'userId',
          { reason: 'NOT_YOUR_EMPLOYEE' },
        );
      if (scope.kind === 'managed' && employee.id === actor.id)
        throw new DomainError(
          'FORBIDDEN',
          'You cannot change your own roster; an administrator must.',
          'userId',
          { reason: 'OWN_ROSTER' },
        );
      const shiftType =
        input.shiftTypeId === null
          ? null
          : await repos.schedules.shiftTypeById(deps.db, input.shiftTypeId, tx);
      if (input.shiftTypeId !== null && !shiftType)
        throw new DomainError(
          'INVALID',
          `shiftTypeId: there is no shift type with id ${input.shiftTypeId}`,
          'shiftTypeId',
          { reason: 'SHIFT_TYPE_NOT_FOUND', params: { id: input.shiftTypeId } },
        );
      if (shiftType && !input.clear) checkActive(shiftType, 'shiftTypeId');
      const existing = await repos.schedules.overrideOf(deps.db, input.userId, input.date, tx);
      const before = existing
        ? { date: existing.date, shiftTypeId: existing.shiftTypeId, note: existing.note }
        : null;
      if (input.clear) await repos.schedules.removeOverride(deps.db, input.userId, input.date, tx);
      else
        await repos.schedules.saveOverride(
          deps.db,
          {
            userId: input.userId,
            date: input.date,
            shiftTypeId: input.shiftTypeId,
            note: input.note ?? null,
          },
          tx,
        );
      const after = input.clear
        ? null
        : { date: input.date, shiftTypeId: input.shiftTypeId, note: input.note ?? null };
      return {
        id: input.userId,
        before,
        after,
        result: {
          userId: input.userId,
          date: input.date,
          shiftTypeId: input.clear ? null : input.shiftTypeId,
          cleared: Boolean(input.clear),
        },
      };
    },
  );
}
