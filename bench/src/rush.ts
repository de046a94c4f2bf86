/** Scenario 1 and 4: the morning rush. Each employee clocks in once, at rising offered rates. */
import { randomUUID } from 'node:crypto';
import { createLiveClient } from '@absensi/api/testing';
import {
  closedLoop,
  openLoop,
  send,
  type ClientPool,
  type LoopResult,
  type Target,
} from './load.js';
import { latencyOf, type Latency } from './stats.js';
import type { Employee } from './setup.js';

/** Arrival time (Date.now()) of each attendance id on an admin's live.attendance subscription. */
export class LiveWatcher {
  readonly arrivals = new Map<number, number>();
  private readonly client: ReturnType<typeof createLiveClient>;
  constructor(wsUrl: string, adminCookie: string) {
    this.client = createLiveClient(wsUrl, adminCookie);
    this.client.trpc.live.attendance.subscribe(undefined, {
      onData: ({ data }) => {
        const id = data.data.attendanceId;
        if (!this.arrivals.has(id)) this.arrivals.set(id, Date.now());
      },
    });
  }
  close() {
    void this.client.close();
  }
}

export interface RushStep {
  /** Offered clock-ins per second, or 0 for the saturating closed-loop step. */
  offered: number;
  /** Not run: a lower rate had already saturated the system. */
  skipped?: boolean;
  attempted: number;
  ok: number;
  /** Failures: not answered, or answered with an error other than a refusal under load. */
  errors: number;
  errorKinds: Record<string, number>;
  /**
   * Refused under load (503 with Retry-After, before any work: admission control). Not sent again
   * here; the beyond-capacity scenario (taps.ts) sends them again as the PWA does.
   */
  refused: number;
  notSent: number;
  /** Answered clock-ins per second over the step, drain included. */
  achieved: number;
  latency: Latency;
  live?: {
    delay: Latency;
    /** Answered clock-ins whose event never reached the admin within the wait. */
    missing: number;
    within1s: number;
  };
  /** CPU ms per answered clock-in, by part of the system (capacity steps), and their total. */
  cpuMsPerRequest?: Record<string, number>;
}

function summarise(
  offered: number,
  result: LoopResult,
  attempted: number,
  live: { watcher: LiveWatcher; waitMs: number } | undefined,
): Promise<RushStep> | RushStep {
  const ok = result.samples.filter((sample) => sample.ok);
  const errorKinds: Record<string, number> = {};
  const refused = result.samples.filter((sample) => sample.status === 503).length;
  for (const sample of result.samples)
    if (!sample.ok && sample.status !== 503) {
      const kind = sample.error ?? `http ${sample.status}`;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    }
  const step: RushStep = {
    offered,
    attempted,
    ok: ok.length,
    errors: result.samples.length - ok.length - refused,
    errorKinds,
    refused,
    notSent: result.notSent,
    achieved: ok.length / (result.elapsedMs / 1000),
    latency: latencyOf(
      result.samples.filter((sample) => sample.status !== 503).map((sample) => sample.latencyMs),
    ),
  };
  if (!live) return step;
  const answered = ok.map((sample) => ({
    id: (JSON.parse(sample.body) as { result: { data: { id: number } } }).result.data.id,
    at: sample.answeredAt,
  }));
  return (async () => {
    const deadline = Date.now() + live.waitMs;
    while (Date.now() < deadline && answered.some((a) => !live.watcher.arrivals.has(a.id)))
      await new Promise((resolve) => setTimeout(resolve, 50));
    const delays = answered
      .filter((a) => live.watcher.arrivals.has(a.id))
      .map((a) => live.watcher.arrivals.get(a.id)! - a.at);
    return {
      ...step,
      live: {
        delay: latencyOf(delays),
        missing: answered.length - delays.length,
        within1s: answered.length
          ? delays.filter((delay) => delay <= 1_000).length / answered.length
          : Number.NaN,
      },
    };
  })();
}

export interface RushOptions {
  pool: ClientPool;
  target: Target;
  employees: Employee[];
  timeoutMs?: number;
  live?: { watcher: LiveWatcher; waitMs: number };
}

function clockIn(options: RushOptions, employee: Employee, slot: number) {
  return send(
    options.pool.agentFor(slot),
    options.target,
    {
      method: 'POST',
      path: '/trpc/attendance.clockIn',
      headers: { cookie: employee.cookie },
      body: JSON.stringify({ idempotencyKey: randomUUID() }),
    },
    options.timeoutMs ?? 10_000,
  );
}

/** One open-loop step at `rate` per second for `seconds`; each of the employees given clocks in once. */
export async function rushStep(
  options: RushOptions,
  rate: number,
  seconds: number,
): Promise<RushStep> {
  const count = Math.min(options.employees.length, Math.round(rate * seconds));
  const result = await openLoop({
    rate,
    count,
    maxInFlight: 2_000,
    deadlineMs: seconds * 1000 + 2_000,
    run: (index) => clockIn(options, options.employees[index]!, index),
  });
  return summarise(rate, result, count, options.live);
}

/** A step the system could not keep up with: later, higher rates are skipped. */
export function saturated(step: RushStep): boolean {
  return step.ok < 0.95 * step.attempted || step.latency.p99 > 2_000;
}

/**
 * Waits (at most `maxMs`) until one probe request answers within 200 ms twice in a row: the servers
 * have worked off what an overloaded step left queued, so the next step does not measure it.
 */
export async function settle(
  pool: ClientPool,
  target: Target,
  path: string,
  cookie: string,
  maxMs = 20_000,
) {
  const deadline = Date.now() + maxMs;
  let fast = 0;
  while (Date.now() < deadline && fast < 2) {
    const started = performance.now();
    const outcome = await send(
      pool.agentFor(0),
      target,
      { method: 'GET', path, headers: { cookie } },
      5_000,
    );
    fast = outcome.ok && performance.now() - started < 200 ? fast + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The saturating step: `concurrency` clients clocking in back to back (capacity). */
export async function rushCapacity(
  options: RushOptions,
  concurrency: number,
  seconds: number,
): Promise<RushStep> {
  const result = await closedLoop({
    concurrency,
    durationMs: seconds * 1000,
    maxCount: options.employees.length,
    run: (index) => clockIn(options, options.employees[index]!, index),
  });
  return summarise(0, result, result.samples.length, options.live);
}

/** A step not run because a lower rate already saturated the system. */
export function skippedStep(rate: number): RushStep {
  const none = { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return {
    offered: rate,
    attempted: 0,
    ok: 0,
    errors: 0,
    errorKinds: {},
    refused: 0,
    notSent: 0,
    achieved: Number.NaN,
    latency: none,
    skipped: true,
  };
}

/** One log line's worth of a step: clock-ins/s, p50 and p99 ms, errors, live delivery. */
export function describeStep(step: RushStep): string {
  if (step.skipped) return 'skipped (saturated at a lower rate)';
  const live = step.live
    ? ` live p99 ${step.live.delay.p99.toFixed(0)} ms missing ${step.live.missing}`
    : '';
  const refused = step.refused ? ` refused ${step.refused}` : '';
  return `${step.achieved.toFixed(0)}/s p50 ${step.latency.p50.toFixed(0)} p99 ${step.latency.p99.toFixed(0)} ms err ${step.errors + step.notSent}${refused}${live}`;
}
