/**
 * Scenario 1's big rush (the full plan's 50,000 clock-ins in 60 s) on the cluster, attempted only
 * when the rising rush sustained at least 0.8× its rate: otherwise it could only measure an overload.
 */
import type { BenchResults } from '../results.js';
import { rushStep } from '../rush.js';
import type { Stage } from '../stage.js';

/** `sustained`: the highest rate the rising rush held unsaturated, clock-ins/s. */
export async function runBigRush(stage: Stage, results: BenchResults, sustained: number) {
  const { plan, log, pool } = stage;
  const big = plan.bigRush;
  if (!big) return;
  const bigRate = big.count / big.seconds;
  if (sustained < 0.8 * bigRate) {
    const note = `The 50,000-in-60-s rush (${bigRate.toFixed(0)}/s) was not attempted: the rising rush sustained at most ${sustained.toFixed(0)} clock-ins/s before saturating, so it could only have measured an overload.`;
    results.notes.push(note);
    log(note);
    return;
  }
  await stage.settleCluster();
  const employees = stage.clusterRoster.take(big.count);
  log(`big rush: ${employees.length} clock-ins at ${(big.count / big.seconds).toFixed(0)}/s`);
  results.bigRush = await rushStep(
    {
      pool,
      target: stage.clusterTarget,
      employees,
      live: { watcher: stage.watcher, waitMs: 10_000 },
      timeoutMs: 15_000,
    },
    big.count / big.seconds,
    big.seconds,
  );
  const b = results.bigRush;
  log(
    `big rush: ${b.ok}/${b.attempted} ok in ${(b.ok / b.achieved).toFixed(1)} s, ${b.achieved.toFixed(0)}/s, p99 ${b.latency.p99.toFixed(0)} ms, live missing ${b.live?.missing}, within 1 s ${((b.live?.within1s ?? 0) * 100).toFixed(1)} %`,
  );
}
