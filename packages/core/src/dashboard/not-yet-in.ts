import { repos, type PersonRow } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { plansOf } from '../schedules/plans.js';
import { nextDate, planDay, shiftWindow, type DayPlan } from '../schedules/rules.js';

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
 * ended, with no record for its work date and no shift open. People off, on a holiday or without a
 * schedule never appear. People planned like the rest of their department are counted in the
 * database, a department at a time; those with a schedule or roster of their own, one by one.
 * Returns how many, and the first `limit` by name.
 */
export async function notYetIn(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  query: {
    now: Date;
    today: string;
    timeZone: string;
    departments?: string[] | undefined;
    limit: number;
  },
): Promise<{ count: number; people: PersonRow[] }> {
  const yesterday = nextDate(query.today, -1);
  const range = { from: yesterday, to: query.today };
  const [rules, departments, individuals] = await Promise.all([
    deps.planning.get(),
    repos.dashboard.departmentsOfEmployees(deps.db, query.departments),
    repos.dashboard.individuallyPlanned(deps.db, { ...range, departments: query.departments }),
  ]);
  const expectedOn = new Map<string, (string | null)[]>();
  for (const department of departments) {
    // Anyone of the department without a plan of their own: the department's assignment decides.
    const plans = [yesterday, query.today].map((date) =>
      planDay(date, { id: 0, department }, rules, {}),
    );
    const date = runningShift(query.now, plans, query.timeZone);
    if (date) expectedOn.set(date, [...(expectedOn.get(date) ?? []), department]);
  }
  const except = individuals.map((person) => person.userId);
  const groups = await Promise.all(
    [...expectedOn].map(([workDate, groupDepartments]) =>
      repos.dashboard.absent(deps.db, {
        workDate,
        departments: groupDepartments,
        except,
        limit: query.limit,
      }),
    ),
  );
  const ownPlans = await plansOf(
    deps,
    individuals.map((person) => ({ id: person.userId, department: person.department })),
    range,
  );
  const ownAbsent: PersonRow[] = [];
  for (const person of individuals) {
    const date = runningShift(query.now, ownPlans.get(person.userId) ?? [], query.timeZone);
    if (date && !(await repos.dashboard.came(deps.db, person.userId, date))) ownAbsent.push(person);
  }
  const people = [...groups.flatMap((group) => group.people), ...ownAbsent]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, query.limit);
  return {
    count: groups.reduce((sum, group) => sum + group.count, 0) + ownAbsent.length,
    people,
  };
}
