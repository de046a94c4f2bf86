import type { LiveEvent } from '../../api/types';
import { localDateIn } from '../../time/zone';
import type { AdminMessageKey } from '../messages/dictionaries';

/** How the feed shows one event. */
export interface FeedLine {
  /** What happened: clocked in, out, out automatically or on deactivation, corrected, added. */
  text: AdminMessageKey;
  /**
   * When: a tap at its own (effective) time, however late it was synced; an admin's correction or
   * added shift when it was made (the record's date is in the text).
   */
  at: string;
  /** The company's calendar day of `at`, to show the date beside a time that is not today's. */
  day: string;
  /** The work date of the record the event is about. */
  workDate: string;
  /** A late clock-in says how late; later changes to the record do not repeat it. */
  showLate: boolean;
  /** A clock-in tap says where it was against its site (flagged outside, how far). */
  showPlace: boolean;
}

function whatAndWhen(event: LiveEvent): Pick<FeedLine, 'text' | 'at' | 'showLate'> {
  const { data } = event;
  if (event.type === 'AttendanceCreated') {
    // A shift created already ended by an administrator is one they added; a tap opens a shift.
    return data.clockOutKind === 'correction'
      ? { text: 'eventAdded', at: event.occurredAt, showLate: false }
      : { text: 'eventIn', at: data.clockInAt, showLate: data.status === 'late' };
  }
  const out = data.clockOutAt ?? event.occurredAt;
  switch (event.data.change) {
    case 'auto_clock_out':
      return { text: 'eventAuto', at: out, showLate: false };
    case 'deactivation':
      return { text: 'eventDeactivation', at: out, showLate: false };
    case 'correction':
      return { text: 'eventCorrection', at: event.occurredAt, showLate: false };
    default:
      return { text: 'eventOut', at: out, showLate: false };
  }
}

/** One event as a line of the feed, its time read in the company's zone. */
export function feedLine(event: LiveEvent, timeZone: string): FeedLine {
  const line = whatAndWhen(event);
  return {
    ...line,
    showPlace: line.text === 'eventIn',
    day: localDateIn(new Date(line.at), timeZone),
    workDate: event.data.workDate,
  };
}
