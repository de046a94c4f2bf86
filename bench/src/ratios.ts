/**
 * The cluster's capacity against its two floors, from the capacity steps of the repeats (medians):
 * ÷ the equal-work floor is the cost of the framework, ÷ the bare-insert floor the cost of the design.
 */
import type { RushStep } from './rush.js';
import { ratio, spreadOf } from './stats.js';

export interface CapacityRatios {
  /** Median answered clock-ins per second of the capacity steps. */
  perSecond: { cluster: number; equalWorkFloor: number; bareInsertFloor: number };
  /** Median CPU ms per answered clock-in, all measured processes of each side. */
  cpuMsPerClockIn: { cluster: number; equalWorkFloor: number; bareInsertFloor: number };
  /** Cluster ÷ equal-work floor, in clock-ins/s: the cost of the framework. */
  toEqualWork: number;
  /** Cluster ÷ bare-insert floor, in clock-ins/s: the cost of the design. */
  toBareInsert: number;
}

const median = (steps: readonly (RushStep | undefined)[], pick: (step: RushStep) => number) =>
  spreadOf(steps.map((step) => (step ? pick(step) : Number.NaN))).median;

/**
 * From the rush's results: `cluster` and `floor` hold each repeat's steps, the capacity step last;
 * `equalWork` holds each repeat's capacity step.
 */
export function capacityRatios(rush: {
  cluster: RushStep[][];
  floor: RushStep[][];
  equalWork: RushStep[];
}): CapacityRatios {
  const sides = {
    cluster: rush.cluster.map((steps) => steps.at(-1)),
    equalWorkFloor: rush.equalWork,
    bareInsertFloor: rush.floor.map((steps) => steps.at(-1)),
  };
  const of = (pick: (step: RushStep) => number) => ({
    cluster: median(sides.cluster, pick),
    equalWorkFloor: median(sides.equalWorkFloor, pick),
    bareInsertFloor: median(sides.bareInsertFloor, pick),
  });
  const perSecond = of((step) => step.achieved);
  return {
    perSecond,
    cpuMsPerClockIn: of((step) => step.cpuMsPerRequest?.total ?? Number.NaN),
    toEqualWork: ratio(perSecond.cluster, perSecond.equalWorkFloor),
    toBareInsert: ratio(perSecond.cluster, perSecond.bareInsertFloor),
  };
}
