/**
 * The measured warm-up: closed-loop windows on the cluster and the two floors before the repeats,
 * so they measure warm servers, each window reported (the cold start). Without the rush and the reads
 * there is nothing to warm for, and 40 clock-ins at 40/s only prime the cluster.
 */
import type { BenchResults } from '../results.js';
import { describeStep, rushStep } from '../rush.js';
import type { Stage } from '../stage.js';
import { capacityOfAll } from './capacity.js';

export async function runWarmup(stage: Stage, results: BenchResults, measured: boolean) {
  const { plan, log, pool } = stage;
  if (!measured) {
    await rushStep(
      { pool, target: stage.clusterTarget, employees: stage.clusterRoster.take(40) },
      40,
      1,
    );
    return;
  }
  const w = plan.warmup;
  for (let window = 0; window < w.windows; window += 1) {
    const { c, f, e } = await capacityOfAll(stage, { ...w, perSide: w.maxPerWindow });
    results.warmup.cluster.push(c);
    results.warmup.floor.push(f);
    results.warmup.equalWork.push(e);
    log(
      `warm-up ${window + 1}/${w.windows} (closed loop, ${w.concurrency} clients): cluster ${describeStep(c)}; floor ${describeStep(f)}; equal-work floor ${describeStep(e)}`,
    );
  }
}
