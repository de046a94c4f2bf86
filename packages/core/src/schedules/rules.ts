/**
 * Who should work when: the plan of one person for one date, from per-day overrides (the roster),
 * holidays, and the weekly or rotating schedule assigned to them, their department or everyone;
 * and which scheduled shift a clock-in belongs to. Pure: the use cases load the rows.
 */
import { DateTime } from 'luxon';
import { localInstant } from '../attendance/rules/time.js';

/** A shift type as the rules read it; times are local "HH:MM", an end at or before the start is the next day. */
export interface ShiftTypeRule {
  id: number;
  name: string;
  code: string;
  color: string;
  startTime: string;
  endTime: string;
  /** Minutes after the start that still count as on time. */
  lateGraceMinutes: number;
  /** Minutes before the end that a clock-out may come without counting as early leave. */
  earlyLeaveGraceMinutes: number;
  /** Unpaid break within the shift, minutes. */
  breakMinutes: number;
  /** Minutes after the end at which a shift left open is closed automatically. */
  autoClockOutAfterMinutes: number;
  /** Overtime shorter than this counts as none; counted overtime is rounded down to the step. */
  overtimeMinimumMinutes: number;
  overtimeRoundingMinutes: number;
}

/** A pattern: weekly (7 days, index 0 = Monday) or rotating (`cycleDays` days from `anchorDate`, index 0). */
export interface PatternRule {
  id: number;
  kind: 'weekly' | 'rotating';
  cycleDays: number;
  /** "YYYY-MM-DD", the first day of a cycle; required for rotating patterns. */
  anchorDate: string | null;
  /** The shift type id of each day index, or null for a day off. */
  days: readonly (number | null)[];
}

