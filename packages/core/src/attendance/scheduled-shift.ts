import type { CoreDeps } from '../deps.js';
import type { Actor } from '../actor.js';
import { plansOf } from '../schedules/plans.js';
import { datesAround, shiftForClockIn } from '../schedules/rules.js';
import {
  autoClockOutAt,
  earlyLeaveMinutes,
  latenessAgainst,
  type Lateness,
} from './rules/index.js';

/** What a clock-in at an instant is, by the employee's schedule. */
export interface ClockInPlace {
  /** The work date: the date of the scheduled shift it belongs to, else the local date. */
  workDate: string;
  status: Lateness['status'] | 'unscheduled';
  lateMinutes: number;
  shiftTypeId: number | null;
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
  /** When the shift, if left open, is closed automatically. */
  autoClockOutAt: Date;
}

/**
 * Where a clock-in at `at` falls in the employee's schedule, in the zone of the site it was made at
 * (the company's when none), with that site's holidays: the
 * scheduled shift it belongs to (the one whose span, opening 4 hours before its start, holds it),
 * its lateness against that shift's start and grace, and its auto clock-out at the shift's end plus
 * the shift type's allowance. A clock-in on an off day, a holiday, or outside any scheduled shift
 * is `unscheduled`: the local date, never late, closed at the company's auto clock-out hour.
 */
export async function placeClockIn(
  deps: Pick<CoreDeps, 'db' | 'planning' | 'settings'>,
  person: Pick<Actor, 'id' | 'department'>,
  at: Date,
  site: { siteId: number | null; timeZone: string | null } = { siteId: null, timeZone: null },
): Promise<ClockInPlace> {
  const settings = await deps.settings.get();
  const zone = site.timeZone ?? settings.timeZone;
  const [before, day, after] = datesAround(at, zone);
  const plans =
    (
      await plansOf(deps, [{ id: person.id, department: person.department, siteId: site.siteId }], {
        from: before,
        to: after,
      })
    ).get(person.id) ?? [];
  const scheduled = shiftForClockIn(at, plans, zone);
  if (!scheduled) {
    return {
      workDate: day,
      status: 'unscheduled',
      lateMinutes: 0,
      shiftTypeId: null,
      scheduledStart: null,
      scheduledEnd: null,
      autoClockOutAt: autoClockOutAt(at, zone, settings.autoClockOutHour),
    };
  }
  const shiftType = scheduled.plan.shiftType;
  const late = latenessAgainst(at, scheduled.start, shiftType.lateGraceMinutes);
  return {
    workDate: scheduled.plan.date,
    ...late,
    shiftTypeId: shiftType.id,
    scheduledStart: scheduled.start,
    scheduledEnd: scheduled.end,
    autoClockOutAt: new Date(scheduled.end.getTime() + shiftType.autoClockOutAfterMinutes * 60_000),
  };
}

/** Minutes of early leave of a clock-out at `at` from a shift with this schedule (0 when unscheduled). */
export async function earlyLeaveOf(
  deps: Pick<CoreDeps, 'planning'>,
  shift: { shiftTypeId: number | null; scheduledEnd: Date | null },
  at: Date,
): Promise<number> {
  if (shift.shiftTypeId === null || shift.scheduledEnd === null) return 0;
  const shiftType = (await deps.planning.get()).shiftTypes.get(shift.shiftTypeId);
  return earlyLeaveMinutes(
    at,
    new Date(shift.scheduledEnd),
    shiftType?.earlyLeaveGraceMinutes ?? 0,
  );
}
