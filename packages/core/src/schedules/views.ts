import type { ScheduleAssignment, ShiftType } from '@absensi/db';
import type { ScheduleWithDays } from '@absensi/db';

export interface ShiftTypeView {
  id: number;
  name: string;
  code: string;
  /** Local "HH:MM"; an end at or before the start is the next day. */
  startTime: string;
  endTime: string;
  crossesMidnight: boolean;
  lateGraceMinutes: number;
  earlyLeaveGraceMinutes: number;
  breakMinutes: number;
  autoClockOutAfterMinutes: number;
  overtimeMinimumMinutes: number;
  overtimeRoundingMinutes: number;
  color: string;
  active: boolean;
}

export function shiftTypeView(type: ShiftType): ShiftTypeView {
  return {
    id: type.id,
    name: type.name,
    code: type.code,
    startTime: type.startTime,
    endTime: type.endTime,
    crossesMidnight: type.endTime <= type.startTime,
    lateGraceMinutes: type.lateGraceMinutes,
    earlyLeaveGraceMinutes: type.earlyLeaveGraceMinutes,
    breakMinutes: type.breakMinutes,
    autoClockOutAfterMinutes: type.autoClockOutAfterMinutes,
    overtimeMinimumMinutes: type.overtimeMinimumMinutes,
    overtimeRoundingMinutes: type.overtimeRoundingMinutes,
    color: type.color,
    active: Boolean(type.active),
  };
}

export interface AssignmentView {
  id: number;
  scheduleId: number;
  /** Who: one employee, a department, or (both null) everyone. */
  userId: number | null;
  department: string | null;
  validFrom: string;
  validTo: string | null;
}

export function assignmentView(assignment: ScheduleAssignment): AssignmentView {
  return {
    id: assignment.id,
    scheduleId: assignment.scheduleId,
    userId: assignment.userId,
    department: assignment.department,
    validFrom: assignment.validFrom,
    validTo: assignment.validTo,
  };
}

export interface ScheduleView {
  id: number;
  name: string;
  kind: 'weekly' | 'rotating';
  cycleDays: number;
  anchorDate: string | null;
  active: boolean;
  /** The shift type id of each day (weekly: Monday first), null for a day off. */
  days: (number | null)[];
  assignments: AssignmentView[];
}

export function scheduleView(
  { schedule, days }: ScheduleWithDays,
  assignments: readonly ScheduleAssignment[],
): ScheduleView {
  return {
    id: schedule.id,
    name: schedule.name,
    kind: schedule.kind,
    cycleDays: schedule.cycleDays,
    anchorDate: schedule.anchorDate,
    active: Boolean(schedule.active),
    days,
    assignments: assignments
      .filter((assignment) => assignment.scheduleId === schedule.id)
      .map(assignmentView),
  };
}
