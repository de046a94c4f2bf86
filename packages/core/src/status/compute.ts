import {
  repos,
  type LeaveRequest,
  type LeaveType,
  type RecapPerson,
  type StatusValues,
} from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import {
  OVERTIME_RULE_SETS,
  bandsFor,
  limitFlags,
  overtimeMinutes,
  weightedHours,
  type OvertimeDay,
  type OvertimePolicy,
  type WorkWeek,
} from '../overtime/rules.js';
import { datesBetween, plansOf } from '../schedules/plans.js';
import { nextDate, shiftWindow, type DayPlan, type ShiftTypeRule } from '../schedules/rules.js';
import { dailyStatus, type LeaveOnDate, type PlanKind, type RecordedShift } from './rules.js';

/** Statuses a day has whether or not the person was expected at work that day. */
const WORKED_OR_ON_LEAVE = new Set([
  'present',
  'late',
  'early_leave',
  'late_early_leave',
  'unscheduled_work',
  'leave',
]);

/** The overtime policy of a day without a shift type (an off day, a holiday, unscheduled work). */
export const DEFAULT_OVERTIME_POLICY: OvertimePolicy = { minimumMinutes: 30, roundingMinutes: 15 };

/** A continuous stretch after which the unpaid break is taken (UU 13/2003 art. 79 (2) a: 4 hours). */
export const BREAK_AFTER_MINUTES = 240;

/**
 * Minutes a closed shift counts as worked: its length, less the shift type's unpaid break when the
 * shift lasted longer than BREAK_AFTER_MINUTES. Null while the shift is open.
 */
export function netWorkedMinutes(
  clockInAt: Date,
  clockOutAt: Date | null,
  breakMinutes: number,
): number | null {
  if (!clockOutAt) return null;
  const length = Math.max(0, Math.round((clockOutAt.getTime() - clockInAt.getTime()) / 60_000));
  return length > BREAK_AFTER_MINUTES ? Math.max(0, length - breakMinutes) : length;
}

/**
 * The kind of day overtime on `date` falls on. A holiday on a Saturday in a six-day week falls on
 * the shortest working day (the Saturday's five hours, PP 35/2021 art. 31 (2) b).
 */
export function overtimeDayOf(plan: PlanKind, date: string, week: WorkWeek): OvertimeDay {
  if (plan === 'work') return { kind: 'work_day' };
  const saturday = new Date(`${date}T00:00:00Z`).getUTCDay() === 6;
  return {
    kind: 'rest_day',
    week,
    ...(week === 'six_day' && plan === 'holiday' && saturday ? { shortestWorkDay: true } : {}),
  };
}

/** Monday of the week of `date` ("YYYY-MM-DD"). */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return nextDate(date, -weekday);
}

/** The leave of a date among a person's approved requests: the first that covers it. */
function leaveOn(
  date: string,
  requests: readonly LeaveRequest[],
  types: ReadonlyMap<number, LeaveType>,
): (LeaveOnDate & { leaveTypeId: number }) | null {
  for (const request of requests) {
    if (request.kind !== 'leave' || request.startDate > date || request.endDate < date) continue;
    const type = request.leaveTypeId === null ? undefined : types.get(request.leaveTypeId);
    if (!type) continue;
    return {
      typeCode: type.code,
      category: type.category,
      part: request.part,
      leaveTypeId: type.id,
    };
  }
  return null;
}

/** When a date's status is final: its shift's end plus the auto clock-out allowance, or the date's end. */
function dayOverAt(plan: DayPlan, zone: string): Date {
  if (plan.kind === 'work') {
    const { end } = shiftWindow(plan.date, plan.shiftType, zone);
    return new Date(end.getTime() + plan.shiftType.autoClockOutAfterMinutes * 60_000);
  }
  return shiftWindow(plan.date, { startTime: '00:00', endTime: '00:00' }, zone).end;
}

/** Half a scheduled shift's length in the zone, in whole minutes (a night shift crosses midnight). */
function halfShiftMinutes(plan: Extract<DayPlan, { kind: 'work' }>, zone: string): number {
  const { start, end } = shiftWindow(plan.date, plan.shiftType, zone);
  return Math.round((end.getTime() - start.getTime()) / 120_000);
}

export interface ComputeInput {
  people: readonly RecapPerson[];
  from: string;
  to: string;
}

type Deps = Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock'>;

/**
 * The daily status of each person for each date in [from, to], from their plan, their shifts of
 * the date, their approved leave and their approved or ordered overtime: what `daily_statuses`
 * holds. Days with no plan and no record have no status. Overtime counts only with an approved
 * overtime request for the date (capped at its minutes), weighted by the company's rule set; the
 * legal-limit flags are judged per Monday-to-Sunday week.
 */
