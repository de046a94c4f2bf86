/**
 * When the phone sends waiting taps again after a failed round: as soon as the server allows
 * (its `Retry-After`, spread with jitter so thousands of phones refused at once do not come back at
 * once), else with exponential backoff and full jitter. Pure, apart from reading a failed call.
 */

/** The longest wait the phone honours from `Retry-After`, and the backoff's ceiling, ms. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** The first backoff window (attempt 0), ms; each failed attempt doubles it up to the ceiling. */
export const BASE_RETRY_DELAY_MS = 1_000;
/** The least jitter added to a server-given wait, ms (at most half the wait is added above that). */
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
 * The wait before the next round, ms. With `Retry-After` (capped at MAX_RETRY_DELAY_MS): that wait
 * plus up to max(MIN_RETRY_JITTER_MS, half the wait) of jitter, so never earlier than the server
 * asked. Without: full jitter over min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS × 2^attempt).
 */
export function retryDelayMs({ attempt, retryAfterSeconds, random }: RetryPlan): number {
  if (retryAfterSeconds != null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    const wait = Math.min(retryAfterSeconds * 1_000, MAX_RETRY_DELAY_MS);
    return Math.round(wait + random * Math.max(MIN_RETRY_JITTER_MS, wait / 2));
  }
  const window = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(random * window);
}

/**
 * A `Retry-After` header's value in seconds: delay-seconds ("120") or an HTTP date, counted from
 * `nowMs`; null when absent or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its weekday and month; Date.parse would also read '-5' as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - nowMs) / 1_000));
}

interface FailedCallShape {
  meta?: { response?: { headers?: { get(name: string): string | null } } };
  data?: { retryAfterSeconds?: unknown } | null;
}

/**
 * The wait the server asked for in a failed tRPC call, seconds: its answer's `Retry-After` header
 * (tRPC's HTTP links keep the Response in `error.meta.response`), else the `retryAfterSeconds` an
 * overloaded node puts in the error's data; null when it said nothing (a network error).
 */
export function retryAfterOf(error: unknown, nowMs: number): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const shape = error as FailedCallShape;
  const header = parseRetryAfter(shape.meta?.response?.headers?.get('retry-after'), nowMs);
  if (header !== null) return header;
  const fromData = shape.data?.retryAfterSeconds;
  return typeof fromData === 'number' && Number.isFinite(fromData) && fromData >= 0
    ? fromData
    : null;
}
