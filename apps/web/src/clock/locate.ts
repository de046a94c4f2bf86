import type { QueuedTap } from './queue';

/** How long a tap waits for the phone's position before it is sent without one. */
export const LOCATE_WAIT_MS = 6_000;

/** found: a position; timeout: none came in time; denied: the person refused; none: no GPS here. */
export type LocateOutcome = 'found' | 'timeout' | 'denied' | 'none';

/**
 * The phone's position if it gives one within LOCATE_WAIT_MS; a refusal, an error or silence is
 * no position, said by `outcome`. Never waits longer, whatever the phone does.
 */
export function locate(): Promise<{ location: QueuedTap['location']; outcome: LocateOutcome }> {
  if (!('geolocation' in navigator))
    return Promise.resolve({ location: undefined, outcome: 'none' });
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ location: undefined, outcome: 'timeout' }),
      LOCATE_WAIT_MS,
    );
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          location: {
            lat: position.coords.latitude,
            lng: position.coords.longitude,
            accuracy: Math.round(position.coords.accuracy),
          },
          outcome: 'found',
        });
      },
      (error) => {
        clearTimeout(timer);
        const outcome = error.code === error.PERMISSION_DENIED ? 'denied' : 'timeout';
        resolve({ location: undefined, outcome });
      },
      { enableHighAccuracy: true, timeout: LOCATE_WAIT_MS - 1_000, maximumAge: 60_000 },
    );
  });
}
