/**
 * The benchmark: starts what it measures (the cluster through nginx on a temp MariaDB database and a
 * Redis key prefix of its own, the floors, the fan-out servers, the embedded node), runs the
 * scenarios in order (each in `scenarios/`), and returns the figures. Every loop is bounded in count
 * and in time.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSink } from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { testPrefix } from '@absensi/events/testing';
import { ClientPool, sourceAddresses } from './load.js';
import type { Plan } from './plans.js';
import { nginxWriteCap } from './nginx.js';
import { Resources } from './resources.js';
import { newResults, type BenchResults } from './results.js';
import { runBigRush } from './scenarios/big-rush.js';
import { runEmbedded } from './scenarios/embedded.js';
import { runFanoutScenario } from './scenarios/fanout.js';
import { profileApiNode } from './scenarios/profile.js';
import { runOverload } from './scenarios/overload.js';
import { runReads } from './scenarios/reads.js';
import { runRecap } from './scenarios/recap.js';
import { runRush } from './scenarios/rush.js';
import { runWarmup } from './scenarios/warmup.js';
import { deletePrefix } from './setup.js';
import { startStage } from './stage.js';
import { spreadOf } from './stats.js';

/** The cluster's closed-loop capacity, the median over the rush's repeats; 0 when the rush did not run. */
function measuredCapacity(results: BenchResults): number {
  const steps = results.rush.cluster.map((repeat) => repeat.at(-1)?.achieved ?? Number.NaN);
  return steps.length > 0 ? spreadOf(steps).median : 0;
}

/** The parts a run can be limited to (`--only=`). */
export type Part = 'rush' | 'reads' | 'overload' | 'fanout' | 'embedded' | 'recap';

export interface RunOptions {
  plan: Plan;
  log: (line: string) => void;
  /** Where nginx's and the services' logs and the CPU profile go. */
  runDir?: string;
  profile?: boolean;
  only?: Part[];
}

export async function runBench(options: RunOptions): Promise<BenchResults> {
  const { plan, log } = options;
  const writeCap = nginxWriteCap();
  if (Math.max(plan.capacity.concurrency, plan.warmup.concurrency) > writeCap)
    throw new Error(
      `the ${plan.name} plan's closed loops have more clients than nginx.conf admits writes at once (${writeCap}): they would measure refusals`,
    );
  const wants = (part: Part) => !options.only || options.only.includes(part);
  const started = Date.now();
  const results = newResults(plan);
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'absensi-bench-'));
  mkdirSync(runDir, { recursive: true });
  chmodSync(runDir, 0o755);
  const logs = fileSink(join(runDir, 'services.log'));
  const path = testEnvironment().path;
  const resources = new Resources();
  const addresses = sourceAddresses(plan.addresses);
  const pool = new ClientPool(addresses, 64);
  resources.onClose(() => pool.destroy());
  const prefix = testPrefix();

  try {
    if (wants('rush') || wants('reads') || wants('overload') || wants('fanout')) {
      const stage = await startStage({
        plan,
        log,
        pool,
        prefix,
        runDir,
        path,
        sink: logs.sink,
        resources,
      });
      results.notes.push(
        'Employees are inserted directly (one precomputed argon2id hash); their sessions are written straight into Redis in the format of packages/api/src/session/stores.ts, copied from a real auth.login by the admin.',
      );
      await runWarmup(stage, results, wants('rush') || wants('reads') || wants('overload'));
      const sustained = wants('rush') ? await runRush(stage, results) : 0;
      if (wants('reads')) await runReads(stage, results);
      if (wants('rush')) await runBigRush(stage, results, sustained);
      if (wants('overload')) await runOverload(stage, results, measuredCapacity(results));
      if (options.profile) results.profile = await profileApiNode(stage);
      if (wants('fanout')) await runFanoutScenario(stage, results, { addresses, path, resources });
    }
  } finally {
    await resources.closeAll();
    await deletePrefix(prefix).catch((error: unknown) =>
      log(`could not delete the Redis keys under ${prefix}: ${String(error)}`),
    );
  }

  if (wants('embedded')) {
    const pool2 = new ClientPool(addresses, 64);
    try {
      results.embedded = await runEmbedded(plan, runDir, pool2, log, logs.sink);
    } finally {
      pool2.destroy();
    }
  }
  if (wants('recap')) results.recap = await runRecap(plan.recap, log);
  logs.close();
  results.machine.loadAvgAtEnd = loadavg();
  results.durationSeconds = (Date.now() - started) / 1000;
  if (!options.runDir) rmSync(runDir, { recursive: true, force: true });
  return results;
}
