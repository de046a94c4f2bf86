/**
 * The tap-time rule: when a tap really happened. Browser-safe (no imports), so the PWA and the
 * server read the same bounds from one module.
 *
 * Source of the rule: the phone's clock may be wrong by any amount, but its *differences* are
 * right. The PWA sends `at` (the phone's clock at the tap) and `sentAt` (the phone's clock when the
 * request left); the tap happened `sentAt − at` before the request reached the server, so its
 * effective time is `receivedAt − (sentAt − at)`, whatever the phone's clock says.
 */

/** Taps older than this (72 hours) are refused: an admin enters them with a reason instead. */
export const MAX_TAP_AGE_MS = 72 * 60 * 60_000;
/** A tap that reached the server more than a minute after it was made was kept offline. */
export const OFFLINE_AFTER_MS = 60_000;

/** The instants of one tap as the server saw them. */
export interface TapInstants {
  /** The server's clock when the request arrived. */
  receivedAt: Date;
  /** The phone's clock at the tap, if sent. */
  deviceAt?: Date | undefined;
  /** The phone's clock when the request left, if sent (clients since the effective-time rule). */
  deviceSentAt?: Date | undefined;
}

export type TapTime =
  | {
      ok: true;
      /** The one true instant of the tap: every rule, screen and export reads this. */
      effectiveAt: Date;
      /** offline: it reached the server more than OFFLINE_AFTER_MS after it was made. */
      source: 'online' | 'offline';
    }
  | {
      ok: false;
      /**
       * too_old: made more than MAX_TAP_AGE_MS ago; sent_before_tap: `sentAt` earlier than `at`;
       * sent_without_tap: `sentAt` without `at`.
       */
      reason: 'too_old' | 'sent_before_tap' | 'sent_without_tap';
    };

/**
 * The effective time of a tap: `receivedAt − (sentAt − at)` when the phone sent both times;
 * for an old client that sends only `at`, `at` itself when it is behind the server's clock by at
 * most MAX_TAP_AGE_MS (a phone clock ahead of the server is not believed: the server's clock);
 * the server's clock when the phone sent no time. Never later than `receivedAt`.
 */
export function effectiveTapTime(tap: TapInstants): TapTime {
  const received = tap.receivedAt.getTime();
  if (tap.deviceSentAt !== undefined) {
    if (tap.deviceAt === undefined) return { ok: false, reason: 'sent_without_tap' };
    const heldMs = tap.deviceSentAt.getTime() - tap.deviceAt.getTime();
    if (heldMs < 0) return { ok: false, reason: 'sent_before_tap' };
    if (heldMs > MAX_TAP_AGE_MS) return { ok: false, reason: 'too_old' };
    return {
      ok: true,
      effectiveAt: new Date(received - heldMs),
      source: heldMs > OFFLINE_AFTER_MS ? 'offline' : 'online',
    };
  }
  if (tap.deviceAt === undefined)
    return { ok: true, effectiveAt: new Date(received), source: 'online' };
  const delayMs = received - tap.deviceAt.getTime();
  if (delayMs > MAX_TAP_AGE_MS) return { ok: false, reason: 'too_old' };
  if (delayMs > OFFLINE_AFTER_MS) return { ok: true, effectiveAt: tap.deviceAt, source: 'offline' };
  // Within a minute, or ahead: the server's clock, unless the phone's is a little behind it.
  return {
    ok: true,
    effectiveAt: delayMs > 0 ? tap.deviceAt : new Date(received),
    source: 'online',
  };
}
