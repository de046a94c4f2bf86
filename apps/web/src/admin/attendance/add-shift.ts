import type { Inputs } from '../../api/types';
import { zonedToInstant } from '../../time/zone';
import { reasonRefusal, timesRefusal, type Refusal, type ShiftTimesDraft } from './shift-checks';

type AddInput = Inputs['admin']['attendance']['add'];

/** The add-shift form's fields: the person, wall-clock times in the company's zone, why. */
export interface AddShiftDraft extends ShiftTimesDraft {
  userId: string;
  note: string;
  reason: string;
}

export function emptyShift(userId: string): AddShiftDraft {
  return { userId, clockIn: '', clockOut: '', note: '', reason: '' };
}

/** Why the shift cannot be sent as it is: no person, times missing or impossible, no reason. */
export function addShiftRefusal(draft: AddShiftDraft, zone: string): Refusal | null {
  if (!draft.userId) return { key: 'refuseNoEmployee' };
  return timesRefusal(draft, zone, true) ?? reasonRefusal(draft.reason);
}

/** `admin.attendance.add`'s input for a draft that passed `addShiftRefusal`. */
export function addShiftInput(draft: AddShiftDraft, zone: string): AddInput {
  return {
    userId: Number(draft.userId),
    clockInAt: zonedToInstant(draft.clockIn, zone).toISOString(),
    clockOutAt: zonedToInstant(draft.clockOut, zone).toISOString(),
    reason: draft.reason,
    ...(draft.note.trim() ? { note: draft.note } : {}),
  };
}
