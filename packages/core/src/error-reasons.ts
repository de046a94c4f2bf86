/**
 * The catalogue of refusals: every reason the server may give for not doing what it was asked, as a
 * stable machine code with the names of the values that come with it. Clients translate a reason and
 * its params into the reader's language (the English `message` stays for logs and API users); a
 * reason is never renamed once shipped. Browser-safe: no imports, so the PWA and its tests read the
 * same list (`@absensi/core/reasons`).
 *
 * Param conventions: `…At`, `since`, `until` and `from` are ISO instants, read in the `timeZone`
 * param (the record's zone); dates are YYYY-MM-DD; distances are whole metres.
 */
export const ERROR_REASONS = {
  // Generic, for refusals that carry no more specific reason (tRPC's own, a stale client).
  NOT_FOUND: [],
  CONFLICT: [],
  INVALID: [],
  FORBIDDEN: [],
  UNAUTHENTICATED: [],
  RATE_LIMITED: [],
  PRECONDITION_FAILED: [],
  UNAVAILABLE: [],
  SERVER_ERROR: [],
  /** Input that does not match the procedure's schema; the fields are in `data.issues`. */
  INPUT_INVALID: [],
  NUL_CHARACTERS: [],
  BATCH_TOO_LARGE: ['maxCalls'],
  DATABASE_UNAVAILABLE: [],
  /** Admission control (503 with Retry-After, apps/api/src/plugins/admission.ts). */
  OVERLOADED: ['retryAfterSeconds'],

  // Signing in, sessions, who may do what.
  WRONG_CREDENTIALS: [],
  SESSION_ENDED: [],
  TOO_MANY_SIGN_INS: ['minutes'],
  CURRENT_PASSWORD_WRONG: [],
  PASSWORD_UNCHANGED: [],
  ADMINS_ONLY: [],
  MANAGERS_ONLY: [],
  NOT_YOUR_DEPARTMENT: ['department'],
  NOT_YOUR_EMPLOYEE: [],
  OWN_ROSTER: [],

  // Clocking in and out.
  REQUEST_KEY_REUSED: [],
  ALREADY_CLOCKED_IN: ['since', 'timeZone'],
  WITHIN_RECORDED_SHIFT: ['since', 'until', 'timeZone'],
  CLOCK_OUT_TOO_LATE: ['since', 'timeZone'],
  ALREADY_CLOCKED_OUT: ['at', 'timeZone'],
  NOT_CLOCKED_IN: [],
  OUTSIDE_GEOFENCE: ['distanceMetres', 'radiusMetres', 'allowanceMetres', 'siteName'],
  LOCATION_NEEDED: ['siteName'],
  NO_SITE_ASSIGNED: [],
  TAP_TOO_OLD: ['days'],
  TAP_SENT_BEFORE_MADE: [],
  TAP_SENT_WITHOUT_TIME: [],

  // Shift times, by an admin or in a correction request.
  BEFORE_YEAR_2000: [],
  TIME_IN_FUTURE: [],
  CLOCK_OUT_NOT_AFTER_IN: [],
  SHIFT_OVER_24_HOURS: [],
  SHIFT_OVERLAP: ['from', 'until', 'timeZone'],

  // Things that do not exist (or are not the caller's to see).
  ATTENDANCE_NOT_FOUND: ['id'],
  USER_NOT_FOUND: ['id'],
  EMPLOYEE_NOT_IN_TEAM: ['id'],
  SHIFT_TYPE_NOT_FOUND: ['id'],
  SCHEDULE_NOT_FOUND: ['id'],
  ASSIGNMENT_NOT_FOUND: ['id'],
  SITE_NOT_FOUND: ['id'],
  LEAVE_TYPE_NOT_FOUND: ['id'],
  REQUEST_NOT_FOUND: ['id'],
  ATTACHMENT_NOT_FOUND: ['id'],
  HOLIDAY_NOT_FOUND: ['id'],

  // Schedules and rosters.
  BREAK_TOO_LONG: ['shiftMinutes'],
  SHIFT_TYPE_CODE_TAKEN: ['code'],
  SHIFT_TYPE_RETIRED: ['name'],
  WEEK_NEEDS_7_DAYS: [],
  ROTATION_NEEDS_START: [],
  EMPLOYEE_OR_DEPARTMENT: [],
  VALID_TO_BEFORE_FROM: [],

  // Accounts.
  EMAIL_TAKEN: [],
  CANNOT_DEMOTE_SELF: [],
  LAST_ADMIN: [],
  SCOPES_ONLY_FOR_MANAGERS: [],

  // Sites.
  SITE_NAME_TAKEN: ['name'],
  UNKNOWN_TIME_ZONE: ['timeZone'],
  PRIMARY_SITE_NOT_ASSIGNED: [],
  SITE_INACTIVE: ['siteName'],

  // Exports.
  WORKER_MISSING: [],

  // Requests (leave, corrections, overtime) and their decisions.
  PHOTO_EMPTY: [],
  PHOTO_TOO_LARGE: ['sizeKb', 'maxKb'],
  PHOTO_WRONG_TYPE: [],
  PHOTO_REQUIRED: ['leaveType'],
  PHOTO_NOT_TAKEN: ['leaveType'],
  END_BEFORE_START: [],
  LEAVE_TOO_LONG: ['maxDays'],
  HALF_DAY_ONE_DATE: [],
  LEAVE_OVERLAP: ['startDate', 'endDate'],
  NOT_SCHEDULED: [],
  LEAVE_ON_WORKED_DAY: ['date'],
  LEAVE_BALANCE_EXCEEDED: ['days', 'remainingDays', 'allowanceDays', 'leaveType', 'year'],
  CORRECTION_NEEDS_TIME: [],
  MISSING_SHIFT_NEEDS_BOTH: [],
  CLOCK_IN_OTHER_DAY: ['day', 'date'],
  REQUEST_NOT_PENDING: ['state'],
  OWN_REQUEST: [],
  OVERTIME_ALREADY_APPROVED: ['date'],
  /** A second overtime claim for a date whose first is still pending. */
  OVERTIME_ALREADY_CLAIMED: ['date'],
  LEAVE_TYPE_CODE_TAKEN: ['code'],
  REQUEST_KEY_OTHER_REQUEST: ['requestId'],

  // Notifications on the phone (Web Push).
  PUSH_NOT_SET_UP: [],
  PUSH_ENDPOINT_NOT_HTTPS: [],

  // Holidays.
  HOLIDAY_YEAR_OUT_OF_RANGE: ['first', 'last'],
  HOLIDAY_EXISTS: ['date', 'name'],
  NOT_PROPOSED_HOLIDAY: ['dates', 'year'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorReason = keyof typeof ERROR_REASONS;

/** Every reason, for clients and tests that must cover them all. */
export const ERROR_REASON_CODES = Object.keys(ERROR_REASONS) as ErrorReason[];

/** The values a reason comes with, by name. */
export type ReasonParams<R extends ErrorReason> = Record<
  (typeof ERROR_REASONS)[R][number],
  string | number
>;

/** A reason and its params, as a refusal carries them (`data.reason`, `data.params`). */
export type Refusal = {
  [R in ErrorReason]: (typeof ERROR_REASONS)[R] extends readonly []
    ? { reason: R; params?: undefined }
    : { reason: R; params: ReasonParams<R> };
}[ErrorReason];

/**
 * The stable codes of what is wrong with one input field (`data.issues[].code`), mapped from the
 * schema library's own issue codes so clients never depend on it. Params: `minimum`/`maximum`
 * (a length for text and lists, a value for numbers), `format`, `options`, `keys`, `divisor`.
 */
export const FIELD_ISSUES = {
  REQUIRED: [],
  WRONG_TYPE: ['expected'],
  TOO_SHORT: ['minimum'],
  TOO_LONG: ['maximum'],
  TOO_SMALL: ['minimum'],
  TOO_LARGE: ['maximum'],
  TOO_FEW: ['minimum'],
  TOO_MANY: ['maximum'],
  BAD_FORMAT: ['format'],
  BAD_EMAIL: [],
  BAD_DATE: [],
  NOT_ALLOWED: ['options'],
  NOT_MULTIPLE: ['divisor'],
  UNKNOWN_FIELD: ['keys'],
  /** An edit that changes nothing (a refinement's `params.issue`). */
  NOTHING_CHANGED: [],
  INVALID_VALUE: [],
} as const satisfies Record<string, readonly string[]>;

export type FieldIssueCode = keyof typeof FIELD_ISSUES;

export const FIELD_ISSUE_CODES = Object.keys(FIELD_ISSUES) as FieldIssueCode[];

/** One field a person got wrong: its path in the input (`days.3.shiftTypeId`), what, and values. */
export interface FieldIssue {
  path: string;
  code: FieldIssueCode;
  params: Record<string, string | number>;
}
