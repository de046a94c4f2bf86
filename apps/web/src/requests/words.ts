import { describe, type Problem } from '../api/errors';
import type { Outputs } from '../api/types';
import type { RequestMessageKey, RequestTranslate } from './messages';

export type RequestView = Outputs['requests']['mine']['items'][number];
export type RequestState = RequestView['state'];
export type RequestKind = RequestView['kind'];
export type LeaveCategory = NonNullable<RequestView['leaveType']>['category'];

export const KIND_KEYS: Record<RequestKind, RequestMessageKey> = {
  leave: 'kindLeave',
  correction: 'kindCorrection',
  overtime: 'kindOvertime',
};

export const STATE_KEYS: Record<RequestState, RequestMessageKey> = {
  pending: 'statePending',
  approved: 'stateApproved',
  declined: 'stateDeclined',
  cancelled: 'stateCancelled',
};

const CATEGORY_KEYS: Partial<Record<LeaveCategory, RequestMessageKey>> = {
  annual: 'leaveAnnual',
  sick: 'leaveSick',
  permit: 'leavePermit',
  business_travel: 'leaveBusinessTravel',
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

/** Its dates, one or a span. */
export function requestDates(
  request: Pick<RequestView, 'startDate' | 'endDate'>,
  date: (workDate: string) => string,
): string {
  return request.startDate === request.endDate
    ? date(request.startDate)
    : `${date(request.startDate)} – ${date(request.endDate)}`;
}

/** The server's refusals of a request it knows, in the reader's language; the rest as usual. */
export function refusalText(problem: Problem, t: RequestTranslate): string {
  const message = problem.serverMessage;
  const balance = /takes (\d+(?:\.\d+)?) working days; (\d+(?:\.\d+)?) of the (\d+)/.exec(message);
  if (balance)
    return t('refusedBalance', { days: balance[1]!, left: balance[2]!, allowance: balance[3]! });
  const overlap = /already asked for leave on (.+)\.$/.exec(message);
  if (overlap) return t('refusedOverlap', { dates: overlap[1]! });
  const known: [RegExp, RequestMessageKey][] = [
    [/Overtime on .* is already approved/, 'refusedOvertimeTwice'],
    [/not scheduled to work/, 'refusedNotScheduled'],
    [/must be after the clock-in/, 'refusedOutBeforeIn'],
    [/more than 24 hours/, 'refusedTooLong'],
    [/^clockInAt: falls on/, 'refusedOtherDay'],
    [/half-day leave is for one date/, 'refusedHalfDay'],
    [/before the start date/, 'refusedEndBeforeStart'],
    [/in the future/, 'refusedFuture'],
    [/needs both its clock-in and its clock-out|clock-in or the clock-out/, 'refusedBothTimes'],
    [/already (approved|declined|cancelled|pending)/, 'refusedAlready'],
    [/decide your own request/, 'refusedOwn'],
    [/^attachment:|photo/, 'refusedPhoto'],
  ];
  for (const [pattern, key] of known) if (pattern.test(message)) return t(key);
  return describe(problem, t);
}
