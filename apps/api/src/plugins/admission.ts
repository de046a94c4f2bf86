import fastifyUnderPressure from '@fastify/under-pressure';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorReason } from '@absensi/core';
import { RetryAdvice } from './retry-advice.js';

/**
 * Admission control of one API node. Beyond its capacity a node that takes every request only
 * queues them: each waits longer for a database connection, and every answer, the ones that
 * succeed included, comes late (at twice the capacity, p99 went from 0.5 s to several seconds).
 * Instead, while the node's oldest wait for a database connection passes a budget (or it serves
 * too many calls at once), a new call is refused at once with 503, `Retry-After` and the code
 * OVERLOADED, before its body is read, its session looked up or any database work done; the calls
 * already taken stay fast. The PWA keeps a refused tap with its tap time and sends it again after
 * Retry-After (with jitter), so nothing is lost and the time is the tap's.
 *
 * Writes (POST) get a tighter budget than reads (GET). Never refused: `auth.me` (the app asking
 * "am I still signed in?": refusing it would show a signed-in person the sign-in screen), and every
 * route outside /trpc (/healthz, /readyz, /metrics, exports, the web app).
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Refused by admission control: counted, but not logged one line per refusal. */
    refusedForLoad: boolean;
  }
}

/** The stable code of the refusal (in the answer's `data.reason`); the web app words it in both languages. */
export const OVERLOADED = 'OVERLOADED' satisfies ErrorReason;

/** Calls that are never refused: answering them costs a session lookup, and refusing them signs people out. */
const NEVER_REFUSED = new Set(['auth.me']);

export type CallClass = 'write' | 'read' | 'exempt';

/** What admission control makes of a request: a tRPC call that writes or reads, or one it lets through. */
export function classOf(method: string, url: string): CallClass {
  if (!url.startsWith('/trpc/')) return 'exempt';
  if (method === 'POST') return 'write';
  if (method !== 'GET') return 'exempt';
  const query = url.indexOf('?');
  const paths = url.slice('/trpc/'.length, query === -1 ? undefined : query).split(',');
  return paths.every((path) => NEVER_REFUSED.has(decodeURIComponent(path))) ? 'exempt' : 'read';
}

export interface AdmissionBudgets {
  /** The longest wait for a database connection at which new writes are still taken, ms (0: no limit). */
  writeWaitMs: number;
  /** The same for reads. */
  readWaitMs: number;
  /** Writes served at once at most (0: no limit). */
  maxWritesInFlight: number;
  /** Reads served at once at most (0: no limit). */
  maxReadsInFlight: number;
  /**
   * Mean event-loop delay (ms, over 100 ms) past which every call that may be refused is (0: off).
   * Off by default: where the database is the bottleneck the connection wait says it first; on a
   * node short of CPU, requests queue before the node even reads them, where only this shows.
   */
  maxEventLoopDelayMs: number;
  /**
   * The least wait a refused caller is told (`Retry-After`, seconds); it grows with the ratio of
   * calls refused to calls taken over the last 2 s (retry-advice.ts), up to `maxRetryAfterSeconds`.
   */
  retryAfterSeconds: number;
  /** The longest `Retry-After`, seconds. */
  maxRetryAfterSeconds: number;
}

export interface AdmissionOptions extends AdmissionBudgets {
  /** How long the longest waiting request has waited for a database connection so far, ms. */
  connectionWaitMs: () => number;
}

/** How often the node looks at its signals while under no pressure, ms; under pressure each call looks. */
const CHECK_INTERVAL_MS = 10;

/** Calls in flight by class, counted from admission to the answer's end (or the connection's close). */
class InFlight {
  write = 0;
  read = 0;
  take(reply: FastifyReply, kind: 'write' | 'read') {
    this[kind] += 1;
    reply.raw.once('close', () => {
      this[kind] -= 1;
    });
  }
}

function over(value: number, budget: number): boolean {
  return budget > 0 && value > budget;
}

