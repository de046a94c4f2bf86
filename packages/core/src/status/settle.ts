import { workDateOf } from '../attendance/rules/time.js';
import type { CoreDeps } from '../deps.js';
import { nextDate } from '../schedules/rules.js';
import { recomputeStatuses } from './recompute.js';

/** How many days back the periodic pass looks: a night shift's day, in the zones east and west. */
export const SETTLE_DAYS = 3;

/**
 * The periodic pass of the worker (and of the embedded server): brings the daily status of
 * everyone up to date for the last SETTLE_DAYS dates, so a day that has just ended (its shift over,
 * its auto clock-out passed) turns from pending into present, late or absent without anyone asking.
 * Idempotent. Returns how many rows changed.
 */
export async function settleRecentDays(
  deps: Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock'>,
): Promise<{ written: number; removed: number }> {
  const settings = await deps.settings.get();
  const today = workDateOf(deps.clock(), settings.timeZone);
  const { written, removed } = await recomputeStatuses(deps, {
    from: nextDate(today, -(SETTLE_DAYS - 1)),
    to: today,
  });
  return { written, removed };
}
