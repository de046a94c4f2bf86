import type { Inputs, Outputs } from '../../api/types';
import { instantToZoned, zonedToInstant } from '../../time/zone';
import { reasonRefusal, timesRefusal, type Refusal } from './shift-checks';

export type Row = Outputs['admin']['attendance']['list']['items'][number];
/** What a correction may set: on time or late (unscheduled is the schedule's to say). */
export type Status = 'on_time' | 'late';
type CorrectInput = Inputs['admin']['attendance']['correct'];

/** The correction form's fields: times as wall-clock values in the company's zone. */
export interface CorrectionDraft {
  clockIn: string;
  clockOut: string;
  status: Status;
  note: string;
  reason: string;
}

/** A record's times as the person tapped them, as the form shows them. */
function tappedTimes(row: Row, zone: string) {
  return {
    clockIn: instantToZoned(row.clockInAt, zone),
    clockOut: row.clockOutAt ? instantToZoned(row.clockOutAt, zone) : '',
  };
}

export function draftOf(row: Row, zone: string): CorrectionDraft {
  return {
    ...tappedTimes(row, zone),
    status: row.status === 'late' ? 'late' : 'on_time',
    note: '',
    reason: '',
  };
}

/** `admin.attendance.correct`'s input: the reason, and only what the admin changed. */
export function correctionInput(row: Row, zone: string, draft: CorrectionDraft): CorrectInput {
  const original = tappedTimes(row, zone);
  return {
    id: row.id,
    reason: draft.reason,
    ...(draft.clockIn !== original.clockIn
      ? { clockInAt: zonedToInstant(draft.clockIn, zone).toISOString() }
      : {}),
    ...(draft.clockOut && draft.clockOut !== original.clockOut
      ? { clockOutAt: zonedToInstant(draft.clockOut, zone).toISOString() }
      : {}),
    ...(draft.status !== draftOf(row, zone).status ? { status: draft.status } : {}),
    ...(draft.note.trim() ? { note: draft.note } : {}),
  };
}

/**
 * Why the correction cannot be sent as it is: a time missing or impossible (a shift that had a
 * clock-out keeps one), no reason, or nothing changed.
 */
export function correctionRefusal(row: Row, zone: string, draft: CorrectionDraft): Refusal | null {
  const times = timesRefusal(draft, zone, row.clockOutAt !== null);
  if (times) return times;
  const reason = reasonRefusal(draft.reason);
  if (reason) return reason;
  const { id: _id, reason: _reason, ...changes } = correctionInput(row, zone, draft);
  return Object.keys(changes).length === 0 ? { key: 'refuseNothingChanged' } : null;
}
