import type { Today } from '../api/types';
import type { TapKind } from './queue';
import type { SyncState } from './sync';

type Answer = NonNullable<SyncState['lastAnswer']>;

/** Longer than a write takes from arriving at the server to being committed. */
const WRITE_SETTLES_MS = 30_000;

/**
 * Whether the answer to a tap is newer than a reading of the day: the reading does not show the
 * tap's effect yet (the shift it opened, or closed), and was made too soon after the tap reached
 * the server to have missed it for any other reason. Both times are the server's: the tap's own
 * time says nothing here (a tap kept offline arrives long after it was made), and a reading that
 * began after the tap arrived may still have been served before the tap was committed.
 */
function answerIsNewer(today: Pick<Today, 'open' | 'records' | 'serverTime'>, answer: Answer) {
  const { id } = answer.view;
  const shows =
    answer.kind === 'clockIn'
      ? today.open?.id === id || today.records.some((record) => record.id === id)
      : today.open?.id !== id;
  const arrivedAt =
    answer.kind === 'clockIn' ? answer.view.clockInReceivedAt : answer.view.clockOutReceivedAt;
  return (
    !shows &&
    arrivedAt !== null &&
    Date.parse(today.serverTime) < Date.parse(arrivedAt) + WRITE_SETTLES_MS
  );
}

export interface ShiftState {
  isIn: boolean;
  /** When the open shift began, as the person tapped it. */
  since: string | null;
  /** What the button does next. */
  next: TapKind;
}

/**
 * Whether the person is clocked in, as they would expect it: the last tap still waiting to be
 * sent decides; else the server's open shift, unless the answer to a tap is newer than that
 * reading.
 */
export function shiftState(
  today: Pick<Today, 'open' | 'records' | 'serverTime'> | null,
  sync: Pick<SyncState, 'pending' | 'lastAnswer'>,
): ShiftState {
  let open = today?.open ?? null;
  const answer = sync.lastAnswer;
  if (answer && today && answerIsNewer(today, answer)) {
    open = answer.kind === 'clockIn' ? answer.view : null;
  }
  const lastPending = sync.pending.at(-1);
  const isIn = lastPending ? lastPending.kind === 'clockIn' : open !== null;
  const since = lastPending
    ? lastPending.kind === 'clockIn'
      ? lastPending.at
      : null
    : open
      ? open.clockInAt
      : null;
  return { isIn, since, next: isIn ? 'clockOut' : 'clockIn' };
}
