/**
 * Scenario 5, beyond capacity: new taps offered at 1.5×, 2× and 4× the cluster's measured capacity
 * for the plan's seconds, each tap sent as the PWA sends it (taps.ts: kept with its tap time, sent
 * again after Retry-After with jitter). Measured: the p99 of the clock-ins the cluster took (the
 * answers 200), how fast a refusal (503) is answered, goodput (clock-ins recorded per second while
 * the taps arrive) against capacity, and, after the rush, that every tap is recorded exactly once
 * (counted in the database by idempotency key and by employee) at its tap time.
 */
import type { Database } from '@absensi/db';
import type { BenchResults } from '../results.js';
import { describeStep, rushCapacity } from '../rush.js';
import { openDb, type Employee } from '../setup.js';
import { latencyOf, type Latency } from '../stats.js';
import type { Stage } from '../stage.js';
import { runTaps, type TapRun } from '../taps.js';

export interface OverloadStep {
  /** Offered new taps per second ÷ capacity. */
  multiple: number;
  capacity: number;
  offered: number;
  seconds: number;
  taps: number;
  /** Requests sent per second while the taps arrived (retries included). */
  requestsPerSecond: number;
  /** Answers 200: the clock-ins the cluster took, from sending to answer. */
  admitted: Latency;
  /** Answers 503 (refused by admission control), from sending to answer. */
  shed: Latency;
  /** Other failures by kind (network errors, timeouts, other statuses). */
  otherFailures: Record<string, number>;
  /** Clock-ins recorded per second while the taps arrived, and that ÷ capacity. */
  goodput: number;
  goodputRatio: number;
  /** From the tap to its record, ms (retries included). */
  tapToRecord: Latency;
  attemptsPerTap: { mean: number; max: number };
  /** Seconds from the first tap until the last was recorded. */
  allRecordedAfterSeconds: number;
  /** In the database afterwards: actions with the taps' keys, and attendance rows of their employees. */
  recorded: { byKey: number; rows: number; employeesWithOneRow: number; missing: number };
  /** The largest gap between a record's clock-in time and its tap's time, ms. */
  tapTimeMaxGapMs: number;
  heldBack: number;
}

/** In chunks: an IN list of thousands of keys is slow to build and send at once. */
async function chunked<T>(items: T[], size: number, work: (chunk: T[]) => Promise<void>) {
  for (let start = 0; start < items.length; start += size)
    await work(items.slice(start, start + size));
}

/** What the database holds for the run's taps. */
async function verify(db: Database, run: TapRun) {
  let byKey = 0;
  let rows = 0;
  let employeesWithOneRow = 0;
  let tapTimeMaxGapMs = 0;
  const tapOf = new Map(run.taps.map((tap) => [tap.employee.id, tap]));
  await chunked(run.taps, 1_000, async (chunk) => {
    const [keys] = await db.sequelize.query(
      'SELECT COUNT(*) AS n FROM attendance_actions WHERE idempotency_key IN (:keys)',
      { replacements: { keys: chunk.map((tap) => tap.key) } },
    );
    byKey += Number((keys as { n: number }[])[0]!.n);
    const [perUser] = await db.sequelize.query(
      'SELECT user_id, COUNT(*) AS n, MIN(clock_in_at) AS at FROM attendance WHERE user_id IN (:ids) GROUP BY user_id',
      { replacements: { ids: chunk.map((tap) => tap.employee.id) } },
    );
    for (const row of perUser as { user_id: number; n: number; at: Date | string }[]) {
      rows += Number(row.n);
      if (Number(row.n) === 1) employeesWithOneRow += 1;
      const tap = tapOf.get(row.user_id);
      if (tap)
        tapTimeMaxGapMs = Math.max(tapTimeMaxGapMs, Math.abs(new Date(row.at).getTime() - tap.at));
    }
  });
  return {
    recorded: { byKey, rows, employeesWithOneRow, missing: run.taps.length - byKey },
    tapTimeMaxGapMs,
  };
}

