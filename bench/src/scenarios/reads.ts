/**
 * Scenario 2, reads under load (closed loop): `auth.me`, `attendance.today` and `admin.dashboard`
 * through the cluster, and the floor's session lookup, per repeat.
 */
import type { Target } from '../load.js';
import { readLoad } from '../reads.js';
import type { BenchResults } from '../results.js';
import type { Stage } from '../stage.js';

export async function runReads(stage: Stage, results: BenchResults) {
  const { plan, log, pool, minter, redis, prefix } = stage;
  const employeeCookies = (
    await minter.intoRedis(redis, prefix, stage.clusterIds.slice(0, 2_000))
  ).map((e) => e.cookie);
  const floorCookies = (await minter.intoRedis(redis, prefix, stage.floorIds.slice(0, 2_000))).map(
    (e) => e.cookie,
  );
  const r = plan.reads;
  const read = ([target, path, cookies]: readonly [Target, string, string[]]) =>
    readLoad({ pool, target, path, cookies, concurrency: r.concurrency, seconds: r.seconds });
  const paths = {
    // One signed-in employee per client, as the floor's: its user is in the node's cache, so
    // this is the floor's work (session lookup, answer) through tRPC and the session plugin.
    me: [stage.clusterTarget, '/trpc/auth.me', employeeCookies.slice(0, r.concurrency)],
    today: [stage.clusterTarget, '/trpc/attendance.today', employeeCookies],
    dashboard: [stage.clusterTarget, '/trpc/admin.dashboard', stage.adminCookies],
    floor: [stage.floor.target, '/trpc/floor.session', floorCookies],
  } as const;
  // Not counted: the read paths' own warm-up (the clock-in warm-up does not run them).
  for (const name of ['me', 'today', 'dashboard'] as const) await read(paths[name]);
  for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
    await stage.settleCluster();
    const me = await read(paths.me);
    const today = await read(paths.today);
    const dashboard = await read(paths.dashboard);
    const floor = await read(paths.floor);
    results.reads.me.push(me);
    results.reads.today.push(today);
    results.reads.dashboard.push(dashboard);
    results.reads.floor.push(floor);
    log(
      `reads ${repeat + 1}/${plan.repeats}: auth.me ${me.perSecond.toFixed(0)}/s p99 ${me.latency.p99.toFixed(0)} ms (${me.errors} err, ${me.refused} refused); today ${today.perSecond.toFixed(0)}/s p99 ${today.latency.p99.toFixed(0)} ms (${today.errors} err, ${today.refused} refused); dashboard ${dashboard.perSecond.toFixed(0)}/s p99 ${dashboard.latency.p99.toFixed(0)} ms (${dashboard.errors} err, ${dashboard.refused} refused); floor ${floor.perSecond.toFixed(0)}/s p99 ${floor.latency.p99.toFixed(0)} ms`,
    );
  }
}
