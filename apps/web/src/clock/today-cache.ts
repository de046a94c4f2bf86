/** The last `attendance.today` the server gave this person, kept so the clock opens offline. */
import type { Today } from '../api/types';
import { DEFAULT_ZONE } from '../time/default-zone';

const todayKey = (userId: number) => `absensi.today.${userId}`;

export function readCachedToday(userId: number): Today | null {
  try {
    return JSON.parse(localStorage.getItem(todayKey(userId)) ?? 'null') as Today | null;
  } catch {
    return null;
  }
}

export function cacheToday(userId: number, today: Today) {
  localStorage.setItem(todayKey(userId), JSON.stringify(today));
}

/** The company's time zone as last heard from the server (the default before that). */
export function companyZone(userId: number): string {
  return readCachedToday(userId)?.settings.timeZone ?? DEFAULT_ZONE;
}
