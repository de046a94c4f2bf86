export {
  openDatabase,
  sqlitePath,
  isRetryableTransactionError,
  type Database,
  type DatabaseOptions,
  type Tx,
} from './connect.js';
export { isDatabaseOutage, isUniqueViolation } from './errors.js';
export { ensureMysqlDatabase, migrate, pendingMigrations } from './migrate.js';
export { MIGRATION_NAMES } from './migrations/index.js';
export { ensureFirstAdmin, ensureSettings, DEFAULT_SETTINGS, type FirstAdmin } from './seed.js';
export { generatePassword, hashPassword, verifyPassword } from './password.js';
export { prepareDatabase } from './prepare.js';
export * as repos from './repositories/index.js';
export type {
  ShiftWithUser,
  ShiftFilter,
  ShiftChanges,
  NewShift,
} from './repositories/attendance.js';
export type { SessionUserRow, UserFilter, UserChanges, NewUser } from './repositories/users.js';
export type { OutboxEvent } from './repositories/outbox.js';
export type {
  NewPushSubscription,
  PushSubscriptionRow,
} from './repositories/push-subscriptions.js';
export type { AuditEntry } from './repositories/audit.js';
export type {
  DayCounts,
  NodeGroup,
  PeopleGroup,
  LeaveRow,
  PersonRow,
  RecapPerson,
} from './repositories/dashboard.js';
export type { ShiftForStatus, StatusValues } from './repositories/statuses.js';
export type { NewRequest, RequestChanges, RequestFilter } from './repositories/requests.js';
export type { NewLeaveType, LeaveTypeChanges } from './repositories/leave-types.js';
export type { SettingsValues } from './repositories/settings.js';
export type { ScheduleWithDays, ShiftTypeValues } from './repositories/schedules.js';
export type { NewSite, SiteChanges, Assignment, EmployeeSiteRow } from './repositories/sites.js';
export type { NewHoliday, HolidayChanges, HolidayRange } from './repositories/holidays.js';
export * from './models/index.js';
