/**
 * The stage of the cluster scenarios (rush, reads, big rush, profile, fan-out): the cluster on a
 * temp MariaDB database and a Redis prefix of its own, its admin signed in for real, employees and
 * their sessions seeded for each side, the two floors (bare insert, equal work) each behind its own
 * nginx, and the admin's live watcher.
 */
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { createTestClient } from '@absensi/api/testing';
import { loopbackClusterSettings, startCluster, type RunningCluster } from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { createTempDatabase, type TempDatabase } from '@absensi/db/testing';
import { sharedServices, withWorkers, type CpuGroups } from './cpu.js';
import { ADMIN, DIST, REALTIME_SECRET, SESSION_SECRET } from './fixtures.js';
import { startFloorBehindNginx, type RunningFloor } from './floors.js';
import type { ClientPool, Target } from './load.js';
import type { Plan } from './plans.js';
import type { Resources } from './resources.js';
import { capacityEmployeesNeeded, employeesNeeded, Roster } from './roster.js';
import { LiveWatcher, settle } from './rush.js';
import type { Employee } from './setup.js';
import {
  freePortBlock,
  insertEmployees,
  openDb,
  redisClient,
  SessionMinter,
  sessionIdOf,
} from './setup.js';

export interface Stage {
  plan: Plan;
  log: (line: string) => void;
  pool: ClientPool;
  prefix: string;
  runDir: string;
  sink: (name: string, line: string) => void;
  database: TempDatabase;
  cluster: RunningCluster;
  redis: Redis;
  /** Makes more sessions like the admin's real one, for any user. */
  minter: SessionMinter;
  clusterIds: number[];
  floorIds: number[];
  clusterRoster: Roster;
  floorRoster: Roster;
  /** Employees for the equal-work floor, which runs the warm-up and the capacity steps only. */
  equalWorkRoster: Roster;
  /** 32 sessions of the admin. */
  adminCookies: string[];
  clusterTarget: Target;
  /** The bare-insert floor (floor-server.ts). */
  floor: RunningFloor;
  /** The equal-work floor (equal-work/server.ts). */
  equalWork: RunningFloor;
  /** Where the CPU of a step on the cluster goes, by part of the system. */
  clusterCpuGroups: () => CpuGroups;
  /** Arrival of each attendance event on the admin's live.attendance subscription. */
  watcher: LiveWatcher;
  /** Wait (at most the plan's settleMs) until the cluster answers a probe fast again. */
  settleCluster: () => Promise<void>;
  /** The same for the floor. */
  settleFloor: () => Promise<void>;
  /** The same for the equal-work floor. */
  settleEqualWork: () => Promise<void>;
  /** More employees for the cluster, tagged `tag` (once per tag), with their sessions in Redis. */
  seed: (tag: string, count: number) => Promise<Employee[]>;
}