export async function computeStatuses(deps: Deps, input: ComputeInput): Promise<StatusValues[]> {
  if (input.people.length === 0 || input.from > input.to) return [];
  const weekStart = mondayOf(input.from);
  const userIds = input.people.map((person) => person.userId);
  const [settings, rules, plans, shifts, requests, leaveTypes, sites] = await Promise.all([
    deps.settings.get(),
    deps.planning.get(),
    plansOf(
      deps,
      input.people.map((person) => ({
        id: person.userId,
        department: person.department,
        siteId: person.siteId,
      })),
      { from: weekStart, to: input.to },
    ),
    repos.statuses.shiftsBetween(deps.db, { userIds, from: weekStart, to: input.to }),
    repos.requests.standing(deps.db, {
      userIds,
      from: weekStart,
      to: input.to,
      kinds: ['leave', 'overtime'],
    }),
    repos.leaveTypes.list(deps.db),
    repos.sites.list(deps.db),
  ]);
  const now = deps.clock();
  const ruleSet = OVERTIME_RULE_SETS[settings.overtimeRules];
  const types = new Map(leaveTypes.map((type) => [type.id, type]));
  const zoneOf = (siteId: number | null) =>
    sites.find((site) => site.id === siteId)?.timeZone ?? settings.timeZone;
  const shiftsOf = groupBy(shifts, (shift) => `${shift.userId}|${shift.workDate}`);
  const requestsOf = groupBy(requests, (request) => request.userId);
  const dates = datesBetween(weekStart, input.to);

  const statuses: StatusValues[] = [];
  for (const person of input.people) {
    const zone = zoneOf(person.siteId);
    const personPlans = plans.get(person.userId) ?? [];
    const personRequests = requestsOf.get(person.userId) ?? [];
    const days = dates.map((date, index) => {
      const plan = personPlans[index]!;
      const recorded = shiftsOf.get(`${person.userId}|${date}`) ?? [];
      const shiftType = plan.kind === 'work' ? plan.shiftType : undefined;
      const typeOf = (id: number | null) =>
        (id === null ? undefined : rules.shiftTypes.get(id)) ?? shiftType;
      const recordedShifts: RecordedShift[] = recorded.map((shift) => ({
        status: shift.status,
        lateMinutes: shift.lateMinutes,
        earlyLeaveMinutes: shift.earlyLeaveMinutes,
        workedMinutes: netWorkedMinutes(
          new Date(shift.clockInAt),
          shift.clockOutAt ? new Date(shift.clockOutAt) : null,
          typeOf(shift.shiftTypeId)?.breakMinutes ?? 0,
        ),
      }));
      const leave = leaveOn(date, personRequests, types);
      const status = dailyStatus({
        plan: plan.kind,
        shifts: recordedShifts,
        leave,
        dayOver: now >= dayOverAt(plan, zone),
        halfShiftMinutes: plan.kind === 'work' ? halfShiftMinutes(plan, zone) : 0,
      });
      const overtime = overtimeOf(date, recorded, personRequests, shiftType, typeOf);
      return { date, plan, status, leave, overtime };
    });
    const flags = limitFlags(
      ruleSet,
      days.map(({ date, plan, overtime }) => ({
        minutes: overtime,
        day: overtimeDayOf(plan.kind, date, settings.workWeek),
      })),
    );
    // Before their hire date, and once deactivated, a person is not expected at work: only the
    // days they worked or were on leave count.
    const expectedOn = (date: string) =>
      person.active && (person.hiredOn === null || date >= person.hiredOn);
    days.forEach(({ date, plan, status, leave, overtime }, index) => {
      if (!status || date < input.from) return;
      if (!expectedOn(date) && !WORKED_OR_ON_LEAVE.has(status.status)) return;
      const day = overtimeDayOf(plan.kind, date, settings.workWeek);
      statuses.push({
        userId: person.userId,
        workDate: date,
        status: status.status,
        code: status.code,
        plan: plan.kind,
        shiftTypeId: plan.kind === 'work' ? plan.shiftType.id : null,
        leaveTypeId: status.leave ? (leave?.leaveTypeId ?? null) : null,
        leaveDays: status.leaveDays,
        lateMinutes: status.lateMinutes,
        earlyLeaveMinutes: status.earlyLeaveMinutes,
        workedMinutes: status.workedMinutes,
        overtimeMinutes: overtime,
        overtimeWeightedHours: weightedHours(overtime, bandsFor(ruleSet, day)),
        overDailyLimit: flags[index]!.overDailyLimit,
        overWeeklyLimit: flags[index]!.overWeeklyLimit,
      });
    });
  }
  return statuses;
}

/**
 * Counted overtime minutes of a date: nothing without an approved overtime request for it; else
 * each closed shift's time beyond its schedule (all of it on a day without one) by the shift
 * type's threshold and rounding, capped at the request's minutes when it gives some.
 */
function overtimeOf(
  date: string,
  shifts: readonly repos.statuses.ShiftForStatus[],
  requests: readonly LeaveRequest[],
  plannedType: ShiftTypeRule | undefined,
  typeOf: (id: number | null) => ShiftTypeRule | undefined,
): number {
  const approved = requests.filter(
    (request) => request.kind === 'overtime' && request.startDate === date,
  );
  if (approved.length === 0) return 0;
  let minutes = 0;
  for (const shift of shifts) {
    if (!shift.clockOutAt) continue;
    const type = typeOf(shift.shiftTypeId);
    const scheduled =
      plannedType && shift.scheduledStart && shift.scheduledEnd
        ? { start: new Date(shift.scheduledStart), end: new Date(shift.scheduledEnd) }
        : null;
    minutes += overtimeMinutes(
      { clockInAt: new Date(shift.clockInAt), clockOutAt: new Date(shift.clockOutAt) },
      scheduled,
      type && scheduled
        ? {
            minimumMinutes: type.overtimeMinimumMinutes,
            roundingMinutes: type.overtimeRoundingMinutes,
          }
        : DEFAULT_OVERTIME_POLICY,
    );
  }
  const caps = approved.map((request) => request.overtimeMinutes);
  if (caps.some((cap) => cap === null)) return minutes;
  return Math.min(
    minutes,
    caps.reduce<number>((sum, cap) => sum + (cap ?? 0), 0),
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