/** Why a call of this class would be refused now, or null when it is taken. */
function refusal(
  kind: 'write' | 'read',
  options: AdmissionOptions,
  inFlight: InFlight,
): string | null {
  const wait = options.connectionWaitMs();
  if (kind === 'write') {
    if (over(wait, options.writeWaitMs)) return 'connection wait';
    if (over(inFlight.write + 1, options.maxWritesInFlight)) return 'writes in flight';
    return null;
  }
  if (over(wait, options.readWaitMs)) return 'connection wait';
  if (over(inFlight.read + 1, options.maxReadsInFlight)) return 'reads in flight';
  return null;
}

/** The answer to a refused call, in tRPC's error shape (a batch takes it for each of its calls). */
function overloadedAnswer(kind: 'write' | 'read', retryAfterSeconds: number) {
  const what = kind === 'write' ? 'tap or change' : 'request';
  return {
    error: {
      message: `This server is busy with many people at once. Your ${what} was not processed; send it again in ${retryAfterSeconds} seconds (a tap sent again keeps the time it was made).`,
      code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
      data: {
        code: 'SERVICE_UNAVAILABLE',
        httpStatus: 503,
        reason: OVERLOADED,
        params: { retryAfterSeconds },
        retryAfterSeconds,
      },
    },
  };
}

/**
 * Registers admission control: `@fastify/under-pressure` looks at the signals every few ms through
 * its health check and, while any passes the lowest budget, hands each new request to the pressure
 * handler below, which decides by the request's class and the signals of that moment.
 */
export async function registerAdmission(app: FastifyInstance, options: AdmissionOptions) {
  const inFlight = new InFlight();
  const adviceOptions = {
    leastSeconds: options.retryAfterSeconds,
    mostSeconds: Math.max(options.retryAfterSeconds, options.maxRetryAfterSeconds),
  };
  const advice = { write: new RetryAdvice(adviceOptions), read: new RetryAdvice(adviceOptions) };
  app.decorateRequest('refusedForLoad', false);
  const lowestWaitBudget = Math.min(
    ...[options.writeWaitMs, options.readWaitMs].filter((budget) => budget > 0),
    Number.POSITIVE_INFINITY,
  );
  const calm = () =>
    !over(options.connectionWaitMs(), lowestWaitBudget) &&
    !over(inFlight.write + 1, options.maxWritesInFlight) &&
    !over(inFlight.read + 1, options.maxReadsInFlight);

  await app.register(fastifyUnderPressure, {
    healthCheck: () => Promise.resolve(calm()),
    healthCheckInterval: CHECK_INTERVAL_MS,
    ...(options.maxEventLoopDelayMs > 0
      ? { maxEventLoopDelay: options.maxEventLoopDelayMs, sampleInterval: 100 }
      : {}),
    retryAfter: options.retryAfterSeconds,
    pressureHandler: (request, reply, type) => {
      const kind = classOf(request.method, request.url);
      if (kind === 'exempt') return;
      const why =
        type === fastifyUnderPressure.TYPE_EVENT_LOOP_DELAY
          ? 'event-loop delay'
          : refusal(kind, options, inFlight);
      if (why === null) return;
      request.log.debug({ url: request.url, why }, 'refused: node overloaded');
      request.refusedForLoad = true;
      advice[kind].refusedOne();
      const retryAfterSeconds = advice[kind].seconds();
      // Sent here, in onRequest: the body is not read and the session not looked up.
      reply
        .code(503)
        .header('retry-after', String(retryAfterSeconds))
        .send(overloadedAnswer(kind, retryAfterSeconds));
    },
  });
  // Counted after under-pressure's hook, so only the calls taken are in flight. A refused call
  // still reaches this hook (its answer is sent, but `reply.sent` does not say so yet here).
  app.addHook('onRequest', async (request, reply) => {
    if (request.refusedForLoad || reply.sent) return;
    const kind = classOf(request.method, request.url);
    if (kind === 'exempt') return;
    inFlight.take(reply, kind);
    advice[kind].tookOne();
  });
  return { inFlight };
}
