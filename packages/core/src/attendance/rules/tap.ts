/** How far a phone's clock may run ahead before its tap time is not believed. */
export const CLOCK_SKEW_TOLERANCE_MS = 2 * 60_000;
/** A tap that reaches the server later than this was kept offline. */
export const OFFLINE_AFTER_MS = 60_000;
/** Offline taps older than this are refused: an admin enters them with a reason instead. */
export const MAX_OFFLINE_AGE_MS = 72 * 60 * 60_000;

export type Tap =
  | { ok: true; tapAt: Date; clientAt: Date | null; source: 'online' | 'offline' }
  | { ok: false; reason: 'too_old' };

/**
 * When a tap happened. The server's clock is the record (`clockInAt`); the phone's time is kept
 * apart when it differs and, if believable, decides the work date and lateness of an offline tap.
 */
export function resolveTap(serverNow: Date, clientAt: Date | undefined): Tap {
  if (clientAt === undefined)
    return { ok: true, tapAt: serverNow, clientAt: null, source: 'online' };
  const delay = serverNow.getTime() - clientAt.getTime();
  if (delay < -CLOCK_SKEW_TOLERANCE_MS)
    return { ok: true, tapAt: serverNow, clientAt, source: 'online' };
  if (delay > MAX_OFFLINE_AGE_MS) return { ok: false, reason: 'too_old' };
  if (delay > OFFLINE_AFTER_MS) return { ok: true, tapAt: clientAt, clientAt, source: 'offline' };
  return {
    ok: true,
    tapAt: delay > 0 ? clientAt : serverNow,
    clientAt: Math.abs(delay) >= 1_000 ? clientAt : null,
    source: 'online',
  };
}
