/**
 * The wait a server asked for, read from a failed call. When the phone sends again is core's rule
 * (`retryDelayMs` in `@absensi/core/tap-retry`), shared with the bench's simulated phones.
 */

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
