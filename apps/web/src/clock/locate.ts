import type { QueuedTap } from './queue';

/** The phone's position if it gives one within a few seconds; a refusal or silence is no position. */
export function locate(): Promise<QueuedTap['location']> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 6_000);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: 5_000, maximumAge: 60_000 },
    );
  });
}