function summarise(
  run: TapRun,
  multiple: number,
  capacity: number,
  seconds: number,
): Omit<OverloadStep, 'recorded' | 'tapTimeMaxGapMs'> {
  const windowMs = run.arrivalsEndedMs;
  const admitted = run.attempts.filter((a) => a.status === 200);
  const shed = run.attempts.filter((a) => a.status === 503);
  const otherFailures: Record<string, number> = {};
  for (const a of run.attempts)
    if (a.status !== 200 && a.status !== 503) {
      const kind = a.error ?? `http ${a.status}`;
      otherFailures[kind] = (otherFailures[kind] ?? 0) + 1;
    }
  const inWindow = admitted.filter((a) => a.sentAtMs + a.ms <= windowMs).length;
  const goodput = inWindow / (windowMs / 1000);
  const recorded = run.taps.filter((tap) => tap.recordedAt !== undefined);
  const firstTap = run.taps[0]?.at ?? 0;
  return {
    multiple,
    capacity,
    offered: multiple * capacity,
    seconds,
    taps: run.taps.length,
    requestsPerSecond:
      run.attempts.filter((a) => a.sentAtMs <= windowMs).length / (windowMs / 1000),
    admitted: latencyOf(admitted.map((a) => a.ms)),
    shed: latencyOf(shed.map((a) => a.ms)),
    otherFailures,
    goodput,
    goodputRatio: goodput / capacity,
    tapToRecord: latencyOf(recorded.map((tap) => tap.recordedAt! - tap.at)),
    attemptsPerTap: {
      mean: run.attempts.length / Math.max(1, run.taps.length),
      max: Math.max(0, ...run.taps.map((tap) => tap.attempts)),
    },
    allRecordedAfterSeconds: recorded.length
      ? (Math.max(...recorded.map((tap) => tap.recordedAt!)) - firstTap) / 1000
      : Number.NaN,
    heldBack: run.heldBack,
  };
}

/** One line's worth of a step. */
export function describeOverload(step: OverloadStep): string {
  const r = step.recorded;
  return `${step.multiple}× (${step.offered.toFixed(0)}/s new taps, ${step.requestsPerSecond.toFixed(0)} req/s): admitted p50 ${step.admitted.p50.toFixed(0)} p99 ${step.admitted.p99.toFixed(0)} ms; shed ${step.shed.count} p99 ${step.shed.p99.toFixed(0)} ms; goodput ${step.goodput.toFixed(0)}/s (${(step.goodputRatio * 100).toFixed(0)} % of capacity); ${step.taps - r.missing} of ${step.taps} recorded, the last ${step.allRecordedAfterSeconds.toFixed(1)} s after the first tap: by key ${r.byKey}, rows ${r.rows}, missing ${r.missing}; tap time within ${step.tapTimeMaxGapMs} ms`;
}

/**
 * `capacity`: the cluster's measured closed-loop capacity (the rush's median), or 0 to measure it
 * here first. New employees (and their sessions) are seeded for the steps' taps.
 */
export async function runOverload(stage: Stage, results: BenchResults, capacity: number) {
  const { plan, log, pool } = stage;
  const overload = plan.overload;
  if (!overload) return;
  if (!(capacity > 0)) {
    await stage.settleCluster();
    const step = await rushCapacity(
      {
        pool,
        target: stage.clusterTarget,
        employees: stage.clusterRoster.take(plan.capacity.maxPerStep),
      },
      plan.capacity.concurrency,
      plan.capacity.seconds,
    );
    capacity = step.achieved;
    log(`beyond capacity: measured capacity ${describeStep(step)}`);
  }
  const seconds = overload.seconds;
  const needed = overload.multiples.map((m) => Math.round(m * capacity * seconds));
  const db = await openDb(stage.database.url);
  try {
    const seeded = await stage.seed(
      'o',
      needed.reduce((a, b) => a + b, 0),
    );
    log(
      `beyond capacity: ${seeded.length} employees seeded for ${overload.multiples.join('×, ')}× of ${capacity.toFixed(0)}/s for ${seconds} s`,
    );
    let next = 0;
    for (const [index, multiple] of overload.multiples.entries()) {
      const employees: Employee[] = seeded.slice(next, next + needed[index]!);
      next += employees.length;
      await stage.settleCluster();
      const run = await runTaps({
        pool,
        target: stage.clusterTarget,
        employees,
        rate: multiple * capacity,
        seconds,
        drainSeconds: overload.drainSeconds,
      });
      const step: OverloadStep = {
        ...summarise(run, multiple, capacity, seconds),
        ...(await verify(db, run)),
      };
      results.overload.push(step);
      log(`beyond capacity ${describeOverload(step)}`);
    }
  } finally {
    await db.close();
  }
}
