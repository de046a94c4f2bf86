export { clockIn, clockOut, type TapInput } from './clock.js';
export { correctAttendance, type Correction } from './correction.js';
export { closeForgottenShifts } from './auto-clock-out.js';
export { attendanceEvent } from './events.js';
export {
  history,
  listAttendance,
  today,
  type AttendanceRowView,
  type MonthHistory,
  type Page,
  type Today,
} from './queries.js';
export {
  attendanceSnapshot,
  attendanceView,
  tapTime,
  type AttendanceView,
  type LocationView,
} from './views.js';
export * as rules from './rules/index.js';
