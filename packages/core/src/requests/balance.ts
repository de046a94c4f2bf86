import { repos, type LeaveRequest, type LeaveType, type Tx } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { plansOf } from '../schedules/plans.js';
import type { DayPlan } from '../schedules/rules.js';
import { leaveDaysOf } from './rules.js';

type Deps = Pick<CoreDeps, 'db' | 'planning'>;
type Person = Pick<Actor, 'id' | 'department'>;
interface LeaveDates {
  startDate: string;
  endDate: string;
  part: 'full' | 'first_half' | 'second_half';
}

/** The person's plan of each date in [from, to] (their primary site's holidays included). */
async function planOf(deps: Deps, person: Person, from: string, to: string): Promise<DayPlan[]> {
  const site = (await repos.sites.primaryOf(deps.db, [person.id])).get(person.id);
  const plans = await plansOf(
    deps,
    [{ id: person.id, department: person.department, siteId: site?.siteId ?? null }],
    { from, to },
  );
  return plans.get(person.id) ?? [];
}

/** The dates in [from, to] the person has a recorded shift on (by work date). */
export async function workedDates(
  deps: Pick<CoreDeps, 'db'>,
  person: Pick<Person, 'id'>,
  from: string,
  to: string,
): Promise<Set<string>> {
  const shifts = await repos.statuses.shiftsBetween(deps.db, { userIds: [person.id], from, to });
  return new Set(shifts.map((shift) => shift.workDate));
}

/**
 * Working days of `leave` within [from, to], by `plans` (which must cover that range). A whole-day
 * leave takes nothing on a date worked (the day counts as worked, as its daily status does); a
 * half-day leave takes its half whether the other half was worked or not.
 */
function daysWithin(
  plans: readonly DayPlan[],
  leave: LeaveDates,
  from: string,
  to: string,
  worked: ReadonlySet<string>,
) {
  const start = leave.startDate > from ? leave.startDate : from;
  const end = leave.endDate < to ? leave.endDate : to;
  return leaveDaysOf(
    plans.filter(
      (plan) =>
        plan.date >= start && plan.date <= end && !(leave.part === 'full' && worked.has(plan.date)),
    ),
    leave.part,
  );
}

/** Working days the person's leave over [startDate, endDate] takes, from their own plan. */
export async function leaveDaysFor(deps: Deps, person: Person, leave: LeaveDates): Promise<number> {
  const [plans, worked] = await Promise.all([
    planOf(deps, person, leave.startDate, leave.endDate),
    workedDates(deps, person, leave.startDate, leave.endDate),
  ]);
  return daysWithin(plans, leave, leave.startDate, leave.endDate, worked);
}

export interface LeaveBalance {
  leaveTypeId: number;
  code: string;
  name: string;
  year: number;
  /** Working days a year. */
  allowanceDays: number;
  /** Taken by approved requests, their working days within the year. */
  usedDays: number;
  /** Asked for and still waiting. */
  pendingDays: number;
  remainingDays: number;
}

/** What a person's balances in a calendar year are read from, loaded once for every leave type. */
interface LeaveYear {
  year: number;
  from: string;
  to: string;
  /** Approved and pending leave requests touching the year. */
  requests: LeaveRequest[];
  /** The person's plan of each date of the year, as it is now. */
  plans: DayPlan[];
  /** Dates of the year the person has a recorded shift on. */
  worked: Set<string>;
}

async function leaveYearOf(deps: Deps, person: Person, year: number, tx?: Tx): Promise<LeaveYear> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [requests, plans, worked] = await Promise.all([
    repos.requests.standing(
      deps.db,
      { userIds: [person.id], from, to, kinds: ['leave'], pending: true },
      tx,
    ),
    planOf(deps, person, from, to),
    workedDates(deps, person, from, to),
  ]);
  return { year, from, to, requests, plans, worked };
}

/**
 * The balance of a leave type with an allowance in a loaded year. Each standing request takes the
 * working days it covers within the year by the person's plan as it is now: a holiday added after
 * approval gives its day back, a leave across New Year takes from each year its own dates, and a
 * date worked after all is not taken by a whole-day leave. Null for a type without an allowance.
 */
function balanceIn(record: LeaveYear, type: LeaveType, except?: number): LeaveBalance | null {
  const allowance = type.yearlyAllowanceDays;
  if (allowance === null) return null;
  let usedDays = 0;
  let pendingDays = 0;
  for (const request of record.requests) {
    if (request.leaveTypeId !== type.id || request.id === except) continue;
    const days = daysWithin(record.plans, request, record.from, record.to, record.worked);
    if (request.state === 'approved') usedDays += days;
    else pendingDays += days;
  }
  return {
    leaveTypeId: type.id,
    code: type.code,
    name: type.name,
    year: record.year,
    allowanceDays: allowance,
    usedDays,
    pendingDays,
    remainingDays: allowance - usedDays - pendingDays,
  };
}

/** The person's balance of each of `types` that has an allowance, in the calendar year. */
export async function balancesOf(
  deps: Deps,
  person: Person,
  types: readonly LeaveType[],
  year: number,
): Promise<LeaveBalance[]> {
  if (types.every((type) => type.yearlyAllowanceDays === null)) return [];
  const record = await leaveYearOf(deps, person, year);
  return types
    .map((type) => balanceIn(record, type))
    .filter((balance): balance is LeaveBalance => balance !== null);
}

/**
 * Refuses a leave that takes, in any calendar year it touches, more working days than are left of
 * the type's allowance for that year (counting approved and pending requests, other than `except`).
 * @throws DomainError INVALID naming how many days are left.
 */
export async function leaveBalanceCheck(
  deps: Deps,
  tx: Tx,
  query: { person: Person; type: LeaveType; leave: LeaveDates; except?: number },
): Promise<void> {
  if (query.type.yearlyAllowanceDays === null) return;
  const { leave } = query;
  const firstYear = Number(leave.startDate.slice(0, 4));
  const lastYear = Number(leave.endDate.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const record = await leaveYearOf(deps, query.person, year, tx);
    const days = daysWithin(record.plans, leave, record.from, record.to, record.worked);
    const balance = balanceIn(record, query.type, query.except);
    if (balance && days > balance.remainingDays)
      throw new DomainError(
        'INVALID',
        `This leave takes ${days} working days of ${year}; ${Math.max(0, balance.remainingDays)} of the ${balance.allowanceDays} days of ${query.type.name} for ${year} are left.`,
        'endDate',
        {
          reason: 'LEAVE_BALANCE_EXCEEDED',
          params: {
            days,
            remainingDays: Math.max(0, balance.remainingDays),
            allowanceDays: balance.allowanceDays,
            leaveType: query.type.name,
            year,
          },
        },
      );
  }
}