export async function startStage(options: {
  plan: Plan;
  log: (line: string) => void;
  pool: ClientPool;
  prefix: string;
  runDir: string;
  path: string;
  sink: (name: string, line: string) => void;
  resources: Resources;
}): Promise<Stage> {
  const { plan, log, pool, prefix, runDir, path, sink, resources } = options;
  const database = await createTempDatabase('mysql');
  resources.afterChildren(() => database.drop().catch(() => undefined));
  const base = await freePortBlock(24);
  log(
    `cluster: starting on 127.0.0.1:${base} (database ${new URL(database.url).pathname.slice(1)}, Redis prefix ${prefix})`,
  );
  const cluster = await startCluster(
    loopbackClusterSettings(base, {
      databaseUrl: database.url,
      redisUrl: testEnvironment().redisUrl,
      redisPrefix: prefix,
      sessionSecret: SESSION_SECRET,
      realtimeSecret: REALTIME_SECRET,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      // The fan-out opens up to 10,000 sockets from 16 source addresses.
      wsMaxConnectionsPerAddress: 10_000,
    }),
    { runDir, sink, path },
  );
  resources.afterChildren(() => cluster.stop());
  const redis = redisClient();
  resources.onClose(() => redis.disconnect());

  // The admin signs in for real (argon2id); its stored session is the template for the others.
  const admin = createTestClient(cluster.url);
  await admin.trpc.auth.login.mutate(ADMIN);
  const adminId = (await admin.trpc.auth.me.query()).id;
  const raw = await redis.get(`${prefix}sess:${sessionIdOf(admin.setCookies, SESSION_SECRET)}`);
  if (!raw) throw new Error('the admin session is not in Redis where the store keeps it');
  const minter = new SessionMinter(SESSION_SECRET, JSON.parse(raw) as Record<string, unknown>);

  const db = await openDb(database.url);
  resources.onClose(() => db.close());
  const capacityPerRepeat = plan.capacity.maxPerStep;
  const clusterCount = employeesNeeded(plan, capacityPerRepeat) + (plan.bigRush?.count ?? 0) + 200;
  const floorCount = employeesNeeded(plan, capacityPerRepeat) + 200;
  const equalWorkCount = capacityEmployeesNeeded(plan) + 200;
  const seedStarted = Date.now();
  /** Employees tagged `tag`, and their sessions in Redis, handed out by a roster. */
  const seed = async (tag: string, count: number) => {
    const ids = await insertEmployees(db, `${tag}${prefix.slice(-9, -1)}`, count);
    return { ids, roster: new Roster(await minter.intoRedis(redis, prefix, ids)) };
  };
  const clusterSide = await seed('c', clusterCount);
  const floorSide = await seed('f', floorCount);
  const equalWorkSide = await seed('e', equalWorkCount);
  const adminCookies = (
    await minter.intoRedis(redis, prefix, Array(32).fill(adminId) as number[])
  ).map((e) => e.cookie);
  log(
    `seeded ${clusterCount + floorCount + equalWorkCount} employees and their sessions (inserted directly, sessions written to Redis) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  /** Four processes of the bare server in `module` behind an nginx of their own, from the same nginx.conf. */
  const startBare = (name: string, module: string, extra: Record<string, unknown> = {}) =>
    startFloorBehindNginx({
      name,
      entry: join(DIST, module),
      settings: {
        databaseUrl: database.url,
        redisUrl: testEnvironment().redisUrl,
        redisPrefix: prefix,
        sessionSecret: SESSION_SECRET,
        poolSize: 10,
        ...extra,
      },
      realtimePort: cluster.settings.realtimePort,
      runDir,
      path,
      sink,
      resources,
    });
  const floor = await startBare('floor', 'floor-server.js');
  // The equal-work floor's feed is a stream of its own, which the cluster's subscribers do not read.
  const equalWork = await startBare('equal-work', 'equal-work/server.js', {
    streamKey: `${prefix}floor-events`,
    fallbackTimeZone: cluster.settings.companyTz,
  });
  const clusterTarget: Target = { host: '127.0.0.1', port: base };
  const supervised = (name: string) =>
    cluster.supervisor
      .names()
      .filter((candidate) => candidate.startsWith(name))
      .map((candidate) => cluster.supervisor.pid(candidate))
      .filter((pid): pid is number => pid !== undefined);

  const watcher = new LiveWatcher(cluster.wsUrl, admin.cookieHeader());
  resources.onClose(() => watcher.close());
  await new Promise((resolve) => setTimeout(resolve, 500));
  const probeCookie = clusterSide.roster.take(1)[0]!.cookie;
  const floorProbeCookie = floorSide.roster.take(1)[0]!.cookie;
  const equalWorkProbeCookie = equalWorkSide.roster.take(1)[0]!.cookie;
  return {
    plan,
    log,
    pool,
    prefix,
    runDir,
    sink,
    database,
    cluster,
    redis,
    minter,
    clusterIds: clusterSide.ids,
    floorIds: floorSide.ids,
    clusterRoster: clusterSide.roster,
    floorRoster: floorSide.roster,
    equalWorkRoster: equalWorkSide.roster,
    adminCookies,
    clusterTarget,
    floor,
    equalWork,
    clusterCpuGroups: () => ({
      api: supervised('api-'),
      subscribers: supervised('subscriber-'),
      realtime: supervised('realtime'),
      worker: supervised('worker'),
      nginx: withWorkers(cluster.supervisor.pid('nginx')),
      ...sharedServices(),
    }),
    watcher,
    settleCluster: () =>
      settle(pool, clusterTarget, '/trpc/attendance.today', probeCookie, plan.settleMs),
    settleFloor: () =>
      settle(pool, floor.target, '/trpc/floor.session', floorProbeCookie, plan.settleMs),
    settleEqualWork: () =>
      settle(pool, equalWork.target, '/trpc/floor.session', equalWorkProbeCookie, plan.settleMs),
    seed: async (tag, count) => {
      const ids = await insertEmployees(db, `${tag}${prefix.slice(-9, -1)}`, count);
      return minter.intoRedis(redis, prefix, ids);
    },
  };
}
