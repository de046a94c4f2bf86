/**
 * The benchmark: starts what it measures (the cluster through nginx on a temp MariaDB database and a
 * Redis key prefix of its own, the floors, the fan-out servers, the embedded node), runs the
 * scenarios, and returns the figures. Every loop is bounded in count and in time.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestClient } from '@absensi/api/testing';
import {
  ENTRIES,
  fileSink,
  loopbackClusterSettings,
  startCluster,
  type RunningCluster,
} from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { createTempDatabase, type TempDatabase } from '@absensi/db/testing';
import { testPrefix } from '@absensi/events/testing';
import {
  socketIoSystem,
  trpcSystem,
  wsFloorSystem,
  runFanout,
  type FanoutLevel,
} from './fanout.js';
import { childrenOf, meterCpu, perRequest, pidsNamed } from './cpu.js';
import { ClientPool, sourceAddresses, type Target } from './load.js';
import { prepareFloorNginx } from './nginx.js';
import { formatProfile, summariseProfile, type ProfileSummary } from './profile.js';
import { readLoad, type ReadResult } from './reads.js';
import {
  LiveWatcher,
  rushCapacity,
  rushStep,
  saturated,
  settle,
  type RushOptions,
  type RushStep,
} from './rush.js';
import {
  answers,
  deletePrefix,
  freePortBlock,
  insertEmployees,
  openDb,
  redisClient,
  SessionMinter,
  sessionIdOf,
  startChild,
  waitFor,
  type Child,
  type Employee,
} from './setup.js';

export interface Plan {
  name: string;
  repeats: number;
  rushRates: number[];
  stepSeconds: number;
  capacity: { concurrency: number; seconds: number; maxPerStep: number };
  /**
   * Closed-loop clock-ins before the measured repeats, in windows, each measured: a freshly started
   * Node process runs its code unoptimised until V8 has seen enough of it (the API node's CPU per
   * clock-in halves over its first few thousand requests), so the repeats measure warm servers and
   * the windows show the cold start.
   */
  warmup: { windows: number; seconds: number; concurrency: number; maxPerWindow: number };
  reads: { concurrency: number; seconds: number };
  fanout: { levels: number[]; rounds: number; eventsPerRound: number; waitMs: number };
  embedded: {
    rates: number[];
    stepSeconds: number;
    capacity: { concurrency: number; seconds: number; maxPerStep: number };
  };
  bigRush?: { count: number; seconds: number };
  profileSeconds?: number;
  /** Offered clock-ins per second to the profiled node: below its saturation, so the profile shows work, not queueing. */
  profileRate?: number;
  /** Longest wait for the servers to work off a saturated step before the next one. */
  settleMs?: number;
  addresses: number;
}

