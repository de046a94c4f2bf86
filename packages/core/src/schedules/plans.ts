import { repos } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { holidayOn } from '../holidays/rules.js';
import { nextDate, planDay, type DayPlan, type Person } from './rules.js';

/** Every date from `from` to `to`, inclusive ("YYYY-MM-DD"). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = nextDate(date, 1)) dates.push(date);
  return dates;
}

/**
 * The plans of several people for the dates from `from` to `to`: their roster overrides, the
 * holidays of each (the company-wide ones and those of their primary site), and their assigned
 * patterns. Returns the plans of each person in date order, keyed by person id.
 */
export async function plansOf(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  people: readonly Person[],
  range: { from: string; to: string },
): Promise<Map<number, DayPlan[]>> {
  const userIds = people.map((person) => person.id);
  const [rules, overrides] = await Promise.all([
    deps.planning.get(),
    deps.planning
      .mayHaveOverrides(userIds, range)
      .then((may) => (may ? repos.schedules.overridesBetween(deps.db, { ...range, userIds }) : [])),
  ]);
  const overrideOf = new Map(
    overrides.map((override) => [`${override.userId}|${override.date}`, override]),
  );
  const dates = datesBetween(range.from, range.to);
  const plans = new Map<number, DayPlan[]>();
  for (const person of people) {
    plans.set(
      person.id,
      dates.map((date) =>
        planDay(date, person, rules, {
          override: overrideOf.get(`${person.id}|${date}`),
          holiday: holidayOn(date, person.siteId ?? null, rules.holidays) ?? undefined,
        }),
      ),
    );
  }
  return plans;
}
