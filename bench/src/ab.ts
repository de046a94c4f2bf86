/**
 * Two builds of the API side by side (`npm run bench:ab -- --base=<checkout>`). On this shared VM
 * the same build measures up to 30 % apart a few minutes apart, so a change is judged against the
 * build before it in the same run: one API node of each, on one temp MariaDB database and one Redis
 * key prefix, with closed-loop windows taken in turns (current, base, base, current, …) so a drift
 * of the machine falls on both. Each window reads the node's CPU and MariaDB's from /proc.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  freePortBlock,
  loopbackClusterSettings,
  migrationProcess,
  serviceProcesses,
} from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { createTempDatabase } from '@absensi/db/testing';
import { testPrefix } from '@absensi/events/testing';
import { meterCpu, pidsNamed } from './cpu.js';
import { ClientPool, closedLoop, send, sourceAddresses, type Call } from './load.js';
import {
  answers,
  deletePrefix,
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
import { roundsOfWindows, type Rounds } from './rounds.js';
import { latencyOf, spreadOf, type Spread } from './stats.js';

export const AB_PATHS = [
  'attendance.clockIn',
  'auth.me',
  'attendance.today',
  'admin.dashboard',
] as const;
export type AbPath = (typeof AB_PATHS)[number];
export type AbSide = 'current' | 'base';

export interface AbOptions {
  /** A checkout of the build to compare against, with `apps/api/dist` built. */
  baseDir: string;
  path: AbPath;
  /** Windows per side; the first `warmupWindows` of each side are left out of the summary. */
  windows: number;
  warmupWindows: number;
  windowSeconds: number;
  clients: number;
  /**
   * Distinct employees for clock-ins (each clocks in once); enough for every window. For
   * `admin.dashboard`, the company's size: `DASHBOARD_PRESENT` of them clock in first, so the
   * snapshot carries full lists.
   */
  employees: number;
  /** When given, the current node runs under `node --cpu-prof` and writes its profile here. */
  profileDir?: string | undefined;
  log: (line: string) => void;
}

export interface AbWindow {
  side: AbSide;
  ok: number;
  errors: number;
  perSecond: number;
  /** CPU of the API node, and of MariaDB, per answered request. */
  apiCpuMs: number;
  mariadbCpuMs: number;
  /** The 99th percentile of the answered requests' latency, ms. */
  p99Ms: number;
  /** The machine's 1-minute load average at the end of the window. */
  load1: number;
}

export interface AbSummary {
  perSecond: Spread;
  apiCpuMs: Spread;
  mariadbCpuMs: Spread;
  p99Ms: Spread;
}

export interface AbResult {
  path: AbPath;
  baseDir: string;
  windows: AbWindow[];
  current: AbSummary;
  base: AbSummary;
  /** current ÷ base, of the medians. */
  ratio: { perSecond: number; apiCpuMs: number; mariadbCpuMs: number; p99Ms: number };
  /** The verdict: the two sides compared round by round (see rounds.ts). */
  rounds: Rounds;
  /** The 1-minute load average over the windows (other work on the machine included). */
  load1: Spread;
  /** The current node's .cpuprofile, when `profileDir` was given. */
  profile?: string | undefined;
}

