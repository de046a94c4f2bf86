import type { AppEvent } from '@absensi/events';

/** Where realtime takes events from the subscribers: its internal ingest, behind the shared secret. */
export const INGEST_PATH = '/internal/events';

export class IngestRefusedError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`realtime refused the events (${status}): ${detail}`);
    this.name = 'IngestRefusedError';
  }
}

/** Posts one batch to realtime; throws when realtime is unreachable or refuses it. */
export async function forwardBatch(
  ingestUrl: string,
  secret: string,
  events: readonly AppEvent[],
  timeoutMs = 5_000,
): Promise<void> {
  const response = await fetch(new URL(INGEST_PATH, ingestUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new IngestRefusedError(response.status, await response.text());
}

/** Waits before the next try: doubling from 100 ms up to 5 s. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
}
