/**
 * The contract between the subscribers and realtime's internal ingest (never routed by nginx): the
 * path, the body, and the shared-secret credential. Both sides, and the bench, build on this.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppEvent } from './types.js';

/** Where realtime takes events from the subscribers. */
export const INGEST_PATH = '/internal/events';
/** The most events one post may carry. */
export const MAX_INGEST_BATCH = 1_000;

/**
 * The body's envelope. Every subscriber may post every event, so most arrive as copies already
 * published: realtime checks only this first, and validates in full the events it has not seen.
 */
export const ingestEnvelopeSchema = z.object({
  events: z
    .array(z.object({ id: z.string().min(1).max(64) }).passthrough())
    .min(1)
    .max(MAX_INGEST_BATCH),
});

/** The headers and JSON body of one post of `events`. */
export function ingestRequest(
  secret: string,
  events: readonly AppEvent[],
): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({ events });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      authorization: `Bearer ${secret}`,
    },
  };
}

/** Whether an Authorization header carries the shared secret (compared in constant time). */
export function ingestAuthorized(authorization: string | undefined, secret: string): boolean {
  const header = authorization ?? '';
  const token = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(secret);
  return token.length === expected.length && timingSafeEqual(token, expected);
}
