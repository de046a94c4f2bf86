/**
 * When a phone sends its waiting taps again after a failed round. One rule for the PWA
 * (apps/web/src/clock/sync.ts) and for the bench's simulated phones (bench/src/taps.ts), so the
 * beyond-capacity figures measure the retries the app really makes. Browser-safe: no imports
 * (`@absensi/core/tap-retry`).
 *
 * With the server's `Retry-After` (503 from an overloaded node or from nginx's write cap): never
 * sooner than it asked, and refusals in a row double what it asked (2, 4, 8… s, up to a minute).
 * The server's wait is a hint from one moment (nginx always says 2 s); a phone refused again and
 * again is evidence of a longer rush, and backing off spreads the crowd's retries over it instead
 * of all coming back every few seconds: in the bench's 30 s rush at four times the capacity
 * (README, Performance, item 23) the earlier rule (doubling from 1 s, up to 30 s) sent each tap
 * 5.3 times, this one 4.4, and at 2× 3.9 against 2.9. Jitter on top: up to half the wait, at
 * least a second, so phones refused together do not return together. Without `Retry-After` (a
 * network error, a timeout): exponential backoff with full jitter.
 * Sources: "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015); RFC 9110 §10.2.3
 * (Retry-After).
 */

/** The longest wait honoured from `Retry-After`, and the full-jitter backoff's ceiling, ms. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** The first backoff window (attempt 0), ms; each failed round doubles it. */
export const BASE_RETRY_DELAY_MS = 1_000;
/** The longest wait that refusals in a row grow to with `Retry-After`, before jitter, ms. */
export const MAX_REFUSED_BACKOFF_MS = 60_000;
/** The least jitter added to a server-given wait, ms (up to half the wait when that is more). */
export const MIN_RETRY_JITTER_MS = 1_000;

export interface RetryPlan {
  /** Failed rounds in a row before this one (0 for the first failure). */
  attempt: number;
  /** The server's `Retry-After`, seconds, when it sent one. */
  retryAfterSeconds?: number | null | undefined;
  /** A number in [0, 1): Math.random in the app, fixed in tests. */
  random: number;
}

/**
 * The wait before the next round, ms.
 * - With `Retry-After` r (s), asked = min(r × 1000, MAX_RETRY_DELAY_MS): wait = max(asked,
 *   min(MAX_REFUSED_BACKOFF_MS, max(asked, BASE_RETRY_DELAY_MS) × 2^attempt)), plus
 *   random × max(MIN_RETRY_JITTER_MS, wait / 2).
 * - Without: random × min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS × 2^attempt).
 * A negative or non-finite attempt counts as 0; a negative or non-finite `Retry-After` as none.
 */
export function retryDelayMs({ attempt, retryAfterSeconds, random }: RetryPlan): number {
  const doublings = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  const grown = BASE_RETRY_DELAY_MS * 2 ** Math.min(doublings, 30);
  if (retryAfterSeconds != null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    const asked = Math.min(retryAfterSeconds * 1_000, MAX_RETRY_DELAY_MS);
    const doubled = Math.max(asked, BASE_RETRY_DELAY_MS) * 2 ** Math.min(doublings, 30);
    const wait = Math.max(asked, Math.min(MAX_REFUSED_BACKOFF_MS, doubled));
    return Math.round(wait + random * Math.max(MIN_RETRY_JITTER_MS, wait / 2));
  }
  return Math.round(random * Math.min(MAX_RETRY_DELAY_MS, grown));
}
