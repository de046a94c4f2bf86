import type { Inputs, Outputs } from '../../api/types';

export type ShiftType = Outputs['admin']['shifts']['list'][number];

/** The shift-type form's fields, numbers as the inputs hold them. */
export interface ShiftDraft {
  name: string;
  code: string;
  startTime: string;
  endTime: string;
  lateGraceMinutes: string;
  earlyLeaveGraceMinutes: string;
  breakMinutes: string;
  autoClockOutAfterMinutes: string;
  color: string;
  active: boolean;
}

export function shiftDraftOf(type: ShiftType | null): ShiftDraft {
  return {
    name: type?.name ?? '',
    code: type?.code ?? '',
    startTime: type?.startTime ?? '08:00',
    endTime: type?.endTime ?? '17:00',
    lateGraceMinutes: String(type?.lateGraceMinutes ?? 0),
    earlyLeaveGraceMinutes: String(type?.earlyLeaveGraceMinutes ?? 0),
    breakMinutes: String(type?.breakMinutes ?? 60),
    autoClockOutAfterMinutes: String(type?.autoClockOutAfterMinutes ?? 120),
    color: type?.color ?? '#2f6fdd',
    active: type?.active ?? true,
  };
}

/** `admin.shifts.create`'s input from the form. */
export function shiftInput(draft: ShiftDraft): Inputs['admin']['shifts']['create'] {
  return {
    name: draft.name,
    code: draft.code,
    startTime: draft.startTime,
    endTime: draft.endTime,
    lateGraceMinutes: Number(draft.lateGraceMinutes),
    earlyLeaveGraceMinutes: Number(draft.earlyLeaveGraceMinutes),
    breakMinutes: Number(draft.breakMinutes),
    autoClockOutAfterMinutes: Number(draft.autoClockOutAfterMinutes),
    color: draft.color,
  };
}

/** Whether a shift from `start` to `end` ("HH:MM") ends the next day: an end at or before its start. */
export function crossesMidnight(start: string, end: string): boolean {
  return end <= start;
}