export const PLANS = {
  full: {
    name: 'full',
    repeats: 3,
    rushRates: [50, 100, 200, 400, 800],
    stepSeconds: 5,
    capacity: { concurrency: 128, seconds: 5, maxPerStep: 10_000 },
    warmup: { windows: 4, seconds: 8, concurrency: 128, maxPerWindow: 8_000 },
    reads: { concurrency: 64, seconds: 5 },
    fanout: { levels: [1_000, 5_000, 10_000], rounds: 3, eventsPerRound: 5, waitMs: 10_000 },
    embedded: {
      rates: [50, 100, 200, 400],
      stepSeconds: 5,
      capacity: { concurrency: 64, seconds: 5, maxPerStep: 10_000 },
    },
    bigRush: { count: 50_000, seconds: 60 },
    addresses: 16,
  },
  quick: {
    name: 'quick',
    repeats: 2,
    rushRates: [20, 40],
    stepSeconds: 2,
    capacity: { concurrency: 32, seconds: 2, maxPerStep: 1_000 },
    warmup: { windows: 1, seconds: 3, concurrency: 32, maxPerWindow: 1_500 },
    reads: { concurrency: 16, seconds: 1.5 },
    fanout: { levels: [1_000], rounds: 2, eventsPerRound: 2, waitMs: 5_000 },
    embedded: {
      rates: [20, 40],
      stepSeconds: 2,
      capacity: { concurrency: 16, seconds: 2, maxPerStep: 1_000 },
    },
    settleMs: 3_000,
    addresses: 8,
  },
  smoke: {
    name: 'smoke',
    repeats: 1,
    rushRates: [10],
    stepSeconds: 1,
    capacity: { concurrency: 4, seconds: 1, maxPerStep: 20 },
    warmup: { windows: 1, seconds: 1, concurrency: 2, maxPerWindow: 10 },
    reads: { concurrency: 2, seconds: 1 },
    fanout: { levels: [10], rounds: 1, eventsPerRound: 2, waitMs: 5_000 },
    embedded: {
      rates: [10],
      stepSeconds: 1,
      capacity: { concurrency: 2, seconds: 1, maxPerStep: 10 },
    },
    addresses: 4,
  },
} satisfies Record<string, Plan>;

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
  /** The warm-up's windows, first (coldest) first. */
  warmup: { cluster: RushStep[]; floor: RushStep[] };
  rush: { cluster: RushStep[][]; floor: RushStep[][] };
  reads: { me: ReadResult[]; today: ReadResult[]; dashboard: ReadResult[]; floor: ReadResult[] };
  bigRush?: RushStep;
  fanout: Record<string, { baselineRss: number; levels: FanoutLevel[] }>;
  embedded: RushStep[][];
  profile?: { file: string; summary: ProfileSummary };
  notes: string[];
}

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password-1' };
const SESSION_SECRET = 'b'.repeat(40);
const REALTIME_SECRET = 'r'.repeat(40);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface RunOptions {
  plan: Plan;
  log: (line: string) => void;
  /** Where nginx's and the services' logs and the CPU profile go. */
  runDir?: string;
  profile?: boolean;
  only?: ('rush' | 'reads' | 'fanout' | 'embedded')[];
}

