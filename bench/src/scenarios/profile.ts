/**
 * The profile: one more API node (the cluster's database, Redis and configuration) under
 * `node --cpu-prof`, taking clock-ins straight (no nginx) below its saturation, so the profile shows
 * work rather than queueing; then its top self-time functions and packages, startup excluded.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES } from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { REALTIME_SECRET, SESSION_SECRET } from '../fixtures.js';
import { formatProfile, summariseProfile, type ProfileSummary } from '../profile.js';
import { rushStep } from '../rush.js';
import { answers, freePortBlock, startChild, waitFor } from '../setup.js';
import type { Stage } from '../stage.js';

export async function profileApiNode(
  stage: Stage,
): Promise<{ file: string; summary: ProfileSummary }> {
  const { plan, log } = stage;
  /** Length of the load, s, and offered clock-ins per second. */
  const seconds = plan.profileSeconds ?? 10;
  const rate = plan.profileRate ?? 20;
  const profileDir = join(stage.runDir, 'profile');
  mkdirSync(profileDir, { recursive: true });
  const port = await freePortBlock(1);
  const spawnedAt = Date.now();
  let loadFrom = 0;
  const node = startChild(
    'api-profiled',
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ENTRIES.api],
    {
      PATH: testEnvironment().path,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: stage.database.url,
      REDIS_URL: testEnvironment().redisUrl,
      REDIS_PREFIX: stage.prefix,
      SESSION_SECRET,
      REALTIME_SECRET,
      COMPANY_TZ: 'Asia/Jakarta',
      LOG_LEVEL: 'warn',
      APP_NODE_ID: 'api-profiled',
      TRUST_PROXY: '1',
    },
    stage.sink,
  );
  try {
    await waitFor('profiled API node', answers(`http://127.0.0.1:${port}/readyz`), 60_000);
    const target = { host: '127.0.0.1', port };
    loadFrom = Date.now() - spawnedAt;
    const step = await rushStep(
      { pool: stage.pool, target, employees: stage.clusterRoster.take(rate * seconds) },
      rate,
      seconds,
    );
    log(
      `profile: ${step.ok} clock-ins straight to one node at ${rate}/s offered: ${step.achieved.toFixed(0)}/s, p99 ${step.latency.p99.toFixed(0)} ms`,
    );
  } finally {
    await node.stop();
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the profiled node wrote no .cpuprofile');
  const summary = summariseProfile(join(profileDir, file), 30, loadFrom);
  log(formatProfile(summary));
  return { file: join(profileDir, file), summary };
}