/** Who follows a pattern from `validFrom` to `validTo` (inclusive): one user, a department, or (both null) everyone. */
export interface AssignmentRule {
  scheduleId: number;
  userId: number | null;
  department: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface HolidayRule {
  date: string;
  name: string;
  kind: 'national' | 'collective_leave' | 'company';
  /** The site it is kept at; null for every site. */
  siteId: number | null;
}

export interface PlanningRules {
  shiftTypes: ReadonlyMap<number, ShiftTypeRule>;
  patterns: ReadonlyMap<number, PatternRule>;
  assignments: readonly AssignmentRule[];
  /** The company calendar: company-wide holidays and those of single sites, by date. */
  holidays: readonly HolidayRule[];
}

export interface Person {
  id: number;
  department: string | null;
  /** The person's primary site (its holidays count for them); null or absent: none. */
  siteId?: number | null | undefined;
}

export type DayPlan =
  | {
      kind: 'work';
      date: string;
      shiftType: ShiftTypeRule;
      /** override: the roster says so for this date; schedule: the pattern does. */
      source: 'override' | 'schedule';
    }
  | { kind: 'off'; date: string; source: 'override' | 'schedule' }
  | { kind: 'holiday'; date: string; holiday: HolidayRule }
  /** No schedule applies to the person on that date. */
  | { kind: 'unscheduled'; date: string };

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The day of a pattern a date falls on: Monday = 0 for weekly, days since the anchor modulo the cycle for rotating. */
export function dayIndex(pattern: PatternRule, date: string): number {
  if (pattern.kind === 'weekly') return (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday
  const anchor = pattern.anchorDate ?? '2000-01-03';
  const offset = dayNumber(date) - dayNumber(anchor);
  return ((offset % pattern.cycleDays) + pattern.cycleDays) % pattern.cycleDays;
}

/**
 * The assignment that decides a person's pattern on a date: one naming them beats one naming their
 * department, which beats one for everyone; among equals, the one valid from the latest date.
 */
export function assignmentFor(
  person: Person,
  date: string,
  assignments: readonly AssignmentRule[],
): AssignmentRule | null {
  const rank = (assignment: AssignmentRule) =>
    assignment.userId !== null ? 2 : assignment.department !== null ? 1 : 0;
  let best: AssignmentRule | null = null;
  for (const assignment of assignments) {
    if (assignment.validFrom > date || (assignment.validTo !== null && assignment.validTo < date))
      continue;
    if (assignment.userId !== null && assignment.userId !== person.id) continue;
    if (
      assignment.userId === null &&
      assignment.department !== null &&
      assignment.department !== person.department
    )
      continue;
    if (
      !best ||
      rank(assignment) > rank(best) ||
      (rank(assignment) === rank(best) && assignment.validFrom > best.validFrom)
    )
      best = assignment;
  }
  return best;
}

/**
 * A person's plan for a date. The roster's override for the date comes first (it may schedule work
 * on a holiday, or a day off on a work day), then a holiday, then the assigned pattern.
 * `override`: undefined when there is none; its shiftTypeId null means a day off.
 */
export function planDay(
  date: string,
  person: Person,
  rules: PlanningRules,
  extra: {
    override?: { shiftTypeId: number | null } | undefined;
    holiday?: HolidayRule | undefined;
  },
): DayPlan {
  const work = (shiftTypeId: number | null, source: 'override' | 'schedule'): DayPlan => {
    const shiftType = shiftTypeId === null ? undefined : rules.shiftTypes.get(shiftTypeId);
    return shiftType ? { kind: 'work', date, shiftType, source } : { kind: 'off', date, source };
  };
  if (extra.override) return work(extra.override.shiftTypeId, 'override');
  if (extra.holiday) return { kind: 'holiday', date, holiday: extra.holiday };
  const assignment = assignmentFor(person, date, rules.assignments);
  const pattern = assignment ? rules.patterns.get(assignment.scheduleId) : undefined;
  if (!pattern) return { kind: 'unscheduled', date };
  return work(pattern.days[dayIndex(pattern, date)] ?? null, 'schedule');
}

/** The instants a shift of this type on this date starts and ends, in the zone. */
export function shiftWindow(
  date: string,
  shiftType: Pick<ShiftTypeRule, 'startTime' | 'endTime'>,
  timeZone: string,
): { start: Date; end: Date } {
  const start = localInstant(date, shiftType.startTime, timeZone);
  const endDate = shiftType.endTime <= shiftType.startTime ? nextDate(date, 1) : date;
  return { start, end: localInstant(endDate, shiftType.endTime, timeZone) };
}

/** The date `days` after `date` ("YYYY-MM-DD"). */
export function nextDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** How early before its start a clock-in still belongs to a shift (4 hours). */
export const EARLY_CLOCK_IN_MINUTES = 240;

export interface ScheduledShift {
  plan: Extract<DayPlan, { kind: 'work' }>;
  start: Date;
  end: Date;
}

/**
 * The scheduled shift a clock-in at `at` belongs to, among the plans of the dates around it: the
 * one whose span [start − EARLY_CLOCK_IN_MINUTES, end) holds it, the nearest start first. A night
 * shift belongs to the date it starts on. Null: the clock-in belongs to no scheduled shift.
 */
export function shiftForClockIn(
  at: Date,
  plans: readonly DayPlan[],
  timeZone: string,
): ScheduledShift | null {
  let best: ScheduledShift | null = null;
  for (const plan of plans) {
    if (plan.kind !== 'work') continue;
    const { start, end } = shiftWindow(plan.date, plan.shiftType, timeZone);
    const opens = start.getTime() - EARLY_CLOCK_IN_MINUTES * 60_000;
    if (at.getTime() < opens || at >= end) continue;
    const distance = Math.abs(at.getTime() - start.getTime());
    if (!best || distance < Math.abs(at.getTime() - best.start.getTime()))
      best = { plan, start, end };
  }
  return best;
}

/** The local dates around an instant: the day before, the day, the day after. */
export function datesAround(at: Date, timeZone: string): [string, string, string] {
  const day = DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
  return [nextDate(day, -1), day, nextDate(day, 1)];
}