/** A step not run because a lower rate already saturated the system. */
function skippedStep(rate: number): RushStep {
  const none = { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return {
    offered: rate,
    attempted: 0,
    ok: 0,
    errors: 0,
    errorKinds: {},
    notSent: 0,
    achieved: Number.NaN,
    latency: none,
    skipped: true,
  };
}

function describeStep(step: RushStep): string {
  if (step.skipped) return 'skipped (saturated at a lower rate)';
  const live = step.live
    ? ` live p99 ${step.live.delay.p99.toFixed(0)} ms missing ${step.live.missing}`
    : '';
  return `${step.achieved.toFixed(0)}/s p50 ${step.latency.p50.toFixed(0)} p99 ${step.latency.p99.toFixed(0)} ms err ${step.errors + step.notSent}${live}`;
}

/** Takes employees off a list, each once. */
class Roster {
  private next = 0;
  constructor(private readonly employees: Employee[]) {}
  take(count: number): Employee[] {
    const taken = this.employees.slice(this.next, this.next + count);
    this.next += taken.length;
    return taken;
  }
  get left() {
    return this.employees.length - this.next;
  }
}

function employeesNeeded(plan: Plan, perRepeatExtra: number) {
  const perRepeat =
    plan.rushRates.reduce((sum, rate) => sum + rate * plan.stepSeconds, 0) + perRepeatExtra;
  return plan.repeats * perRepeat + plan.warmup.windows * plan.warmup.maxPerWindow;
}

export async function runBench(options: RunOptions): Promise<BenchResults> {
  const { plan, log } = options;
  const wants = (part: 'rush' | 'reads' | 'fanout' | 'embedded') =>
    !options.only || options.only.includes(part);
  const started = Date.now();
  const results: BenchResults = {
    plan,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAvgAtStart: loadavg(),
    },
    startedAt: new Date().toISOString(),
    rush: { cluster: [], floor: [] },
    warmup: { cluster: [], floor: [] },
    reads: { me: [], today: [], dashboard: [], floor: [] },
    fanout: {},
    embedded: [],
    notes: [],
  };
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'absensi-bench-'));
  mkdirSync(runDir, { recursive: true });
  chmodSync(runDir, 0o755);
  const logs = fileSink(join(runDir, 'services.log'));
  const path = testEnvironment().path;
  const children: Child[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  const addresses = sourceAddresses(plan.addresses);
  const pool = new ClientPool(addresses, 64);
  closers.push(() => pool.destroy());
  let database: TempDatabase | undefined;
  let cluster: RunningCluster | undefined;
  const prefix = testPrefix();

  try {
    if (wants('rush') || wants('reads') || wants('fanout')) {
      database = await createTempDatabase('mysql');
      const base = await freePortBlock(24);
      log(
        `cluster: starting on 127.0.0.1:${base} (database ${new URL(database.url).pathname.slice(1)}, Redis prefix ${prefix})`,
      );
      cluster = await startCluster(
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
        { runDir, sink: logs.sink, path },
      );
      const running = cluster;
      const redis = redisClient();
      closers.push(() => redis.disconnect());

      // The admin signs in for real (argon2id); its stored session is the template for the others.
      const admin = createTestClient(running.url);
      await admin.trpc.auth.login.mutate(ADMIN);
      const adminId = (await admin.trpc.auth.me.query()).id;
      const raw = await redis.get(`${prefix}sess:${sessionIdOf(admin.setCookies, SESSION_SECRET)}`);
      if (!raw) throw new Error('the admin session is not in Redis where the store keeps it');
      const minter = new SessionMinter(SESSION_SECRET, JSON.parse(raw) as Record<string, unknown>);

      const db = await openDb(database.url);
      closers.push(() => db.close());
      const capacityPerRepeat = plan.capacity.maxPerStep;
      const clusterCount =
        employeesNeeded(plan, capacityPerRepeat) + (plan.bigRush?.count ?? 0) + 200;
      const floorCount = employeesNeeded(plan, capacityPerRepeat) + 200;
      const seedStarted = Date.now();
      const clusterIds = await insertEmployees(db, `c${prefix.slice(-9, -1)}`, clusterCount);
      const floorIds = await insertEmployees(db, `f${prefix.slice(-9, -1)}`, floorCount);
      const clusterRoster = new Roster(await minter.intoRedis(redis, prefix, clusterIds));
      const floorRoster = new Roster(await minter.intoRedis(redis, prefix, floorIds));
      const adminCookies = (
        await minter.intoRedis(redis, prefix, Array(32).fill(adminId) as number[])
      ).map((e) => e.cookie);
      log(
        `seeded ${clusterCount + floorCount} employees and their sessions (inserted directly, sessions written to Redis) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
      );
      results.notes.push(
        'Employees are inserted directly (one precomputed argon2id hash); their sessions are written straight into Redis in the format of packages/api/src/session/stores.ts, copied from a real auth.login by the admin.',
      );

      // The floors: four bare Fastify processes behind a second nginx from the same nginx.conf.
      const floorBase = await freePortBlock(6);
      const floorPorts = [1, 2, 3, 4].map((offset) => floorBase + offset);
      const floorPids: number[] = [];
      for (const [index, port] of floorPorts.entries()) {
        const settings = {
          port,
          nodeId: `floor-${index + 1}`,
          databaseUrl: database.url,
          redisUrl: testEnvironment().redisUrl,
          redisPrefix: prefix,
          sessionSecret: SESSION_SECRET,
          poolSize: 10,
        };
        const floor = startChild(
          `floor-${index + 1}`,
          [join(DIST, 'floor-server.js'), JSON.stringify(settings)],
          { PATH: path, NODE_ENV: 'production' },
          logs.sink,
        );
        children.push(floor);
        if (floor.process.pid !== undefined) floorPids.push(floor.process.pid);
      }
      await Promise.all(
        floorPorts.map((port) =>
          waitFor(`floor ${port}`, answers(`http://127.0.0.1:${port}/healthz`), 30_000),
        ),
      );
      const nginxArgs = prepareFloorNginx(join(runDir, 'floor-nginx'), {
        nginxPort: floorBase,
        upstreamPorts: floorPorts,
        realtimePort: running.settings.realtimePort,
      });
      const nginx = spawn('nginx', nginxArgs, {
        env: { PATH: path },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      nginx.stderr.on('data', (chunk: Buffer) => logs.sink('floor-nginx', chunk.toString().trim()));
      closers.push(
        () =>
          new Promise<void>((resolve) => {
            if (nginx.exitCode !== null) return resolve();
            nginx.once('exit', () => resolve());
            nginx.kill('SIGTERM');
          }),
      );
      await waitFor('floor nginx', answers(`http://127.0.0.1:${floorBase}/nginx-health`), 15_000);
      const clusterTarget: Target = { host: '127.0.0.1', port: base };
      // Where the CPU goes in a capacity step (MariaDB and Redis are the machine's, shared).
      const shared = () => ({ mariadb: pidsNamed('mariadbd'), redis: pidsNamed('redis-server') });
      const supervised = (prefix: string) =>
        running.supervisor
          .names()
          .filter((name) => name.startsWith(prefix))
          .map((name) => running.supervisor.pid(name))
          .filter((pid): pid is number => pid !== undefined);
      const withWorkers = (pid: number | undefined) =>
        pid === undefined ? [] : [pid, ...childrenOf(pid)];
      const clusterCpuGroups = () => ({
        api: supervised('api-'),
        subscribers: supervised('subscriber-'),
        realtime: supervised('realtime'),
        worker: supervised('worker'),
        nginx: withWorkers(running.supervisor.pid('nginx')),
        ...shared(),
      });
      const floorCpuGroups = () => ({
        floor: floorPids,
        nginx: withWorkers(nginx.pid),
        ...shared(),
      });
      const floorTarget: Target = { host: '127.0.0.1', port: floorBase };

      const watcher = new LiveWatcher(running.wsUrl, admin.cookieHeader());
      closers.push(() => watcher.close());
      await new Promise((resolve) => setTimeout(resolve, 500));
      const probeCookie = clusterRoster.take(1)[0]!.cookie;
      const floorProbeCookie = floorRoster.take(1)[0]!.cookie;
      const settleCluster = () =>
        settle(pool, clusterTarget, '/trpc/attendance.today', probeCookie, plan.settleMs);
      const settleFloor = () =>
        settle(pool, floorTarget, '/trpc/floor.session', floorProbeCookie, plan.settleMs);
      /** One closed-loop capacity run on the cluster, then on the floor, each with its CPU. */
      const capacityOfBoth = async (limits: {
        concurrency: number;
        seconds: number;
        perSide: number;
      }) => {
        await settleCluster();
        const clusterCpu = meterCpu(clusterCpuGroups());
        const c = await rushCapacity(
          {
            pool,
            target: clusterTarget,
            employees: clusterRoster.take(limits.perSide),
            live: { watcher, waitMs: 5_000 },
          },
          limits.concurrency,
          limits.seconds,
        );
        c.cpuMsPerRequest = perRequest(clusterCpu(), c.ok);
        await settleFloor();
        const floorCpu = meterCpu(floorCpuGroups());
        const f = await rushCapacity(
          { pool, target: floorTarget, employees: floorRoster.take(limits.perSide) },
          limits.concurrency,
          limits.seconds,
        );
        f.cpuMsPerRequest = perRequest(floorCpu(), f.ok);
        return { c, f };
      };

      if (wants('rush') || wants('reads')) {
        const w = plan.warmup;
        for (let window = 0; window < w.windows; window += 1) {
          const { c, f } = await capacityOfBoth({ ...w, perSide: w.maxPerWindow });
          results.warmup.cluster.push(c);
          results.warmup.floor.push(f);
          log(
            `warm-up ${window + 1}/${w.windows} (closed loop, ${w.concurrency} clients): cluster ${describeStep(c)}; floor ${describeStep(f)}`,
          );
        }
      } else {
        await rushStep({ pool, target: clusterTarget, employees: clusterRoster.take(40) }, 40, 1);
      }
      let clusterSustained = 0;
      if (wants('rush')) {
        for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
          const clusterSteps: RushStep[] = [];
          const floorSteps: RushStep[] = [];
          let clusterDone = false;
          let floorDone = false;
          for (const rate of plan.rushRates) {
            const count = rate * plan.stepSeconds;
            let c = skippedStep(rate);
            if (!clusterDone) {
              await settleCluster();
              c = await rushStep(
                {
                  pool,
                  target: clusterTarget,
                  employees: clusterRoster.take(count),
                  live: { watcher, waitMs: 5_000 },
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
              await settleFloor();
              f = await rushStep(
                { pool, target: floorTarget, employees: floorRoster.take(count) },
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
          const { c, f } = await capacityOfBoth({ ...cap, perSide: cap.maxPerStep });
          clusterSteps.push(c);
          floorSteps.push(f);
          log(
            `capacity ${repeat + 1}/${plan.repeats} (closed loop, ${cap.concurrency} clients): cluster ${describeStep(c)}; floor ${describeStep(f)}`,
          );
          results.rush.cluster.push(clusterSteps);
          results.rush.floor.push(floorSteps);
        }
        await settleCluster();
      }

      if (wants('reads')) {
        const employeeCookies = clusterIds.slice(0, 1).length
          ? (await minter.intoRedis(redis, prefix, clusterIds.slice(0, 2_000))).map((e) => e.cookie)
          : [];
        const floorCookies = (await minter.intoRedis(redis, prefix, floorIds.slice(0, 2_000))).map(
          (e) => e.cookie,
        );
        const r = plan.reads;
        const read = ([target, path, cookies]: readonly [Target, string, string[]]) =>
          readLoad({ pool, target, path, cookies, concurrency: r.concurrency, seconds: r.seconds });
        const paths = {
          // One signed-in employee per client, as the floor's: its user is in the node's cache, so
          // this is the floor's work (session lookup, answer) through tRPC and the session plugin.
          me: [clusterTarget, '/trpc/auth.me', employeeCookies.slice(0, r.concurrency)],
          today: [clusterTarget, '/trpc/attendance.today', employeeCookies],
          dashboard: [clusterTarget, '/trpc/admin.dashboard', adminCookies],
          floor: [floorTarget, '/trpc/floor.session', floorCookies],
        } as const;
        // Not counted: the read paths' own warm-up (the clock-in warm-up does not run them).
        for (const name of ['me', 'today', 'dashboard'] as const) await read(paths[name]);
        for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
          await settleCluster();
          const me = await read(paths.me);
          const today = await read(paths.today);
          const dashboard = await read(paths.dashboard);
          const floor = await read(paths.floor);
          results.reads.me.push(me);
          results.reads.today.push(today);
          results.reads.dashboard.push(dashboard);
          results.reads.floor.push(floor);
          log(
            `reads ${repeat + 1}/${plan.repeats}: auth.me ${me.perSecond.toFixed(0)}/s p99 ${me.latency.p99.toFixed(0)} ms (${me.errors} err); today ${today.perSecond.toFixed(0)}/s p99 ${today.latency.p99.toFixed(0)} ms (${today.errors} err); dashboard ${dashboard.perSecond.toFixed(0)}/s p99 ${dashboard.latency.p99.toFixed(0)} ms (${dashboard.errors} err); floor ${floor.perSecond.toFixed(0)}/s p99 ${floor.latency.p99.toFixed(0)} ms`,
          );
        }
      }

      const bigRate = plan.bigRush ? plan.bigRush.count / plan.bigRush.seconds : 0;
      if (wants('rush') && plan.bigRush && clusterSustained < 0.8 * bigRate) {
        const note = `The 50,000-in-60-s rush (${bigRate.toFixed(0)}/s) was not attempted: the rising rush sustained at most ${clusterSustained.toFixed(0)} clock-ins/s before saturating, so it could only have measured an overload.`;
        results.notes.push(note);
        log(note);
      } else if (wants('rush') && plan.bigRush) {
        await settleCluster();
        const big = plan.bigRush;
        const employees = clusterRoster.take(big.count);
        log(`big rush: ${employees.length} clock-ins at ${(big.count / big.seconds).toFixed(0)}/s`);
        results.bigRush = await rushStep(
          {
            pool,
            target: clusterTarget,
            employees,
            live: { watcher, waitMs: 10_000 },
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

      if (options.profile) {
        results.profile = await profileApiNode({
          runDir,
          database,
          prefix,
          pool,
          roster: clusterRoster,
          seconds: plan.profileSeconds ?? 10,
          rate: plan.profileRate ?? 20,
          log,
          sink: logs.sink,
        });
      }

      if (wants('fanout')) {
        const realtimePid = running.supervisor.pid('realtime');
        if (!realtimePid) throw new Error('realtime is not running');
        const f = plan.fanout;
        const common = {
          levels: f.levels,
          rounds: f.rounds,
          eventsPerRound: f.eventsPerRound,
          addresses,
          waitMs: f.waitMs,
          log,
        };
        results.fanout.trpc = await runFanout(
          trpcSystem(
            realtimePid,
            `ws://127.0.0.1:${running.settings.realtimePort}/ws`,
            adminCookies[0]!,
            running.ingestUrl,
            REALTIME_SECRET,
          ),
          common,
        );
        const fanBase = await freePortBlock(4);
        const wsFloor = startChild(
          'ws-floor',
          [
            join(DIST, 'fanout-servers.js'),
            'ws',
            JSON.stringify({ port: fanBase, publishPort: fanBase + 1 }),
          ],
          { PATH: path },
          logs.sink,
        );
        children.push(wsFloor);
        await waitFor('ws floor', answers(`http://127.0.0.1:${fanBase + 1}/healthz`), 15_000);
        results.fanout.ws = await runFanout(
          wsFloorSystem(wsFloor.process.pid!, fanBase, fanBase + 1),
          common,
        );
        await wsFloor.stop();
        const sio = startChild(
          'socketio',
          [
            join(DIST, 'fanout-servers.js'),
            'socketio',
            JSON.stringify({
              port: fanBase + 2,
              publishPort: fanBase + 3,
              redisUrl: testEnvironment().redisUrl,
              redisPrefix: prefix,
            }),
          ],
          { PATH: path },
          logs.sink,
        );
        children.push(sio);
        await waitFor('socket.io', answers(`http://127.0.0.1:${fanBase + 3}/healthz`), 15_000);
        results.fanout.socketio = await runFanout(
          socketIoSystem(sio.process.pid!, fanBase + 2, fanBase + 3),
          common,
        );
        await sio.stop();
      }
    }
  } finally {
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    closers.length = 0;
    for (const child of children) await child.stop();
    children.length = 0;
    await cluster?.stop();
    await database?.drop().catch(() => undefined);
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
  logs.close();
  results.machine.loadAvgAtEnd = loadavg();
  results.durationSeconds = (Date.now() - started) / 1000;
  if (!options.runDir) rmSync(runDir, { recursive: true, force: true });
  return results;
}

/** Scenario 4: the rush against one embedded node (npm start's process: SQLite, in-process feed). */
async function runEmbedded(
  plan: Plan,
  runDir: string,
  pool: ClientPool,
  log: (line: string) => void,
  sink: (name: string, line: string) => void,
): Promise<RushStep[][]> {
  const folder = join(runDir, 'embedded');
  mkdirSync(folder, { recursive: true });
  const databaseUrl = `sqlite:${join(folder, 'bench.sqlite')}`;
  const port = await freePortBlock(1);
  const node = startChild(
    'embedded',
    [ENTRIES.api],
    {
      PATH: testEnvironment().path,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: folder,
      SESSION_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      APP_NODE_ID: 'embedded',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(folder, 'no-web'),
    },
    sink,
  );
  const steps: RushStep[][] = [];
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitFor('embedded node', answers(`${url}/readyz`), 60_000);
    const admin = createTestClient(url);
    await admin.trpc.auth.login.mutate(ADMIN);
    const db = await openDb(databaseUrl);
    let roster: Roster;
    try {
      const row = await db.models.SessionRow.findByPk(
        sessionIdOf(admin.setCookies, SESSION_SECRET),
      );
      if (!row) throw new Error('the admin session is not in the sessions table');
      const minter = new SessionMinter(
        SESSION_SECRET,
        JSON.parse(row.data) as Record<string, unknown>,
      );
      const e = plan.embedded;
      const count =
        plan.repeats *
          (e.rates.reduce((sum, rate) => sum + rate * e.stepSeconds, 0) + e.capacity.maxPerStep) +
        50;
      const ids = await insertEmployees(db, 'embedded', count);
      roster = new Roster(await minter.intoDatabase(db, ids));
      log(`embedded: node on ${url}, ${count} employees and sessions written to SQLite`);
    } finally {
      await db.close();
    }
    const watcher = new LiveWatcher(`ws://127.0.0.1:${port}/ws`, admin.cookieHeader());
    try {
      const target = { host: '127.0.0.1', port };
      const options = (employees: Employee[]): RushOptions => ({
        pool,
        target,
        employees,
        live: { watcher, waitMs: 5_000 },
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await rushStep(options(roster.take(20)), 20, 1);
      for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
        const row: RushStep[] = [];
        const probe = roster.take(1)[0]!.cookie;
        const calm = () => settle(pool, target, '/trpc/attendance.today', probe, plan.settleMs);
        let done = false;
        for (const rate of plan.embedded.rates) {
          let step = skippedStep(rate);
          if (!done) {
            await calm();
            step = await rushStep(
              options(roster.take(rate * plan.embedded.stepSeconds)),
              rate,
              plan.embedded.stepSeconds,
            );
            done = saturated(step);
          }
          row.push(step);
          log(`embedded ${repeat + 1}/${plan.repeats} @${rate}/s: ${describeStep(step)}`);
        }
        const cap = plan.embedded.capacity;
        await calm();
        const step = await rushCapacity(
          options(roster.take(cap.maxPerStep)),
          cap.concurrency,
          cap.seconds,
        );
        row.push(step);
        log(`embedded capacity ${repeat + 1}/${plan.repeats}: ${describeStep(step)}`);
        steps.push(row);
      }
    } finally {
      watcher.close();
    }
  } finally {
    await node.stop();
  }
  return steps;
}

/** Deliverable 6: one more API node under `node --cpu-prof`, taking clock-ins directly, then its top self-time functions. */
async function profileApiNode(options: {
  runDir: string;
  database: TempDatabase;
  prefix: string;
  pool: ClientPool;
  roster: Roster;
  seconds: number;
  rate: number;
  log: (line: string) => void;
  sink: (name: string, line: string) => void;
}): Promise<{ file: string; summary: ProfileSummary }> {
  const profileDir = join(options.runDir, 'profile');
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
      DATABASE_URL: options.database.url,
      REDIS_URL: testEnvironment().redisUrl,
      REDIS_PREFIX: options.prefix,
      SESSION_SECRET,
      REALTIME_SECRET,
      COMPANY_TZ: 'Asia/Jakarta',
      LOG_LEVEL: 'warn',
      APP_NODE_ID: 'api-profiled',
      TRUST_PROXY: '1',
    },
    options.sink,
  );
  try {
    await waitFor('profiled API node', answers(`http://127.0.0.1:${port}/readyz`), 60_000);
    const target = { host: '127.0.0.1', port };
    loadFrom = Date.now() - spawnedAt;
    const step = await rushStep(
      {
        pool: options.pool,
        target,
        employees: options.roster.take(options.rate * options.seconds),
      },
      options.rate,
      options.seconds,
    );
    options.log(
      `profile: ${step.ok} clock-ins straight to one node at ${options.rate}/s offered: ${step.achieved.toFixed(0)}/s, p99 ${step.latency.p99.toFixed(0)} ms`,
    );
  } finally {
    await node.stop();
  }
  const { readdirSync } = await import('node:fs');
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the profiled node wrote no .cpuprofile');
  const summary = summariseProfile(join(profileDir, file), 30, loadFrom);
  options.log(formatProfile(summary));
  return { file: join(profileDir, file), summary };
}
