import { repos, type PeopleGroup, type PersonRow } from '@absensi/db';
import { workDateOf } from '../attendance/rules/index.js';
import { holidayOn } from '../holidays/rules.js';
import type { CoreDeps } from '../deps.js';
import { plansOf } from '../schedules/plans.js';
import { nextDate, planDay, shiftWindow, type DayPlan } from '../schedules/rules.js';
import { leaveAround, type LeaveAround, type OnLeavePerson } from './on-leave.js';

/**
 * The scheduled shift running at `now` among a person's plans for yesterday and today: begun, past
 * its late grace, not yet ended. Its date is the work date the person is expected on.
 */
export function runningShift(
  now: Date,
  plans: readonly DayPlan[],
  timeZone: string,
): string | null {
  for (const plan of plans) {
    if (plan.kind !== 'work') continue;
    const { start, end } = shiftWindow(plan.date, plan.shiftType, timeZone);
    const due = start.getTime() + plan.shiftType.lateGraceMinutes * 60_000;
    if (now.getTime() >= due && now < end) return plan.date;
  }
  return null;
}

/**
 * Who should be at work now and is not: scheduled, their shift begun past its grace and not
 * ended, with no record for its work date and no shift open. People off, on a holiday (the
 * company's or their site's), on approved leave or without a schedule never appear; those on leave
 * on today's work date (in `timeZone`) are returned apart, as `onLeave`. People planned like the rest of
 * their department at their site are counted in the database, a group at a time, in their site's
 * zone; those with a schedule or roster of their own, one by one. Returns how many, and the first
 * `limit` by name.
 */
export async function notYetIn(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  query: {
    now: Date;
    timeZone: string;
    departments?: string[] | undefined;
    siteId?: number | undefined;
    limit: number;
  },
): Promise<{ count: number; people: PersonRow[]; onLeave: OnLeavePerson[] }> {
  const companyToday = workDateOf(query.now, query.timeZone);
  const [rules, groups, sites, leave] = await Promise.all([
    deps.planning.get(),
    repos.dashboard.groupsOfEmployees(deps.db, query),
    repos.sites.list(deps.db),
    leaveAround(deps, {
      from: nextDate(companyToday, -2),
      to: nextDate(companyToday, 1),
      departments: query.departments,
      siteId: query.siteId,
    }),
  ]);
  const zoneOf = (siteId: number | null) =>
    sites.find((site) => site.id === siteId)?.timeZone ?? query.timeZone;
  // Yesterday and today in any zone the company works in: a night shift begun yesterday runs now.
  const days = (zone: string) => {
    const today = workDateOf(query.now, zone);
    return [nextDate(today, -1), today];
  };
  const individuals = await repos.dashboard.individuallyPlanned(deps.db, {
    from: nextDate(workDateOf(query.now, query.timeZone), -2),
    to: nextDate(workDateOf(query.now, query.timeZone), 1),
    departments: query.departments,
    siteId: query.siteId,
  });
  const expectedOn = new Map<string, PeopleGroup[]>();
  for (const group of groups) {
    // Anyone of the group without a plan of their own: the department's assignment decides.
    const person = { id: 0, department: group.department, siteId: group.siteId };
    const plans = days(zoneOf(group.siteId)).map((date) =>
      planDay(date, person, rules, {
        holiday: holidayOn(date, group.siteId, rules.holidays) ?? undefined,
      }),
    );
    const date = runningShift(query.now, plans, zoneOf(group.siteId));
    if (date) expectedOn.set(date, [...(expectedOn.get(date) ?? []), group]);
  }
  const planned = individuals.map((person) => person.userId);
  const found = await Promise.all(
    [...expectedOn].map(([workDate, expected]) =>
      repos.dashboard.absent(deps.db, {
        workDate,
        groups: expected,
        except: [...planned, ...leave.excusedOn(workDate)],
        limit: query.limit,
      }),
    ),
  );
  const ownAbsent = await absentOnTheirOwn(deps, individuals, query.now, zoneOf, leave);
  const people = [...found.flatMap((group) => group.people), ...ownAbsent]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, query.limit);
  return {
    count: found.reduce((sum, group) => sum + group.count, 0) + ownAbsent.length,
    people,
    onLeave: leave.onLeave(companyToday),
  };
}

/**
 * Of people with a schedule or roster of their own, those expected now who have not come and are
 * not on leave.
 */
async function absentOnTheirOwn(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  individuals: readonly PersonRow[],
  now: Date,
  zoneOf: (siteId: number | null) => string,
  leave: LeaveAround,
): Promise<PersonRow[]> {
  if (individuals.length === 0) return [];
  const sites = await repos.sites.primaryOf(
    deps.db,
    individuals.map((person) => person.userId),
  );
  const absent: PersonRow[] = [];
  for (const person of individuals) {
    const siteId = sites.get(person.userId)?.siteId ?? null;
    const zone = zoneOf(siteId);
    const today = workDateOf(now, zone);
    const plans =
      (
        await plansOf(deps, [{ id: person.userId, department: person.department, siteId }], {
          from: nextDate(today, -1),
          to: today,
        })
      ).get(person.userId) ?? [];
    const date = runningShift(now, plans, zone);
    if (
      date &&
      !leave.excused(person.userId, date) &&
      !(await repos.dashboard.came(deps.db, person.userId, date))
    )
      absent.push(person);
  }
  return absent;
}
