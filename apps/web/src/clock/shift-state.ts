import type { Today } from '../api/types';
import type { TapKind } from './queue';
import type { SyncState } from './sync';

export interface ShiftState {
  isIn: boolean;
  /** When the open shift began, as the person tapped it. */
  since: string | null;
  /** What the button does next. */
  next: TapKind;
}

/**
 * Whether the person is clocked in, as they would expect it: the last tap still waiting to be
 * sent decides; else the server's open shift, unless a tap it answered after that reading says
 * otherwise.
 */
export function shiftState(
  today: Pick<Today, 'open' | 'serverTime'> | null,
  sync: Pick<SyncState, 'pending' | 'lastAnswer'>,
): ShiftState {
  let open = today?.open ?? null;
  const answer = sync.lastAnswer;
  if (answer && today) {
    const answeredAt = answer.kind === 'clockIn' ? answer.view.clockInAt : answer.view.clockOutAt;
    if (answeredAt && answeredAt > today.serverTime)
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
