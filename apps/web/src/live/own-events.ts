import type { AttendanceView, LiveEvent, Today } from '../api/types';

/** A change to the person's records they did not make themselves, to tell them about. */
export type OwnNotice =
  | { kind: 'auto'; at: string }
  | { kind: 'deactivation'; at: string }
  | { kind: 'corrected'; workDate: string }
  | { kind: 'added'; workDate: string };

const SAME: (keyof AttendanceView & keyof LiveEvent['data'])[] = [
  'workDate',
  'status',
  'lateMinutes',
  'clockInAt',
  'clockOutAt',
  'clockOutKind',
];

/**
 * Whether the day the screen shows already has what the event says (a tap made on this phone,
 * answered before its event arrived): then there is nothing to read again.
 */
export function isReflected(event: LiveEvent, today: Pick<Today, 'records' | 'open'> | null) {
  if (!today) return false;
  const shown = [...today.records, ...(today.open ? [today.open] : [])];
  return shown.some(
    (record) =>
      record.id === event.data.attendanceId &&
      SAME.every((field) => record[field] === event.data[field]),
  );
}

/**
 * What to tell the person about an event on their records: a shift closed automatically or by
 * their deactivation, corrected or added by an administrator. Their own taps (here or on another
 * phone) need no word: the screen just shows them.
 */
export function noticeOf(event: LiveEvent): OwnNotice | null {
  const { data } = event;
  if (event.type === 'AttendanceCreated') {
    return data.clockOutKind === 'correction' ? { kind: 'added', workDate: data.workDate } : null;
  }
  switch (event.data.change) {
    case 'auto_clock_out':
      return { kind: 'auto', at: data.clockOutAt ?? event.occurredAt };
    case 'deactivation':
      return { kind: 'deactivation', at: data.clockOutAt ?? event.occurredAt };
    case 'correction':
      return { kind: 'corrected', workDate: data.workDate };
    default:
      return null;
  }
}
