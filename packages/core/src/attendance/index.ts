export { clockIn, clockOut, type TapInput } from './clock.js';
export {
  addShift,
  correctAttendance,
  EARLIEST_RECORD,
  type Correction,
  type MissingShift,
} from './admin-entry.js';
export { closeForgottenShifts } from './auto-clock-out.js';
export { attendanceEvent } from './events.js';
export {
  history,
  listAttendance,
  today,
  type AttendanceRowView,
  type MonthHistory,
  type Today,
} from './queries.js';
export {
  attendanceSnapshot,
  attendanceView,
  type AttendanceView,
  type LocationView,
} from './views.js';
export * as rules from './rules/index.js';
export { DAY_CACHE_TTL_MS, MemoryDayCache, type DayCache } from './day-cache.js';
