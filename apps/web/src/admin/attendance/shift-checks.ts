import type { ErrorReason } from '@absensi/core/reasons';
import { paramTexts, type Problem } from '../../api/errors';
import type { Translate } from '../../i18n/translate';
import { zonedToInstant } from '../../time/zone';
import type { AdminMessageKey } from '../messages/dictionaries';

/** A refusal said in the admin's language: a message key and what fills it. */
export interface Refusal {
  key: AdminMessageKey;
  values?: Record<string, string>;
}

/** The times of a shift as the forms hold them: wall-clock values in the company's zone. */
export interface ShiftTimesDraft {
  clockIn: string;
  clockOut: string;
}

const DAY_MS = 24 * 60 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);

function instantOf(local: string, zone: string): number | null {
  try {
    return zonedToInstant(local, zone).getTime();
  } catch {
    return null;
  }
}

/**
 * What is wrong with a shift's times before the server is asked: missing, the clock-out not after
 * the clock-in, longer than 24 hours, before 2000. Whether a time is in the future, or overlaps
 * another shift, only the server can say (its clock, its records).
 */
export function timesRefusal(
  draft: ShiftTimesDraft,
  zone: string,
  outRequired: boolean,
): Refusal | null {
  const clockIn = instantOf(draft.clockIn, zone);
  if (clockIn === null) return { key: 'refuseInMissing' };
  if (clockIn < EARLIEST) return { key: 'refuseBefore2000' };
  if (!draft.clockOut) return outRequired ? { key: 'refuseOutMissing' } : null;
  const clockOut = instantOf(draft.clockOut, zone);
  if (clockOut === null) return { key: 'refuseOutMissing' };
  if (clockOut <= clockIn) return { key: 'refuseOutBeforeIn' };
  if (clockOut - clockIn > DAY_MS) return { key: 'refuseTooLong' };
  return null;
}

/** A reason the audit log can keep: at least 5 characters, as the server requires. */
export function reasonRefusal(reason: string): Refusal | null {
  return reason.trim().length < 5 ? { key: 'refuseReason' } : null;
}

const SERVER_REFUSALS: Partial<Record<ErrorReason, AdminMessageKey>> = {
  BEFORE_YEAR_2000: 'refuseBefore2000',
  TIME_IN_FUTURE: 'refuseFuture',
  CLOCK_OUT_NOT_AFTER_IN: 'refuseOutBeforeIn',
  SHIFT_OVER_24_HOURS: 'refuseTooLong',
  ATTENDANCE_NOT_FOUND: 'refuseNotFound',
  USER_NOT_FOUND: 'refuseNotFound',
};

/**
 * The server's refusal of a correction or an added shift, in the admin's words when it is one the
 * forms know (by its reason code, or the field issue of `reason` or of an edit changing nothing;
 * an overlap names the other shift in the admin's time style);
 * null for anything else (said as any failed call is, from its reason).
 */
export function serverRefusal(problem: Problem, t: Translate): Refusal | null {
  if (problem.kind !== 'invalid' && problem.kind !== 'conflict') return null;
  if (problem.reason === 'SHIFT_OVERLAP') {
    const { from, until } = paramTexts(problem.params ?? {}, t);
    return { key: 'refuseOverlap', values: { span: `${from} – ${until}` } };
  }
  const issues = problem.issues ?? [];
  if (issues.some((issue) => issue.path === 'reason')) return { key: 'refuseReason' };
  if (issues.some((issue) => issue.code === 'NOTHING_CHANGED'))
    return { key: 'refuseNothingChanged' };
  const key = problem.reason && SERVER_REFUSALS[problem.reason];
  return key ? { key } : null;
}
