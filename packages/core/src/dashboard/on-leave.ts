import { repos, type LeaveRow, type LeaveType } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { plansOf } from '../schedules/plans.js';
import { dailyStatus, type LeaveOnDate, type PlanKind } from '../status/rules.js';

/** A person on approved leave on the dashboard's work date. */
export interface OnLeavePerson {
  userId: number;
  name: string;
  department: string | null;
  /** The leave type's code (CUTI, SAKIT, IZIN, DINAS…) and name, as the admin set them. */
  leaveType: { code: string; name: string };
  category: LeaveType['category'];
  part: LeaveRow['part'];
}

/** The approved leave of the people a dashboard shows, around its work date. */
export interface LeaveAround {
  /** Whether the person is excused from work on `date` by an approved leave. */
  excused(userId: number, date: string): boolean;
  /** Those excused on `date`. */
  excusedOn(date: string): number[];
  /** The people on leave on `date`, by name, each once. */
  onLeave(date: string): OnLeavePerson[];
}

/**
 * Whether an approved leave covering a date lists its person as on leave that date, by what the
 * date is for them (`plan`): on a work day, when the daily status rule makes the day leave (a
 * full day) or the person is not expected before mid-shift (a first-half leave); on an off day or
 * a holiday, never (a Friday–Monday leave is not leave on the Saturday: the person was not due);
 * on a date no schedule covers, as on a work day (the leave is all that is known of the day).
 */
export function listedOnLeave(plan: PlanKind, leave: LeaveOnDate): boolean {
  if (plan === 'off' || plan === 'holiday') return false;
  const day = dailyStatus({
    plan: 'work',
    shifts: [],
    leave,
    dayOver: false,
    halfShiftMinutes: 0,
  });
  // A morning off: not expected before mid-shift, so not "not yet in" this morning either.
  return day?.status === 'leave' || leave.part === 'first_half';
}

/**
 * Approved leave of active employees (some departments, one site) covering any date in
 * [from, to]. A date counts as leave by the daily status rule (`dailyStatus`): a scheduled day with
 * no record and an approved leave is "leave", never "absent", so the dashboard and the recap agree.
 * `onLeave` lists a person only on their work days (and dates no schedule covers): their off days
 * and holidays inside the leave are not leave (`listedOnLeave`), read from their plans for
 * [from, to]; a date outside that range counts as unscheduled.
 */
export async function leaveAround(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  query: {
    from: string;
    to: string;
    departments?: string[] | undefined;
    siteId?: number | undefined;
  },
): Promise<LeaveAround> {
  const [rows, types] = await Promise.all([
    repos.dashboard.approvedLeave(deps.db, query),
    repos.leaveTypes.list(deps.db),
  ]);
  const typeOf = new Map(types.map((type) => [type.id, type]));
  const plans = await plansOfPeopleOnLeave(deps, rows, query);
  const planOn = (userId: number, date: string): PlanKind =>
    plans.get(userId)?.find((plan) => plan.date === date)?.kind ?? 'unscheduled';
  /**
   * The leave covering `date`, as the date is for its person (`plan`); a leave excuses its person
   * from being expected (not yet in) whatever the day, as they are not expected on an off day.
   */
  const covering = (date: string, plan: (userId: number) => PlanKind = () => 'work') =>
    rows.filter((row) => {
      const type = typeOf.get(row.leaveTypeId);
      if (!type || row.startDate > date || row.endDate < date) return false;
      return listedOnLeave(plan(row.userId), {
        typeCode: type.code,
        category: type.category,
        part: row.part,
      });
    });
  return {
    excused: (userId, date) => covering(date).some((row) => row.userId === userId),
    excusedOn: (date) => [...new Set(covering(date).map((row) => row.userId))],
    onLeave(date) {
      const seen = new Set<number>();
      const people: OnLeavePerson[] = [];
      for (const row of covering(date, (userId) => planOn(userId, date))) {
        if (seen.has(row.userId)) continue;
        seen.add(row.userId);
        const type = typeOf.get(row.leaveTypeId)!;
        people.push({
          userId: row.userId,
          name: row.name,
          department: row.department,
          leaveType: { code: type.code, name: type.name },
          category: type.category,
          part: row.part,
        });
      }
      return people;
    },
  };
}

/** The plans for [from, to] of the people with leave in it (their primary site's holidays too). */
async function plansOfPeopleOnLeave(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  rows: readonly LeaveRow[],
  range: { from: string; to: string },
) {
  const people = new Map(rows.map((row) => [row.userId, row]));
  if (people.size === 0) return new Map<number, { date: string; kind: PlanKind }[]>();
  const sites = await repos.sites.primaryOf(deps.db, [...people.keys()]);
  return plansOf(
    deps,
    [...people.values()].map((row) => ({
      id: row.userId,
      department: row.department,
      siteId: sites.get(row.userId)?.siteId ?? null,
    })),
    range,
  );
}
