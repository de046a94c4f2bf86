import { repos, type RecapPerson, type StatusValues } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { computeStatuses } from './compute.js';

type Deps = Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock'>;

export interface StatusRange {
  from: string;
  to: string;
  /** Only these people; everyone active when absent. */
  userIds?: readonly number[] | undefined;
  /** Only people of these departments (a manager's), or whose primary site this is. */
  departments?: readonly string[] | undefined;
  siteId?: number | undefined;
}

const same = (a: StatusValues, b: StatusValues) =>
  (Object.keys(a) as (keyof StatusValues)[]).every((key) => a[key] === b[key]);

/**
 * People recomputed together: one read of their plans, shifts and requests, one diff and one write
 * at a time, so that a company of thousands neither holds all its month in memory at once nor keeps
 * the database (SQLite's single writer) from the clock-ins in between.
 */
export const RECOMPUTE_BATCH_PEOPLE = 500;

/**
 * Brings `daily_statuses` in line with the record for the people and dates of `range`: writes the
 * statuses that changed, removes those that no longer apply, leaves the rest untouched, so that
 * running it twice changes nothing. Returns the computed statuses and how many rows changed.
 */
export async function recomputeStatuses(
  deps: Deps,
  range: StatusRange,
): Promise<{ statuses: StatusValues[]; written: number; removed: number }> {
  const everyone = await repos.dashboard.peopleOf(deps.db, {
    userIds: range.userIds,
    departments: range.departments,
    siteId: range.siteId,
    recordsWithin: { from: range.from, to: range.to },
  });
  const result = { statuses: [] as StatusValues[], written: 0, removed: 0 };
  for (let start = 0; start < everyone.length; start += RECOMPUTE_BATCH_PEOPLE) {
    const batch = await recomputeBatch(
      deps,
      everyone.slice(start, start + RECOMPUTE_BATCH_PEOPLE),
      range,
    );
    result.statuses.push(...batch.statuses);
    result.written += batch.written;
    result.removed += batch.removed;
  }
  return result;
}

async function recomputeBatch(
  deps: Deps,
  people: RecapPerson[],
  range: { from: string; to: string },
): Promise<{ statuses: StatusValues[]; written: number; removed: number }> {
  const [statuses, stored] = await Promise.all([
    computeStatuses(deps, { people, from: range.from, to: range.to }),
    repos.statuses.between(deps.db, {
      userIds: people.map((person) => person.userId),
      from: range.from,
      to: range.to,
    }),
  ]);
  const key = (row: { userId: number; workDate: string }) => `${row.userId}|${row.workDate}`;
  const storedByKey = new Map(stored.map((row) => [key(row), row]));
  const changed = statuses.filter((row) => {
    const before = storedByKey.get(key(row));
    return !before || !same(before, row);
  });
  const computed = new Set(statuses.map(key));
  const gone = stored.filter((row) => !computed.has(key(row)));
  await repos.statuses.save(deps.db, changed, deps.clock());
  await repos.statuses.remove(deps.db, gone);
  return { statuses, written: changed.length, removed: gone.length };
}
