/** The closed-loop capacity step, side by side: the cluster, then the floor, each with its CPU. */
import { meterCpu, perRequest } from '../cpu.js';
import { rushCapacity, type RushStep } from '../rush.js';
import type { Stage } from '../stage.js';

/** Clients, length (s), and clock-ins each side may take at most. */
export interface CapacityLimits {
  concurrency: number;
  seconds: number;
  perSide: number;
}

/** One capacity step on each side; `cpuMsPerRequest` is CPU ms per answered clock-in by part. */
export async function capacityOfBoth(
  stage: Stage,
  limits: CapacityLimits,
): Promise<{ c: RushStep; f: RushStep }> {
  const { pool } = stage;
  await stage.settleCluster();
  const clusterCpu = meterCpu(stage.clusterCpuGroups());
  const c = await rushCapacity(
    {
      pool,
      target: stage.clusterTarget,
      employees: stage.clusterRoster.take(limits.perSide),
      live: { watcher: stage.watcher, waitMs: 5_000 },
    },
    limits.concurrency,
    limits.seconds,
  );
  c.cpuMsPerRequest = perRequest(clusterCpu(), c.ok);
  await stage.settleFloor();
  const floorCpu = meterCpu(stage.floor.cpuGroups());
  const f = await rushCapacity(
    { pool, target: stage.floor.target, employees: stage.floorRoster.take(limits.perSide) },
    limits.concurrency,
    limits.seconds,
  );
  f.cpuMsPerRequest = perRequest(floorCpu(), f.ok);
  return { c, f };
}
