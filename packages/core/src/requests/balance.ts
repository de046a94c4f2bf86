import { repos, type LeaveType, type Tx } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { plansOf } from '../schedules/plans.js';
import { leaveDaysOf } from './rules.js';

/** Working days the person's leave over [startDate, endDate] takes, from their own plan. */
export async function leaveDaysFor(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  person: Pick<Actor, 'id' | 'department'>,
  leave: { startDate: string; endDate: string; part: 'full' | 'first_half' | 'second_half' },
): Promise<number> {
  const site = (await repos.sites.primaryOf(deps.db, [person.id])).get(person.id);
  const plans = await plansOf(
    deps,
    [{ id: person.id, department: person.department, siteId: site?.siteId ?? null }],
    { from: leave.startDate, to: leave.endDate },
  );
  return leaveDaysOf(plans.get(person.id) ?? [], leave.part);
}

export interface LeaveBalance {
  leaveTypeId: number;
  code: string;
  name: string;
  year: number;
  /** Working days a year. */
  allowanceDays: number;
  /** Taken by approved requests starting in the year. */
  usedDays: number;
  /** Asked for and still waiting. */
  pendingDays: number;
  remainingDays: number;
}

/** The person's balance of a leave type with an allowance, in the year (by each leave's start). */
export async function balanceOf(
  deps: Pick<CoreDeps, 'db'>,
  query: { userId: number; type: LeaveType; year: number; except?: number | undefined },
  tx?: Tx,
): Promise<LeaveBalance | null> {
  const allowance = query.type.yearlyAllowanceDays;
  if (allowance === null) return null;
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const requests = await repos.requests.standing(
    deps.db,
    { userIds: [query.userId], from, to, kinds: ['leave'], pending: true },
    tx,
  );
  let usedDays = 0;
  let pendingDays = 0;
  for (const request of requests) {
    if (request.leaveTypeId !== query.type.id || request.id === query.except) continue;
    if (request.startDate < from || request.startDate > to) continue;
    if (request.state === 'approved') usedDays += Number(request.leaveDays);
    else pendingDays += Number(request.leaveDays);
  }
  return {
    leaveTypeId: query.type.id,
    code: query.type.code,
    name: query.type.name,
    year: query.year,
    allowanceDays: allowance,
    usedDays,
    pendingDays,
    remainingDays: allowance - usedDays - pendingDays,
  };
}

/**
 * Refuses a leave of `days` working days beyond what is left of the type's yearly allowance
 * (counting approved and pending requests, other than `except`).
 * @throws DomainError INVALID naming how many days are left.
 */
export async function leaveBalanceCheck(
  deps: Pick<CoreDeps, 'db'>,
  tx: Tx,
  query: { userId: number; type: LeaveType; startDate: string; days: number; except?: number },
): Promise<void> {
  const balance = await balanceOf(
    deps,
    { ...query, year: Number(query.startDate.slice(0, 4)) },
    tx,
  );
  if (balance && query.days > balance.remainingDays)
    throw new DomainError(
      'INVALID',
      `This leave takes ${query.days} working days; ${Math.max(0, balance.remainingDays)} of the ${balance.allowanceDays} days of ${query.type.name} for ${balance.year} are left.`,
      'endDate',
      {
        reason: 'LEAVE_BALANCE_EXCEEDED',
        params: {
          days: query.days,
          remainingDays: Math.max(0, balance.remainingDays),
          allowanceDays: balance.allowanceDays,
          leaveType: query.type.name,
          year: balance.year,
        },
      },
    );
}
