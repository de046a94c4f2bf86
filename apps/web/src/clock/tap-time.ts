/**
 * When the person tapped: the phone's time for a tap kept offline, else the server's. The server
 * holds the same rule; this copy goes once the PWA can import it from a shared module.
 */
import type { AttendanceView } from '../api/types';

type TapTimes = Pick<
  AttendanceView,
  | 'clockInAt'
  | 'clockInClientAt'
  | 'clockInSource'
  | 'clockOutAt'
  | 'clockOutClientAt'
  | 'clockOutSource'
>;

export function clockInTime(view: TapTimes): string {
  return view.clockInSource === 'offline' && view.clockInClientAt
    ? view.clockInClientAt
    : view.clockInAt;
}

export function clockOutTime(view: TapTimes): string | null {
  return view.clockOutSource === 'offline' && view.clockOutClientAt
    ? view.clockOutClientAt
    : view.clockOutAt;
}
