import type { ErrorReason } from '@absensi/core/reasons';
import { describe, type Problem } from '../api/errors';
import { LEAVE_CATEGORY_WORDS, REQUEST_KIND_WORDS, REQUEST_STATE_WORDS } from '../i18n/enum-words';
import type { Outputs } from '../api/types';
import type { RequestMessageKey, RequestTranslate } from './messages';

export type RequestView = Outputs['requests']['mine']['items'][number];
export type RequestState = RequestView['state'];
export type RequestKind = RequestView['kind'];
export type LeaveCategory = NonNullable<RequestView['leaveType']>['category'];

export const KIND_KEYS: Record<RequestKind, RequestMessageKey> = REQUEST_KIND_WORDS;

export const STATE_KEYS: Record<RequestState, RequestMessageKey> = REQUEST_STATE_WORDS;

/** `other` is an admin's own type: it keeps the name it was given. */
const CATEGORY_KEYS: Partial<Record<LeaveCategory, RequestMessageKey>> = {
  ...LEAVE_CATEGORY_WORDS,
  other: undefined,
};

/** A leave type's name in the reader's language (an admin's own type keeps the name it was given). */
export function leaveTypeName(
  type: { category: LeaveCategory; name: string },
  t: RequestTranslate,
): string {
  const key = CATEGORY_KEYS[type.category];
  return key ? t(key) : type.name;
}

/** What a request is: its leave type, else its kind. */
export function requestTitle(request: RequestView, t: RequestTranslate): string {
  return request.leaveType ? leaveTypeName(request.leaveType, t) : t(KIND_KEYS[request.kind]);
}

/**
 * What a request kept on the phone is: a leave by its type (Sakit, Cuti tahunan… as the form listed
 * it; its kind while the types are not known on this phone), else its kind.
 */
export function outboxTitle(
  input: { kind: RequestKind; leaveTypeId?: number | undefined },
  types: readonly { id: number; category: LeaveCategory; name: string }[] | undefined,
  t: RequestTranslate,
): string {
  const type =
    input.kind === 'leave' ? types?.find((one) => one.id === input.leaveTypeId) : undefined;
  return type ? leaveTypeName(type, t) : t(KIND_KEYS[input.kind]);
}

/** Its dates, one or a span. */
export function requestDates(
  request: Pick<RequestView, 'startDate' | 'endDate'>,
  date: (workDate: string) => string,
): string {
  return request.startDate === request.endDate
    ? date(request.startDate)
    : `${date(request.startDate)} – ${date(request.endDate)}`;
}

const REFUSAL_KEYS: Partial<Record<ErrorReason, RequestMessageKey>> = {
  OVERTIME_ALREADY_APPROVED: 'refusedOvertimeTwice',
  OVERTIME_ALREADY_CLAIMED: 'refusedOvertimeClaimed',
  NOT_SCHEDULED: 'refusedNotScheduled',
  CLOCK_OUT_NOT_AFTER_IN: 'refusedOutBeforeIn',
  SHIFT_OVER_24_HOURS: 'refusedTooLong',
  HALF_DAY_ONE_DATE: 'refusedHalfDay',
  END_BEFORE_START: 'refusedEndBeforeStart',
  TIME_IN_FUTURE: 'refusedFuture',
  MISSING_SHIFT_NEEDS_BOTH: 'refusedBothTimes',
  REQUEST_NOT_PENDING: 'refusedAlready',
  OWN_REQUEST: 'refusedOwn',
};

/**
 * The server's refusal of a request in the reader's language, by its reason code: the requests'
 * own words where they have them, else the reason's (with its params: days left, dates).
 */
export function refusalText(problem: Problem, t: RequestTranslate): string {
  const key = problem.reason && REFUSAL_KEYS[problem.reason];
  return key ? t(key) : describe(problem, t);
}
