/** The figures of one run, as written to bench/results/<plan>-<time>.json (after the command and table). */
import { cpus, loadavg, totalmem } from 'node:os';
import type { FanoutLevel } from './fanout.js';
import type { Plan } from './plans.js';
import type { ProfileSummary } from './profile.js';
import type { CapacityRatios } from './ratios.js';
import type { ReadResult } from './reads.js';
import type { RushStep } from './rush.js';
import type { RecapResult } from './scenarios/recap.js';

export interface BenchResults {
  plan: Plan;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    loadAvgAtStart: number[];
    loadAvgAtEnd?: number[];
  };
  startedAt: string;
  durationSeconds?: number;
  /** The warm-up's windows, first (coldest) first; `floor` is the bare-insert floor. */
  warmup: { cluster: RushStep[]; floor: RushStep[]; equalWork: RushStep[] };
  /**
   * Per repeat: the steps at each rush rate then the capacity step (cluster, bare-insert floor),
   * and the equal-work floor's capacity step.
   */
  rush: { cluster: RushStep[][]; floor: RushStep[][]; equalWork: RushStep[] };
  /** The cluster's capacity ÷ each floor's, medians over the repeats (when the rush ran). */
  capacityRatios?: CapacityRatios;
  reads: { me: ReadResult[]; today: ReadResult[]; dashboard: ReadResult[]; floor: ReadResult[] };
  bigRush?: RushStep;
  fanout: Record<string, { baselineRss: number; levels: FanoutLevel[] }>;
  embedded: RushStep[][];
  profile?: { file: string; summary: ProfileSummary };
  /** The month's recap of many employees, built as the worker builds an export. */
  recap?: RecapResult;
  notes: string[];
}

/** Empty results for a run starting now, with the machine it runs on. */
export function newResults(plan: Plan): BenchResults {
  return {
    plan,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAvgAtStart: loadavg(),
    },
    startedAt: new Date().toISOString(),
    rush: { cluster: [], floor: [], equalWork: [] },
    warmup: { cluster: [], floor: [], equalWork: [] },
    reads: { me: [], today: [], dashboard: [], floor: [] },
    fanout: {},
    embedded: [],
    notes: [],
  };
}
