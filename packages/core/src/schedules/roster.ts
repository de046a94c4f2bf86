import { repos } from '@absensi/db';
import type { Actor } from '../actor.js';
import { departmentsFor, scopeOf } from '../auth/scope.js';
import type { CoreDeps } from '../deps.js';
import { workDateOf } from '../attendance/rules/index.js';
import type { Page } from '../page.js';
import { plansOf } from './plans.js';
import { nextDate, shiftWindow, type DayPlan } from './rules.js';
import { shiftTypeView, type ShiftTypeView } from './views.js';

export interface RosterCell {
  date: string;
  /** work: a shift; off: a day off; holiday; unscheduled: no schedule applies. */
  kind: DayPlan['kind'];
  shiftTypeId: number | null;
  /** override: set on the roster for this date; schedule: from the pattern. */
  source: 'override' | 'schedule' | null;
  holidayName: string | null;
  /** The shift's start and end instants (ISO), for a work day. */
  start: string | null;
  end: string | null;
}

function cellOf(plan: DayPlan, timeZone: string): RosterCell {
  const window = plan.kind === 'work' ? shiftWindow(plan.date, plan.shiftType, timeZone) : null;
  return {
    date: plan.date,
    kind: plan.kind,
    shiftTypeId: plan.kind === 'work' ? plan.shiftType.id : null,
    source: plan.kind === 'work' || plan.kind === 'off' ? plan.source : null,
    holidayName: plan.kind === 'holiday' ? plan.holiday.name : null,
    start: window?.start.toISOString() ?? null,
    end: window?.end.toISOString() ?? null,
  };
}

export interface RosterRow {
  userId: number;
  name: string;
  department: string | null;
  /** The primary site, whose zone the cells' times are in (the company's when none). */
  siteId: number | null;
  cells: RosterCell[];
}

export interface Roster extends Page<RosterRow> {
  dates: string[];
  shiftTypes: ShiftTypeView[];
}

/**
 * The roster grid: employees (of the actor's scope, optionally one department) × `days` dates from
 * `from`, each cell what the employee is planned to do that date. A page of employees at a time.
 * @throws DomainError FORBIDDEN for an employee, or a manager asking for a department not theirs.
 */
export async function roster(
  deps: Pick<CoreDeps, 'db' | 'planning' | 'settings'>,
  actor: Actor,
  query: {
    from: string;
    days: number;
    department?: string | undefined;
    cursor?: number | undefined;
    limit: number;
  },
): Promise<Roster> {
  const scope = await scopeOf(deps, actor);
  const departments = departmentsFor(scope, query.department);
  const people = await repos.users.list(deps.db, {
    role: 'employee',
    active: true,
    departments,
    after: query.cursor,
    limit: query.limit + 1,
  });
  const page = people.slice(0, query.limit);
  const to = nextDate(query.from, query.days - 1);
  const sites = await repos.sites.primaryOf(
    deps.db,
    page.map((person) => person.id),
  );
  const [plans, types, settings] = await Promise.all([
    plansOf(
      deps,
      page.map((person) => ({
        id: person.id,
        department: person.department,
        siteId: sites.get(person.id)?.siteId ?? null,
      })),
      { from: query.from, to },
    ),
    repos.schedules.shiftTypes(deps.db),
    deps.settings.get(),
  ]);
  const dates = Array.from({ length: query.days }, (_, day) => nextDate(query.from, day));
  return {
    dates,
    shiftTypes: types.map(shiftTypeView),
    items: page.map((person) => ({
      userId: person.id,
      name: person.name,
      department: person.department,
      siteId: sites.get(person.id)?.siteId ?? null,
      cells: (plans.get(person.id) ?? []).map((plan) =>
        cellOf(plan, sites.get(person.id)?.timeZone ?? settings.timeZone),
      ),
    })),
    nextCursor: people.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * The signed-in person's plan for the next `days` dates from today, shift times included, in the
 * zone of their primary site (the company's when none), with that site's holidays.
 */
export async function mySchedule(
  deps: Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock'>,
  actor: Actor,
  days = 7,
): Promise<{ days: RosterCell[]; shiftTypes: ShiftTypeView[] }> {
  const [settings, site] = await Promise.all([
    deps.settings.get(),
    repos.sites.primaryOf(deps.db, [actor.id]).then((sites) => sites.get(actor.id)),
  ]);
  const zone = site?.timeZone ?? settings.timeZone;
  const from = workDateOf(deps.clock(), zone);
  const [plans, types] = await Promise.all([
    plansOf(deps, [{ id: actor.id, department: actor.department, siteId: site?.siteId ?? null }], {
      from,
      to: nextDate(from, days - 1),
    }),
    repos.schedules.shiftTypes(deps.db),
  ]);
  return {
    days: (plans.get(actor.id) ?? []).map((plan) => cellOf(plan, zone)),
    shiftTypes: types.map(shiftTypeView),
  };
}

export interface TodaysPlan extends RosterCell {
  /** The shift type of a work day: its name, code, colour and grace minutes. */
  shift: Pick<ShiftTypeView, 'name' | 'code' | 'color' | 'lateGraceMinutes'> | null;
}

/** A person's plan for one date, with the shift type's name and grace on a work day. */
export async function todaysPlan(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  person: Pick<Actor, 'id' | 'department'>,
  date: string,
  timeZone: string,
): Promise<TodaysPlan> {
  const site = (await repos.sites.primaryOf(deps.db, [person.id])).get(person.id);
  const [plan] =
    (
      await plansOf(
        deps,
        [{ id: person.id, department: person.department, siteId: site?.siteId ?? null }],
        { from: date, to: date },
      )
    ).get(person.id) ?? [];
  timeZone = site?.timeZone ?? timeZone;
  const day = plan ?? { kind: 'unscheduled' as const, date };
  return {
    ...cellOf(day, timeZone),
    shift:
      day.kind === 'work'
        ? {
            name: day.shiftType.name,
            code: day.shiftType.code,
            color: day.shiftType.color,
            lateGraceMinutes: day.shiftType.lateGraceMinutes,
          }
        : null,
  };
}
