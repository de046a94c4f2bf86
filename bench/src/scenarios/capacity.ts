/**
 * The closed-loop capacity step, side by side: the cluster, then the bare-insert floor, then the
 * equal-work floor, each with its CPU.
 */
import type { CpuGroups } from '../cpu.js';
import { meterCpu, perRequest } from '../cpu.js';
import type { Target } from '../load.js';
import type { Roster } from '../roster.js';
import { rushCapacity, type LiveWatcher, type RushStep } from '../rush.js';
import type { Stage } from '../stage.js';

/** Clients, length (s), and clock-ins each side may take at most. */
export interface CapacityLimits {
  concurrency: number;
  seconds: number;
  perSide: number;
}

/** One side of the comparison: where its clock-ins go and how its CPU is counted. */
interface Side {
  settle: () => Promise<void>;
  target: Target;
  roster: Roster;
  cpuGroups: () => CpuGroups;
  live?: LiveWatcher;
}

/** One capacity step; `cpuMsPerRequest` is CPU ms per answered clock-in by part of the system. */
async function capacityOf(stage: Stage, side: Side, limits: CapacityLimits): Promise<RushStep> {
  await side.settle();
  const cpu = meterCpu(side.cpuGroups());
  const step = await rushCapacity(
    {
      pool: stage.pool,
      target: side.target,
      employees: side.roster.take(limits.perSide),
      ...(side.live ? { live: { watcher: side.live, waitMs: 5_000 } } : {}),
    },
    limits.concurrency,
    limits.seconds,
  );
  step.cpuMsPerRequest = perRequest(cpu(), step.ok);
  return step;
}

/** One capacity step on each side: c the cluster, f the bare-insert floor, e the equal-work floor. */
export async function capacityOfAll(
  stage: Stage,
  limits: CapacityLimits,
): Promise<{ c: RushStep; f: RushStep; e: RushStep }> {
  const c = await capacityOf(
    stage,
    {
      settle: stage.settleCluster,
      target: stage.clusterTarget,
      roster: stage.clusterRoster,
      cpuGroups: stage.clusterCpuGroups,
      live: stage.watcher,
    },
    limits,
  );
  const f = await capacityOf(
    stage,
    {
      settle: stage.settleFloor,
      target: stage.floor.target,
      roster: stage.floorRoster,
      cpuGroups: stage.floor.cpuGroups,
    },
    limits,
  );
  const e = await capacityOf(
    stage,
    {
      settle: stage.settleEqualWork,
      target: stage.equalWork.target,
      roster: stage.equalWorkRoster,
      cpuGroups: stage.equalWork.cpuGroups,
    },
    limits,
  );
  return { c, f, e };
}
