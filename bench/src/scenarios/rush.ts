/**
 * Scenario 1, the morning rush: on the cluster and on the bare-insert floor, open-loop steps at
 * rising offered rates (clock-ins/s; each side stops at its first saturated step), then the
 * closed-loop capacity step on both and on the equal-work floor, per repeat; then the capacity
 * ratios over the repeats.
 */
import type { BenchResults } from '../results.js';
import { describeStep, rushStep, saturated, skippedStep, type RushStep } from '../rush.js';
import type { Stage } from '../stage.js';
import { capacityOfAll } from './capacity.js';
import { capacityRatios } from '../ratios.js';

/** Runs the repeats; returns the highest rate the cluster sustained unsaturated, clock-ins/s. */
export async function runRush(stage: Stage, results: BenchResults): Promise<number> {
  const { plan, log, pool } = stage;
  let clusterSustained = 0;
  for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
    const clusterSteps: RushStep[] = [];
    const floorSteps: RushStep[] = [];
    let clusterDone = false;
    let floorDone = false;
    for (const rate of plan.rushRates) {
      const count = rate * plan.stepSeconds;
      let c = skippedStep(rate);
      if (!clusterDone) {
        await stage.settleCluster();
        c = await rushStep(
          {
            pool,
            target: stage.clusterTarget,
            employees: stage.clusterRoster.take(count),
            live: { watcher: stage.watcher, waitMs: 5_000 },
          },
          rate,
          plan.stepSeconds,
        );
        clusterDone = saturated(c);
        if (!clusterDone) clusterSustained = Math.max(clusterSustained, c.achieved);
      }
      clusterSteps.push(c);
      let f = skippedStep(rate);
      if (!floorDone) {
        await stage.settleFloor();
        f = await rushStep(
          { pool, target: stage.floor.target, employees: stage.floorRoster.take(count) },
          rate,
          plan.stepSeconds,
        );
        floorDone = saturated(f);
      }
      floorSteps.push(f);
      log(
        `rush ${repeat + 1}/${plan.repeats} @${rate}/s: cluster ${describeStep(c)}; floor ${describeStep(f)}`,
      );
    }
    const cap = plan.capacity;
    const { c, f, e } = await capacityOfAll(stage, { ...cap, perSide: cap.maxPerStep });
    clusterSteps.push(c);
    floorSteps.push(f);
    log(
      `capacity ${repeat + 1}/${plan.repeats} (closed loop, ${cap.concurrency} clients): cluster ${describeStep(c)}; floor ${describeStep(f)}; equal-work floor ${describeStep(e)}`,
    );
    results.rush.cluster.push(clusterSteps);
    results.rush.floor.push(floorSteps);
    results.rush.equalWork.push(e);
  }
  results.capacityRatios = capacityRatios(results.rush);
  await stage.settleCluster();
  return clusterSustained;
}
