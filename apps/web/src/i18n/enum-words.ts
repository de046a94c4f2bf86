/**
 * The words of every enum value a person sees (roles, states, kinds, statuses, policies), as message
 * keys: screens show an enum only through these maps, never raw. Keys live in the app's, the admin
 * area's or the requests' dictionaries; enum-words.test.ts checks every value of core's lists has a
 * key here with a text in both languages.
 */
import type { AdminMessageKey } from '../admin/messages/dictionaries';
import type { RequestMessageKey } from '../requests/messages';
import type { MessageKey } from './translate';

type Key = MessageKey | AdminMessageKey | RequestMessageKey;

export const ROLE_WORDS = {
  employee: 'roleEmployee',
  manager: 'roleManager',
  admin: 'roleAdmin',
} as const satisfies Record<string, Key>;

export const REQUEST_STATE_WORDS = {
  pending: 'statePending',
  approved: 'stateApproved',
  declined: 'stateDeclined',
  cancelled: 'stateCancelled',
} as const satisfies Record<string, Key>;

export const REQUEST_KIND_WORDS = {
  leave: 'kindLeave',
  correction: 'kindCorrection',
  overtime: 'kindOvertime',
} as const satisfies Record<string, Key>;

export const LEAVE_CATEGORY_WORDS = {
  annual: 'leaveAnnual',
  sick: 'leaveSick',
  permit: 'leavePermit',
  business_travel: 'leaveBusinessTravel',
  other: 'leaveOther',
} as const satisfies Record<string, Key>;

export const DAY_PART_WORDS = {
  full: 'partFull',
  first_half: 'partFirstHalf',
  second_half: 'partSecondHalf',
} as const satisfies Record<string, Key>;

/** A day's status (core's DAILY_STATUSES); a day of leave is said by its category where known. */
export const DAILY_STATUS_WORDS = {
  present: 'status_present',
  late: 'status_late',
  early_leave: 'status_early_leave',
  late_early_leave: 'status_late_early_leave',
  absent: 'status_absent',
  leave: 'kindLeave',
  holiday: 'status_holiday',
  off: 'status_off',
  unscheduled_work: 'status_unscheduled_work',
  pending: 'status_pending',
} as const satisfies Record<string, Key>;

export const JOB_STATE_WORDS = {
  queued: 'jobQueued',
  running: 'jobRunning',
  succeeded: 'jobSucceeded',
  failed: 'jobFailed',
} as const satisfies Record<string, Key>;

export const GEOFENCE_POLICY_WORDS = {
  off: 'policyOff',
  flag: 'policyFlag',
  require: 'policyRequire',
} as const satisfies Record<string, Key>;

/** Where a tap was; `inside` is the normal case and shows no mark. */
export const GEOFENCE_VERDICT_WORDS = {
  outside: 'geoOutside',
  unknown: 'geoUnknown',
} as const satisfies Record<string, Key>;

export const HOLIDAY_KIND_WORDS = {
  national: 'kindNational',
  collective_leave: 'kindCollectiveLeave',
  company: 'kindCompany',
} as const satisfies Record<string, Key>;

export const ATTENDANCE_STATUS_WORDS = {
  on_time: 'statusOnTime',
  late: 'statusLate',
  unscheduled: 'unscheduled',
} as const satisfies Record<string, Key>;

/** How a shift ended (a record's kind of clock-out). */
export const CLOCK_OUT_KIND_WORDS = {
  manual: 'endManual',
  auto: 'endAuto',
  correction: 'endCorrection',
  deactivation: 'endDeactivation',
} as const satisfies Record<string, Key>;

export const ACTION_KIND_WORDS = {
  clock_in: 'clockIn',
  clock_out: 'clockOut',
} as const satisfies Record<string, Key>;

export const SCHEDULE_KIND_WORDS = {
  weekly: 'kindWeekly',
  rotating: 'kindRotating',
} as const satisfies Record<string, Key>;

export const NOTIFICATION_KIND_WORDS = {
  request_decided: 'noteRequestDecided',
  request_filed: 'noteRequestFiled',
  record_corrected: 'noteRecordCorrected',
  auto_clocked_out: 'noteAutoClockedOut',
  overtime_ordered: 'noteOvertimeOrdered',
} as const satisfies Record<string, Key>;
