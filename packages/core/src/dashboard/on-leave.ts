import { repos, type LeaveRow, type LeaveType } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { dailyStatus } from '../status/rules.js';

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
 * Approved leave of active employees (some departments, one site) covering any date in
 * [from, to]. A date counts as leave by the daily status rule (`dailyStatus`): a scheduled day with
 * no record and an approved leave is "leave", never "absent", so the dashboard and the recap agree.
 */
export async function leaveAround(
  deps: Pick<CoreDeps, 'db'>,
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
  const covering = (date: string) =>
    rows.filter((row) => {
      const type = typeOf.get(row.leaveTypeId);
      if (!type || row.startDate > date || row.endDate < date) return false;
      const day = dailyStatus({
        plan: 'work',
        shifts: [],
        leave: { typeCode: type.code, category: type.category, part: row.part },
        dayOver: false,
        halfShiftMinutes: 0,
      });
      // A morning off: not expected before mid-shift, so not "not yet in" this morning either.
      return day?.status === 'leave' || row.part === 'first_half';
    });
  return {
    excused: (userId, date) => covering(date).some((row) => row.userId === userId),
    excusedOn: (date) => [...new Set(covering(date).map((row) => row.userId))],
    onLeave(date) {
      const seen = new Set<number>();
      const people: OnLeavePerson[] = [];
      for (const row of covering(date)) {
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
