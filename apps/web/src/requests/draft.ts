import type { Inputs } from '../api/types';
import { instantToZoned, zonedToInstant } from '../time/zone';
import type { PhotoAttachment } from './photo';

export type FiledInput = Inputs['requests']['file'];
export type DayPart = 'full' | 'first_half' | 'second_half';

/** What the request form holds: every kind's fields, the ones of the chosen kind sent. */
export interface RequestDraft {
  kind: 'leave' | 'correction' | 'overtime';
  leaveTypeId: number | null;
  startDate: string;
  endDate: string;
  part: DayPart;
  /** A correction's times, as datetime-local values in the company's zone. */
  clockIn: string;
  clockOut: string;
  minutes: string;
  reason: string;
  photo: PhotoAttachment | null;
}

export function emptyDraft(today: string): RequestDraft {
  return {
    kind: 'leave',
    leaveTypeId: null,
    startDate: today,
    endDate: today,
    part: 'full',
    clockIn: '',
    clockOut: '',
    minutes: '',
    reason: '',
    photo: null,
  };
}

/**
 * The request to send from the form: the chosen kind's fields only, times as instants in the
 * company's `zone`, a half day only for one date, and the `clientKey` made once for this request.
 */
export function requestInput(draft: RequestDraft, zone: string, clientKey: string): FiledInput {
  const reason = draft.reason.trim();
  if (draft.kind === 'leave') {
    return {
      kind: 'leave',
      leaveTypeId: draft.leaveTypeId ?? 0,
      startDate: draft.startDate,
      endDate: draft.endDate,
      part: draft.startDate === draft.endDate ? draft.part : 'full',
      reason,
      ...(draft.photo
        ? { attachment: { contentType: draft.photo.contentType, base64: draft.photo.base64 } }
        : {}),
      clientKey,
    };
  }
  if (draft.kind === 'correction') {
    const instant = (local: string) =>
      local ? zonedToInstant(local, zone).toISOString() : undefined;
    const clockInAt = instant(draft.clockIn);
    const clockOutAt = instant(draft.clockOut);
    return {
      kind: 'correction',
      date: draft.startDate,
      ...(clockInAt ? { clockInAt } : {}),
      ...(clockOutAt ? { clockOutAt } : {}),
      reason,
      clientKey,
    };
  }
  const minutes = Number.parseInt(draft.minutes, 10);
  return {
    kind: 'overtime',
    date: draft.startDate,
    ...(Number.isFinite(minutes) ? { minutes } : {}),
    reason,
    clientKey,
  };
}

/**
 * The form's draft of a request sent before (one the server refused, to fix and refile): the
 * inverse of `requestInput`, times back in the company's `zone`. A photo sent before comes back
 * with it.
 */
export function draftOf(input: FiledInput, zone: string): RequestDraft {
  const base = emptyDraft(input.kind === 'leave' ? input.startDate : input.date);
  const reason = input.reason;
  if (input.kind === 'leave') {
    const photo = input.attachment
      ? {
          contentType: 'image/jpeg' as const,
          base64: input.attachment.base64,
          bytes: Math.floor((input.attachment.base64.length * 3) / 4),
        }
      : null;
    return {
      ...base,
      kind: 'leave',
      leaveTypeId: input.leaveTypeId,
      endDate: input.endDate,
      part: input.part ?? 'full',
      reason,
      photo,
    };
  }
  if (input.kind === 'correction') {
    const local = (iso: string | undefined) => (iso ? instantToZoned(iso, zone) : '');
    return {
      ...base,
      kind: 'correction',
      clockIn: local(input.clockInAt),
      clockOut: local(input.clockOutAt),
      reason,
    };
  }
  return {
    ...base,
    kind: 'overtime',
    minutes: input.minutes === undefined ? '' : String(input.minutes),
    reason,
  };
}
