import { repos, type StatusValues } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { ExportLanguage } from '../reports/export-words.js';
import { monthBounds } from '../attendance/rules/index.js';
import { workDateOf } from '../attendance/rules/time.js';
import { departmentsFor, scopeOf } from '../auth/scope.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { datesBetween } from '../schedules/plans.js';
import { recomputeStatuses } from '../status/recompute.js';
import { totalsOf, type RecapTotals } from './rules.js';

export interface RecapPersonRow {
  userId: number;
  name: string;
  email: string;
  department: string | null;
  siteId: number | null;
  /** One code per date of the month ('' for a date not yet over or with no status). */
  codes: string[];
  totals: RecapTotals;
}

export interface MonthRecap {
  month: string;
  /** Every date of the month, "YYYY-MM-DD". */
  dates: string[];
  people: RecapPersonRow[];
}

type Deps = Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock'>;

/**
 * The month's recap for the people an actor sees (an admin: everyone, or one department or site;
 * a manager: their departments): the daily statuses, brought up to date first, as a grid of codes
 * and each person's totals. Dates after today have no code.
 * @throws DomainError FORBIDDEN for a department outside a manager's scope.
 */
export async function monthRecap(
  deps: Deps,
  actor: Actor,
  query: { month: string; department?: string | undefined; siteId?: number | undefined },
): Promise<MonthRecap> {
  const departments = departmentsFor(await scopeOf(deps, actor), query.department);
  return buildRecap(deps, { month: query.month, departments, siteId: query.siteId });
}

/** monthRecap without the actor: the worker's export and the benchmark build it this way. */
export async function buildRecap(
  deps: Deps,
  query: {
    month: string;
    departments?: readonly string[] | undefined;
    siteId?: number | undefined;
    userIds?: readonly number[] | undefined;
  },
): Promise<MonthRecap> {
  const settings = await deps.settings.get();
  const { from, to } = monthBounds(query.month);
  const dates = datesBetween(from, to);
  const today = workDateOf(deps.clock(), settings.timeZone);
  const until = to < today ? to : today;
  const people = await repos.dashboard.peopleOf(deps.db, {
    departments: query.departments,
    siteId: query.siteId,
    userIds: query.userIds,
    recordsWithin: { from, to: until },
  });
  const [{ statuses }, leaveTypes] = await Promise.all([
    from <= until
      ? recomputeStatuses(deps, { userIds: people.map((p) => p.userId), from, to: until })
      : Promise.resolve({ statuses: [] as StatusValues[] }),
    repos.leaveTypes.list(deps.db),
  ]);
  const categories = new Map(leaveTypes.map((type) => [type.id, type.category]));
  const byPerson = new Map<number, StatusValues[]>();
  for (const status of statuses) {
    const list = byPerson.get(status.userId);
    if (list) list.push(status);
    else byPerson.set(status.userId, [status]);
  }
  return {
    month: query.month,
    dates,
    people: people.map((person) => {
      const own = byPerson.get(person.userId) ?? [];
      const codeOf = new Map(own.map((status) => [status.workDate, status.code]));
      return {
        userId: person.userId,
        name: person.name,
        email: person.email,
        department: person.department,
        siteId: person.siteId,
        codes: dates.map((date) => codeOf.get(date) ?? ''),
        totals: totalsOf(own, (id) => (id === null ? 'other' : (categories.get(id) ?? 'other'))),
      };
    }),
  };
}

/**
 * Queues the recap's export (XLSX or CSV) for the people the actor sees; follow it with the
 * `live.job` subscription, as the records' export.
 * @throws DomainError FORBIDDEN outside a manager's scope, PRECONDITION_FAILED without a worker.
 */
export async function startRecapExport(
  deps: Pick<CoreDeps, 'db' | 'jobs'>,
  actor: Actor,
  input: {
    month: string;
    format: 'csv' | 'xlsx';
    language?: ExportLanguage | undefined;
    department?: string | undefined;
    siteId?: number | undefined;
  },
): Promise<{ jobId: string }> {
  const departments = departmentsFor(await scopeOf(deps, actor), input.department);
  if (!deps.jobs)
    throw new DomainError(
      'PRECONDITION_FAILED',
      'Exports need the background worker, which is not configured here.',
      undefined,
      { reason: 'WORKER_MISSING' },
    );
  return deps.jobs.startExport({
    ownerId: actor.id,
    month: input.month,
    format: input.format,
    language: input.language,
    kind: 'recap',
    departments,
    siteId: input.siteId,
  });
}

/** The employee's own month: their codes and totals, as the recap shows them. */
export async function myMonth(
  deps: Deps,
  actor: Actor,
  month: string,
): Promise<RecapPersonRow | null> {
  const recap = await buildRecap(deps, { month, userIds: [actor.id] });
  return recap.people[0] ?? null;
}