/** node's flags for a CPU profile written into `dir`, or none. */
function profileArgs(dir: string | undefined): string[] {
  if (!dir) return [];
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** The most recent .cpuprofile in `dir`. */
function newestProfile(dir: string): string | undefined {
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return newest;
}

/** How many employees clock in before `admin.dashboard` is read (its lists stop at 200 names). */
const DASHBOARD_PRESENT = 300;

const ADMIN = { email: 'ab-admin@example.com', password: 'ab-admin-password-1' };

/** current, base, base, current, current, base, …: each side goes first as often as the other. */
export function windowOrder(windowsPerSide: number): AbSide[] {
  return Array.from({ length: windowsPerSide }, (_, round): AbSide[] =>
    round % 2 === 0 ? ['current', 'base'] : ['base', 'current'],
  ).flat();
}

export function summarise(windows: readonly AbWindow[], side: AbSide, skip: number): AbSummary {
  const mine = windows.filter((window) => window.side === side).slice(skip);
  return {
    perSecond: spreadOf(mine.map((window) => window.perSecond)),
    apiCpuMs: spreadOf(mine.map((window) => window.apiCpuMs)),
    mariadbCpuMs: spreadOf(mine.map((window) => window.mariadbCpuMs)),
    p99Ms: spreadOf(mine.map((window) => window.p99Ms)),
  };
}

export async function runAb(options: AbOptions): Promise<AbResult> {
  const baseEntry = join(options.baseDir, 'apps/api/dist/main.js');
  if (!existsSync(baseEntry))
    throw new Error(
      `${baseEntry} does not exist: build the base checkout first (npx turbo run build --filter=@absensi/api-node...)`,
    );
  const database = await createTempDatabase('mysql');
  const prefix = testPrefix();
  const children: Child[] = [];
  const pool = new ClientPool(sourceAddresses(4), 64);
  const redis = redisClient();
  const portBase = await freePortBlock(24);
  const settings = loopbackClusterSettings(portBase, {
    databaseUrl: database.url,
    redisUrl: testEnvironment().redisUrl,
    redisPrefix: prefix,
    sessionSecret: 'a'.repeat(40),
    realtimeSecret: 'r'.repeat(40),
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const path = testEnvironment().path;
  const db = await openDb(database.url);
  try {
    const migration = migrationProcess(settings, path);
    const migrated = spawnSync(process.execPath, [migration.entry], {
      env: migration.env,
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr}`);

    // The topology's first two API nodes, the second one run from the base checkout.
    const [current, base] = serviceProcesses(settings, path).filter((spec) =>
      spec.name.startsWith('api-'),
    );
    const ports = { current: Number(current!.env.PORT), base: Number(base!.env.PORT) };
    const log = (name: string, line: string) => {
      if (!line.includes('"level":30')) options.log(`${name}: ${line.slice(0, 300)}`);
    };
    // A closed loop of many clients on one node is an overload by design; admission control is
    // kept running (its cost is measured) with budgets it never reaches, so both sides do all the work.
    const unrefused = {
      ADMISSION_WRITE_WAIT_MS: '60000',
      ADMISSION_READ_WAIT_MS: '60000',
      ADMISSION_MAX_WRITES_IN_FLIGHT: '100000',
      ADMISSION_MAX_READS_IN_FLIGHT: '100000',
    };
    const nodes = {
      current: startChild(
        'current',
        [...profileArgs(options.profileDir), current!.entry],
        { ...current!.env, ...unrefused },
        log,
      ),
      base: startChild('base', [baseEntry], { ...base!.env, ...unrefused }, log),
    };
    children.push(nodes.current, nodes.base);
    for (const side of ['current', 'base'] as const)
      await waitFor(side, answers(`http://127.0.0.1:${ports[side]}/readyz`), 30_000);

    const login = await fetch(`http://127.0.0.1:${ports.current}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const raw = await redis.get(
      `${prefix}sess:${sessionIdOf(login.headers.getSetCookie(), settings.sessionSecret)}`,
    );
    if (!raw) throw new Error('the admin session is not in Redis where the store keeps it');
    const minter = new SessionMinter(
      settings.sessionSecret,
      JSON.parse(raw) as Record<string, unknown>,
    );
    const writes = options.path === 'attendance.clockIn';
    const dashboard = options.path === 'admin.dashboard';
    const ids = await insertEmployees(
      db,
      'ab',
      writes || dashboard ? options.employees : options.clients,
    );
    const roster: Employee[] = await minter.intoRedis(redis, prefix, ids);
    if (dashboard) {
      // Today's picture with full lists: the first DASHBOARD_PRESENT employees clock in.
      const target = { host: '127.0.0.1', port: ports.current };
      const taps = await closedLoop({
        concurrency: 8,
        durationMs: 60_000,
        maxCount: Math.min(DASHBOARD_PRESENT, roster.length),
        run: (index) =>
          send(
            pool.agentFor(index),
            target,
            {
              method: 'POST',
              path: '/trpc/attendance.clockIn',
              headers: { cookie: roster[index]!.cookie },
              body: JSON.stringify({ idempotencyKey: randomUUID() }),
            },
            10_000,
          ),
      });
      options.log(
        `${taps.samples.filter((sample) => sample.ok).length} of ${taps.samples.length} employees clocked in for the dashboard`,
      );
    }
    const adminCookie = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!)
      .join('; ');
    let nextEmployee = 0;
    const callFor = (slot: number): Call => {
      if (dashboard)
        return { method: 'GET', path: `/trpc/${options.path}`, headers: { cookie: adminCookie } };
      if (!writes)
        return {
          method: 'GET',
          path: `/trpc/${options.path}`,
          headers: { cookie: roster[slot % roster.length]!.cookie },
        };
      const employee = roster[nextEmployee++]!;
      return {
        method: 'POST',
        path: `/trpc/${options.path}`,
        headers: { cookie: employee.cookie },
        body: JSON.stringify({ idempotencyKey: randomUUID() }),
      };
    };

    const mariadb = pidsNamed('mariadbd');
    const windows: AbWindow[] = [];
    for (const side of windowOrder(options.windows)) {
      const pid = nodes[side].process.pid!;
      const target = { host: '127.0.0.1', port: ports[side] };
      const left = writes ? roster.length - nextEmployee : Number.MAX_SAFE_INTEGER;
      const used = meterCpu({ api: [pid], mariadb });
      const result = await closedLoop({
        concurrency: options.clients,
        durationMs: options.windowSeconds * 1000,
        maxCount: left,
        run: (index) => send(pool.agentFor(index), target, callFor(index), 10_000),
      });
      const ok = result.samples.filter((sample) => sample.ok).length;
      const cpu = used();
      const window: AbWindow = {
        side,
        ok,
        errors: result.samples.length - ok,
        perSecond: ok / (result.elapsedMs / 1000),
        apiCpuMs: cpu.api! / ok,
        mariadbCpuMs: cpu.mariadb! / ok,
        p99Ms: latencyOf(
          result.samples.filter((sample) => sample.ok).map((sample) => sample.latencyMs),
        ).p99,
        load1: loadavg()[0]!,
      };
      windows.push(window);
      options.log(
        `${side.padEnd(7)} ${window.perSecond.toFixed(0)}/s, API ${window.apiCpuMs.toFixed(3)} ms, MariaDB ${window.mariadbCpuMs.toFixed(3)} ms per request, p99 ${window.p99Ms.toFixed(0)} ms, errors ${window.errors}, load ${window.load1.toFixed(1)}`,
      );
      if (writes && nextEmployee >= roster.length) {
        options.log(`stopped early: all ${roster.length} employees have clocked in (--employees)`);
        break;
      }
    }
    const summaries = {
      current: summarise(windows, 'current', options.warmupWindows),
      base: summarise(windows, 'base', options.warmupWindows),
    };
    const of = (key: keyof AbSummary) => summaries.current[key].median / summaries.base[key].median;
    // The profile is written when the node exits.
    await nodes.current.stop();
    return {
      path: options.path,
      baseDir: options.baseDir,
      windows,
      ...summaries,
      ratio: {
        perSecond: of('perSecond'),
        apiCpuMs: of('apiCpuMs'),
        mariadbCpuMs: of('mariadbCpuMs'),
        p99Ms: of('p99Ms'),
      },
      rounds: roundsOfWindows(windows, options.warmupWindows),
      load1: spreadOf(windows.map((window) => window.load1)),
      profile: options.profileDir ? newestProfile(options.profileDir) : undefined,
    };
  } finally {
    pool.destroy();
    for (const child of children) await child.stop();
    redis.disconnect();
    await db.close();
    await deletePrefix(prefix);
    await database.drop();
  }
}
