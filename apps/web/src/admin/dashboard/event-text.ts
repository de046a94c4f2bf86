import type { LiveEvent } from '../../api/types';
import type { AdminMessageKey } from '../messages/dictionaries';

/** How the feed says an event: clocked in, out, out automatically, or corrected. */
export function eventText(event: LiveEvent): AdminMessageKey {
  if (event.type === 'AttendanceCreated') return 'eventIn';
  switch (event.data.change) {
    case 'auto_clock_out':
      return 'eventAuto';
    case 'correction':
      return 'eventCorrection';
    default:
      return 'eventOut';
  }
}
