import type { Inputs, Outputs } from '../../api/types';
import { instantToZoned, zonedToInstant } from '../../time/zone';

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
