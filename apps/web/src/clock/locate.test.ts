import { afterEach, describe, expect, it, vi } from 'vitest';
import { locate, LOCATE_WAIT_MS } from './locate';

type Geolocation = Pick<globalThis.Geolocation, 'getCurrentPosition'>;

function phoneWith(geolocation: Geolocation | undefined) {
  vi.stubGlobal('navigator', geolocation ? { geolocation } : {});
}

const DENIED = { code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError;
const UNAVAILABLE = { code: 2, PERMISSION_DENIED: 1 } as GeolocationPositionError;

describe("asking for the phone's position at a tap", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives the position and its accuracy when the phone has one', async () => {
    phoneWith({
      getCurrentPosition: (found) =>
        found({
          coords: { latitude: -6.2, longitude: 106.8, accuracy: 12.6 },
        } as GeolocationPosition),
    });
    await expect(locate()).resolves.toEqual({
      location: { lat: -6.2, lng: 106.8, accuracy: 13 },
      outcome: 'found',
    });
  });

  it('never waits longer than its bound when no fix ever comes', async () => {
    vi.useFakeTimers();
    phoneWith({ getCurrentPosition: () => undefined });
    let answer: Awaited<ReturnType<typeof locate>> | undefined;
    void locate().then((result) => (answer = result));
    await vi.advanceTimersByTimeAsync(LOCATE_WAIT_MS - 1);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ location: undefined, outcome: 'timeout' });
  });

  it('tells a refusal from a phone without a fix or without location at all', async () => {
    phoneWith({ getCurrentPosition: (_found, failed) => failed?.(DENIED) });
    await expect(locate()).resolves.toEqual({ location: undefined, outcome: 'denied' });
    phoneWith({ getCurrentPosition: (_found, failed) => failed?.(UNAVAILABLE) });
    await expect(locate()).resolves.toEqual({ location: undefined, outcome: 'timeout' });
    phoneWith(undefined);
    await expect(locate()).resolves.toEqual({ location: undefined, outcome: 'none' });
  });
});
