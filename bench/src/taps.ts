/**
 * Taps sent the way the PWA sends them, for the beyond-capacity scenario. Each tap is made once,
 * at its arrival time, with its idempotency key and its tap time (`at`); an answer 503, a network
 * error or a timeout keeps it and sends it again when the PWA would (core's `retryDelayMs`: never
 * before Retry-After, doubling over failures in a row, with jitter); `sentAt` is the time of each sending, so the server computes the tap's
 * own time however late it lands. Arrivals are an open loop (the schedule does not wait for
 * answers). Bounded: arrivals for `seconds`, then retries until every tap is answered 200 or
 * `drainSeconds` have passed; at most `maxInFlight` requests open at once (a tap over the limit
 * waits 20 ms and tries again, as a phone's own queue would).
 */
import { randomUUID } from 'node:crypto';
import { retryDelayMs } from '@absensi/core/tap-retry';
import { send, type ClientPool, type Outcome, type Target } from './load.js';
import type { Employee } from './setup.js';

export interface Tap {
  employee: Employee;
  key: string;
  /** Date.now() at the tap. */
  at: number;
  attempts: number;
  /** Date.now() when the server answered 200. */
  recordedAt?: number;
  /** The attendance id the server answered. */
  attendanceId?: number;
}

/** One sending of a tap and its answer. */
export interface Attempt {
  /** ms from the start of the run when it was sent. */
  sentAtMs: number;
  /** Time to the answer, ms. */
  ms: number;
  status: number;
  /** A network error, or the start of the message of an answer other than 200 and 503. */
  error?: string;
}

export interface TapRun {
  taps: Tap[];
  attempts: Attempt[];
  /** When the arrivals stopped and when the last tap was recorded (or the drain gave up), ms from the start. */
  arrivalsEndedMs: number;
  endedMs: number;
  /** Times a tap waited because the generator had maxInFlight requests open. */
  heldBack: number;
}

export interface TapOptions {
  pool: ClientPool;
  target: Target;
  employees: Employee[];
  /** New taps per second. */
  rate: number;
  seconds: number;
  drainSeconds: number;
  maxInFlight?: number;
  timeoutMs?: number;
}

/**
 * The wait before sending a tap again after its `failures`-th failed sending (1-based), ms: the
 * PWA's rule, with the answer's Retry-After (delay-seconds; none for a network error or timeout).
 */
export function nextSendingDelayMs(
  outcome: Pick<Outcome, 'retryAfter'>,
  failures: number,
  random = Math.random,
): number {
  const seconds = outcome.retryAfter === undefined ? Number.NaN : Number(outcome.retryAfter);
  return retryDelayMs({
    attempt: failures - 1,
    retryAfterSeconds: Number.isFinite(seconds) ? seconds : null,
    random: random(),
  });
}

export async function runTaps(options: TapOptions): Promise<TapRun> {
  const maxInFlight = options.maxInFlight ?? 3_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const count = Math.round(options.rate * options.seconds);
  const taps: Tap[] = [];
  const attempts: Attempt[] = [];
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const deadlineMs = (options.seconds + options.drainSeconds) * 1000;
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let heldBack = 0;
  let recorded = 0;
  let arrivalsEndedMs = Number.NaN;
  let endedMs = Number.NaN;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const checkDone = () => {
    if (recorded === count && !Number.isNaN(arrivalsEndedMs) && Number.isNaN(endedMs)) {
      endedMs = elapsed();
      finish();
    }
  };
  const later = (ms: number, task: () => void) => {
    if (elapsed() + ms > deadlineMs) return; // given up: counted as not recorded
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };

  const attempt = (tap: Tap, slot: number) => {
    if (inFlight >= maxInFlight) {
      heldBack += 1;
      later(20, () => attempt(tap, slot));
      return;
    }
    inFlight += 1;
    tap.attempts += 1;
    const sentAtMs = elapsed();
    void send(
      options.pool.agentFor(slot),
      options.target,
      {
        method: 'POST',
        path: '/trpc/attendance.clockIn',
        headers: { cookie: tap.employee.cookie },
        body: JSON.stringify({
          idempotencyKey: tap.key,
          at: new Date(tap.at).toISOString(),
          sentAt: new Date().toISOString(),
        }),
      },
      timeoutMs,
    ).then((outcome) => {
      inFlight -= 1;
      attempts.push({
        sentAtMs,
        ms: elapsed() - sentAtMs,
        status: outcome.status,
        ...(outcome.error
          ? { error: outcome.error }
          : outcome.status !== 200 && outcome.status !== 503
            ? { error: `http ${outcome.status}: ${outcome.body.slice(0, 160)}` }
            : {}),
      });
      if (outcome.ok) {
        tap.recordedAt = Date.now();
        tap.attendanceId = (
          JSON.parse(outcome.body) as { result: { data: { id: number } } }
        ).result.data.id;
        recorded += 1;
        checkDone();
        return;
      }
      later(nextSendingDelayMs(outcome, tap.attempts), () => attempt(tap, slot));
    });
  };

  const intervalMs = 1000 / options.rate;
  while (taps.length < count && elapsed() < options.seconds * 1000 + 2_000) {
    const due = Math.min(count, Math.floor(elapsed() / intervalMs) + 1);
    while (taps.length < due) {
      const index = taps.length;
      const tap: Tap = {
        employee: options.employees[index]!,
        key: randomUUID(),
        at: Date.now(),
        attempts: 0,
      };
      taps.push(tap);
      attempt(tap, index);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(5, intervalMs))));
  }
  arrivalsEndedMs = elapsed();
  checkDone();
  const giveUp = setTimeout(
    () => {
      if (Number.isNaN(endedMs)) endedMs = elapsed();
      finish();
    },
    Math.max(0, deadlineMs - elapsed()) + timeoutMs,
  );
  await done;
  clearTimeout(giveUp);
  for (const timer of timers) clearTimeout(timer);
  return { taps, attempts, arrivalsEndedMs, endedMs, heldBack };
}
