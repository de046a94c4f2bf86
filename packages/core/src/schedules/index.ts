export { PlanningCache } from './planning-cache.js';
export { datesBetween, plansOf } from './plans.js';
export {
  assignSchedule,
  createSchedule,
  createShiftType,
  listSchedules,
  listShiftTypes,
  setRosterDay,
  unassignSchedule,
  updateSchedule,
  updateShiftType,
  type AssignmentInput,
  type RosterDayInput,
  type ScheduleInput,
  type ShiftTypeInput,
} from './manage.js';
export {
  mySchedule,
  roster,
  todaysPlan,
  type Roster,
  type RosterCell,
  type RosterRow,
  type TodaysPlan,
} from './roster.js';
export type { AssignmentView, ScheduleView, ShiftTypeView } from './views.js';
export * as scheduleRules from './rules.js';
export type { DayPlan, HolidayRule, Person, ShiftTypeRule } from './rules.js';
